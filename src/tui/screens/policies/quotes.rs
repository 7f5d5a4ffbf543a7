//! Quotes waiting to be issued, with their referrals: a senior approves or declines a
//! referral (within their own authority; the database checks it), and the underwriter
//! issues the quote once nothing is left waiting.

use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;
use uuid::Uuid;

use super::work::PoliciesCmd;
use crate::db::policies::{IssueError, IssueOutcome, OpenQuote};
use crate::db::referrals::{DecisionError, ReferralQueueRow};
use crate::i18n::{Message, date, date_time, money};
use crate::tui::keymap::Action;
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{SaveStatus, status_line};
use crate::tui::screens::customers::labels;
use crate::tui::widgets::modal;
use crate::tui::widgets::table::{DataTable, SortKey, TableRow, Tone};
use crate::{key, msg, tr};

/// Quotes and the pending referrals among them, loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteList {
    pub quotes: Vec<OpenQuote>,
    pub referrals: Vec<ReferralQueueRow>,
}

#[derive(Debug, Clone)]
pub enum Dialog {
    Decide {
        referral: Box<ReferralQueueRow>,
        approve: bool,
        note: Input,
        status: SaveStatus,
    },
    Issue {
        quote: Box<OpenQuote>,
        status: SaveStatus,
    },
}

#[derive(Debug, Clone)]
pub struct QuotesPane {
    pub list: Remote<QuoteList>,
    pub table: DataTable,
    pub request: RequestCounter,
    pub dialog: Option<Dialog>,
    pub write: RequestCounter,
    /// The language and calendar the rows were written in.
    labelled_for: Option<RowsUi>,
}

impl Default for QuotesPane {
    fn default() -> QuotesPane {
        QuotesPane {
            list: Remote::Idle,
            table: DataTable::new(vec![
                key!("quotes-column-number"),
                key!("quotes-column-type"),
                key!("quotes-column-customer"),
                key!("quotes-column-plate"),
                key!("quotes-column-start"),
                key!("quotes-column-total"),
                key!("quotes-column-referrals"),
                key!("quotes-column-by"),
            ])
            .keep_whole(&[0, 4, 5]),
            request: RequestCounter::default(),
            dialog: None,
            write: RequestCounter::default(),
            labelled_for: None,
        }
    }
}

impl QuotesPane {
    pub fn reload(&mut self) -> PoliciesCmd {
        if self.list.loaded().is_none() {
            self.list = Remote::Loading;
        }
        PoliciesCmd::LoadQuotes {
            request: self.request.issue(),
        }
    }

    pub fn on_list(&mut self, request: u64, result: Result<QuoteList, Message>) {
        if !self.request.is_latest(request) {
            return;
        }
        match result {
            Ok(list) => {
                self.list = Remote::Loaded(list);
                self.labelled_for = None;
            }
            Err(message) => self.list = Remote::Failed(message),
        }
    }

    /// Writes the rows again when the language or calendar changed (or new rows came).
    fn relabel(&mut self, ui: RowsUi) {
        if self.labelled_for == Some(ui) {
            return;
        }
        if let Some(list) = self.list.loaded() {
            let rows = list.quotes.iter().map(|q| row(q, &ui)).collect();
            self.table.set_rows(rows);
            self.labelled_for = Some(ui);
        }
    }

    fn selected(&self) -> Option<&OpenQuote> {
        let index = self.table.selected_index()?;
        self.list.loaded()?.quotes.get(index)
    }

    /// The selected quote's policy, to open.
    pub fn selected_policy(&self) -> Option<Uuid> {
        self.selected().map(|q| q.policy_id)
    }

    pub fn is_typing(&self) -> bool {
        matches!(self.dialog, Some(Dialog::Decide { .. })) || self.table.is_filtering()
    }

    /// A key on the list (not typing).
    pub fn key(
        &mut self,
        key: &KeyEvent,
        action: Option<Action>,
    ) -> Result<Option<PoliciesCmd>, Message> {
        if self.dialog.is_some() {
            return Ok(self.dialog_key(key));
        }
        match action {
            Some(Action::Decide) => self.open_decision().map(|()| None),
            Some(Action::IssueQuote) => self.open_issue().map(|()| None),
            Some(Action::Refresh) => Ok(Some(self.reload())),
            Some(Action::Filter) => {
                self.table.filter_key(&Event::Key(*key), action);
                Ok(None)
            }
            Some(other) => {
                self.table.act(other);
                Ok(None)
            }
            None => Ok(None),
        }
    }

    fn open_decision(&mut self) -> Result<(), Message> {
        let quote = self.selected().ok_or(msg!("quotes-none-selected"))?;
        let referral = self
            .list
            .loaded()
            .and_then(|list| {
                list.referrals
                    .iter()
                    .find(|r| r.policy_id == quote.policy_id)
            })
            .ok_or(msg!("quotes-nothing-to-decide"))?;
        self.dialog = Some(Dialog::Decide {
            referral: Box::new(referral.clone()),
            approve: true,
            note: Input::default(),
            status: SaveStatus::Editing,
        });
        Ok(())
    }

