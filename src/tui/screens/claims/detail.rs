//! One claim: what happened and to which car, the amounts (with the deductible and excess
//! that come off an approval), the fraud score and its reasons, the assessments, the
//! status history and the settlements. The actions its status allows open a prompt (or the
//! assessment form) over it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::assessment::AssessmentForm;
use super::prompt::{self, Prompt, PromptKind};
use super::work::ClaimsCmd;
use crate::db::claim_queue::StaffChoice;
use crate::db::claims::{AssessmentRow, ClaimDetail, ClaimFacts, SettlementRow, StatusChange};
use crate::domain::claim_flow::{ClaimStatus, RepairAction};
use crate::i18n::{Message, date, date_time, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::text;
use crate::{key, msg, tr};

/// The actions of the detail, in the order the hints show them.
pub const ACTIONS: [Action; 8] = [
    Action::Investigate,
    Action::Assess,
    Action::Approve,
    Action::Reject,
    Action::Settle,
    Action::CloseClaim,
    Action::Assign,
    Action::SendSurveyor,
];

/// The actions a surveyor has on a claim sent to them.
pub const SURVEYOR_ACTIONS: [Action; 1] = [Action::Assess];

/// Whether a claim in `status` (and `sub_status`) may take `action` now.
pub fn allows(status: ClaimStatus, sub_status: Option<&str>, action: Action) -> bool {
    match action {
        Action::Investigate => status.may_move_to(ClaimStatus::Investigating),
        Action::Assess => {
            status.may_move_to(ClaimStatus::Assessed)
                || status
                    .next()
                    .iter()
                    .any(|s| s.may_move_to(ClaimStatus::Assessed))
        }
        Action::Approve => status.may_move_to(ClaimStatus::Approved),
        Action::Reject => status.may_move_to(ClaimStatus::Rejected),
        Action::Settle => {
            status.may_move_to(ClaimStatus::Settled) && sub_status != Some("AWAITING_PAYMENT")
        }
        Action::CloseClaim => status.may_move_to(ClaimStatus::Closed),
        Action::Assign | Action::SendSurveyor => status.is_open(),
        _ => false,
    }
}

/// The prompt an action opens (the assessment has a form of its own).
pub fn prompt_kind(action: Action) -> Option<PromptKind> {
    match action {
        Action::Investigate => Some(PromptKind::Move(ClaimStatus::Investigating)),
        Action::Reject => Some(PromptKind::Move(ClaimStatus::Rejected)),
        Action::CloseClaim => Some(PromptKind::Move(ClaimStatus::Closed)),
        Action::Approve => Some(PromptKind::Approve),
        Action::Settle => Some(PromptKind::Settle),
        Action::Assign => Some(PromptKind::Assign),
        Action::SendSurveyor => Some(PromptKind::SendSurveyor),
        _ => None,
    }
}

/// The assessment form over the claim, with the version it saves against.
pub struct AssessmentEditor {
    pub form: Box<AssessmentForm>,
    pub claim_id: Uuid,
    pub version: i32,
}

impl std::fmt::Debug for AssessmentEditor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssessmentEditor")
            .field("claim_id", &self.claim_id)
            .field("version", &self.version)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Default)]
pub struct ClaimPane {
    pub id: Option<Uuid>,
    pub detail: Remote<ClaimDetail>,
    pub request: RequestCounter,
    /// A load is in flight; `again`: the claim changed meanwhile, load once more.
    loading: bool,
    again: bool,
    pub scroll: u16,
    pub prompt: Option<Prompt>,
    pub assessment: Option<AssessmentEditor>,
    /// Adjusters and surveyors to assign or send, loaded when first wanted.
    pub staff: Remote<Vec<StaffChoice>>,
    pub staff_request: RequestCounter,
    /// Numbers the writes (prompts and the assessment) so that only the newest counts.
    pub write: RequestCounter,
}

impl ClaimPane {
    /// Shows a claim (another one: from the top, nothing open over it) and loads it.
    pub fn open(&mut self, id: Uuid) -> ClaimsCmd {
        if self.id != Some(id) {
            self.detail = Remote::Loading;
            self.scroll = 0;
            self.prompt = None;
            self.assessment = None;
        }
        self.id = Some(id);
        self.load(id)
    }

