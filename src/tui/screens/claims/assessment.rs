//! The assessment form: the kind of assessment, a table of damaged parts (repair or
//! replace, parts and labour), the repair shops' quotes, liability, salvage, the amount and
//! action recommended, and notes. Beside it the figures as typed: the damage total, whether
//! it is a total loss (at least 70 % of the sum insured, DOMAIN §2), and what the policy
//! deductible and the compulsory excess take off on approval.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::db::claim_work::{AssessmentDraft, RepairEstimate};
use crate::db::claims::ClaimFacts;
use crate::domain::claim::{net_after_deductions, parse_amount, parse_percentage};
use crate::domain::claim_flow::{
    AssessmentType, DamageItem, RecommendedAction, RepairAction, damage_total, is_total_loss,
};
use crate::i18n::{Lang, Message, money};
use crate::tui::keymap::Action;
use crate::tui::screens::Ui;
use crate::tui::widgets::form::{ChoiceOption, Field, FieldKind, Form};
use crate::tui::widgets::{spinner, text};
use crate::{key, msg, tr};

/// Cells of a damage item row.
pub const PART: usize = 0;
pub const REPAIR: usize = 1;
pub const PARTS: usize = 2;
pub const LABOUR: usize = 3;
const ITEM_CELLS: usize = 4;
/// Cells of a repair estimate row.
pub const SHOP: usize = 0;
pub const QUOTE: usize = 1;
const ESTIMATE_CELLS: usize = 2;
/// The fields after the tables, in order.
const TAIL: [Slot; 6] = [
    Slot::AddEstimate,
    Slot::Liability,
    Slot::Salvage,
    Slot::Recommended,
    Slot::Action,
    Slot::Notes,
];

/// Where a field of the form sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Type,
    /// A cell of a damage item: row, column (`PART` … `LABOUR`).
    Item(usize, usize),
    /// A cell of a repair estimate: row, column (`SHOP`, `QUOTE`).
    Estimate(usize, usize),
    /// The line that adds a repair estimate.
    AddEstimate,
    Liability,
    Salvage,
    Recommended,
    Action,
    Notes,
}

#[derive(Debug, Clone, PartialEq)]
pub enum AssessmentOutcome {
    Nothing,
    Cancel,
    Save(AssessmentDraft),
}

#[derive(Debug, Clone, PartialEq)]
enum Status {
    Editing,
    Saving,
    Saved,
    /// Saving found wrong fields: each says why beside it.
    Invalid,
    Problem(Message),
    Warning(Message),
}

/// What the form needs to know of the claim.
#[derive(Debug, Clone, PartialEq)]
struct Facts {
    claim_number: String,
    own_damage_claimed: bool,
    sum_insured: Option<Decimal>,
    deductible: Decimal,
    excess: Decimal,
}