    fn open_issue(&mut self) -> Result<(), Message> {
        let quote = self.selected().ok_or(msg!("quotes-none-selected"))?;
        if quote.referrals_pending > 0 || quote.referrals_declined > 0 {
            return Err(msg!(
                "quotes-still-referred",
                number = quote.quote_number.as_str()
            ));
        }
        self.dialog = Some(Dialog::Issue {
            quote: Box::new(quote.clone()),
            status: SaveStatus::Editing,
        });
        Ok(())
    }

    /// Typing in the decision dialog: ←/→ approve or decline, the rest is the note.
    pub fn edit(&mut self, event: &Event) {
        if self.table.is_filtering() {
            self.table.filter_key(event, None);
            return;
        }
        let Some(Dialog::Decide {
            approve,
            note,
            status,
            ..
        }) = &mut self.dialog
        else {
            return;
        };
        if *status == SaveStatus::Saving {
            return;
        }
        match event {
            Event::Key(key) if matches!(key.code, KeyCode::Left | KeyCode::Right) => {
                *approve = !*approve
            }
            other => {
                if let Some(request) = to_input_request(other) {
                    note.handle(request);
                }
            }
        }
    }

    fn dialog_key(&mut self, key: &KeyEvent) -> Option<PoliciesCmd> {
        match key.code {
            KeyCode::Esc => {
                self.dialog = None;
                None
            }
            KeyCode::Enter => self.confirm(),
            _ => None,
        }
    }

    fn confirm(&mut self) -> Option<PoliciesCmd> {
        let request = self.write.issue();
        match self.dialog.as_mut()? {
            Dialog::Decide {
                referral,
                approve,
                note,
                status,
            } => {
                if *status == SaveStatus::Saving {
                    return None;
                }
                *status = SaveStatus::Saving;
                Some(PoliciesCmd::Decide {
                    request,
                    referral_id: referral.referral_id,
                    version: referral.version,
                    approve: *approve,
                    note: note.value().to_string(),
                })
            }
            Dialog::Issue { quote, status } => {
                if *status == SaveStatus::Saving {
                    return None;
                }
                *status = SaveStatus::Saving;
                Some(PoliciesCmd::IssueQuote {
                    request,
                    policy_id: quote.policy_id,
                    version: quote.version,
                })
            }
        }
    }

    /// A decision came back: done (the list loads again) or refused (said in the dialog).
    pub fn on_decided(
        &mut self,
        request: u64,
        result: Result<bool, DecisionError>,
    ) -> Option<Message> {
        if !self.write.is_latest(request) {
            return None;
        }
        match result {
            Ok(approved) => {
                self.dialog = None;
                Some(if approved {
                    msg!("quotes-approved")
                } else {
                    msg!("quotes-declined")
                })
            }
            Err(error) => {
                if let Some(Dialog::Decide { status, .. }) = &mut self.dialog {
                    *status = SaveStatus::Failed(error.message());
                }
                None
            }
        }
    }

    pub fn on_issued(
        &mut self,
        request: u64,
        result: Result<IssueOutcome, IssueError>,
    ) -> Option<Message> {
        if !self.write.is_latest(request) {
            return None;
        }
        match result {
            Ok(IssueOutcome::Issued { policy_number, .. }) => {
                self.dialog = None;
                Some(msg!("policy-issued", number = policy_number.as_str()))
            }
            Ok(
                IssueOutcome::Referred { quote_number, .. }
                | IssueOutcome::Quoted { quote_number, .. },
            ) => {
                self.dialog = None;
                Some(msg!(
                    "quotes-still-referred",
                    number = quote_number.as_str()
                ))
            }
            Err(error) => {
                if let Some(Dialog::Issue { status, .. }) = &mut self.dialog {
                    *status = SaveStatus::Failed(error.message());
                }
                None
            }
        }
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        self.relabel(RowsUi {
            lang: ui.lang,
            calendar: ui.calendar,
        });
        let [summary_area, table_area] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        let summary = match &self.list {
            Remote::Idle | Remote::Loading => Line::styled(
                format!(
                    "{} {}",
                    crate::tui::widgets::spinner(ui.tick),
                    tr!(ui.lang, "quotes-loading")
                ),
                ui.theme.muted(),
            ),
            Remote::Failed(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Remote::Loaded(list) => Line::styled(
                tr!(
                    ui.lang,
                    "quotes-summary",
                    quotes = list.quotes.len() as i64,
                    referrals = list.referrals.len() as i64
                ),
                ui.theme.muted(),
            ),
        };
        frame.render_widget(Paragraph::new(summary), summary_area);
        self.table.render(frame, table_area, ui.lang, ui.theme);
        if let Some(dialog) = &self.dialog {
            render_dialog(frame, dialog, ui);
        }
    }
}

/// What the rows need to be written in the person's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowsUi {
    pub lang: crate::i18n::Lang,
    pub calendar: crate::i18n::Calendar,
}

