//! The filters of the All open tab: status, claim type, province, least amount and least
//! age, typed in a small prompt on `/` and shown as a line above the table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use rust_decimal::Decimal;

use crate::db::claim_queue::QueueFilter;
use crate::db::geo::{Geography, Place};
use crate::domain::claim_flow::{ClaimStatus, ClaimType};
use crate::i18n::{Lang, Message, money};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::form::{ChoiceOption, Field, Form};
use crate::tui::widgets::modal;
use crate::{key, msg, tr};

const STATUS: usize = 0;
const TYPE: usize = 1;
const PROVINCE: usize = 2;
const MIN_AMOUNT: usize = 3;
const MIN_AGE: usize = 4;

#[derive(Debug, Clone)]
pub struct FilterPrompt {
    pub form: Form,
}

impl FilterPrompt {
    /// The prompt filled with the filter in force.
    pub fn new(current: &QueueFilter, lang: Lang) -> FilterPrompt {
        let open: Vec<&str> = ClaimStatus::ALL
            .into_iter()
            .filter(|s| s.is_open())
            .map(ClaimStatus::as_db)
            .collect();
        let types: Vec<&str> = ClaimType::ALL.into_iter().map(ClaimType::as_db).collect();
        let mut form = Form::new(vec![
            Field::choice(
                key!("claims-filter-status"),
                any_of(&open, labels::claim_status),
            ),
            Field::choice(
                key!("claims-filter-type"),
                any_of(&types, labels::claim_type),
            ),
            Field::text(key!("claims-filter-province"))
                .with_placeholder(msg!("claims-filter-province-placeholder")),
            Field::text(key!("claims-filter-min-amount")),
            Field::text(key!("claims-filter-min-age")),
        ]);
        form.set_value(STATUS, current.status.map_or("", ClaimStatus::as_db));
        form.set_value(TYPE, current.claim_type.map_or("", ClaimType::as_db));
        let province = current
            .province_code
            .as_deref()
            .and_then(|code| Geography::bundled().province(code))
            .map(|p| place_name(p, lang))
            .unwrap_or_default();
        form.set_value(PROVINCE, &province);
        let amount = current
            .min_amount
            .map(|a| a.to_string())
            .unwrap_or_default();
        form.set_value(MIN_AMOUNT, &amount);
        let age = current
            .min_age_days
            .map(|d| d.to_string())
            .unwrap_or_default();
        form.set_value(MIN_AGE, &age);
        form.mark_clean();
        FilterPrompt { form }
    }

    /// The filter typed; a field that does not read gets its sentence and `None` comes back.
    pub fn parse(&mut self) -> Option<QueueFilter> {
        self.form.clear_errors();
        let province = self.province();
        let min_amount = self.min_amount();
        let min_age_days = self.min_age();
        let filter = QueueFilter {
            status: ClaimStatus::from_db(self.form.value(STATUS)),
            claim_type: ClaimType::from_db(self.form.value(TYPE)),
            province_code: province.ok()?,
            min_amount: min_amount.ok()?,
            min_age_days: min_age_days.ok()?,
        };
        Some(filter)
    }

    fn province(&mut self) -> Result<Option<String>, ()> {
        let typed = self.form.value(PROVINCE).trim().to_string();
        if typed.is_empty() {
            return Ok(None);
        }
        match find_province(&typed) {
            Some(place) => Ok(Some(place.code.clone())),
            None => self.refuse(PROVINCE, msg!("claims-filter-no-province", typed = typed)),
        }
    }

    fn min_amount(&mut self) -> Result<Option<Decimal>, ()> {
        let typed: String = self
            .form
            .value(MIN_AMOUNT)
            .chars()
            .filter(|c| *c != ',')
            .collect();
        if typed.trim().is_empty() {
            return Ok(None);
        }
        match typed.trim().parse::<Decimal>() {
            Ok(amount) if amount >= Decimal::ZERO => Ok(Some(amount)),
            _ => self.refuse(MIN_AMOUNT, msg!("claims-filter-bad-amount")),
        }
    }

    fn min_age(&mut self) -> Result<Option<i32>, ()> {
        let typed = self.form.value(MIN_AGE).trim().to_string();
        if typed.is_empty() {
            return Ok(None);
        }
        match typed.parse::<i32>() {
            Ok(days) if days >= 0 => Ok(Some(days)),
            _ => self.refuse(MIN_AGE, msg!("claims-filter-bad-age")),
        }
    }

