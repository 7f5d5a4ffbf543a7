//! The prompts of the finance screen, one per change: a counter payment, matching a line
//! to a candidate, splitting it across several, disputing it, undoing a match, paying out.
//! Enter sends (a split and a payout first show what will be recorded, and a second Enter
//! sends), Esc drops the prompt (or goes back from that last look). What was typed stays
//! when the database refuses or someone else changed the record first.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use crossterm::event::Event;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use uuid::Uuid;

use super::work::{StatementRow, Write};
use crate::db::reconcile::withholding_on;
use crate::db::reconcile_work::{
    Allocation, Candidate, CounterMethod, CounterPayment, OpenLine, OwedPayment, Payout, Transfer,
    mask_account,
};
use crate::i18n::{Message, date, money};
use crate::tui::keymap::Action;
use crate::tui::screens::Ui;
use crate::tui::screens::customers::editor::{SaveStatus, status_line};
use crate::tui::screens::customers::labels;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::{modal, text};
use crate::{key, msg, tr};

/// The counter payment's fields.
const METHOD: usize = 0;
const CHEQUE_NUMBER: usize = 1;
const SLIP_REFERENCE: usize = 2;
const LAST_FOUR: usize = 3;
const WITHHOLDING: usize = 4;
/// The note of a dispute, the reason of an unmatch.
const NOTE: usize = 0;
/// The payout's fields.
const BANK_CODE: usize = 0;
const ACCOUNT: usize = 1;
const TRANSFER_REFERENCE: usize = 2;
const PAID_ON: usize = 3;

const METHODS: [CounterMethod; 3] = [
    CounterMethod::Cash,
    CounterMethod::Cheque,
    CounterMethod::Card,
];

/// Thai bank codes and their short names (DOMAIN §7).
pub const BANKS: [(&str, &str); 23] = [
    ("002", "BBL"),
    ("004", "KBANK"),
    ("006", "KTB"),
    ("011", "TTB"),
    ("014", "SCB"),
    ("017", "CITI"),
    ("020", "SCBT"),
    ("022", "CIMBT"),
    ("024", "UOBT"),
    ("025", "BAY"),
    ("030", "GSB"),
    ("031", "HSBC"),
    ("033", "GHB"),
    ("034", "BAAC"),
    ("035", "EXIM"),
    ("065", "TBANK"),
    ("066", "ISBT"),
    ("067", "TISCO"),
    ("069", "KKP"),
    ("070", "ICBCT"),
    ("071", "TCRB"),
    ("073", "LHBANK"),
    ("098", "SME D"),
];

/// The short name of a Thai bank code.
pub fn bank_name(code: &str) -> Option<&'static str> {
    BANKS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

#[derive(Debug, Clone, PartialEq)]
pub enum PromptKind {
    Counter(Box<OwedPayment>),
    /// A confirmation: the line pays the candidate.
    Match {
        line: Box<OpenLine>,
        candidate: Box<Candidate>,
    },
    /// An amount for each candidate included (Space).
    Split {
        line: Box<OpenLine>,
        candidates: Vec<Candidate>,
        included: Vec<bool>,
    },
    Dispute(Box<OpenLine>),
    Unmatch(Box<StatementRow>),
    Payout(Box<Payout>),
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub kind: PromptKind,
    /// The record changed (the line or the payment), at the version it was loaded at (a
    /// conflict brings the newer one).
    pub id: Uuid,
    pub version: i32,
    pub form: Form,
    pub status: SaveStatus,
    /// What will be recorded is on show; the next Enter sends it.
    pub confirming: bool,
}

/// What a juristic customer withheld when `amount` pays `candidate`: what is missing from
/// what is due, when the candidate allows withholding and the shortfall is within it.
pub fn withholding_for(candidate: &Candidate, amount: Decimal) -> Decimal {
    let short = candidate.amount_due - amount;
    if candidate.withholding > Decimal::ZERO
        && short > Decimal::ZERO
        && short <= candidate.withholding
    {
        short
    } else {
        Decimal::ZERO
    }
}

/// The part of a line that pays a candidate: the line, at most what is due.
pub fn allocation_for(line: &OpenLine, candidate: &Candidate) -> Allocation {
    let amount = line.amount.min(candidate.amount_due);
    Allocation {
        payment_id: candidate.payment_id,
        payment_created_at: candidate.payment_created_at,
        amount,
        withholding: withholding_for(candidate, amount),
    }
}

/// Baht with up to two decimals, commas allowed, more than nothing.
pub fn read_amount(typed: &str) -> Option<Decimal> {
    let plain: String = typed.chars().filter(|c| *c != ',').collect();
    let amount = plain.trim().parse::<Decimal>().ok()?;
    (amount > Decimal::ZERO && amount.scale() <= 2).then_some(amount)
}

