//! The small prompts of the claim detail, one per action that changes the claim: a reason
//! for a status change, an amount to approve, the settlement's payee, the person to assign
//! or send. Each prompt is its own confirmation: Enter sends it, Esc drops it. What was
//! typed stays when the database refuses or someone else changed the claim first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::work::Change;
use crate::db::claim_queue::StaffChoice;
use crate::db::claim_work::{PayeeType, SettlementDraft, SettlementType};
use crate::db::claims::ClaimFacts;
use crate::domain::claim_flow::ClaimStatus;
use crate::i18n::{Message, money};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{SaveStatus, status_line};
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::modal;
use crate::{key, msg, tr};

/// Reason prompts, and the assign prompt's second field.
const REASON: usize = 0;
/// The approval's amount, then its reason.
const AMOUNT: usize = 0;
const APPROVE_REASON: usize = 1;
/// The person chosen (assign, send a surveyor), then the reason.
const PERSON: usize = 0;
const ASSIGN_REASON: usize = 1;
/// The settlement's fields.
const SETTLEMENT_TYPE: usize = 0;
const PAYEE_TYPE: usize = 1;
const PAYEE_NAME: usize = 2;
const AT_FAULT: usize = 3;
const BANK_CODE: usize = 4;
const BANK_ACCOUNT: usize = 5;

const SETTLEMENT_TYPES: [SettlementType; 5] = [
    SettlementType::Repair,
    SettlementType::Cash,
    SettlementType::TotalLoss,
    SettlementType::ThirdParty,
    SettlementType::Medical,
];
const PAYEE_TYPES: [PayeeType; 4] = [
    PayeeType::Insured,
    PayeeType::RepairShop,
    PayeeType::ThirdParty,
    PayeeType::Hospital,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A status change with its reason (investigate, reject, close).
    Move(ClaimStatus),
    Approve,
    Settle,
    Assign,
    SendSurveyor,
}

/// The figures a prompt shows beside its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    pub claim_number: String,
    pub status: String,
    pub assessed: Option<Decimal>,
    pub requested: Option<Decimal>,
    pub requested_by: Option<String>,
    pub approved: Option<Decimal>,
    pub deductible: Decimal,
    pub excess: Decimal,
    /// The approver's own authority.
    pub authority: Decimal,
    /// Who has the claim now (not offered again).
    pub adjuster_id: Option<Uuid>,
    pub surveyor_id: Option<Uuid>,
}

impl Figures {
    pub fn of(facts: &ClaimFacts, authority: Decimal) -> Figures {
        Figures {
            claim_number: facts.claim_number.clone(),
            status: facts.status.clone(),
            assessed: facts.assessed_amount,
            requested: facts.approval_requested_amount,
            requested_by: facts.approval_requested_by_name.clone(),
            approved: facts.approved_amount,
            deductible: facts.deductible,
            excess: facts.excess,
            authority,
            adjuster_id: facts.adjuster_id,
            surveyor_id: facts.surveyor_id,
        }
    }
}

/// What the insurer pays: the approved amount less the deductible and the excess, never
/// below nothing.
pub fn net(approved: Decimal, deductible: Decimal, excess: Decimal) -> Decimal {
    (approved - deductible - excess).max(Decimal::ZERO)
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    pub claim_id: Uuid,
    /// The claim's version the change is made against (a conflict brings the newer one).
    pub version: i32,
    pub figures: Figures,
    pub form: Form,
    pub status: SaveStatus,
    /// The staff list is in (assign, send a surveyor).
    pub staff_offered: bool,
}

impl Prompt {
    pub fn new(kind: PromptKind, facts: &ClaimFacts, authority: Decimal) -> Prompt {
        let figures = Figures::of(facts, authority);
        let form = match kind {
            PromptKind::Move(_) => Form::new(vec![Field::text(key!("claims-prompt-reason"))]),
            PromptKind::Approve => approve_form(&figures),
            PromptKind::Settle => settle_form(facts),
            PromptKind::Assign => Form::new(vec![
                Field::choice(key!("claims-prompt-adjuster"), Vec::new()),
                Field::text(key!("claims-prompt-reason")),
            ]),
            PromptKind::SendSurveyor => Form::new(vec![Field::choice(
                key!("claims-prompt-surveyor"),
                Vec::new(),
            )]),
        };
        Prompt {
            kind,
            claim_id: facts.id,
            version: facts.version,
            figures,
            form,
            status: SaveStatus::Editing,
            staff_offered: false,
        }
    }