    fn load(&mut self, id: Uuid) -> ClaimsCmd {
        self.loading = true;
        self.again = false;
        ClaimsCmd::LoadClaim {
            request: self.request.issue(),
            id,
        }
    }

    pub fn reload(&mut self) -> Option<ClaimsCmd> {
        self.id.map(|id| self.load(id))
    }

    /// The claim changed: load it again, or once more after the load in flight.
    pub fn changed(&mut self) -> Option<ClaimsCmd> {
        if self.loading {
            self.again = true;
            return None;
        }
        self.reload()
    }

    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// The claim came in; returns the load to run again when it changed meanwhile.
    pub fn on_loaded(
        &mut self,
        request: u64,
        result: Result<Option<ClaimDetail>, Message>,
    ) -> Option<ClaimsCmd> {
        if !self.request.is_latest(request) {
            return None;
        }
        self.loading = false;
        self.detail = match result {
            Ok(Some(detail)) => Remote::Loaded(detail),
            Ok(None) => Remote::Failed(msg!("claims-not-found")),
            Err(message) => Remote::Failed(message),
        };
        if std::mem::take(&mut self.again) {
            return self.reload();
        }
        None
    }

    pub fn facts(&self) -> Option<&ClaimFacts> {
        self.detail.loaded().map(|d| &d.facts)
    }

    /// Whether the claim as loaded allows `action` now.
    pub fn allows(&self, action: Action) -> bool {
        self.facts().is_some_and(|facts| {
            ClaimStatus::from_db(&facts.status)
                .is_some_and(|status| allows(status, facts.sub_status.as_deref(), action))
        })
    }

    /// Opens the prompt of an action; asks for the staff list when it needs one.
    pub fn open_prompt(
        &mut self,
        kind: PromptKind,
        authority: Decimal,
    ) -> Result<Option<ClaimsCmd>, Message> {
        let facts = self.facts().ok_or(msg!("claims-not-loaded"))?;
        let mut prompt = Prompt::new(kind, facts, authority);
        let mut cmd = None;
        if prompt.wants_staff() {
            match &self.staff {
                Remote::Loaded(staff) => prompt.offer_staff(staff),
                Remote::Loading => {}
                _ => {
                    self.staff = Remote::Loading;
                    cmd = Some(ClaimsCmd::LoadStaff {
                        request: self.staff_request.issue(),
                    });
                }
            }
        }
        self.prompt = Some(prompt);
        Ok(cmd)
    }

    pub fn on_staff(&mut self, request: u64, result: Result<Vec<StaffChoice>, Message>) {
        if !self.staff_request.is_latest(request) {
            return;
        }
        match result {
            Ok(staff) => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.offer_staff(&staff);
                }
                self.staff = Remote::Loaded(staff);
            }
            Err(message) => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.status =
                        crate::tui::screens::customers::editor::SaveStatus::Failed(message.clone());
                }
                self.staff = Remote::Failed(message);
            }
        }
    }

    /// Opens the assessment form on the claim as loaded.
    pub fn open_assessment(&mut self, lang: crate::i18n::Lang) -> Result<(), Message> {
        let facts = self.facts().ok_or(msg!("claims-not-loaded"))?;
        self.assessment = Some(AssessmentEditor {
            form: Box::new(AssessmentForm::new(facts, lang)),
            claim_id: facts.id,
            version: facts.version,
        });
        Ok(())
    }

    /// Moving through the claim's text.
    pub fn scroll(&mut self, action: Action) {
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10),
            Action::First => 0,
            _ => self.scroll,
        };
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if let Some(editor) = &mut self.assessment {
            editor.form.render(frame, area, ui);
            return;
        }
        let detail = match ui.loaded(&self.detail, key!("claims-loading-one")) {
            Ok(detail) => detail,
            Err(line) => {
                frame.render_widget(Paragraph::new(line), area);
                return;
            }
        };
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let facts = &detail.facts;
        let title = format!(
            " {} · {} ",
            facts.claim_number,
            labels::claim_status(&facts.status).text(ui.lang)
        );
        frame.render_widget(
            Paragraph::new(claim_lines(facts, ui))
                .block(Block::bordered().title(Line::styled(title, ui.theme.title())))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            left,
        );
        frame.render_widget(
            Paragraph::new(activity_lines(detail, ui))
                .block(Block::bordered().title(Line::styled(
                    format!(" {} ", tr!(ui.lang, "claims-activity")),
                    ui.theme.title(),
                )))
                .wrap(Wrap { trim: false })
                .scroll((self.scroll, 0)),
            right,
        );
        if let Some(prompt) = &self.prompt {
            prompt.render(frame, ui);
        }
    }
}