fn choices(values: &[&'static str], label: fn(&str) -> Message) -> Vec<ChoiceOption> {
    values
        .iter()
        .map(|value| ChoiceOption {
            value: value.to_string(),
            label: label(value),
        })
        .collect()
}

fn item_fields() -> Vec<Field> {
    vec![
        Field::text(key!("assess-col-part")),
        Field::choice(
            key!("assess-col-action"),
            choices(&["REPAIR", "REPLACE"], |value| {
                msg!("assess-repair-action", value = value)
            }),
        ),
        Field::text(key!("assess-col-parts")),
        Field::text(key!("assess-col-labour")),
    ]
}

fn estimate_fields() -> Vec<Field> {
    vec![
        Field::text(key!("assess-col-shop")),
        Field::text(key!("assess-col-quote")),
    ]
}

/// "10800.50", "12000": an amount as it would be typed.
fn typed_amount(amount: Decimal) -> String {
    if amount.fract().is_zero() {
        amount.trunc().to_string()
    } else {
        format!("{:.2}", amount.round_dp(2))
    }
}

/// The keys a form means when the screen's keymap gives no action for them.
fn default_action(key: &KeyEvent) -> Option<Action> {
    let control = key.modifiers.contains(KeyModifiers::CONTROL);
    Some(match key.code {
        KeyCode::Esc => Action::Back,
        KeyCode::Tab | KeyCode::Down => Action::NextField,
        KeyCode::BackTab | KeyCode::Up => Action::PrevField,
        KeyCode::Enter => Action::Submit,
        KeyCode::Char('s') if control => Action::Save,
        KeyCode::Char('n') if control => Action::AddRow,
        KeyCode::Char('d') if control => Action::DeleteRow,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
pub struct AssessmentForm {
    form: Form,
    items: usize,
    estimates: usize,
    facts: Facts,
    /// The recommended amount was typed, so it no longer follows the damage total.
    recommended_by_hand: bool,
    status: Status,
    /// Esc once on a changed form asks; twice closes it.
    discard_armed: bool,
    /// The first line shown of the form (it scrolls to keep the focus in view).
    scroll: usize,
}

impl AssessmentForm {
    pub fn new(facts: &ClaimFacts, lang: Lang) -> AssessmentForm {
        let _ = lang;
        let types = choices(&AssessmentType::ALL.map(AssessmentType::as_db), |value| {
            msg!("assess-type-value", value = value)
        });
        let actions = choices(
            &RecommendedAction::ALL.map(RecommendedAction::as_db),
            |value| msg!("assess-action-value", value = value),
        );
        let mut fields = vec![Field::choice(key!("assess-type"), types)];
        fields.extend(item_fields());
        fields.extend([
            Field::pick(key!("assess-add-estimate")),
            Field::text(key!("assess-liability"))
                .with_placeholder(msg!("assess-placeholder-liability")),
            Field::text(key!("assess-salvage"))
                .with_placeholder(msg!("assess-placeholder-optional")),
            Field::text(key!("assess-recommended"))
                .with_placeholder(msg!("assess-placeholder-total")),
            Field::choice(key!("assess-action"), actions),
            Field::text(key!("assess-notes")),
        ]);
        let mut form = Form::new(fields);
        // A claim with an assessed amount has been assessed before.
        let kind = if facts.assessed_amount.is_some() {
            AssessmentType::Detailed
        } else {
            AssessmentType::Initial
        };
        form.set_value(0, kind.as_db());
        form.focus = 1;
        form.mark_clean();
        AssessmentForm {
            form,
            items: 1,
            estimates: 0,
            facts: Facts {
                claim_number: facts.claim_number.clone(),
                own_damage_claimed: facts.own_damage_claimed,
                sum_insured: facts.sum_insured,
                deductible: facts.deductible,
                excess: facts.excess,
            },
            recommended_by_hand: false,
            status: Status::Editing,
            discard_armed: false,
            scroll: 0,
        }
    }

    pub fn form(&self) -> &Form {
        &self.form
    }

    /// The damage rows and estimate rows there are.
    pub fn rows(&self) -> (usize, usize) {
        (self.items, self.estimates)
    }

    pub fn slot(&self, index: usize) -> Slot {
        if index == 0 {
            return Slot::Type;
        }
        let mut rest = index - 1;
        if rest < self.items * ITEM_CELLS {
            return Slot::Item(rest / ITEM_CELLS, rest % ITEM_CELLS);
        }
        rest -= self.items * ITEM_CELLS;
        if rest < self.estimates * ESTIMATE_CELLS {
            return Slot::Estimate(rest / ESTIMATE_CELLS, rest % ESTIMATE_CELLS);
        }
        rest -= self.estimates * ESTIMATE_CELLS;
        TAIL[rest.min(TAIL.len() - 1)]
    }

    pub fn index(&self, slot: Slot) -> usize {
        let tables = 1 + self.items * ITEM_CELLS + self.estimates * ESTIMATE_CELLS;
        match slot {
            Slot::Type => 0,
            Slot::Item(row, col) => 1 + row * ITEM_CELLS + col,
            Slot::Estimate(row, col) => 1 + self.items * ITEM_CELLS + row * ESTIMATE_CELLS + col,
            tail => tables + TAIL.iter().position(|s| *s == tail).unwrap_or(0),
        }
    }

    pub fn focus(&self) -> Slot {
        self.slot(self.form.focus)
    }

    pub fn focus_on(&mut self, slot: Slot) {
        self.form.focus = self.index(slot);
    }

    fn value(&self, slot: Slot) -> &str {
        self.form.value(self.index(slot))
    }

    /// Types into the field at `slot` as a person would (for tests and pasting).
    pub fn set_text(&mut self, slot: Slot, text: &str) {
        self.focus_on(slot);
        let index = self.index(slot);
        self.form.clear(index);
        self.paste(text);
    }

    /// The damage items as they stand, amounts that do not read counting as nothing.
    fn live_items(&self) -> Vec<DamageItem> {
        (0..self.items)
            .map(|row| {
                let amount = |col| {
                    parse_amount(self.value(Slot::Item(row, col)))
                        .ok()
                        .flatten()
                        .unwrap_or_default()
                };
                DamageItem {
                    part: self.value(Slot::Item(row, PART)).trim().to_string(),
                    action: if self.value(Slot::Item(row, REPAIR)) == "REPLACE" {
                        RepairAction::Replace
                    } else {
                        RepairAction::Repair
                    },
                    parts: amount(PARTS),
                    labour: amount(LABOUR),
                }
            })
            .collect()
    }

    pub fn damage_total(&self) -> Decimal {
        damage_total(&self.live_items())
    }

    /// The recommended amount as it stands: typed, or the damage total.
    pub fn recommended(&self) -> Decimal {
        match parse_amount(self.value(Slot::Recommended)) {
            Ok(Some(amount)) => amount,
            _ => self.damage_total(),
        }
    }

    pub fn total_loss(&self) -> bool {
        is_total_loss(
            self.damage_total(),
            self.facts.sum_insured.unwrap_or_default(),
        )
    }

    /// The payment on approval: the recommended amount less the deductible and the excess.
    pub fn net(&self) -> Decimal {
        net_after_deductions(self.recommended(), self.facts.deductible, self.facts.excess)
    }

    /// The draft to save, or the sentence for each field that is wrong.
    pub fn parse(&self) -> Result<AssessmentDraft, Vec<(Slot, Message)>> {
        let mut problems = Vec::new();
        let mut items = Vec::new();
        for row in 0..self.items {
            let text = |col| self.value(Slot::Item(row, col)).trim();
            let part = text(PART);
            if part.is_empty() && text(PARTS).is_empty() && text(LABOUR).is_empty() {
                let problem = if self.items == 1 {
                    msg!("assess-need-item")
                } else {
                    msg!("assess-empty-row")
                };
                problems.push((Slot::Item(row, PART), problem));
                continue;
            }
            if part.is_empty() {
                problems.push((Slot::Item(row, PART), msg!("assess-need-part")));
            }
            let parts = parse_amount(text(PARTS));
            let labour = parse_amount(text(LABOUR));
            if let Err(problem) = &parts {
                problems.push((Slot::Item(row, PARTS), problem.clone()));
            }
            if let Err(problem) = &labour {
                problems.push((Slot::Item(row, LABOUR), problem.clone()));
            }
            if let (Ok(parts), Ok(labour)) = (parts, labour) {
                let parts = parts.unwrap_or_default();
                let labour = labour.unwrap_or_default();
                if (parts + labour).is_zero() {
                    problems.push((Slot::Item(row, PARTS), msg!("assess-need-cost")));
                }
                items.push(DamageItem {
                    part: part.to_string(),
                    action: if text(REPAIR) == "REPLACE" {
                        RepairAction::Replace
                    } else {
                        RepairAction::Repair
                    },
                    parts,
                    labour,
                });
            }
        }
        let mut repair_estimates = Vec::new();
        for row in 0..self.estimates {
            let shop = self.value(Slot::Estimate(row, SHOP)).trim();
            let quote = self.value(Slot::Estimate(row, QUOTE));
            if shop.is_empty() && quote.trim().is_empty() {
                problems.push((Slot::Estimate(row, SHOP), msg!("assess-empty-row")));
                continue;
            }
            if shop.is_empty() {
                problems.push((Slot::Estimate(row, SHOP), msg!("assess-need-shop")));
            }
            match parse_amount(quote) {
                Ok(Some(amount)) if !amount.is_zero() => repair_estimates.push(RepairEstimate {
                    shop: shop.to_string(),
                    amount,
                }),
                Ok(_) => problems.push((Slot::Estimate(row, QUOTE), msg!("assess-need-quote"))),
                Err(problem) => problems.push((Slot::Estimate(row, QUOTE), problem)),
            }
        }
        let liability = match parse_percentage(self.value(Slot::Liability)) {
            Ok(Some(percentage)) => Some(percentage),
            Ok(None) => {
                problems.push((Slot::Liability, msg!("assess-need-liability")));
                None
            }
            Err(problem) => {
                problems.push((Slot::Liability, problem));
                None
            }
        };
        let salvage = parse_amount(self.value(Slot::Salvage)).unwrap_or_else(|problem| {
            problems.push((Slot::Salvage, problem));
            None
        });
        let total = damage_total(&items);
        let recommended = match parse_amount(self.value(Slot::Recommended)) {
            Ok(amount) => amount.unwrap_or(total),
            Err(problem) => {
                problems.push((Slot::Recommended, problem));
                total
            }
        };
        let action = RecommendedAction::from_db(self.value(Slot::Action))
            .unwrap_or(RecommendedAction::Approve);
        let notes = self.value(Slot::Notes).trim().to_string();
        if action != RecommendedAction::Approve && notes.is_empty() {
            problems.push((Slot::Notes, msg!("assess-need-notes")));
        }
        let Some(liability_percentage) = liability.filter(|_| problems.is_empty()) else {
            return Err(problems);
        };
        Ok(AssessmentDraft {
            assessment_type: AssessmentType::from_db(self.value(Slot::Type))
                .unwrap_or(AssessmentType::Initial),
            total_loss: is_total_loss(total, self.facts.sum_insured.unwrap_or_default()),
            items,
            repair_estimates,
            liability_percentage,
            salvage_value: salvage,
            recommended_amount: recommended,
            recommended_action: action,
            notes,
        })
    }

    pub fn key(&mut self, key: KeyEvent, action: Option<Action>) -> AssessmentOutcome {
        let action = action.or_else(|| default_action(&key));
        let back = action == Some(Action::Back) || key.code == KeyCode::Esc;
        let armed = std::mem::take(&mut self.discard_armed);
        if self.status == Status::Saved {
            return if back {
                AssessmentOutcome::Cancel
            } else {
                AssessmentOutcome::Nothing
            };
        }
        if self.status == Status::Saving {
            return AssessmentOutcome::Nothing;
        }
        if back {
            if self.has_unsaved_input() && !armed {
                self.discard_armed = true;
                return AssessmentOutcome::Nothing;
            }
            return AssessmentOutcome::Cancel;
        }
        match action {
            Some(Action::NextField) => self.form.next(),
            Some(Action::PrevField) => self.form.previous(),
            Some(Action::Save) => return self.save(),
            Some(Action::AddRow) => self.add_row(),
            Some(Action::DeleteRow) => self.delete_row(),
            Some(Action::Submit) => match self.focus() {
                Slot::AddEstimate => self.add_estimate(),
                _ if self.form.is_last() => return self.save(),
                _ => self.form.next(),
            },
            _ => self.edit(&Event::Key(key)),
        }
        AssessmentOutcome::Nothing
    }

    pub fn paste(&mut self, text: &str) {
        if matches!(self.status, Status::Saving | Status::Saved) {
            return;
        }
        self.discard_armed = false;
        self.edit(&Event::Paste(text.to_string()));
    }

    fn edit(&mut self, event: &Event) {
        if !self.form.edit(event) {
            return;
        }
        if matches!(
            self.status,
            Status::Invalid | Status::Problem(_) | Status::Warning(_)
        ) {
            self.status = Status::Editing;
        }
        match self.focus() {
            Slot::Recommended => {
                self.recommended_by_hand = !self.value(Slot::Recommended).trim().is_empty();
            }
            Slot::Item(..) => self.follow_total(),
            _ => {}
        }
        self.refresh_errors();
    }

    /// Until an amount is typed, the recommended amount is the damage total.
    fn follow_total(&mut self) {
        if self.recommended_by_hand {
            return;
        }
        let total = self.damage_total();
        let shown = if total.is_zero() {
            String::new()
        } else {
            typed_amount(total)
        };
        let index = self.index(Slot::Recommended);
        self.form.set_value(index, &shown);
    }

    /// Says what is wrong with the field being typed in, takes back sentences that no
    /// longer hold, and notes a recommendation above the sum insured.
    fn refresh_errors(&mut self) {
        let problems = self.parse().err().unwrap_or_default();
        let focus = self.form.focus;
        for index in 0..self.form.fields.len() {
            if index != focus && self.form.fields[index].error.is_none() {
                continue;
            }
            let slot = self.slot(index);
            let problem = problems
                .iter()
                .find(|(s, _)| *s == slot)
                .map(|(_, message)| message.clone());
            self.form.set_error(index, problem);
        }
        let over = match self.facts.sum_insured {
            Some(sum) if self.facts.own_damage_claimed && self.recommended() > sum => {
                Some(msg!("assess-over-sum-insured", amount = money(sum)))
            }
            _ => None,
        };
        let index = self.index(Slot::Recommended);
        self.form.set_note(index, over);
    }

    fn add_row(&mut self) {
        match self.focus() {
            Slot::Estimate(..) | Slot::AddEstimate => self.add_estimate(),
            _ => self.add_item(),
        }
    }

    fn add_item(&mut self) {
        let at = self.index(Slot::Item(self.items, 0));
        self.form.fields.splice(at..at, item_fields());
        self.items += 1;
        self.focus_on(Slot::Item(self.items - 1, PART));
        self.form.mark_touched();
    }

    fn add_estimate(&mut self) {
        let at = self.index(Slot::Estimate(self.estimates, 0));
        self.form.fields.splice(at..at, estimate_fields());
        self.estimates += 1;
        self.focus_on(Slot::Estimate(self.estimates - 1, SHOP));
        self.form.mark_touched();
    }

    fn delete_row(&mut self) {
        match self.focus() {
            Slot::Item(_, _) if self.items == 1 => {
                self.status = Status::Warning(msg!("assess-one-item"));
            }
            Slot::Item(row, _) => {
                let at = self.index(Slot::Item(row, 0));
                self.form.fields.drain(at..at + ITEM_CELLS);
                self.items -= 1;
                self.focus_on(Slot::Item(row.min(self.items - 1), PART));
                self.form.mark_touched();
                self.follow_total();
                self.refresh_errors();
            }
            Slot::Estimate(row, _) => {
                let at = self.index(Slot::Estimate(row, 0));
                self.form.fields.drain(at..at + ESTIMATE_CELLS);
                self.estimates -= 1;
                if self.estimates == 0 {
                    self.focus_on(Slot::AddEstimate);
                } else {
                    self.focus_on(Slot::Estimate(row.min(self.estimates - 1), SHOP));
                }
                self.form.mark_touched();
            }
            _ => self.status = Status::Warning(msg!("assess-delete-where")),
        }
    }

    fn save(&mut self) -> AssessmentOutcome {
        match self.parse() {
            Ok(draft) => {
                self.status = Status::Saving;
                AssessmentOutcome::Save(draft)
            }
            Err(problems) => {
                for index in 0..self.form.fields.len() {
                    let slot = self.slot(index);
                    let problem = problems
                        .iter()
                        .find(|(s, _)| *s == slot)
                        .map(|(_, message)| message.clone());
                    self.form.set_error(index, problem);
                }
                self.form.focus_first_error();
                self.status = Status::Invalid;
                AssessmentOutcome::Nothing
            }
        }
    }

    /// Saved: the form is done. Refused: every entry stays and the reason shows.
    pub fn on_saved(&mut self, result: Result<i32, Message>) {
        match result {
            Ok(_) => {
                self.status = Status::Saved;
                self.discard_armed = false;
                self.form.mark_clean();
            }
            Err(message) => self.status = Status::Problem(message),
        }
    }

    pub fn is_typing(&self) -> bool {
        self.status != Status::Saved
    }

    pub fn has_unsaved_input(&self) -> bool {
        self.status != Status::Saved && self.form.is_dirty()
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let [form_area, panel_area] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(area);
        self.render_form(frame, form_area, ui);
        self.render_panel(frame, panel_area, ui);
    }

    fn render_form(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(
                " {} ",
                tr!(
                    ui.lang,
                    "assess-title",
                    number = self.facts.claim_number.as_str()
                )
            ),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let [body, status_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);
        let drawn = self.lines(body.width as usize, ui);
        let height = body.height as usize;
        let (top, bottom) = drawn.focus.unwrap_or_default();
        if top < self.scroll {
            self.scroll = top.saturating_sub(2);
        } else if bottom >= self.scroll + height {
            self.scroll = bottom + 1 - height.min(bottom + 1);
        }
        self.scroll = self.scroll.min(drawn.lines.len().saturating_sub(height));
        frame.render_widget(
            Paragraph::new(drawn.lines).scroll((self.scroll as u16, 0)),
            body,
        );
        let active = matches!(
            self.status,
            Status::Editing | Status::Invalid | Status::Problem(_) | Status::Warning(_)
        );
        if let Some((x, line)) = drawn.cursor
            && active
            && line >= self.scroll
            && line < self.scroll + height
        {
            frame.set_cursor_position((
                body.x + (x as u16).min(body.width.saturating_sub(1)),
                body.y + (line - self.scroll) as u16,
            ));
        }
        frame.render_widget(
            Paragraph::new(self.status_line(ui)).wrap(Wrap { trim: true }),
            status_area,
        );
    }

    fn status_line(&self, ui: &Ui) -> Line<'static> {
        if self.discard_armed {
            return Line::styled(tr!(ui.lang, "customers-discard-again"), ui.theme.warning());
        }
        match &self.status {
            Status::Saving => Line::styled(
                format!("{} {}", spinner(ui.tick), tr!(ui.lang, "customers-saving")),
                ui.theme.muted(),
            ),
            Status::Saved => Line::styled(tr!(ui.lang, "assess-saved"), ui.theme.success()),
            Status::Problem(message) => Line::styled(message.text(ui.lang), ui.theme.error()),
            Status::Warning(message) => Line::styled(message.text(ui.lang), ui.theme.warning()),
            Status::Invalid | Status::Editing => match &self.form.fields[self.form.focus].error {
                Some(error) => Line::styled(error.text(ui.lang), ui.theme.error()),
                None if self.status == Status::Invalid => {
                    Line::styled(tr!(ui.lang, "customers-form-has-errors"), ui.theme.error())
                }
                None => Line::styled(tr!(ui.lang, "assess-keys"), ui.theme.muted()),
            },
        }
    }

    /// A cell of `width` columns showing the field at `index`; the cursor column within
    /// it when it has the focus.
    fn cell(&self, index: usize, width: usize, ui: &Ui) -> (Span<'static>, Option<usize>) {
        let field = &self.form.fields[index];
        let focused = index == self.form.focus;
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        let mut style = match (focused, field.error.is_some()) {
            (true, _) => ui.theme.selected(),
            (false, true) => ui.theme.error().patch(underline),
            (false, false) => underline,
        };
        let (shown, cursor) = match &field.kind {
            FieldKind::Choice { options, selected } => {
                let label = options
                    .get(*selected)
                    .map(|o| o.label.text(ui.lang))
                    .unwrap_or_default();
                let label = if focused {
                    format!("‹{label}›")
                } else {
                    label
                };
                (text::pad(&label, width), None)
            }
            FieldKind::Pick { .. } => (
                text::pad(&crate::i18n::text(ui.lang, field.label, &[]), width),
                None,
            ),
            _ => {
                let value = field.input.value();
                if value.is_empty()
                    && !focused
                    && let Some(placeholder) = &field.placeholder
                {
                    style = ui.theme.muted().patch(underline);
                    (text::pad(&placeholder.text(ui.lang), width), None)
                } else {
                    let scroll = if focused {
                        field.input.visual_scroll(width.saturating_sub(1))
                    } else {
                        0
                    };
                    let cursor =
                        focused.then(|| field.input.visual_cursor().saturating_sub(scroll));
                    (window(value, scroll, width), cursor)
                }
            }
        };
        (Span::styled(shown, style), cursor)
    }

    /// Every line of the form, where the focus is, and where the cursor goes.
    fn lines(&self, width: usize, ui: &Ui) -> Drawn {
        let mut drawn = Drawn::default();
        let labels: Vec<String> = [
            key!("assess-type"),
            key!("assess-liability"),
            key!("assess-salvage"),
            key!("assess-recommended"),
            key!("assess-action"),
            key!("assess-notes"),
        ]
        .iter()
        .map(|k| crate::i18n::text(ui.lang, k, &[]))
        .collect();
        let label_width = labels.iter().map(|l| text::width(l)).max().unwrap_or(0);
        let value_width = width.saturating_sub(label_width + 2).max(8);
        let scalar = |drawn: &mut Drawn, slot: Slot| {
            let index = self.index(slot);
            let field = &self.form.fields[index];
            let label = crate::i18n::text(ui.lang, field.label, &[]);
            let style = if index == self.form.focus {
                ui.theme.title()
            } else {
                ui.theme.muted()
            };
            let (cell, cursor) = self.cell(index, value_width, ui);
            drawn.push(
                index == self.form.focus,
                cursor.map(|c| label_width + 2 + c),
                Line::from(vec![
                    Span::styled(
                        format!(
                            "{}{label}  ",
                            " ".repeat(label_width.saturating_sub(text::width(&label)))
                        ),
                        style,
                    ),
                    cell,
                ]),
            );
            let remark = match (&field.error, &field.note) {
                (Some(error), _) => Some((error, ui.theme.error())),
                (None, Some(note)) => Some((note, ui.theme.warning())),
                _ => None,
            };
            if let Some((message, style)) = remark {
                drawn.push(
                    index == self.form.focus,
                    None,
                    Line::styled(
                        format!(
                            "{}{}",
                            " ".repeat(label_width + 2),
                            text::truncate(&message.text(ui.lang), value_width)
                        ),
                        style,
                    ),
                );
            }
        };
        scalar(&mut drawn, Slot::Type);

        // The damage items.
        drawn.push(false, None, Line::default());
        drawn.push(
            false,
            None,
            Line::from(vec![
                Span::styled(tr!(ui.lang, "assess-section-items"), ui.theme.title()),
                Span::styled(
                    format!("  {}", tr!(ui.lang, "assess-rows-keys")),
                    ui.theme.muted(),
                ),
            ]),
        );
        let number_width = 3;
        let amount_width = 10.min(width / 5);
        let action_width = 9.min(width / 5);
        let part_width = width
            .saturating_sub(number_width + action_width + 2 * amount_width + 3)
            .max(6);
        let widths = [part_width, action_width, amount_width, amount_width];
        let header = [
            tr!(ui.lang, "assess-col-part"),
            tr!(ui.lang, "assess-col-action"),
            tr!(ui.lang, "assess-col-parts"),
            tr!(ui.lang, "assess-col-labour"),
        ];
        drawn.push(false, None, header_line(&header, &widths, number_width, ui));
        for row in 0..self.items {
            self.table_row(&mut drawn, row, Slot::Item, &widths, number_width, ui);
        }

        // The repair estimates.
        drawn.push(false, None, Line::default());
        drawn.push(
            false,
            None,
            Line::styled(tr!(ui.lang, "assess-section-estimates"), ui.theme.title()),
        );
        let shop_width = width.saturating_sub(number_width + amount_width + 1).max(6);
        let estimate_widths = [shop_width, amount_width];
        if self.estimates > 0 {
            let header = [
                tr!(ui.lang, "assess-col-shop"),
                tr!(ui.lang, "assess-col-quote"),
            ];
            drawn.push(
                false,
                None,
                header_line(&header, &estimate_widths, number_width, ui),
            );
        }
        for row in 0..self.estimates {
            self.table_row(
                &mut drawn,
                row,
                Slot::Estimate,
                &estimate_widths,
                number_width,
                ui,
            );
        }
        let add = self.index(Slot::AddEstimate);
        let focused = add == self.form.focus;
        drawn.push(
            focused,
            None,
            Line::styled(
                format!(
                    "{}{}",
                    " ".repeat(number_width),
                    tr!(ui.lang, "assess-add-estimate")
                ),
                if focused {
                    ui.theme.selected()
                } else {
                    ui.theme.muted()
                },
            ),
        );
        drawn.push(false, None, Line::default());
        for slot in [
            Slot::Liability,
            Slot::Salvage,
            Slot::Recommended,
            Slot::Action,
            Slot::Notes,
        ] {
            scalar(&mut drawn, slot);
        }
        drawn
    }

    /// One row of a table and, when a cell of it is wrong, the sentence beneath.
    fn table_row(
        &self,
        drawn: &mut Drawn,
        row: usize,
        slot: fn(usize, usize) -> Slot,
        widths: &[usize],
        number_width: usize,
        ui: &Ui,
    ) {
        let mut spans = vec![Span::styled(
            text::pad(&format!("{:>2}", row + 1), number_width),
            ui.theme.muted(),
        )];
        let mut x = number_width;
        let mut cursor = None;
        let mut focused = false;
        let mut error: Option<&Message> = None;
        for (col, width) in widths.iter().enumerate() {
            let index = self.index(slot(row, col));
            let (cell, at) = self.cell(index, *width, ui);
            if let Some(at) = at {
                cursor = Some(x + at);
            }
            let field = &self.form.fields[index];
            if index == self.form.focus {
                focused = true;
                error = field.error.as_ref().or(error);
            } else if error.is_none() {
                error = field.error.as_ref();
            }
            spans.push(cell);
            spans.push(Span::raw(" "));
            x += width + 1;
        }
        drawn.push(focused, cursor, Line::from(spans));
        if let Some(error) = error {
            drawn.push(
                focused,
                None,
                Line::styled(
                    format!(
                        "{}↳ {}",
                        " ".repeat(number_width),
                        text::truncate(&error.text(ui.lang), x.saturating_sub(number_width + 2))
                    ),
                    ui.theme.error(),
                ),
            );
        }
    }

    fn render_panel(&self, frame: &mut Frame, area: Rect, ui: &Ui) {
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "assess-panel")),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        frame.render_widget(
            Paragraph::new(self.panel_lines(inner.width as usize, ui)).wrap(Wrap { trim: false }),
            inner,
        );
    }

    fn panel_lines(&self, width: usize, ui: &Ui) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let total = self.damage_total();
        lines.extend(figure(
            tr!(ui.lang, "assess-damage-total"),
            money(total),
            width,
            Style::new().add_modifier(Modifier::BOLD),
        ));
        match self.facts.sum_insured.filter(|s| *s > Decimal::ZERO) {
            Some(sum) => {
                lines.extend(figure(
                    tr!(ui.lang, "assess-sum-insured"),
                    money(sum),
                    width,
                    Style::new(),
                ));
                lines.extend(figure(
                    tr!(ui.lang, "assess-total-loss-line"),
                    money((sum * dec!(0.7)).round_dp(2)),
                    width,
                    ui.theme.muted(),
                ));
                let percent = format!("{:.1}", (total * dec!(100) / sum).round_dp(1));
                lines.push(if self.total_loss() {
                    Line::styled(
                        tr!(ui.lang, "assess-total-loss-yes", percent = percent),
                        ui.theme.warning().add_modifier(Modifier::BOLD),
                    )
                } else {
                    Line::styled(
                        tr!(ui.lang, "assess-total-loss-no", percent = percent),
                        ui.theme.muted(),
                    )
                });
            }
            None => lines.push(Line::styled(
                tr!(ui.lang, "assess-no-sum-insured"),
                ui.theme.muted(),
            )),
        }
        let quotes: Vec<Decimal> = (0..self.estimates)
            .filter_map(|row| {
                parse_amount(self.value(Slot::Estimate(row, QUOTE)))
                    .ok()
                    .flatten()
            })
            .filter(|amount| !amount.is_zero())
            .collect();
        if let Some(lowest) = quotes.iter().min() {
            lines.extend(figure(
                tr!(ui.lang, "assess-lowest-estimate", count = quotes.len()),
                money(*lowest),
                width,
                Style::new(),
            ));
        }
        lines.push(Line::default());
        lines.push(Line::styled(
            tr!(ui.lang, "assess-on-approval"),
            ui.theme.title(),
        ));
        lines.extend(figure(
            tr!(ui.lang, "assess-recommended-figure"),
            money(self.recommended()),
            width,
            Style::new(),
        ));
        lines.extend(figure(
            tr!(ui.lang, "assess-deductible"),
            format!("−{}", money(self.facts.deductible)),
            width,
            Style::new(),
        ));
        lines.extend(figure(
            tr!(ui.lang, "assess-excess"),
            format!("−{}", money(self.facts.excess)),
            width,
            Style::new(),
        ));
        lines.extend(figure(
            tr!(ui.lang, "assess-net"),
            money(self.net()),
            width,
            ui.theme.success().add_modifier(Modifier::BOLD),
        ));
        if !self.facts.excess.is_zero() {
            lines.push(Line::styled(
                tr!(ui.lang, "assess-excess-why"),
                ui.theme.muted(),
            ));
        }
        lines
    }
}