/// Baht with up to two decimals, nothing allowed (an empty field is nothing).
fn read_amount_or_zero(typed: &str) -> Option<Decimal> {
    if typed.trim().is_empty() {
        return Some(Decimal::ZERO);
    }
    let plain: String = typed.chars().filter(|c| *c != ',').collect();
    let amount = plain.trim().parse::<Decimal>().ok()?;
    (amount >= Decimal::ZERO && amount.scale() <= 2).then_some(amount)
}

fn digits(typed: &str) -> String {
    typed.chars().filter(|c| !matches!(c, '-' | ' ')).collect()
}

impl Prompt {
    fn new(kind: PromptKind, id: Uuid, version: i32, form: Form) -> Prompt {
        Prompt {
            kind,
            id,
            version,
            form,
            status: SaveStatus::Editing,
            confirming: false,
        }
    }

    pub fn counter(payment: &OwedPayment) -> Prompt {
        let methods = METHODS
            .iter()
            .map(|m| ChoiceOption {
                value: m.as_db().to_string(),
                label: labels::payment_method(m.as_db()),
            })
            .collect();
        let mut form = Form::new(vec![
            Field::choice(key!("reconcile-counter-method"), methods),
            Field::text(key!("reconcile-counter-cheque")),
            Field::text(key!("reconcile-counter-slip")),
            Field::text(key!("reconcile-counter-last-four")),
            Field::text(key!("reconcile-counter-withholding")),
        ]);
        form.set_value(WITHHOLDING, "0");
        form.mark_clean();
        let mut prompt = Prompt::new(
            PromptKind::Counter(Box::new(payment.clone())),
            payment.id,
            payment.version,
            form,
        );
        prompt.show_method_fields();
        prompt
    }

    pub fn match_line(line: &OpenLine, candidate: &Candidate) -> Prompt {
        Prompt::new(
            PromptKind::Match {
                line: Box::new(line.clone()),
                candidate: Box::new(candidate.clone()),
            },
            line.id,
            line.version,
            Form::new(Vec::new()),
        )
    }

    pub fn split(line: &OpenLine, candidates: &[Candidate]) -> Prompt {
        let form = Form::new(
            candidates
                .iter()
                .map(|_| Field::text(key!("reconcile-split-amount")))
                .collect(),
        );
        Prompt::new(
            PromptKind::Split {
                line: Box::new(line.clone()),
                candidates: candidates.to_vec(),
                included: vec![false; candidates.len()],
            },
            line.id,
            line.version,
            form,
        )
    }

    pub fn dispute(line: &OpenLine) -> Prompt {
        let mut form = Form::new(vec![Field::text(key!("reconcile-dispute-note"))]);
        if let Some(note) = &line.dispute_note {
            form.set_value(NOTE, note);
            form.mark_clean();
        }
        Prompt::new(
            PromptKind::Dispute(Box::new(line.clone())),
            line.id,
            line.version,
            form,
        )
    }

    pub fn unmatch(row: &StatementRow) -> Prompt {
        Prompt::new(
            PromptKind::Unmatch(Box::new(row.clone())),
            row.id,
            row.version,
            Form::new(vec![Field::text(key!("reconcile-unmatch-reason"))]),
        )
    }

    /// A payout's transfer, paid today unless another day is typed (`today` as shown).
    pub fn payout(payout: &Payout, today: String) -> Prompt {
        let mut form = Form::new(vec![
            Field::text(key!("reconcile-payout-bank"))
                .with_placeholder(msg!("reconcile-payout-bank-placeholder")),
            Field::text(key!("reconcile-payout-account")),
            Field::text(key!("reconcile-payout-reference")),
            Field::text(key!("reconcile-payout-date")),
        ]);
        if let Some(code) = &payout.bank_code {
            form.set_value(BANK_CODE, code);
        }
        // A stored account is masked (xxx-x-x1234-x): the transfer's account is typed whole.
        if let Some(account) = payout
            .bank_account_number
            .as_ref()
            .filter(|account| !account.contains('x'))
        {
            form.set_value(ACCOUNT, account);
        }
        form.set_value(PAID_ON, &today);
        form.mark_clean();
        let mut prompt = Prompt::new(
            PromptKind::Payout(Box::new(payout.clone())),
            payout.id,
            payout.version,
            form,
        );
        prompt.note_payout_fields();
        prompt
    }

    pub fn is_split(&self) -> bool {
        matches!(self.kind, PromptKind::Split { .. })
    }

