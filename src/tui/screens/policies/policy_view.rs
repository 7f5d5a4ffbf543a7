//! Everything about one policy: cover and premium, the payment schedule and payments,
//! claims, documents, referrals, the renewal chain; its history (`h`); cancelling it
//! (`c`) with the refund shown before the person confirms.

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use uuid::Uuid;

use super::issue::typed_date;
use super::work::PoliciesCmd;
use crate::db::cancellation::{CancelError, CancelOutcome, CancellationQuote};
use crate::db::policy_detail::PolicyDetail;
use crate::domain::cancellation::{CancellationCode, party_label_key};
use crate::domain::premium::refund::CancelledBy;
use crate::i18n::{Message, date, date_time, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{SaveStatus, status_line};
use crate::tui::screens::customers::labels;
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::{modal, spinner};
use crate::{key, msg, tr};

/// The fields of the cancellation dialog, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelFocus {
    Code,
    Party,
    Date,
    Reason,
}

#[derive(Debug, Clone)]
pub struct CancelDialog {
    pub policy_id: Uuid,
    pub version: i32,
    pub codes: Vec<CancellationCode>,
    pub code: usize,
    pub party: CancelledBy,
    pub date: Input,
    pub reason: Input,
    pub focus: CancelFocus,
    pub preview: Remote<CancellationQuote>,
    pub preview_request: RequestCounter,
    /// Asking "cancel it?" once more, with the refund in the question.
    pub confirming: bool,
    pub status: SaveStatus,
}

impl CancelDialog {
    fn code(&self) -> CancellationCode {
        self.codes[self.code.min(self.codes.len() - 1)]
    }

    fn date(&self) -> Option<NaiveDate> {
        crate::domain::thai_date::parse(self.date.value()).ok()
    }

    /// Asks for the refund again after a change of party or date.
    fn preview(&mut self) -> Option<PoliciesCmd> {
        let cancel_on = self.date()?;
        self.preview = Remote::Loading;
        Some(PoliciesCmd::PreviewCancel {
            request: self.preview_request.issue(),
            policy_id: self.policy_id,
            cancel_on,
            by: self.party,
        })
    }
}

#[derive(Debug, Clone, Default)]
pub struct PolicyPane {
    pub id: Option<Uuid>,
    pub detail: Remote<PolicyDetail>,
    pub request: RequestCounter,
    pub scroll: u16,
    pub cancel: Option<CancelDialog>,
    pub write: RequestCounter,
}

impl PolicyPane {
    pub fn open(&mut self, id: Uuid) -> PoliciesCmd {
        if self.id != Some(id) {
            self.detail = Remote::Loading;
            self.scroll = 0;
        }
        self.id = Some(id);
        self.cancel = None;
        PoliciesCmd::LoadPolicy {
            request: self.request.issue(),
            id,
        }
    }

    pub fn reload(&mut self) -> Option<PoliciesCmd> {
        self.id.map(|id| self.open(id))
    }

    pub fn on_loaded(&mut self, request: u64, result: Result<Option<PolicyDetail>, Message>) {
        if !self.request.is_latest(request) {
            return;
        }
        self.detail = match result {
            Ok(Some(detail)) => Remote::Loaded(detail),
            Ok(None) => Remote::Failed(msg!("customers-record-gone")),
            Err(message) => Remote::Failed(message),
        };
    }

    pub fn is_typing(&self) -> bool {
        self.cancel.as_ref().is_some_and(|c| {
            !c.confirming && matches!(c.focus, CancelFocus::Date | CancelFocus::Reason)
        })
    }

    pub fn takes_back(&self) -> bool {
        self.cancel.is_some()
    }

    pub fn back(&mut self) -> bool {
        if let Some(dialog) = &mut self.cancel {
            if dialog.confirming {
                dialog.confirming = false;
            } else {
                self.cancel = None;
            }
            return true;
        }
        false
    }