/// The lines of the form as drawn: the first and last line of the focused field, and the
/// cursor (column, line).
#[derive(Default)]
struct Drawn {
    lines: Vec<Line<'static>>,
    focus: Option<(usize, usize)>,
    cursor: Option<(usize, usize)>,
}

impl Drawn {
    fn push(&mut self, focused: bool, cursor: Option<usize>, line: Line<'static>) {
        let at = self.lines.len();
        if focused {
            self.focus = Some(self.focus.map_or((at, at), |(top, _)| (top, at)));
        }
        if let Some(x) = cursor {
            self.cursor = Some((x, at));
        }
        self.lines.push(line);
    }
}

fn header_line(titles: &[String], widths: &[usize], number_width: usize, ui: &Ui) -> Line<'static> {
    let mut shown = "#".to_string() + &" ".repeat(number_width - 1);
    for (title, width) in titles.iter().zip(widths) {
        shown.push_str(&text::pad(title, *width));
        shown.push(' ');
    }
    Line::styled(shown, ui.theme.muted())
}

/// `width` columns of `value` from column `skip`.
fn window(value: &str, skip: usize, width: usize) -> String {
    let mut shown = String::new();
    let mut column = 0;
    for grapheme in value.graphemes(true) {
        if column >= skip {
            shown.push_str(grapheme);
        }
        column += grapheme.width();
    }
    text::pad(&shown, width)
}