    fn refuse<T>(&mut self, field: usize, message: Message) -> Result<T, ()> {
        self.form.set_error(field, Some(message));
        self.form.focus_first_error();
        Err(())
    }

    pub fn render(&self, frame: &mut Frame, ui: &Ui) {
        let area = modal::centered(frame.area(), 70, self.form.height() + 4);
        frame.render_widget(Clear, area);
        let block = Block::bordered().title(Line::styled(
            format!(" {} ", tr!(ui.lang, "claims-filter-title")),
            ui.theme.title(),
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [form_area, keys_area] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(inner);
        self.form.render(frame, form_area, ui.lang, ui.theme, true);
        frame.render_widget(
            Paragraph::new(Line::styled(
                tr!(ui.lang, "claims-filter-keys"),
                ui.theme.muted(),
            )),
            keys_area,
        );
    }
}

/// "Any" and then the values, in words.
fn any_of(values: &[&str], label: fn(&str) -> Message) -> Vec<ChoiceOption> {
    let mut options = vec![ChoiceOption {
        value: String::new(),
        label: msg!("claims-filter-any"),
    }];
    options.extend(values.iter().map(|value| ChoiceOption {
        value: value.to_string(),
        label: label(value),
    }));
    options
}

fn place_name(place: &Place, lang: Lang) -> String {
    match lang {
        Lang::Th => place.name_th.clone(),
        Lang::En => place.name_en.clone(),
    }
}

/// A province by its code, its Thai or English name, or the start of exactly one name.
pub fn find_province(typed: &str) -> Option<&'static Place> {
    let provinces = &Geography::bundled().provinces;
    let lower = typed.to_lowercase();
    let exact = provinces
        .iter()
        .find(|p| p.code == typed || p.name_th == typed || p.name_en.to_lowercase() == lower);
    if exact.is_some() {
        return exact;
    }
    let mut starting = provinces
        .iter()
        .filter(|p| p.name_th.starts_with(typed) || p.name_en.to_lowercase().starts_with(&lower));
    match (starting.next(), starting.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// The filter as a line above the table.
pub fn describe(filter: &QueueFilter, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(status) = filter.status {
        parts.push(labels::claim_status(status.as_db()).text(lang));
    }
    if let Some(claim_type) = filter.claim_type {
        parts.push(labels::claim_type(claim_type.as_db()).text(lang));
    }
    if let Some(place) = filter
        .province_code
        .as_deref()
        .and_then(|code| Geography::bundled().province(code))
    {
        parts.push(place_name(place, lang));
    }
    if let Some(amount) = filter.min_amount {
        parts.push(tr!(
            lang,
            "claims-filter-shown-amount",
            amount = money(amount)
        ));
    }
    if let Some(days) = filter.min_age_days {
        parts.push(tr!(lang, "claims-filter-shown-age", days = days));
    }
    if parts.is_empty() {
        tr!(lang, "claims-filter-none")
    } else {
        tr!(lang, "claims-filter-shown", filter = parts.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_is_found_by_code_name_or_the_start_of_one_name() {
        assert_eq!(find_province("10").map(|p| p.code.as_str()), Some("10"));
        assert_eq!(
            find_province("เชียงใหม่").map(|p| p.name_en.as_str()),
            Some("Chiang Mai")
        );
        assert_eq!(
            find_province("chiang m").map(|p| p.name_th.as_str()),
            Some("เชียงใหม่")
        );
        assert!(
            find_province("chiang").is_none(),
            "Chiang Mai and Chiang Rai"
        );
        assert!(find_province("Atlantis").is_none());
    }

    #[test]
    fn the_prompt_reads_back_the_filter_it_was_filled_with() {
        let filter = QueueFilter {
            status: Some(ClaimStatus::Assessed),
            claim_type: Some(ClaimType::Theft),
            province_code: Some("50".into()),
            min_amount: Some(Decimal::from(50_000)),
            min_age_days: Some(7),
        };
        for lang in Lang::ALL {
            let mut prompt = FilterPrompt::new(&filter, lang);
            assert_eq!(prompt.parse(), Some(filter.clone()));
        }
    }

    #[test]
    fn an_amount_that_does_not_read_is_said_beside_it() {
        let mut prompt = FilterPrompt::new(&QueueFilter::default(), Lang::En);
        prompt.form.set_value(MIN_AMOUNT, "lots");
        assert_eq!(prompt.parse(), None);
        assert_eq!(prompt.form.focus, MIN_AMOUNT);
        assert!(prompt.form.fields[MIN_AMOUNT].error.is_some());
    }
}