    pub fn key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
        today: NaiveDate,
    ) -> Result<Option<PoliciesCmd>, Message> {
        if self.cancel.is_some() {
            return Ok(self.cancel_key(key));
        }
        match action {
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::Down) => self.scroll = self.scroll.saturating_add(1),
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            Some(Action::PageDown) => self.scroll = self.scroll.saturating_add(10),
            Some(Action::First) => self.scroll = 0,
            Some(Action::Refresh) => return Ok(self.reload()),
            Some(Action::CancelPolicy) => return self.open_cancel(today),
            Some(Action::PrintDocument) => return self.print().map(Some),
            _ => {}
        }
        Ok(None)
    }

    /// The policy whose history `h` shows, once loaded; the refusal without the right.
    pub fn selected_record(&self) -> Result<RecordRef, Message> {
        let detail = self.detail.loaded().ok_or(msg!("policy-view-not-loaded"))?;
        if !detail.rights.read_history {
            return Err(msg!("policy-view-no-history-right"));
        }
        if self.cancel.is_some() {
            return Err(msg!("policy-view-not-loaded"));
        }
        Ok(RecordRef::new(
            "policies",
            detail.policy.id,
            detail.policy.policy_number.clone(),
        ))
    }

    /// `p`: the schedule (and the CMI certificate), printed in a task.
    fn print(&mut self) -> Result<PoliciesCmd, Message> {
        let detail = self.detail.loaded().ok_or(msg!("policy-view-not-loaded"))?;
        Ok(PoliciesCmd::PrintPolicy {
            request: self.write.issue(),
            policy_number: detail.policy.policy_number.clone(),
        })
    }

    /// The sentence of a print: where the files are, or why not.
    pub fn on_printed(
        &mut self,
        request: u64,
        result: Result<crate::db::documents::PrintedPolicy, crate::db::documents::PrintError>,
        lang: crate::i18n::Lang,
    ) -> Option<(Message, bool)> {
        if !self.write.is_latest(request) {
            return None;
        }
        Some(match result {
            Ok(printed) => (printed.message(lang), true),
            Err(error) => (error.message(), false),
        })
    }

    fn open_cancel(&mut self, today: NaiveDate) -> Result<Option<PoliciesCmd>, Message> {
        let detail = self.detail.loaded().ok_or(msg!("policy-view-not-loaded"))?;
        let policy = &detail.policy;
        if !detail.rights.cancel {
            return Err(msg!("policy-view-no-cancel-right"));
        }
        if !policy.cancellable() {
            return Err(msg!(
                "policy-view-not-cancellable",
                status = policy.status.as_str()
            ));
        }
        let policy_type = policy
            .policy_type()
            .unwrap_or(crate::domain::premium::PolicyType::Class1);
        let codes = CancellationCode::allowed(policy_type);
        let party = codes
            .first()
            .map_or(CancelledBy::Insured, |c| c.default_party());
        let mut dialog = CancelDialog {
            policy_id: policy.id,
            version: policy.version,
            codes,
            code: 0,
            party,
            date: Input::new(typed_date(today)),
            reason: Input::default(),
            focus: CancelFocus::Code,
            preview: Remote::Idle,
            preview_request: RequestCounter::default(),
            confirming: false,
            status: SaveStatus::Editing,
        };
        let cmd = dialog.preview();
        self.cancel = Some(dialog);
        Ok(cmd)
    }

    /// Typing in the dialog's date and reason.
    pub fn edit(&mut self, event: &Event) -> Option<PoliciesCmd> {
        let dialog = self.cancel.as_mut()?;
        if dialog.status == SaveStatus::Saving {
            return None;
        }
        let input = match dialog.focus {
            CancelFocus::Date => &mut dialog.date,
            CancelFocus::Reason => &mut dialog.reason,
            _ => return None,
        };
        let changed = to_input_request(event)
            .and_then(|request| input.handle(request))
            .is_some_and(|change| change.value);
        (changed && dialog.focus == CancelFocus::Date)
            .then(|| dialog.preview())
            .flatten()
    }

    fn cancel_key(&mut self, key: &KeyEvent) -> Option<PoliciesCmd> {
        let dialog = self.cancel.as_mut()?;
        if dialog.status == SaveStatus::Saving {
            return None;
        }
        if dialog.confirming {
            return match key.code {
                KeyCode::Enter => {
                    dialog.confirming = false;
                    dialog.status = SaveStatus::Saving;
                    let cancel_on = dialog.date()?;
                    Some(PoliciesCmd::Cancel {
                        request: self.write.issue(),
                        policy_id: dialog.policy_id,
                        version: dialog.version,
                        code: dialog.code(),
                        by: dialog.party,
                        reason: dialog.reason.value().to_string(),
                        cancel_on,
                    })
                }
                _ => None,
            };
        }
        let order = [
            CancelFocus::Code,
            CancelFocus::Party,
            CancelFocus::Date,
            CancelFocus::Reason,
        ];
        let at = order.iter().position(|f| *f == dialog.focus).unwrap_or(0);
        match key.code {
            KeyCode::Tab | KeyCode::Down => dialog.focus = order[(at + 1) % order.len()],
            KeyCode::BackTab | KeyCode::Up => {
                dialog.focus = order[(at + order.len() - 1) % order.len()]
            }
            KeyCode::Left | KeyCode::Right | KeyCode::Char(' ') => {
                let forward = key.code != KeyCode::Left;
                match dialog.focus {
                    CancelFocus::Code => {
                        let n = dialog.codes.len();
                        dialog.code = if forward {
                            (dialog.code + 1) % n
                        } else {
                            (dialog.code + n - 1) % n
                        };
                        let parties = dialog.code().parties();
                        if !parties.contains(&dialog.party) {
                            dialog.party = dialog.code().default_party();
                            return dialog.preview();
                        }
                    }
                    CancelFocus::Party => {
                        let parties = dialog.code().parties();
                        if let Some(i) = parties.iter().position(|p| *p == dialog.party) {
                            dialog.party = parties[(i + 1) % parties.len()];
                            return dialog.preview();
                        }
                    }
                    _ => {}
                }
            }
            KeyCode::Enter => {
                if dialog.reason.value().trim().is_empty() {
                    dialog.status = SaveStatus::Failed(msg!("policy-view-reason-needed"));
                    dialog.focus = CancelFocus::Reason;
                } else if dialog.preview.loaded().is_some() {
                    dialog.status = SaveStatus::Editing;
                    dialog.confirming = true;
                }
            }
            _ => {}
        }
        None
    }

    pub fn on_preview(&mut self, request: u64, result: Result<CancellationQuote, CancelError>) {
        if let Some(dialog) = &mut self.cancel
            && dialog.preview_request.is_latest(request)
        {
            dialog.preview = match result {
                Ok(quote) => Remote::Loaded(quote),
                Err(error) => Remote::Failed(error.message()),
            };
        }
    }

    /// The cancellation came back: done (the policy loads again) or refused.
    pub fn on_cancelled(
        &mut self,
        request: u64,
        result: Result<CancelOutcome, CancelError>,
    ) -> Option<Message> {
        if !self.write.is_latest(request) {
            return None;
        }
        match result {
            Ok(outcome) => {
                self.cancel = None;
                Some(if outcome.refund > rust_decimal::Decimal::ZERO {
                    msg!(
                        "policy-view-cancelled-refund",
                        refund = money(outcome.refund)
                    )
                } else {
                    msg!("policy-view-cancelled")
                })
            }
            Err(error) => {
                if let Some(dialog) = &mut self.cancel {
                    dialog.status = SaveStatus::Failed(error.message());
                }
                None
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let detail = match ui.loaded(&self.detail, key!("policy-view-loading")) {
            Ok(detail) => detail,
            Err(line) => {
                frame.render_widget(Paragraph::new(line), area);
                return;
            }
        };
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let title = format!(
            " {} · {} ",
            detail.policy.policy_number,
            labels::policy_status(&detail.policy.status).text(ui.lang)
        );
        frame.render_widget(
            Paragraph::new(summary_lines(detail, ui))
                .block(Block::bordered().title(Line::styled(title, ui.theme.title())))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            left,
        );
        frame.render_widget(
            Paragraph::new(activity_lines(detail, ui))
                .block(Block::bordered().title(Line::styled(
                    format!(" {} ", tr!(ui.lang, "policy-view-activity")),
                    ui.theme.title(),
                )))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            right,
        );
        if let Some(dialog) = &self.cancel {
            render_cancel(frame, dialog, ui);
        }
    }
}

fn pair(label: String, value: String) -> Line<'static> {
    let label = crate::tui::widgets::text::truncate(&label, 22);
    let pad = 22usize.saturating_sub(crate::tui::widgets::text::width(&label));
    Line::from(format!("{label}{}  {value}", " ".repeat(pad)))
}