    /// Whether the prompt chooses a person from the staff list.
    pub fn wants_staff(&self) -> bool {
        matches!(self.kind, PromptKind::Assign | PromptKind::SendSurveyor)
    }

    /// The people this prompt offers: active adjusters to assign to, or surveyors to send,
    /// but not the one who has the claim already.
    pub fn offer_staff(&mut self, staff: &[StaffChoice]) {
        let (group, current) = match self.kind {
            PromptKind::Assign => ("prakan_adjuster", self.figures.adjuster_id),
            PromptKind::SendSurveyor => ("prakan_surveyor", self.figures.surveyor_id),
            _ => return,
        };
        let options: Vec<ChoiceOption> = staff
            .iter()
            .filter(|s| s.group_role == group && Some(s.id) != current)
            .map(|s| ChoiceOption {
                value: s.id.to_string(),
                label: staff_label(s, group),
            })
            .collect();
        let field = &mut self.form.fields[PERSON];
        *field = Field::choice(field.label, options);
        self.staff_offered = true;
    }

    /// The change typed, or the sentence beside the field that does not read.
    pub fn submit(&mut self) -> Option<Change> {
        self.form.clear_errors();
        let change = match self.kind {
            PromptKind::Move(to) => self
                .reason(REASON)
                .map(|reason| Change::Move { to, reason }),
            PromptKind::Approve => self.approval(),
            PromptKind::Settle => self.settlement().map(Change::Settle),
            PromptKind::Assign => self.person().and_then(|adjuster_id| {
                self.reason(ASSIGN_REASON).map(|reason| Change::Assign {
                    adjuster_id,
                    reason,
                })
            }),
            PromptKind::SendSurveyor => self
                .person()
                .map(|surveyor_id| Change::SendSurveyor { surveyor_id }),
        };
        if change.is_none() {
            self.form.focus_first_error();
        }
        change
    }

    fn refuse<T>(&mut self, field: usize, message: Message) -> Option<T> {
        self.form.set_error(field, Some(message));
        None
    }

    fn reason(&mut self, field: usize) -> Option<String> {
        let reason = self.form.value(field).trim().to_string();
        if reason.is_empty() {
            return self.refuse(field, msg!("claims-prompt-reason-needed"));
        }
        Some(reason)
    }

    fn person(&mut self) -> Option<Uuid> {
        match Uuid::parse_str(self.form.value(PERSON)) {
            Ok(id) => Some(id),
            Err(_) => self.refuse(PERSON, msg!("claims-prompt-nobody")),
        }
    }

    fn approval(&mut self) -> Option<Change> {
        let amount = self.amount();
        let reason = self.reason(APPROVE_REASON);
        Some(Change::Approve {
            amount: amount?,
            reason: reason?,
        })
    }

    /// The amount typed: baht and satang, more than nothing.
    pub fn amount(&mut self) -> Option<Decimal> {
        match read_amount(self.form.value(AMOUNT)) {
            Some(amount) => Some(amount),
            None => self.refuse(AMOUNT, msg!("claims-prompt-bad-amount")),
        }
    }

    fn settlement(&mut self) -> Option<SettlementDraft> {
        let payee_name = self.form.value(PAYEE_NAME).trim().to_string();
        if payee_name.is_empty() {
            return self.refuse(PAYEE_NAME, msg!("claims-prompt-payee-needed"));
        }
        let (bank_code, bank_account) = self.bank()?;
        let settlement_type = SETTLEMENT_TYPES
            .into_iter()
            .find(|t| t.as_db() == self.form.value(SETTLEMENT_TYPE))?;
        let payee_type = PAYEE_TYPES
            .into_iter()
            .find(|t| t.as_db() == self.form.value(PAYEE_TYPE))?;
        Some(SettlementDraft {
            settlement_type,
            payee_type,
            payee_name,
            at_fault: self.form.is_on(AT_FAULT),
            bank_code,
            bank_account,
        })
    }