    /// Whether printable keys type into a field.
    pub fn is_typing(&self) -> bool {
        !self.form.fields.is_empty() && !self.confirming && self.status != SaveStatus::Saving
    }

    pub fn is_dirty(&self) -> bool {
        self.form.is_dirty()
    }

    pub fn next(&mut self) {
        if self.is_typing() {
            self.form.next();
        }
    }

    pub fn previous(&mut self) {
        if self.is_typing() {
            self.form.previous();
        }
    }

    /// Esc: back from the last look to the fields (false), or drop the prompt (true).
    pub fn back(&mut self) -> bool {
        if self.confirming && self.status != SaveStatus::Saving {
            self.confirming = false;
            self.status = SaveStatus::Editing;
            return false;
        }
        true
    }

    /// A key or paste for the focused field; Space includes a candidate in a split.
    pub fn edit(&mut self, event: &Event, action: Option<Action>) {
        if !self.is_typing() {
            return;
        }
        if action == Some(Action::Select) && self.is_split() {
            self.toggle_included();
            return;
        }
        if self.form.edit(event) {
            if matches!(self.status, SaveStatus::Failed(_)) {
                self.status = SaveStatus::Editing;
            }
            match self.kind {
                PromptKind::Counter(_) if self.form.focus == METHOD => self.show_method_fields(),
                PromptKind::Payout(_) => self.note_payout_fields(),
                PromptKind::Split { .. } => self.include_typed(),
                _ => {}
            }
        }
    }

    /// Cheque number for a cheque, slip reference and last four digits for a card.
    fn show_method_fields(&mut self) {
        let method = self.form.value(METHOD).to_string();
        self.form
            .set_hidden(CHEQUE_NUMBER, method != CounterMethod::Cheque.as_db());
        let card = method == CounterMethod::Card.as_db();
        self.form.set_hidden(SLIP_REFERENCE, !card);
        self.form.set_hidden(LAST_FOUR, !card);
        if self.form.focus != METHOD && self.form.fields[self.form.focus].hidden {
            self.form.focus = METHOD;
        }
    }

    /// The bank's name under its code, and the account as it will be kept, as they are typed.
    fn note_payout_fields(&mut self) {
        let code = self.form.value(BANK_CODE).trim().to_string();
        let bank = bank_name(&code).map(|name| msg!("reconcile-payout-bank-name", name = name));
        self.form.set_note(BANK_CODE, bank);
        let account = self.form.value(ACCOUNT).trim().to_string();
        let masked = (!account.is_empty())
            .then(|| msg!("reconcile-payout-masked", account = mask_account(&account)));
        self.form.set_note(ACCOUNT, masked);
    }

    /// Space on a split's row: include the candidate with what is left of the line (at most
    /// what is due), or leave it out.
    fn toggle_included(&mut self) {
        let focus = self.form.focus;
        let left = self.split_left();
        let PromptKind::Split {
            candidates,
            included,
            ..
        } = &mut self.kind
        else {
            return;
        };
        included[focus] = !included[focus];
        if included[focus] {
            if self.form.value(focus).trim().is_empty() {
                let due = candidates[focus].amount_due;
                let amount = if left > Decimal::ZERO {
                    left.min(due)
                } else {
                    due
                };
                self.form.set_value(focus, &amount.to_string());
            }
        } else {
            self.form.set_value(focus, "");
            self.form.set_error(focus, None);
        }
        self.form.mark_touched();
        self.status = SaveStatus::Editing;
    }

    /// Typing an amount on a split's row includes its candidate; emptying it leaves it out.
    fn include_typed(&mut self) {
        let focus = self.form.focus;
        let typed = !self.form.value(focus).trim().is_empty();
        if let PromptKind::Split { included, .. } = &mut self.kind {
            included[focus] = typed;
        }
    }

    /// The amounts of a split's included rows that read, in baht.
    fn split_total(&self) -> Decimal {
        match &self.kind {
            PromptKind::Split { included, .. } => included
                .iter()
                .enumerate()
                .filter(|(_, on)| **on)
                .filter_map(|(i, _)| read_amount(self.form.value(i)))
                .sum(),
            _ => Decimal::ZERO,
        }
    }

    fn split_left(&self) -> Decimal {
        match &self.kind {
            PromptKind::Split { line, .. } => line.amount - self.split_total(),
            _ => Decimal::ZERO,
        }
    }

    fn refuse<T>(&mut self, field: usize, message: Message) -> Option<T> {
        self.form.set_error(field, Some(message));
        None
    }