fn summary_lines(detail: &PolicyDetail, ui: &Ui) -> Vec<Line<'static>> {
    let p = &detail.policy;
    let lang = ui.lang;
    let province = match lang {
        crate::i18n::Lang::Th => &p.province_name_th,
        crate::i18n::Lang::En => &p.province_name_en,
    };
    let mut lines = vec![
        pair(
            tr!(lang, "policy-type"),
            labels::policy_type(&p.policy_type).text(lang),
        ),
        pair(tr!(lang, "policy-view-customer"), p.customer_name.clone()),
        pair(
            tr!(lang, "policy-vehicle"),
            format!(
                "{} {} · {} {} {}",
                p.plate, province, p.make, p.model, p.year_of_manufacture
            ),
        ),
        pair(
            tr!(lang, "policy-view-period"),
            format!(
                "{} – {} ({})",
                date(lang, ui.calendar, p.start_date),
                date(lang, ui.calendar, p.end_date),
                tr!(
                    lang,
                    "policy-months",
                    months = i64::from(p.policy_period_months)
                )
            ),
        ),
    ];
    if let Some(quote) = &p.quote_number
        && quote != &p.policy_number
    {
        lines.push(pair(tr!(lang, "policy-view-quote-number"), quote.clone()));
    }
    if let Some(si) = p.sum_insured {
        lines.push(pair(tr!(lang, "policy-sum-insured"), money(si)));
    }
    lines.push(pair(
        tr!(lang, "policy-plan"),
        tr!(lang, "enum-payment-plan", value = p.payment_plan.as_str()),
    ));
    lines.push(pair(
        tr!(lang, "policy-auto-renewal"),
        if p.auto_renewal {
            tr!(lang, "policy-view-yes")
        } else {
            tr!(lang, "policy-view-no")
        },
    ));
    if let Some(at) = p.issued_at {
        lines.push(pair(
            tr!(lang, "policy-view-issued"),
            date_time(lang, ui.calendar, at),
        ));
    }
    if let Some(at) = p.cancelled_at {
        lines.push(Line::styled(
            tr!(
                lang,
                "policy-view-cancelled-on",
                when = date_time(lang, ui.calendar, at),
                reason = p.cancellation_reason.clone().unwrap_or_default()
            ),
            ui.theme.warning(),
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        tr!(lang, "policy-quote-panel"),
        ui.theme.title(),
    ));
    lines.push(pair(
        tr!(lang, "policy-base-premium"),
        money(p.base_premium),
    ));
    if p.discounts > rust_decimal::Decimal::ZERO {
        lines.push(pair(
            tr!(
                lang,
                "policy-ncb-discount",
                percent = p.no_claim_discount.normalize().to_string()
            ),
            money(-p.discounts),
        ));
    }
    lines.push(pair(tr!(lang, "policy-net-premium"), money(p.net_premium)));
    lines.push(pair(tr!(lang, "policy-stamp-duty"), money(p.stamp_duty)));
    lines.push(pair(tr!(lang, "policy-vat"), money(p.vat)));
    lines.push(pair(tr!(lang, "policy-total"), money(p.total_premium)));
    lines.push(pair(
        tr!(lang, "policy-view-paid"),
        money(detail.premium_paid()),
    ));
    lines.push(pair(
        tr!(lang, "policy-view-outstanding"),
        money(detail.premium_outstanding()),
    ));
    if detail.refunds() > rust_decimal::Decimal::ZERO {
        lines.push(pair(
            tr!(lang, "policy-view-refunds"),
            money(detail.refunds()),
        ));
    }
    if let Some(referrals) = &detail.referrals
        && !referrals.is_empty()
    {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            tr!(lang, "policy-view-referrals"),
            ui.theme.title(),
        ));
        for r in referrals {
            lines.push(Line::from(format!(
                "• {} — {}",
                tr!(lang, "enum-referral-rule", value = r.rule.as_str()),
                tr!(lang, "enum-referral-status", value = r.status.as_str())
            )));
            lines.push(Line::styled(format!("  {}", r.reason), ui.theme.muted()));
            if let Some(by) = &r.decided_by_name {
                lines.push(Line::styled(
                    format!("  {by} {}", r.decision_note.clone().unwrap_or_default()),
                    ui.theme.muted(),
                ));
            }
        }
    }
    if detail.renewal_chain.len() > 1 {
        lines.push(Line::from(""));
        lines.push(Line::styled(
            tr!(lang, "policy-view-chain"),
            ui.theme.title(),
        ));
        for link in &detail.renewal_chain {
            let marker = if link.id == p.id { "▶" } else { " " };
            lines.push(Line::from(format!(
                "{marker} {} {} – {} {} {}",
                link.policy_number,
                date(lang, ui.calendar, link.start_date),
                date(lang, ui.calendar, link.end_date),
                labels::policy_status(&link.status).text(lang),
                money(link.total_premium)
            )));
        }
    }
    lines
}