    /// The payee's bank: both or neither; a three-digit bank code, an account of 10 to 15
    /// digits (dashes allowed).
    fn bank(&mut self) -> Option<(Option<String>, Option<String>)> {
        let code = self.form.value(BANK_CODE).trim().to_string();
        let account: String = self
            .form
            .value(BANK_ACCOUNT)
            .chars()
            .filter(|c| !matches!(c, '-' | ' '))
            .collect();
        match (code.is_empty(), account.is_empty()) {
            (true, true) => return Some((None, None)),
            (false, true) => {
                return self.refuse(BANK_ACCOUNT, msg!("claims-prompt-account-needed"));
            }
            (true, false) => return self.refuse(BANK_CODE, msg!("claims-prompt-bank-needed")),
            (false, false) => {}
        }
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_digit()) {
            return self.refuse(BANK_CODE, msg!("claims-prompt-bad-bank"));
        }
        if !(10..=15).contains(&account.len()) || !account.chars().all(|c| c.is_ascii_digit()) {
            return self.refuse(BANK_ACCOUNT, msg!("claims-prompt-bad-account"));
        }
        Some((Some(code), Some(account)))
    }

    pub fn title(&self) -> &'static str {
        match self.kind {
            PromptKind::Move(ClaimStatus::Investigating) => key!("claims-prompt-investigate"),
            PromptKind::Move(ClaimStatus::Rejected) => key!("claims-prompt-reject"),
            PromptKind::Move(_) => key!("claims-prompt-close"),
            PromptKind::Approve => key!("claims-prompt-approve"),
            PromptKind::Settle => key!("claims-prompt-settle"),
            PromptKind::Assign => key!("claims-prompt-assign"),
            PromptKind::SendSurveyor => key!("claims-prompt-send-surveyor"),
        }
    }

    pub fn render(&self, frame: &mut Frame, ui: &Ui) {
        let facts = self.facts(ui);
        let height = facts.len() as u16 + 1 + self.form.height() + 3;
        let area = modal::centered(frame.area(), 76, height);
        frame.render_widget(Clear, area);
        let title = format!(
            " {} · {} ",
            crate::i18n::text(ui.lang, self.title(), &[]),
            self.figures.claim_number
        );
        let block = Block::bordered().title(Line::styled(title, ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [facts_area, form_area, status_area] = Layout::vertical([
            Constraint::Length(facts.len() as u16 + 1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(facts), facts_area);
        let active = self.status != SaveStatus::Saving;
        self.form
            .render(frame, form_area, ui.lang, ui.theme, active);
        frame.render_widget(
            Paragraph::new(status_line(&self.status, key!("claims-prompt-keys"), ui)),
            status_area,
        );
    }

    /// The lines above the fields: what the change does, with its figures.
    fn facts(&self, ui: &Ui) -> Vec<Line<'static>> {
        let lang = ui.lang;
        let f = &self.figures;
        let from = crate::tui::screens::customers::labels::claim_status(&f.status).text(lang);
        match self.kind {
            PromptKind::Move(to) => vec![Line::from(tr!(
                lang,
                "claims-prompt-move",
                from = from,
                to = crate::tui::screens::customers::labels::claim_status(to.as_db()).text(lang)
            ))],
            PromptKind::Approve => self.approval_facts(ui),
            PromptKind::Settle => {
                let approved = f.approved.unwrap_or_default();
                vec![
                    Line::from(tr!(
                        lang,
                        "claims-prompt-deductions",
                        approved = money(approved),
                        deductible = money(f.deductible),
                        excess = money(f.excess)
                    )),
                    Line::styled(
                        tr!(
                            lang,
                            "claims-prompt-net",
                            net = money(net(approved, f.deductible, f.excess))
                        ),
                        ui.theme.title(),
                    ),
                    Line::styled(tr!(lang, "claims-prompt-settle-note"), ui.theme.muted()),
                ]
            }
            PromptKind::Assign | PromptKind::SendSurveyor if !self.staff_offered => {
                vec![Line::styled(
                    tr!(lang, "claims-prompt-staff-loading"),
                    ui.theme.muted(),
                )]
            }
            PromptKind::Assign => vec![Line::styled(
                tr!(lang, "claims-prompt-assign-note"),
                ui.theme.muted(),
            )],
            PromptKind::SendSurveyor => vec![Line::styled(
                tr!(lang, "claims-prompt-surveyor-note"),
                ui.theme.muted(),
            )],
        }
    }

    fn approval_facts(&self, ui: &Ui) -> Vec<Line<'static>> {
        let lang = ui.lang;
        let f = &self.figures;
        let mut lines = vec![Line::from(tr!(
            lang,
            "claims-prompt-assessed",
            amount = f.assessed.map(money).unwrap_or_else(|| "–".into())
        ))];
        if let Some(requested) = f.requested {
            lines.push(Line::from(tr!(
                lang,
                "claims-prompt-requested",
                amount = money(requested),
                who = f.requested_by.clone().unwrap_or_else(|| "–".into())
            )));
        }
        lines.push(Line::from(tr!(
            lang,
            "claims-prompt-authority",
            amount = money(f.authority)
        )));
        if read_amount(self.form.value(AMOUNT)).is_some_and(|a| a > f.authority) {
            lines.push(Line::styled(
                tr!(lang, "claims-prompt-over-authority"),
                ui.theme.warning(),
            ));
        }
        lines
    }
}

/// Baht with up to two decimals, commas allowed, more than nothing.
pub fn read_amount(typed: &str) -> Option<Decimal> {
    let plain: String = typed.chars().filter(|c| *c != ',').collect();
    let amount = plain.trim().parse::<Decimal>().ok()?;
    (amount > Decimal::ZERO && amount.scale() <= 2).then_some(amount)
}

fn approve_form(figures: &Figures) -> Form {
    let mut form = Form::new(vec![
        Field::text(key!("claims-prompt-amount")),
        Field::text(key!("claims-prompt-reason")),
    ]);
    let default = figures.requested.or(figures.assessed);
    form.set_value(
        AMOUNT,
        &default
            .map(|a| a.normalize().to_string())
            .unwrap_or_default(),
    );
    form.mark_clean();
    form
}

fn settle_form(facts: &ClaimFacts) -> Form {
    let choices = |values: Vec<&'static str>, label: fn(&str) -> Message| {
        values
            .into_iter()
            .map(|value| ChoiceOption {
                value: value.to_string(),
                label: label(value),
            })
            .collect::<Vec<_>>()
    };
    let mut form = Form::new(vec![
        Field::choice(
            key!("claims-prompt-settlement-type"),
            choices(
                SETTLEMENT_TYPES.iter().map(|t| t.as_db()).collect(),
                settlement_type_label,
            ),
        ),
        Field::choice(
            key!("claims-prompt-payee-type"),
            choices(
                PAYEE_TYPES.iter().map(|t| t.as_db()).collect(),
                payee_type_label,
            ),
        ),
        Field::text(key!("claims-prompt-payee-name")),
        Field::toggle(key!("claims-prompt-at-fault"), false),
        Field::text(key!("claims-prompt-bank-code"))
            .with_placeholder(msg!("claims-prompt-bank-code-placeholder")),
        Field::text(key!("claims-prompt-bank-account")),
    ]);
    form.set_value(PAYEE_NAME, &facts.customer_name);
    form.mark_clean();
    form
}

pub fn settlement_type_label(value: &str) -> Message {
    msg!("claims-settlement-type", value = value)
}

pub fn payee_type_label(value: &str) -> Message {
    msg!("claims-payee-type", value = value)
}

fn staff_label(staff: &StaffChoice, group: &str) -> Message {
    if group == "prakan_adjuster" {
        msg!(
            "claims-staff-adjuster",
            name = staff.name.as_str(),
            authority = money(staff.authority_limit)
        )
    } else {
        msg!("claims-staff-surveyor", name = staff.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn amounts_are_baht_and_satang_above_nothing() {
        assert_eq!(read_amount("12,500.50"), Some(dec!(12500.50)));
        assert_eq!(read_amount(" 800 "), Some(dec!(800)));
        assert_eq!(read_amount("0"), None);
        assert_eq!(read_amount("-5"), None);
        assert_eq!(read_amount("1.005"), None);
        assert_eq!(read_amount("many"), None);
    }

    #[test]
    fn the_net_takes_off_the_deductible_and_the_excess_and_never_goes_below_nothing() {
        assert_eq!(net(dec!(50000), dec!(5000), dec!(1000)), dec!(44000));
        assert_eq!(net(dec!(800), dec!(0), dec!(1000)), dec!(0));
    }
}