    /// Enter: the change to send, or the sentence beside what does not read. A split and a
    /// payout show what will be recorded first; the next Enter sends it.
    pub fn submit(&mut self, today: NaiveDate, clock: DateTime<Utc>) -> Option<Write> {
        if self.status == SaveStatus::Saving {
            return None;
        }
        self.form.clear_errors();
        if matches!(self.status, SaveStatus::Failed(_)) && !self.confirming {
            self.status = SaveStatus::Editing;
        }
        let (id, version) = (self.id, self.version);
        let write = match &self.kind {
            PromptKind::Counter(payment) => {
                // Only a juristic customer withholds (DOMAIN §6).
                let most = if payment.juristic {
                    withholding_on(payment.amount_due)
                } else {
                    Decimal::ZERO
                };
                self.counter_payment(most).map(|payment| Write::Counter {
                    payment_id: id,
                    version,
                    payment,
                })
            }
            PromptKind::Match { line, candidate } => Some(Write::Match {
                line_id: id,
                version,
                allocations: vec![allocation_for(line, candidate)],
            }),
            PromptKind::Split { .. } => {
                let allocations = self.split_allocations()?;
                if !self.confirming {
                    self.confirming = true;
                    return None;
                }
                Some(Write::Match {
                    line_id: id,
                    version,
                    allocations,
                })
            }
            PromptKind::Dispute(_) => {
                self.note(msg!("reconcile-dispute-note-needed"))
                    .map(|note| Write::Dispute {
                        line_id: id,
                        version,
                        note,
                    })
            }
            PromptKind::Unmatch(_) => {
                self.note(msg!("reconcile-unmatch-reason-needed"))
                    .map(|reason| Write::Unmatch {
                        line_id: id,
                        version,
                        reason,
                    })
            }
            PromptKind::Payout(_) => {
                let transfer = self.transfer(today, clock)?;
                if !self.confirming {
                    self.confirming = true;
                    return None;
                }
                Some(Write::Payout {
                    payment_id: id,
                    version,
                    transfer,
                })
            }
        };
        if write.is_none() {
            self.confirming = false;
            self.form.focus_first_error();
        }
        write
    }

    fn note(&mut self, needed: Message) -> Option<String> {
        let note = self.form.value(NOTE).trim().to_string();
        if note.is_empty() {
            return self.refuse(NOTE, needed);
        }
        Some(note)
    }

    /// The most a customer may withhold from `due`: 1 % of the premium before VAT, from
    /// 1,000 baht (DOMAIN §6).
    /// The counter payment typed, with at most `most` withheld.
    fn counter_payment(&mut self, most: Decimal) -> Option<CounterPayment> {
        let method = METHODS
            .into_iter()
            .find(|m| m.as_db() == self.form.value(METHOD))?;
        let (reference, card_last_four) = match method {
            CounterMethod::Cash => (None, None),
            CounterMethod::Cheque => {
                let number = self.form.value(CHEQUE_NUMBER).trim().to_string();
                if number.is_empty() {
                    return self.refuse(CHEQUE_NUMBER, msg!("reconcile-counter-cheque-needed"));
                }
                (Some(number), None)
            }
            CounterMethod::Card => {
                let slip = self.form.value(SLIP_REFERENCE).trim().to_string();
                let four = self.form.value(LAST_FOUR).trim().to_string();
                if slip.is_empty() {
                    return self.refuse(SLIP_REFERENCE, msg!("reconcile-counter-slip-needed"));
                }
                if four.len() != 4 || !four.chars().all(|c| c.is_ascii_digit()) {
                    return self.refuse(LAST_FOUR, msg!("reconcile-counter-bad-last-four"));
                }
                (Some(slip), Some(four))
            }
        };
        let withholding = match read_amount_or_zero(self.form.value(WITHHOLDING)) {
            Some(amount) if amount <= most => amount,
            _ if most.is_zero() => {
                return self.refuse(WITHHOLDING, msg!("reconcile-counter-no-withholding"));
            }
            _ => {
                return self.refuse(
                    WITHHOLDING,
                    msg!("reconcile-counter-bad-withholding", most = money(most)),
                );
            }
        };
        Some(CounterPayment {
            method,
            reference,
            card_last_four,
            withholding,
        })
    }