/// A label and its amount on one line, or on two when they do not fit.
fn figure(label: String, amount: String, width: usize, style: Style) -> Vec<Line<'static>> {
    let used = text::width(&label) + text::width(&amount) + 1;
    if used <= width {
        vec![Line::styled(
            format!("{label}{}{amount}", " ".repeat(width - used + 1)),
            style,
        )]
    } else {
        vec![
            Line::styled(label, style),
            Line::styled(
                format!(
                    "{}{amount}",
                    " ".repeat(width.saturating_sub(text::width(&amount)))
                ),
                style,
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use uuid::Uuid;

    use super::*;
    use crate::tui::keymap::{Context, Keymap};

    fn facts(assessed: Option<Decimal>) -> ClaimFacts {
        let at = Utc.with_ymd_and_hms(2026, 11, 20, 4, 0, 0).unwrap();
        ClaimFacts {
            id: Uuid::from_u128(5),
            claim_number: "CL-2569-0000123".into(),
            status: "INVESTIGATING".into(),
            sub_status: None,
            claim_type: "ACCIDENT".into(),
            own_damage_claimed: true,
            incident_date: at,
            reported_date: at,
            incident_description: "ถูกชนท้าย".into(),
            damage_description: None,
            injury_description: None,
            incident_province_th: Some("กรุงเทพมหานคร".into()),
            location_text: None,
            other_party_name: None,
            other_party_plate: None,
            other_party_insurer: None,
            other_party_phone: None,
            police_report_number: None,
            estimated_amount: Some(dec!(15000)),
            assessed_amount: assessed,
            approved_amount: None,
            settled_amount: None,
            approval_requested_amount: None,
            approval_requested_by_name: None,
            approved_by_name: None,
            adjuster_id: None,
            adjuster_name: Some("สมชาย ใจดี".into()),
            surveyor_id: None,
            surveyor_name: None,
            fraud_score: Decimal::ZERO,
            fraud_flags: Vec::new(),
            requires_investigation: false,
            version: 3,
            policy_id: Uuid::from_u128(1),
            policy_number: "C1-2569-0000123".into(),
            policy_type: "CLASS_1".into(),
            sum_insured: Some(dec!(600000)),
            policy_start: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            policy_end: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            customer_id: Uuid::from_u128(2),
            customer_name: "สมชาย ใจดี".into(),
            plate: "กข 1234".into(),
            province_th: "กรุงเทพมหานคร".into(),
            make: "Toyota".into(),
            model: "Corolla Altis".into(),
            year_of_manufacture: 2021,
            deductible: dec!(2000),
            excess: dec!(1000),
            counterparty_named: false,
        }
    }

    fn press_with(form: &mut AssessmentForm, key: KeyEvent) -> AssessmentOutcome {
        let action = Keymap::default().action(Context::ClaimForm, &key);
        form.key(key, action)
    }

    fn press(form: &mut AssessmentForm, code: KeyCode) -> AssessmentOutcome {
        press_with(form, KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn ctrl(form: &mut AssessmentForm, c: char) -> AssessmentOutcome {
        press_with(form, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    fn typed(form: &mut AssessmentForm, text: &str) {
        for c in text.chars() {
            press(form, KeyCode::Char(c));
        }
    }

    /// A front bumper replaced and a headlamp repaired, 100 % the insured's fault.
    fn bumper_and_headlamp() -> AssessmentForm {
        let mut form = AssessmentForm::new(&facts(None), Lang::En);
        typed(&mut form, "Front bumper");
        press(&mut form, KeyCode::Tab);
        press(&mut form, KeyCode::Right);
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "8,500");
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "1500");
        ctrl(&mut form, 'n');
        typed(&mut form, "Headlamp");
        press(&mut form, KeyCode::Tab);
        press(&mut form, KeyCode::Tab);
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "800.50");
        form.focus_on(Slot::Liability);
        typed(&mut form, "100");
        form
    }

    fn draw(form: &mut AssessmentForm, lang: Lang) -> String {
        crate::tui::screens::drawn_for_test(lang, |frame, ui| form.render(frame, frame.area(), ui))
    }

    #[test]
    fn the_first_assessment_is_initial_and_later_ones_detailed() {
        let first = AssessmentForm::new(&facts(None), Lang::Th);
        assert_eq!(first.value(Slot::Type), "INITIAL");
        assert_eq!(first.focus(), Slot::Item(0, PART));
        assert_eq!(first.rows(), (1, 0));
        assert!(!first.has_unsaved_input() && first.is_typing());
        let later = AssessmentForm::new(&facts(Some(dec!(12000))), Lang::Th);
        assert_eq!(later.value(Slot::Type), "DETAILED");
    }

    #[test]
    fn the_recommended_amount_follows_the_damage_total_until_typed() {
        let mut form = bumper_and_headlamp();
        assert_eq!(form.damage_total(), dec!(10800.50));
        assert_eq!(form.value(Slot::Recommended), "10800.50");
        assert_eq!(
            form.net(),
            dec!(7800.50),
            "less 2,000 deductible and 1,000 excess"
        );
        assert!(!form.total_loss());
        form.focus_on(Slot::Recommended);
        for _ in 0..8 {
            press(&mut form, KeyCode::Backspace);
        }
        typed(&mut form, "9000");
        form.focus_on(Slot::Item(1, PARTS));
        typed(&mut form, "4504");
        assert_eq!(form.damage_total(), dec!(15304.50));
        assert_eq!(form.value(Slot::Recommended), "9000", "typed stays");
        assert_eq!(form.net(), dec!(6000));
    }

    #[test]
    fn rows_are_added_and_deleted_but_one_damage_item_stays() {
        let mut form = AssessmentForm::new(&facts(None), Lang::En);
        assert_eq!(ctrl(&mut form, 'd'), AssessmentOutcome::Nothing);
        assert_eq!(form.status, Status::Warning(msg!("assess-one-item")));
        ctrl(&mut form, 'n');
        assert_eq!((form.rows(), form.focus()), ((2, 0), Slot::Item(1, PART)));
        typed(&mut form, "Door");
        // Enter on the add line adds a quote; Ctrl-N in the quotes adds another.
        form.focus_on(Slot::AddEstimate);
        press(&mut form, KeyCode::Enter);
        assert_eq!(form.focus(), Slot::Estimate(0, SHOP));
        typed(&mut form, "Chang Ek garage");
        ctrl(&mut form, 'n');
        assert_eq!(form.rows(), (2, 2));
        ctrl(&mut form, 'd');
        ctrl(&mut form, 'd');
        assert_eq!((form.rows(), form.focus()), ((2, 0), Slot::AddEstimate));
        form.focus_on(Slot::Item(0, PARTS));
        ctrl(&mut form, 'd');
        assert_eq!(form.rows(), (1, 0));
        assert_eq!(
            form.value(Slot::Item(0, PART)),
            "Door",
            "the other row went"
        );
        form.focus_on(Slot::Notes);
        ctrl(&mut form, 'd');
        assert_eq!(form.status, Status::Warning(msg!("assess-delete-where")));
        assert!(form.has_unsaved_input());
    }

    #[test]
    fn saving_sends_the_draft_with_the_total_loss_flag() {
        let mut form = bumper_and_headlamp();
        form.focus_on(Slot::AddEstimate);
        press(&mut form, KeyCode::Enter);
        typed(&mut form, "Chang Ek");
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "11,900");
        let AssessmentOutcome::Save(draft) = ctrl(&mut form, 's') else {
            panic!("a valid assessment is saved");
        };
        assert_eq!(draft.assessment_type, AssessmentType::Initial);
        assert_eq!(draft.items.len(), 2);
        assert_eq!(draft.items[0].action, RepairAction::Replace);
        assert_eq!(draft.items[1].parts, Decimal::ZERO);
        assert_eq!(
            draft.repair_estimates,
            [RepairEstimate {
                shop: "Chang Ek".into(),
                amount: dec!(11900)
            }]
        );
        assert_eq!(draft.liability_percentage, dec!(100));
        assert_eq!(draft.recommended_amount, dec!(10800.50));
        assert_eq!(draft.recommended_action, RecommendedAction::Approve);
        assert!(!draft.total_loss);
        assert_eq!(
            press(&mut form, KeyCode::Char('x')),
            AssessmentOutcome::Nothing
        );
        assert_eq!(form.value(Slot::Notes), "", "nothing types while saving");

        let mut wreck = AssessmentForm::new(&facts(None), Lang::En);
        typed(&mut wreck, "Whole body");
        wreck.focus_on(Slot::Item(0, PARTS));
        typed(&mut wreck, "420000");
        wreck.focus_on(Slot::Liability);
        typed(&mut wreck, "0");
        assert!(wreck.total_loss(), "70 % of 600,000");
        let AssessmentOutcome::Save(draft) = ctrl(&mut wreck, 's') else {
            panic!("saved");
        };
        assert!(draft.total_loss);
    }

    #[test]
    fn a_wrong_assessment_says_why_beside_each_field() {
        let mut form = AssessmentForm::new(&facts(None), Lang::En);
        ctrl(&mut form, 'n');
        typed(&mut form, "Mirror");
        form.focus_on(Slot::Item(1, LABOUR));
        typed(&mut form, "-5");
        form.focus_on(Slot::AddEstimate);
        press(&mut form, KeyCode::Enter);
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "0");
        form.focus_on(Slot::Action);
        press(&mut form, KeyCode::Right);
        assert_eq!(ctrl(&mut form, 's'), AssessmentOutcome::Nothing);
        let errors: Vec<(Slot, &str)> = (0..form.form.fields.len())
            .filter_map(|i| {
                form.form.fields[i]
                    .error
                    .as_ref()
                    .map(|e| (form.slot(i), e.key))
            })
            .collect();
        assert_eq!(
            errors,
            [
                (Slot::Item(0, PART), "assess-empty-row"),
                (Slot::Item(1, LABOUR), "claimform-amount-negative"),
                (Slot::Estimate(0, SHOP), "assess-need-shop"),
                (Slot::Estimate(0, QUOTE), "assess-need-quote"),
                (Slot::Liability, "assess-need-liability"),
                (Slot::Notes, "assess-need-notes"),
            ]
        );
        assert_eq!(form.focus(), Slot::Item(0, PART));
        insta::assert_snapshot!("assessment_errors_en", draw(&mut form, Lang::En));
    }

    #[test]
    fn a_refused_save_keeps_everything_typed() {
        let mut form = bumper_and_headlamp();
        assert!(matches!(ctrl(&mut form, 's'), AssessmentOutcome::Save(_)));
        form.on_saved(Err(msg!("customers-record-gone")));
        assert_eq!(form.status, Status::Problem(msg!("customers-record-gone")));
        assert_eq!(form.value(Slot::Item(0, PART)), "Front bumper");
        assert!(form.has_unsaved_input());
        assert!(draw(&mut form, Lang::En).contains("Front bumper"));
        assert_eq!(press(&mut form, KeyCode::Esc), AssessmentOutcome::Nothing);
        assert_eq!(press(&mut form, KeyCode::Esc), AssessmentOutcome::Cancel);
        assert!(matches!(ctrl(&mut form, 's'), AssessmentOutcome::Save(_)));
        form.on_saved(Ok(4));
        assert!(!form.is_typing() && !form.has_unsaved_input());
        assert_eq!(press(&mut form, KeyCode::Esc), AssessmentOutcome::Cancel);
    }

    #[test]
    fn a_long_table_scrolls_to_keep_the_focus_in_view() {
        let mut form = AssessmentForm::new(&facts(None), Lang::En);
        for n in 1..=20 {
            typed(&mut form, &format!("Part number {n}"));
            ctrl(&mut form, 'n');
        }
        typed(&mut form, "Last part");
        let shown = draw(&mut form, Lang::En);
        assert!(shown.contains("21 Last part"), "{shown}");
        assert!(!shown.contains("Damage items"), "scrolled past the heading");
        form.focus_on(Slot::Type);
        let shown = draw(&mut form, Lang::En);
        assert!(shown.contains("Damage items") && !shown.contains("Last part"));
        form.focus_on(Slot::Notes);
        let shown = draw(&mut form, Lang::En);
        assert!(shown.contains("Notes"), "{shown}");
    }

    #[test]
    fn snapshots_at_80_by_24() {
        let mut form = bumper_and_headlamp();
        form.focus_on(Slot::AddEstimate);
        press(&mut form, KeyCode::Enter);
        typed(&mut form, "อู่ช่างเอก");
        press(&mut form, KeyCode::Tab);
        typed(&mut form, "11900");
        insta::assert_snapshot!("assessment_en", draw(&mut form, Lang::En));
        form.focus_on(Slot::Item(0, PART));
        insta::assert_snapshot!("assessment_th", draw(&mut form, Lang::Th));
    }
}