const LABEL_WIDTH: usize = 20;

fn pair(label: String, value: String) -> Line<'static> {
    Line::from(format!("{}  {value}", text::pad(&label, LABEL_WIDTH)))
}

fn optional(value: &Option<String>) -> String {
    value
        .as_deref()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or("–")
        .to_string()
}

fn heading(key: &'static str, ui: &Ui) -> Line<'static> {
    Line::styled(crate::i18n::text(ui.lang, key, &[]), ui.theme.title())
}

fn claim_lines(f: &ClaimFacts, ui: &Ui) -> Vec<Line<'static>> {
    let mut lines = what_happened(f, ui);
    lines.push(Line::from(""));
    lines.extend(amount_lines(f, ui));
    lines.push(Line::from(""));
    lines.extend(fraud_lines(f, ui));
    lines
}

fn what_happened(f: &ClaimFacts, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let when = |at| date_time(lang, ui.calendar, at);
    let claim_type = if f.own_damage_claimed {
        tr!(
            lang,
            "claims-type-own-damage",
            kind = labels::claim_type(&f.claim_type).text(lang)
        )
    } else {
        labels::claim_type(&f.claim_type).text(lang)
    };
    let place = [f.incident_province_th.clone(), f.location_text.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let other_party = [
        &f.other_party_name,
        &f.other_party_plate,
        &f.other_party_insurer,
        &f.other_party_phone,
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" · ");
    vec![
        pair(tr!(lang, "claims-field-type"), claim_type),
        pair(
            tr!(lang, "claims-field-policy"),
            format!(
                "{} · {}",
                f.policy_number,
                labels::policy_type(&f.policy_type).text(lang)
            ),
        ),
        pair(
            tr!(lang, "claims-field-period"),
            format!(
                "{} – {}",
                date(lang, ui.calendar, f.policy_start),
                date(lang, ui.calendar, f.policy_end)
            ),
        ),
        pair(tr!(lang, "claims-field-customer"), f.customer_name.clone()),
        pair(
            tr!(lang, "claims-field-plate"),
            format!("{} {}", f.plate, f.province_th),
        ),
        pair(
            tr!(lang, "claims-field-vehicle"),
            format!("{} {} {}", f.make, f.model, f.year_of_manufacture),
        ),
        pair(tr!(lang, "claims-field-incident"), when(f.incident_date)),
        pair(tr!(lang, "claims-field-reported"), when(f.reported_date)),
        pair(tr!(lang, "claims-field-location"), optional(&Some(place))),
        pair(
            tr!(lang, "claims-field-what"),
            f.incident_description.clone(),
        ),
        pair(
            tr!(lang, "claims-field-damage"),
            optional(&f.damage_description),
        ),
        pair(
            tr!(lang, "claims-field-injury"),
            optional(&f.injury_description),
        ),
        pair(
            tr!(lang, "claims-field-other-party"),
            optional(&Some(other_party)),
        ),
        pair(
            tr!(lang, "claims-field-police"),
            optional(&f.police_report_number),
        ),
        pair(
            tr!(lang, "claims-field-adjuster"),
            optional(&f.adjuster_name),
        ),
        pair(
            tr!(lang, "claims-field-surveyor"),
            optional(&f.surveyor_name),
        ),
    ]
}

fn amount_lines(f: &ClaimFacts, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let shown = |amount: Option<Decimal>| amount.map(money).unwrap_or_else(|| "–".into());
    let mut lines = vec![
        heading(key!("claims-amounts"), ui),
        pair(
            tr!(lang, "claims-field-estimated"),
            shown(f.estimated_amount),
        ),
        pair(tr!(lang, "claims-field-assessed"), shown(f.assessed_amount)),
    ];
    if let Some(requested) = f.approval_requested_amount {
        lines.push(
            pair(
                tr!(lang, "claims-field-requested"),
                tr!(
                    lang,
                    "claims-requested-by",
                    amount = money(requested),
                    who = optional(&f.approval_requested_by_name)
                ),
            )
            .style(ui.theme.warning()),
        );
    }
    let approved = match (&f.approved_amount, &f.approved_by_name) {
        (Some(amount), Some(by)) => tr!(
            lang,
            "claims-approved-by",
            amount = money(*amount),
            who = by.as_str()
        ),
        (amount, _) => shown(*amount),
    };
    lines.push(pair(tr!(lang, "claims-field-approved"), approved));
    lines.push(pair(
        tr!(lang, "claims-field-deductible"),
        money(-f.deductible),
    ));
    lines.push(pair(tr!(lang, "claims-field-excess"), money(-f.excess)));
    if let Some(approved) = f.approved_amount {
        lines.push(
            pair(
                tr!(lang, "claims-field-net"),
                money(prompt::net(approved, f.deductible, f.excess)),
            )
            .style(ui.theme.title()),
        );
    }
    if let Some(settled) = f.settled_amount {
        lines.push(pair(tr!(lang, "claims-field-settled"), money(settled)));
    }
    lines
}

fn fraud_lines(f: &ClaimFacts, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let score = tr!(
        lang,
        "claims-fraud-score",
        score = f.fraud_score.normalize().to_string()
    );
    let mut lines = vec![
        heading(key!("claims-fraud"), ui),
        if f.requires_investigation {
            Line::styled(
                format!("{score} · {}", tr!(lang, "claims-fraud-investigate")),
                ui.theme.warning(),
            )
        } else {
            Line::from(score)
        },
    ];
    if f.fraud_flags.is_empty() {
        lines.push(Line::styled(
            tr!(lang, "claims-fraud-none"),
            ui.theme.muted(),
        ));
    }
    for flag in &f.fraud_flags {
        lines.push(Line::from(format!(
            "• {}",
            tr!(lang, "claims-fraud-flag", code = flag.as_str())
        )));
    }
    lines
}

fn activity_lines(detail: &ClaimDetail, ui: &Ui) -> Vec<Line<'static>> {
    let mut lines = vec![heading(key!("claims-assessments"), ui)];
    if detail.assessments.is_empty() {
        lines.push(Line::styled(tr!(ui.lang, "claims-none"), ui.theme.muted()));
    }
    for assessment in &detail.assessments {
        lines.extend(assessment_lines(assessment, ui));
    }
    lines.push(Line::from(""));
    lines.push(heading(key!("claims-history"), ui));
    for change in detail.history.iter().rev() {
        lines.extend(history_lines(change, ui));
    }
    lines.push(Line::from(""));
    lines.push(heading(key!("claims-settlements"), ui));
    match &detail.settlements {
        None => lines.push(Line::styled(
            tr!(ui.lang, "policy-view-not-yours"),
            ui.theme.muted(),
        )),
        Some(settlements) if settlements.is_empty() => {
            lines.push(Line::styled(tr!(ui.lang, "claims-none"), ui.theme.muted()));
        }
        Some(settlements) => {
            for settlement in settlements {
                lines.extend(settlement_lines(settlement, ui));
            }
        }
    }
    lines
}