    /// The split's allocations: at least two candidates, each amount at most what is due,
    /// together exactly the line's amount.
    fn split_allocations(&mut self) -> Option<Vec<Allocation>> {
        let PromptKind::Split {
            line,
            candidates,
            included,
        } = self.kind.clone()
        else {
            return None;
        };
        let mut allocations = Vec::new();
        let mut refused = false;
        for (i, candidate) in candidates.iter().enumerate() {
            if !included[i] {
                continue;
            }
            match read_amount(self.form.value(i)) {
                Some(amount) if amount <= candidate.amount_due => allocations.push(Allocation {
                    payment_id: candidate.payment_id,
                    payment_created_at: candidate.payment_created_at,
                    amount,
                    withholding: withholding_for(candidate, amount),
                }),
                Some(_) => {
                    refused = true;
                    let due = money(candidate.amount_due);
                    self.form
                        .set_error(i, Some(msg!("reconcile-split-over-due", due = due)));
                }
                None => {
                    refused = true;
                    self.form
                        .set_error(i, Some(msg!("reconcile-split-bad-amount")));
                }
            }
        }
        if refused {
            return None;
        }
        if allocations.len() < 2 {
            self.status = SaveStatus::Failed(msg!("reconcile-split-too-few"));
            return None;
        }
        let total: Decimal = allocations.iter().map(|a| a.amount).sum();
        if total != line.amount {
            self.status = SaveStatus::Failed(msg!(
                "reconcile-split-does-not-add-up",
                total = money(total),
                line = money(line.amount),
                left = money(line.amount - total)
            ));
            return None;
        }
        Some(allocations)
    }

    fn transfer(&mut self, today: NaiveDate, clock: DateTime<Utc>) -> Option<Transfer> {
        let code = self.form.value(BANK_CODE).trim().to_string();
        if bank_name(&code).is_none() {
            return self.refuse(BANK_CODE, msg!("reconcile-payout-bad-bank"));
        }
        let account = self.form.value(ACCOUNT).trim().to_string();
        let plain = digits(&account);
        if !(10..=15).contains(&plain.len()) || !plain.chars().all(|c| c.is_ascii_digit()) {
            return self.refuse(ACCOUNT, msg!("reconcile-payout-bad-account"));
        }
        let reference = self.form.value(TRANSFER_REFERENCE).trim().to_string();
        if reference.is_empty() {
            return self.refuse(
                TRANSFER_REFERENCE,
                msg!("reconcile-payout-reference-needed"),
            );
        }
        let paid_on = match crate::domain::thai_date::parse(self.form.value(PAID_ON)) {
            Ok(day) if day > today => {
                return self.refuse(PAID_ON, msg!("reconcile-payout-date-future"));
            }
            Ok(day) => day,
            Err(problem) => return self.refuse(PAID_ON, problem.message()),
        };
        let paid_at = if paid_on == today {
            clock
        } else {
            crate::domain::claim::from_bangkok(paid_on.and_time(NaiveTime::MIN))
        };
        Some(Transfer {
            bank_code: code,
            account_number: account,
            transfer_reference: reference,
            paid_at,
        })
    }