fn activity_lines(detail: &PolicyDetail, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut lines = vec![Line::styled(
        tr!(lang, "policy-view-payments"),
        ui.theme.title(),
    )];
    match &detail.payments {
        None => lines.push(Line::styled(
            tr!(lang, "policy-view-not-yours"),
            ui.theme.muted(),
        )),
        Some(payments) if payments.is_empty() => lines.push(Line::styled(
            tr!(lang, "policy-view-none"),
            ui.theme.muted(),
        )),
        Some(payments) => {
            for payment in payments {
                let what = match payment.installment_number {
                    Some(n) => format!("{n}/{}", payment.total_installments.unwrap_or(n)),
                    None => labels::payment_type(&payment.payment_type).text(lang),
                };
                let due = payment
                    .due_date
                    .map(|d| date(lang, ui.calendar, d))
                    .unwrap_or_default();
                let line = format!(
                    "{what:<10} {due:<14} {:>13}  {}",
                    money(payment.amount),
                    labels::payment_status(&payment.payment_status).text(lang)
                );
                lines.push(match payment.payment_status.as_str() {
                    "SUCCESS" => Line::styled(line, ui.theme.success()),
                    "FAILED" => Line::styled(line, ui.theme.error()),
                    "CANCELLED" => Line::styled(line, ui.theme.muted()),
                    _ => Line::from(line),
                });
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        tr!(lang, "policy-view-claims"),
        ui.theme.title(),
    ));
    match &detail.claims {
        None => lines.push(Line::styled(
            tr!(lang, "policy-view-not-yours"),
            ui.theme.muted(),
        )),
        Some(claims) if claims.is_empty() => lines.push(Line::styled(
            tr!(lang, "policy-view-none"),
            ui.theme.muted(),
        )),
        Some(claims) => {
            for claim in claims {
                let amount = claim
                    .settled_amount
                    .or(claim.approved_amount)
                    .or(claim.assessed_amount)
                    .or(claim.estimated_amount)
                    .map(money)
                    .unwrap_or_default();
                lines.push(Line::from(format!(
                    "{} {} {} {} {}",
                    claim.claim_number,
                    date_time(lang, ui.calendar, claim.incident_date),
                    labels::claim_type(&claim.claim_type).text(lang),
                    labels::claim_status(&claim.status).text(lang),
                    amount
                )));
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        tr!(lang, "policy-view-documents"),
        ui.theme.title(),
    ));
    match &detail.documents {
        None => lines.push(Line::styled(
            tr!(lang, "policy-view-not-yours"),
            ui.theme.muted(),
        )),
        Some(documents) if documents.is_empty() => lines.push(Line::styled(
            tr!(lang, "policy-view-none"),
            ui.theme.muted(),
        )),
        Some(documents) => {
            for document in documents {
                let kind = crate::i18n::text(
                    lang,
                    crate::db::documents::document_kind_key(&document.document_type),
                    &[],
                );
                lines.push(Line::from(tr!(
                    lang,
                    "policy-view-document",
                    kind = kind,
                    version = document.version_number,
                    path = document.file_path.clone(),
                    at = date_time(lang, ui.calendar, document.generated_at)
                )));
            }
        }
    }
    lines
}

fn render_cancel(frame: &mut Frame, dialog: &CancelDialog, ui: &Ui) {
    let lang = ui.lang;
    let focus = |f: CancelFocus| if dialog.focus == f { "▸" } else { " " };
    let mut lines = vec![
        Line::from(format!(
            "{} {}  ‹ {} ›",
            focus(CancelFocus::Code),
            tr!(lang, "policy-view-code"),
            crate::i18n::text(lang, dialog.code().label_key(), &[])
        )),
        Line::from(format!(
            "{} {}  ‹ {} ›",
            focus(CancelFocus::Party),
            tr!(lang, "policy-view-party"),
            crate::i18n::text(lang, party_label_key(dialog.party), &[])
        )),
        Line::from(format!(
            "{} {}  {}",
            focus(CancelFocus::Date),
            tr!(lang, "policy-view-cancel-date"),
            dialog.date.value()
        )),
        Line::from(format!(
            "{} {}  {}",
            focus(CancelFocus::Reason),
            tr!(lang, "policy-view-reason"),
            dialog.reason.value()
        )),
        Line::from(""),
    ];
    match &dialog.preview {
        Remote::Loaded(quote) => {
            lines.push(Line::styled(
                quote.basis.explain().text(lang),
                ui.theme.muted(),
            ));
            lines.push(pair(tr!(lang, "policy-view-paid"), money(quote.paid)));
            lines.push(pair(
                tr!(lang, "policy-view-entitlement"),
                money(quote.entitlement),
            ));
            lines.push(
                pair(tr!(lang, "policy-view-refund-due"), money(quote.refund_due))
                    .style(ui.theme.title()),
            );
            if quote.unpaid_to_cancel.count > 0 {
                lines.push(Line::from(tr!(
                    lang,
                    "policy-view-unpaid-to-cancel",
                    count = quote.unpaid_to_cancel.count,
                    amount = money(quote.unpaid_to_cancel.amount)
                )));
            }
        }
        Remote::Failed(message) => lines.push(Line::styled(message.text(lang), ui.theme.error())),
        _ => lines.push(Line::styled(
            format!(
                "{} {}",
                spinner(ui.tick),
                tr!(lang, "policy-view-working-out")
            ),
            ui.theme.muted(),
        )),
    }
    lines.push(Line::from(""));
    if dialog.confirming {
        let refund = dialog
            .preview
            .loaded()
            .map(|q| q.refund_due)
            .unwrap_or_default();
        let question = if refund > rust_decimal::Decimal::ZERO {
            tr!(lang, "policy-view-confirm-cancel", refund = money(refund))
        } else {
            tr!(lang, "policy-view-confirm-cancel-no-refund")
        };
        lines.push(Line::styled(question, ui.theme.warning()));
        lines.push(Line::styled(
            tr!(lang, "policy-confirm-keys"),
            ui.theme.muted(),
        ));
    } else {
        lines.push(status_line(
            &dialog.status,
            key!("policy-view-cancel-keys"),
            ui,
        ));
    }
    let rect = modal::framed(
        frame,
        &tr!(lang, "policy-view-cancel-title"),
        lines,
        ui.theme,
    );
    if !dialog.confirming {
        let (input, row) = match dialog.focus {
            CancelFocus::Date => (&dialog.date, 2),
            CancelFocus::Reason => (&dialog.reason, 3),
            _ => return,
        };
        let label = match dialog.focus {
            CancelFocus::Date => tr!(lang, "policy-view-cancel-date"),
            _ => tr!(lang, "policy-view-reason"),
        };
        let x = rect.x
            + 1
            + 2
            + crate::tui::widgets::text::width(&label) as u16
            + 2
            + input.visual_cursor() as u16;
        frame.set_cursor_position((x.min(rect.right().saturating_sub(2)), rect.y + 1 + row));
    }
}
