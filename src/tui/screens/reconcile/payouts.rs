//! The payouts tab: outgoing payments waiting for finance (claim settlements and refunds)
//! with the payee's bank and masked account; `p` records the transfer.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use super::prompt::bank_name;
use super::work::ReconcileCmd;
use crate::db::reconcile_work::{Payout, mask_account};
use crate::i18n::format::bangkok_date;
use crate::i18n::{Calendar, Lang, Message, date, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::spinner;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::{key, tr};

#[derive(Debug, Clone)]
pub struct PayoutsPane {
    pub payouts: Remote<Vec<Payout>>,
    pub table: DataTable,
    pub request: RequestCounter,
    labelled_for: Option<(Lang, Calendar)>,
}

impl Default for PayoutsPane {
    fn default() -> PayoutsPane {
        PayoutsPane {
            payouts: Remote::Idle,
            table: DataTable::new(vec![
                key!("reconcile-column-type"),
                key!("reconcile-column-claim-policy"),
                key!("reconcile-column-amount"),
                key!("reconcile-column-bank"),
                key!("reconcile-column-bank-account"),
                key!("reconcile-column-waiting-since"),
                key!("reconcile-column-payee"),
            ])
            .keep_whole(&[1, 2]),
            request: RequestCounter::default(),
            labelled_for: None,
        }
    }
}

impl PayoutsPane {
    pub fn reload(&mut self) -> ReconcileCmd {
        if self.payouts.loaded().is_none() {
            self.payouts = Remote::Loading;
        }
        ReconcileCmd::LoadPayouts {
            request: self.request.issue(),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.payouts.is_loading()
    }

    pub fn on_loaded(
        &mut self,
        request: u64,
        result: Result<Vec<Payout>, Message>,
        lang: Lang,
        calendar: Calendar,
    ) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(payouts) => {
                let kept = self.selected().map(|p| p.id);
                self.table
                    .set_rows(payouts.iter().map(|p| row(p, lang, calendar)).collect());
                if let Some(index) = kept.and_then(|id| payouts.iter().position(|p| p.id == id)) {
                    self.table.select_index(index);
                }
                self.payouts = Remote::Loaded(payouts);
                self.labelled_for = Some((lang, calendar));
            }
            Err(message) => self.payouts = Remote::Failed(message),
        }
    }

    pub fn selected(&self) -> Option<&Payout> {
        let index = self.table.selected_index()?;
        self.payouts.loaded()?.get(index)
    }

    /// Keys of the list (moving, sorting, filtering the rows, loading again).
    pub fn key(&mut self, action: Action) -> Option<ReconcileCmd> {
        match action {
            Action::Refresh => Some(self.reload()),
            other => {
                self.table.act(other);
                None
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if self.labelled_for != Some((ui.lang, ui.calendar))
            && let Some(payouts) = self.payouts.loaded()
        {
            let rows = payouts
                .iter()
                .map(|p| row(p, ui.lang, ui.calendar))
                .collect();
            self.table.set_rows(rows);
            self.labelled_for = Some((ui.lang, ui.calendar));
        }
        let [info_area, table_area] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        let info = match &self.payouts {
            Remote::Idle | Remote::Loading => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "reconcile-loading")),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(payouts) => {
                let total: Decimal = payouts.iter().map(|p| p.amount).sum();
                Line::styled(
                    tr!(
                        ui.lang,
                        "reconcile-payouts-about",
                        count = payouts.len(),
                        amount = money(total)
                    ),
                    ui.theme.muted(),
                )
            }
        };
        frame.render_widget(Paragraph::new(info), info_area);
        if self.payouts.loaded().is_some() {
            self.table.render(frame, table_area, ui.lang, ui.theme);
        }
    }
}

fn row(p: &Payout, lang: Lang, calendar: Calendar) -> TableRow {
    let about = p
        .claim_number
        .clone()
        .or_else(|| p.policy_number.clone())
        .unwrap_or_default();
    let bank = match p.bank_code.as_deref() {
        Some(code) => format!("{code} {}", bank_name(code).unwrap_or("")),
        None => "–".into(),
    };
    let account = p
        .bank_account_number
        .as_deref()
        .map(mask_account)
        .unwrap_or_else(|| "–".into());
    TableRow {
        cells: vec![
            labels::payment_type(&p.payment_type).text(lang),
            about.clone(),
            money(p.amount),
            bank.trim_end().to_string(),
            account.clone(),
            date(lang, calendar, bangkok_date(p.created_at)),
            p.payee_name.clone(),
        ],
        sort_keys: vec![
            SortKey::Text(p.payment_type.clone()),
            SortKey::Text(about),
            SortKey::Number(p.amount),
            SortKey::Text(p.bank_code.clone().unwrap_or_default()),
            SortKey::Text(account),
            SortKey::Text(p.created_at.to_rfc3339()),
            SortKey::Text(p.payee_name.clone()),
        ],
        tone: if p.bank_code.is_none() || p.bank_account_number.is_none() {
            Tone::Warning
        } else {
            Tone::Normal
        },
    }
}