fn assessment_lines(a: &AssessmentRow, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut lines = vec![
        Line::from(tr!(
            lang,
            "claims-assessment-head",
            kind = tr!(
                lang,
                "claims-assessment-type",
                value = a.assessment_type.as_str()
            ),
            who = a.assessor_name.as_str(),
            role = tr!(
                lang,
                "claims-assessor-type",
                value = a.assessor_type.as_str()
            ),
            when = date_time(lang, ui.calendar, a.assessment_date)
        ))
        .style(ui.theme.title()),
    ];
    for item in &a.items {
        let action = match item.action {
            RepairAction::Repair => tr!(lang, "claims-item-repair"),
            RepairAction::Replace => tr!(lang, "claims-item-replace"),
        };
        lines.push(Line::from(tr!(
            lang,
            "claims-item",
            part = item.part.as_str(),
            action = action,
            parts = money(item.parts),
            labour = money(item.labour),
            total = money(item.total())
        )));
    }
    let mut summary = Vec::new();
    if let Some(amount) = a.recommended_amount {
        summary.push(tr!(lang, "claims-recommended", amount = money(amount)));
    }
    if let Some(action) = &a.recommended_action {
        summary.push(tr!(
            lang,
            "claims-recommended-action",
            value = action.as_str()
        ));
    }
    if let Some(liability) = a.liability_percentage {
        summary.push(tr!(
            lang,
            "claims-liability",
            percent = liability.normalize().to_string()
        ));
    }
    if a.total_loss {
        summary.push(tr!(lang, "claims-total-loss"));
    }
    if !summary.is_empty() {
        lines.push(Line::from(format!("  {}", summary.join(" · "))));
    }
    if let Some(notes) = a.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.push(Line::styled(format!("  {notes}"), ui.theme.muted()));
    }
    lines
}