    pub fn title(&self) -> &'static str {
        match self.kind {
            PromptKind::Counter(_) => key!("reconcile-counter-title"),
            PromptKind::Match { .. } => key!("reconcile-match-title"),
            PromptKind::Split { .. } => key!("reconcile-split-title"),
            PromptKind::Dispute(_) => key!("reconcile-dispute-title"),
            PromptKind::Unmatch(_) => key!("reconcile-unmatch-title"),
            PromptKind::Payout(_) => key!("reconcile-payout-title"),
        }
    }

    fn keys(&self) -> &'static str {
        match self.kind {
            _ if self.confirming => key!("reconcile-prompt-confirm-keys"),
            PromptKind::Match { .. } => key!("reconcile-prompt-confirm-keys"),
            PromptKind::Split { .. } => key!("reconcile-split-keys"),
            _ => key!("reconcile-prompt-keys"),
        }
    }

    pub fn render(&self, frame: &mut Frame, ui: &Ui) {
        let facts = self.facts(ui);
        let body_height = match &self.kind {
            _ if self.confirming => 0,
            PromptKind::Split { candidates, .. } => candidates.len() as u16 * 3,
            _ => self.form.height(),
        };
        let width = frame.area().width.saturating_sub(4).clamp(40, 100);
        let facts_height = wrapped_height(&facts, width.saturating_sub(2));
        let height = facts_height + 1 + body_height + 3;
        let area = modal::centered(frame.area(), width, height);
        frame.render_widget(Clear, area);
        let title = format!(" {} ", crate::i18n::text(ui.lang, self.title(), &[]));
        let block = Block::bordered().title(Line::styled(title, ui.theme.title()));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [facts_area, body_area, status_area] = Layout::vertical([
            Constraint::Length(facts_height + 1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(facts).wrap(Wrap { trim: false }), facts_area);
        if !self.confirming {
            match &self.kind {
                PromptKind::Split {
                    candidates,
                    included,
                    ..
                } => self.render_split(frame, body_area, ui, candidates, included),
                _ => self.form.render(
                    frame,
                    body_area,
                    ui.lang,
                    ui.theme,
                    self.status != SaveStatus::Saving,
                ),
            }
        }
        frame.render_widget(
            Paragraph::new(status_line(&self.status, self.keys(), ui)),
            status_area,
        );
    }

    /// A split's rows: included or not, the candidate, the amount typed (and its error).
    fn render_split(
        &self,
        frame: &mut Frame,
        area: Rect,
        ui: &Ui,
        candidates: &[Candidate],
        included: &[bool],
    ) {
        let label = tr!(ui.lang, "reconcile-split-amount");
        for (i, candidate) in candidates.iter().enumerate() {
            let y = area.y + i as u16 * 3;
            if y + 1 >= area.bottom() {
                break;
            }
            let focused = i == self.form.focus;
            let mark = if included[i] { "[✓]" } else { "[ ]" };
            let style = if focused {
                ui.theme.title()
            } else {
                ui.theme.muted()
            };
            let head = format!(
                "{} {mark} {}",
                if focused { "▶" } else { " " },
                candidate_title(candidate, ui)
            );
            frame.render_widget(
                Paragraph::new(Line::styled(
                    text::truncate(&head, area.width as usize),
                    style,
                )),
                Rect::new(area.x, y, area.width, 1),
            );
            let field = &self.form.fields[i];
            let prefix = format!("      {label}  ");
            let value = field.input.value().to_string();
            let mut spans = vec![
                Span::styled(prefix.clone(), ui.theme.muted()),
                Span::raw(value),
            ];
            if let Some(error) = &field.error {
                spans.push(Span::styled(
                    format!("  {}", error.text(ui.lang)),
                    ui.theme.error(),
                ));
            }
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect::new(area.x, y + 1, area.width, 1),
            );
            if focused && self.status != SaveStatus::Saving {
                let x = area.x + text::width(&prefix) as u16 + field.input.visual_cursor() as u16;
                frame.set_cursor_position((x.min(area.right().saturating_sub(1)), y + 1));
            }
        }
    }

    /// The lines above the fields: what the change does, with its figures.
    fn facts(&self, ui: &Ui) -> Vec<Line<'static>> {
        let lang = ui.lang;
        match &self.kind {
            PromptKind::Counter(payment) => {
                let due = payment.amount_due;
                let withholding =
                    read_amount_or_zero(self.form.value(WITHHOLDING)).unwrap_or_default();
                vec![
                    Line::from(owed_title(payment, ui)),
                    Line::from(tr!(
                        lang,
                        "reconcile-counter-due",
                        amount = money(due),
                        due = payment
                            .due_date
                            .map(|d| date(lang, ui.calendar, d))
                            .unwrap_or_else(|| "–".into())
                    )),
                    Line::styled(
                        tr!(
                            lang,
                            "reconcile-counter-withholding-note",
                            most = money(withholding_on(due))
                        ),
                        ui.theme.muted(),
                    ),
                    Line::styled(
                        tr!(
                            lang,
                            "reconcile-counter-received",
                            amount = money((due - withholding).max(Decimal::ZERO))
                        ),
                        ui.theme.title(),
                    ),
                ]
            }
            PromptKind::Match { line, candidate } => {
                let mut lines = vec![line_title(line, ui), Line::from("")];
                lines.push(Line::from(candidate_title(candidate, ui)));
                lines.extend(receipt_lines(line, candidate, ui));
                lines
            }
            PromptKind::Split {
                line, candidates, ..
            } => {
                let mut lines = vec![line_title(line, ui)];
                let total = self.split_total();
                lines.push(Line::styled(
                    tr!(
                        lang,
                        "reconcile-split-total",
                        total = money(total),
                        left = money(line.amount - total)
                    ),
                    if total == line.amount {
                        ui.theme.success()
                    } else {
                        ui.theme.warning()
                    },
                ));
                if self.confirming {
                    lines.push(Line::from(""));
                    for allocation in self.split_allocations_shown() {
                        let Some(candidate) = candidates
                            .iter()
                            .find(|c| c.payment_id == allocation.payment_id)
                        else {
                            continue;
                        };
                        lines.push(Line::from(candidate_title(candidate, ui)));
                        lines.push(Line::styled(
                            format!("  {}", receipt_sentence(candidate, allocation.amount, ui)),
                            ui.theme.muted(),
                        ));
                    }
                } else {
                    lines.push(Line::styled(
                        tr!(lang, "reconcile-split-note"),
                        ui.theme.muted(),
                    ));
                }
                lines
            }
            PromptKind::Dispute(line) => vec![
                line_title(line, ui),
                Line::styled(tr!(lang, "reconcile-dispute-note-about"), ui.theme.muted()),
            ],
            PromptKind::Unmatch(row) => vec![
                Line::from(format!(
                    "{} · {} · {}",
                    date(
                        lang,
                        ui.calendar,
                        crate::i18n::format::bangkok_date(row.booked_at)
                    ),
                    money(row.amount),
                    row.description
                )),
                Line::styled(
                    tr!(
                        lang,
                        "reconcile-unmatch-about",
                        receipts = if row.receipt_numbers.is_empty() {
                            "–".to_string()
                        } else {
                            row.receipt_numbers.join(", ")
                        }
                    ),
                    ui.theme.warning(),
                ),
            ],
            PromptKind::Payout(payout) => self.payout_facts(payout, ui),
        }
    }

    /// The allocations on show in a split's last look (they read: it was checked).
    fn split_allocations_shown(&self) -> Vec<Allocation> {
        let mut copy = self.clone();
        copy.split_allocations().unwrap_or_default()
    }

    fn payout_facts(&self, payout: &Payout, ui: &Ui) -> Vec<Line<'static>> {
        let lang = ui.lang;
        let mut lines = vec![Line::from(payout_title(payout, ui))];
        if self.confirming {
            let code = self.form.value(BANK_CODE).trim().to_string();
            lines.push(Line::from(""));
            lines.push(Line::styled(
                tr!(
                    lang,
                    "reconcile-payout-confirm",
                    amount = money(payout.amount),
                    payee = payout.payee_name.as_str(),
                    bank = format!("{} ({code})", bank_name(&code).unwrap_or("")),
                    account = mask_account(self.form.value(ACCOUNT).trim()),
                    reference = self.form.value(TRANSFER_REFERENCE).trim(),
                    date = self.form.value(PAID_ON).trim()
                ),
                ui.theme.title(),
            ));
            if payout.payment_type == "CLAIM_SETTLEMENT"
                && let Some(claim) = &payout.claim_number
            {
                lines.push(Line::styled(
                    tr!(lang, "reconcile-payout-settles", claim = claim.as_str()),
                    ui.theme.muted(),
                ));
            }
        } else {
            lines.push(Line::styled(
                tr!(lang, "reconcile-payout-note"),
                ui.theme.muted(),
            ));
        }
        lines
    }
}