fn row(quote: &OpenQuote, ui: &RowsUi) -> TableRow {
    let referrals = if quote.referrals_declined > 0 {
        crate::i18n::text(
            ui.lang,
            "quotes-declined-count",
            &[("count", quote.referrals_declined.into())],
        )
    } else if quote.referrals_pending > 0 {
        crate::i18n::text(
            ui.lang,
            "quotes-waiting-count",
            &[("count", quote.referrals_pending.into())],
        )
    } else if quote.referrals_approved > 0 {
        tr!(ui.lang, "quotes-approved-all")
    } else {
        tr!(ui.lang, "quotes-no-referral")
    };
    let tone = if quote.referrals_declined > 0 {
        Tone::Bad
    } else if quote.referrals_pending > 0 {
        Tone::Warning
    } else {
        Tone::Good
    };
    TableRow {
        cells: vec![
            quote.quote_number.clone(),
            labels::policy_type(&quote.policy_type).text(ui.lang),
            quote.customer_name.clone(),
            quote.plate.clone(),
            date(ui.lang, ui.calendar, quote.start_date),
            money(quote.total_premium),
            referrals,
            quote.created_by_name.clone().unwrap_or_default(),
        ],
        sort_keys: vec![
            SortKey::Text(quote.quote_number.clone()),
            SortKey::Text(quote.policy_type.clone()),
            SortKey::Text(quote.customer_name.clone()),
            SortKey::Text(quote.plate.clone()),
            SortKey::Text(quote.start_date.to_string()),
            SortKey::Number(quote.total_premium),
            SortKey::Number(Decimal::from(quote.referrals_pending)),
            SortKey::Text(quote.created_by_name.clone().unwrap_or_default()),
        ],
        tone,
    }
}

fn render_dialog(frame: &mut Frame, dialog: &Dialog, ui: &Ui) {
    match dialog {
        Dialog::Decide {
            referral,
            approve,
            note,
            status,
        } => {
            let choice = |on: bool, key: &'static str| {
                let text = crate::i18n::text(ui.lang, key, &[]);
                if on {
                    format!("[● {text}]")
                } else {
                    format!(" ○ {text} ")
                }
            };
            let mut lines = vec![
                Line::from(format!(
                    "{} · {} · {}",
                    referral.quote_number,
                    labels::policy_type(&referral.policy_type).text(ui.lang),
                    referral.customer_name
                )),
                Line::from(format!("{} {}", referral.plate, referral.province)),
                Line::from(""),
                Line::styled(
                    tr!(
                        ui.lang,
                        "enum-referral-rule",
                        value = referral.rule.as_str()
                    ),
                    ui.theme.warning(),
                ),
                Line::from(referral.reason.clone()),
                Line::from(tr!(
                    ui.lang,
                    "quotes-authority-needed",
                    amount = money(referral.required_authority)
                )),
                Line::from(tr!(
                    ui.lang,
                    "quotes-referred-by",
                    who = referral.referred_by_name.clone().unwrap_or_default(),
                    when = date_time(ui.lang, ui.calendar, referral.referred_at)
                )),
                Line::from(""),
                Line::from(format!(
                    "{}   {}",
                    choice(*approve, "quotes-approve"),
                    choice(!*approve, "quotes-decline")
                )),
                Line::from(format!(
                    "{}: {}▏",
                    tr!(ui.lang, "quotes-note"),
                    note.value()
                )),
                Line::from(""),
                status_line(status, key!("quotes-decide-keys"), ui),
            ];
            if !referral.approvable() {
                lines.insert(
                    8,
                    Line::styled(
                        tr!(ui.lang, "quotes-not-yours-to-approve"),
                        ui.theme.warning(),
                    ),
                );
            }
            modal::framed(frame, &tr!(ui.lang, "quotes-decide-title"), lines, ui.theme);
        }
        Dialog::Issue { quote, status } => {
            let lines = vec![
                Line::from(tr!(ui.lang, "policy-confirm-issue")),
                Line::from(""),
                Line::from(format!(
                    "{} · {} · {}",
                    quote.quote_number,
                    labels::policy_type(&quote.policy_type).text(ui.lang),
                    money(quote.total_premium)
                )),
                Line::from(format!("{} — {}", quote.plate, quote.customer_name)),
                Line::from(""),
                status_line(status, key!("policy-confirm-keys"), ui),
            ];
            modal::framed(
                frame,
                &tr!(ui.lang, "policy-confirm-title"),
                lines,
                ui.theme,
            );
        }
    }
}