fn history_lines(change: &StatusChange, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let status = |s: &str| labels::claim_status(s).text(lang);
    let moved = match &change.from_status {
        Some(from) => format!("{} → {}", status(from), status(&change.to_status)),
        None => status(&change.to_status),
    };
    vec![
        Line::from(format!(
            "{}  {moved} · {}",
            date_time(lang, ui.calendar, change.changed_at),
            optional(&change.by_name)
        )),
        Line::styled(format!("  {}", change.reason), ui.theme.muted()),
    ]
}

fn settlement_lines(s: &SettlementRow, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let payout = match (s.payment_status.as_deref(), s.payment_reference.as_deref()) {
        (Some("PENDING") | None, reference) => tr!(
            lang,
            "claims-payout-waiting",
            reference = reference.unwrap_or("–")
        ),
        (Some(status), reference) => tr!(
            lang,
            "claims-payout-status",
            status = labels::payment_status(status).text(lang),
            reference = reference.unwrap_or("–")
        ),
    };
    let fault = if s.at_fault {
        tr!(lang, "claims-at-fault")
    } else {
        tr!(lang, "claims-not-at-fault")
    };
    vec![
        Line::from(format!(
            "{} · {} · {}",
            prompt::settlement_type_label(&s.settlement_type).text(lang),
            prompt::payee_type_label(&s.payee_type).text(lang),
            s.payee_name
        )),
        Line::from(format!(
            "  {}",
            tr!(
                lang,
                "claims-settlement-figures",
                gross = money(s.gross_amount),
                deductible = money(s.deductible_amount),
                excess = money(s.excess_amount),
                net = money(s.net_amount)
            )
        )),
        Line::from(format!("  {fault}")),
        Line::styled(
            format!("  {payout}"),
            if s.payment_status.as_deref() == Some("SUCCESS") {
                ui.theme.success()
            } else {
                ui.theme.warning()
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use ClaimStatus::*;

    #[test]
    fn each_action_follows_the_workflow() {
        assert!(allows(Assigned, None, Action::Investigate));
        assert!(
            allows(Assigned, None, Action::Assess),
            "through investigating"
        );
        assert!(allows(Investigating, None, Action::Assess));
        assert!(!allows(Reported, None, Action::Assess));
        assert!(allows(Assessed, None, Action::Approve));
        assert!(allows(Assessed, None, Action::Reject));
        assert!(!allows(Investigating, None, Action::Approve));
        assert!(allows(Approved, None, Action::Settle));
        assert!(
            !allows(Approved, Some("AWAITING_PAYMENT"), Action::Settle),
            "settled once, waiting for finance"
        );
        assert!(allows(Settled, None, Action::CloseClaim));
        assert!(allows(Rejected, None, Action::CloseClaim));
        assert!(!allows(Closed, None, Action::Assign));
        assert!(allows(Reported, None, Action::Assign));
    }
}