/// The rows `lines` take wrapped at `width` columns (a word carried over may take one more).
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let width = usize::from(width.max(1));
    lines
        .iter()
        .map(|line| {
            let used = line.width();
            if used <= width {
                1
            } else {
                used.div_ceil(width) as u16 + 1
            }
        })
        .sum()
}

/// "฿10,642.40 · 23 Nov 2569 · KBANK-PREMIUM · Ref1 … · description".
pub fn line_title(line: &OpenLine, ui: &Ui) -> Line<'static> {
    let refs = refs(&line.ref1, &line.ref2);
    Line::styled(
        format!(
            "{} · {} · {} · {refs} · {}",
            money(line.amount),
            date(
                ui.lang,
                ui.calendar,
                crate::i18n::format::bangkok_date(line.booked_at)
            ),
            line.account_code,
            line.description
        ),
        ui.theme.title(),
    )
}

/// "REF1 / REF2", "–" for none.
pub fn refs(ref1: &Option<String>, ref2: &Option<String>) -> String {
    let refs: Vec<&str> = [ref1, ref2]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|r| !r.trim().is_empty())
        .collect();
    if refs.is_empty() {
        "–".into()
    } else {
        refs.join(" / ")
    }
}

/// "PAY-… · C1-2569-… · สุดา มีสุข · instalment 2/12 · due ฿10,742.80".
pub fn candidate_title(candidate: &Candidate, ui: &Ui) -> String {
    let lang = ui.lang;
    let mut parts = vec![
        candidate.reference.clone().unwrap_or_else(|| "–".into()),
        candidate
            .policy_number
            .clone()
            .unwrap_or_else(|| "–".into()),
    ];
    let customer = if candidate.juristic {
        tr!(
            lang,
            "reconcile-juristic",
            name = candidate.customer_name.as_str()
        )
    } else {
        candidate.customer_name.clone()
    };
    parts.push(customer);
    parts.push(payment_kind(
        &candidate.payment_type,
        candidate.installment,
        ui,
    ));
    parts.push(tr!(
        lang,
        "reconcile-due-amount",
        amount = money(candidate.amount_due)
    ));
    parts.join(" · ")
}

/// "instalment 2/12", or the payment's type.
pub fn payment_kind(payment_type: &str, installment: Option<(i32, i32)>, ui: &Ui) -> String {
    let kind = labels::payment_type(payment_type).text(ui.lang);
    match installment {
        Some((n, of)) => format!("{kind} {n}/{of}"),
        None => kind,
    }
}

