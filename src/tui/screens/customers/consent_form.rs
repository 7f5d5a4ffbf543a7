//! PDPA consents: recording one (purpose, lawful basis, text version, channel, evidence)
//! and withdrawing one through a channel (the record stays as history).

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::Rect;
use uuid::Uuid;

use super::editor::{FormBox, options};
use super::editor::{Refusal, SaveStatus};
use super::labels;
use super::work::{CustomersCmd, Save};
use crate::db::customers::ConsentRow;
use crate::domain::consent::{
    CHANNELS, ConsentDraft, ConsentField, ConsentInput, LAWFUL_BASES, PURPOSES,
};
use crate::i18n::Lang;
use crate::tui::remote::RequestCounter;
use crate::tui::screens::Ui;
use crate::tui::widgets::form::{Field, Form};
use crate::{key, msg, tr};

pub const PURPOSE: usize = 0;
pub const BASIS: usize = 1;
pub const VERSION: usize = 2;
pub const CHANNEL: usize = 3;
pub const EVIDENCE: usize = 4;

#[derive(Debug, Clone)]
pub struct ConsentEditor {
    pub form: Form,
    pub customer: Uuid,
    pub status: SaveStatus,
    pub request: RequestCounter,
}

impl ConsentEditor {
    /// A new consent; the text version starts as the one most recently recorded.
    pub fn new(customer: Uuid, latest_version: Option<&str>) -> ConsentEditor {
        let mut form = Form::new(vec![
            Field::choice(
                key!("consent-purpose"),
                options(&PURPOSES, labels::consent_purpose),
            ),
            Field::choice(
                key!("consent-basis"),
                options(&LAWFUL_BASES, labels::lawful_basis),
            ),
            Field::text(key!("consent-version"))
                .with_placeholder(msg!("consent-placeholder-version")),
            Field::choice(key!("consent-channel"), options(&CHANNELS, labels::channel)),
            Field::text(key!("consent-evidence"))
                .with_placeholder(msg!("consent-placeholder-evidence")),
        ]);
        if let Some(version) = latest_version {
            form.set_value(VERSION, version);
        }
        ConsentEditor {
            form,
            customer,
            status: SaveStatus::Editing,
            request: RequestCounter::default(),
        }
    }

    pub fn edit(&mut self, event: &Event) {
        if self.status != SaveStatus::Saving {
            self.form.edit(event);
        }
    }

    pub fn submit(&mut self) -> Option<CustomersCmd> {
        if self.status == SaveStatus::Saving {
            return None;
        }
        let input = ConsentInput {
            purpose: self.form.value(PURPOSE).to_string(),
            lawful_basis: self.form.value(BASIS).to_string(),
            text_version: self.form.value(VERSION).to_string(),
            channel: self.form.value(CHANNEL).to_string(),
            evidence: self.form.value(EVIDENCE).to_string(),
        };
        match ConsentDraft::parse(&input) {
            Ok(draft) => {
                self.status = SaveStatus::Saving;
                Some(CustomersCmd::Save {
                    request: self.request.issue(),
                    save: Save::RecordConsent {
                        customer: self.customer,
                        draft,
                    },
                })
            }
            Err(problems) => {
                for (field, problem) in problems {
                    let index = match field {
                        ConsentField::TextVersion => VERSION,
                        ConsentField::Evidence => EVIDENCE,
                    };
                    self.form.set_error(index, Some(problem));
                }
                self.form.focus_first_error();
                self.status = SaveStatus::Failed(msg!("customers-form-has-errors"));
                None
            }
        }
    }

    pub fn refused(&mut self, refusal: Refusal) {
        match refusal {
            Refusal::Constraint(constraint, _)
                if constraint == "consent_records_live_purpose_key" =>
            {
                let message = msg!("consent-already-live");
                self.form.set_error(PURPOSE, Some(message.clone()));
                self.form.focus = PURPOSE;
                self.status = SaveStatus::Failed(message);
            }
            Refusal::Conflict(_) => self.status = SaveStatus::Failed(msg!("customers-record-gone")),
            Refusal::Constraint(_, message) | Refusal::Other(message) => {
                self.status = SaveStatus::Failed(message)
            }
        }
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let title = tr!(ui.lang, "consent-new-title");
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: None,
            active: true,
            keys: key!("customers-form-keys-simple"),
        }
        .render(frame, area, ui);
    }
}

/// Withdrawing a live consent: through which channel the customer asked.
#[derive(Debug, Clone)]
pub struct WithdrawDialog {
    pub form: Form,
    pub consent: Uuid,
    pub version: i32,
    pub purpose: String,
    pub status: SaveStatus,
    pub request: RequestCounter,
}

impl WithdrawDialog {
    pub fn new(consent: &ConsentRow) -> WithdrawDialog {
        WithdrawDialog {
            form: Form::new(vec![Field::choice(
                key!("consent-withdrawal-channel"),
                options(&CHANNELS, labels::channel),
            )]),
            consent: consent.id,
            version: consent.version,
            purpose: consent.purpose.clone(),
            status: SaveStatus::Editing,
            request: RequestCounter::default(),
        }
    }

    pub fn edit(&mut self, event: &Event) {
        if self.status != SaveStatus::Saving {
            self.form.edit(event);
        }
    }

    pub fn submit(&mut self) -> Option<CustomersCmd> {
        if self.status == SaveStatus::Saving {
            return None;
        }
        self.status = SaveStatus::Saving;
        Some(CustomersCmd::Save {
            request: self.request.issue(),
            save: Save::WithdrawConsent {
                id: self.consent,
                version: self.version,
                channel: self.form.value(0).to_string(),
            },
        })
    }

    pub fn refused(&mut self, refusal: Refusal) {
        self.status = SaveStatus::Failed(match refusal {
            Refusal::Conflict(_) => msg!("consent-changed-meanwhile"),
            Refusal::Constraint(_, message) | Refusal::Other(message) => message,
        });
    }

    pub fn render(&self, frame: &mut Frame, area: Rect, ui: &Ui, lang: Lang) {
        let title = tr!(
            ui.lang,
            "consent-withdraw-title",
            purpose = labels::consent_purpose(&self.purpose).text(lang)
        );
        FormBox {
            title: &title,
            form: &self.form,
            status: &self.status,
            conflict: None,
            active: true,
            keys: key!("consent-withdraw-keys"),
        }
        .render(frame, area, ui);
    }
}