fn owed_title(payment: &OwedPayment, ui: &Ui) -> String {
    let installment = payment.installment_number.zip(payment.total_installments);
    format!(
        "{} · {} · {} · {}",
        payment.reference.clone().unwrap_or_else(|| "–".into()),
        payment.policy_number.clone().unwrap_or_else(|| "–".into()),
        payment.customer_name,
        payment_kind(&payment.payment_type, installment, ui)
    )
}

fn payout_title(payout: &Payout, ui: &Ui) -> String {
    let about = payout
        .claim_number
        .clone()
        .or_else(|| payout.policy_number.clone())
        .unwrap_or_else(|| "–".into());
    format!(
        "{} · {about} · {} · {}",
        labels::payment_type(&payout.payment_type).text(ui.lang),
        payout.payee_name,
        money(payout.amount)
    )
}

/// What matching `line` to `candidate` records: the amount applied, the withholding, and
/// the receipt / tax invoice it issues.
fn receipt_lines(line: &OpenLine, candidate: &Candidate, ui: &Ui) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let allocation = allocation_for(line, candidate);
    let mut lines = vec![Line::from(tr!(
        lang,
        "reconcile-match-applies",
        amount = money(allocation.amount),
        withholding = money(allocation.withholding)
    ))];
    let short = candidate.amount_due - allocation.amount - allocation.withholding;
    if short > Decimal::ZERO {
        lines.push(Line::styled(
            tr!(lang, "reconcile-match-short", amount = money(short)),
            ui.theme.warning(),
        ));
    }
    let over = line.amount - allocation.amount;
    if over > Decimal::ZERO {
        lines.push(Line::styled(
            tr!(lang, "reconcile-match-over", amount = money(over)),
            ui.theme.warning(),
        ));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        receipt_sentence(candidate, allocation.amount, ui),
        ui.theme.muted(),
    ));
    lines
}

/// The receipt / tax invoice a payment gets: its description, total, VAT (7/107 of what is
/// due), withholding and the amount received.
fn receipt_sentence(candidate: &Candidate, amount: Decimal, ui: &Ui) -> String {
    let lang = ui.lang;
    let due = candidate.amount_due;
    let vat = (due * dec!(7) / dec!(107)).round_dp(2);
    let what = match candidate.installment {
        Some((n, of)) => tr!(
            lang,
            "reconcile-receipt-installment",
            n = n,
            of = of,
            policy = candidate.policy_number.clone().unwrap_or_default()
        ),
        None => tr!(
            lang,
            "reconcile-receipt-premium",
            policy = candidate.policy_number.clone().unwrap_or_default()
        ),
    };
    tr!(
        lang,
        "reconcile-receipt",
        what = what,
        total = money(due),
        vat = money(vat),
        withholding = money(withholding_for(candidate, amount)),
        received = money(amount)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(due: Decimal, withholding: Decimal) -> Candidate {
        Candidate {
            payment_id: Uuid::nil(),
            payment_created_at: DateTime::UNIX_EPOCH,
            version: 1,
            reference: None,
            policy_number: None,
            customer_name: "บริษัท ตัวอย่าง จำกัด".into(),
            juristic: !withholding.is_zero(),
            payment_type: "INSTALLMENT".into(),
            installment: Some((1, 12)),
            due_date: None,
            amount_due: due,
            withholding,
            agreements: Vec::new(),
        }
    }

    #[test]
    fn withholding_is_the_shortfall_only_within_what_the_customer_may_withhold() {
        let juristic = candidate(dec!(10742.80), dec!(100.40));
        assert_eq!(withholding_for(&juristic, dec!(10642.40)), dec!(100.40));
        assert_eq!(withholding_for(&juristic, dec!(10742.80)), dec!(0));
        assert_eq!(
            withholding_for(&juristic, dec!(5000)),
            dec!(0),
            "partly paid"
        );
        let person = candidate(dec!(10742.80), dec!(0));
        assert_eq!(withholding_for(&person, dec!(10642.40)), dec!(0));
    }

    #[test]
    fn bank_codes_are_the_thai_ones() {
        assert_eq!(bank_name("004"), Some("KBANK"));
        assert_eq!(bank_name("014"), Some("SCB"));
        assert_eq!(bank_name("999"), None);
    }

    #[test]
    fn amounts_are_baht_and_satang() {
        assert_eq!(read_amount("10,642.40"), Some(dec!(10642.40)));
        assert_eq!(read_amount("0"), None);
        assert_eq!(read_amount_or_zero(""), Some(dec!(0)));
        assert_eq!(read_amount_or_zero("100.4"), Some(dec!(100.4)));
        assert_eq!(read_amount_or_zero("-1"), None);
    }
}
