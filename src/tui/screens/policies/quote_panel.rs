//! A premium as lines: the rating steps, then base − NCB = net, + stamp duty + VAT =
//! total, the withholding tax of a juristic customer, and the payment schedule.

use chrono::NaiveDate;
use ratatui::style::Modifier;
use ratatui::text::Line;
use rust_decimal::Decimal;

use crate::domain::premium::instalments::{PaymentPlan, Remainder, schedule};
use crate::domain::premium::rating::{Quote, RatingLabel};
use crate::i18n::{date, money};
use crate::tr;
use crate::tui::screens::Ui;

/// How wide the labels are: longer ones are cut so that the amounts stay in a column.
const LABEL_WIDTH: usize = 30;

/// Label and amount, the amount right-aligned at a fixed column.
fn row(label: String, amount: String) -> Line<'static> {
    let label = crate::tui::widgets::text::truncate(&label, LABEL_WIDTH);
    let width = crate::tui::widgets::text::width(&label);
    let pad = LABEL_WIDTH.saturating_sub(width);
    Line::from(format!("{label}{}{amount:>14}", " ".repeat(pad)))
}

pub fn lines(
    quote: &Quote,
    juristic: bool,
    plan: PaymentPlan,
    remainder: Remainder,
    start: NaiveDate,
    ui: &Ui,
) -> Vec<Line<'static>> {
    let lang = ui.lang;
    let mut lines = vec![Line::styled(
        tr!(lang, "policy-quote-rating"),
        ui.theme.muted(),
    )];
    for step in &quote.steps {
        let label = match step.label {
            RatingLabel::Factor(kind) => {
                tr!(lang, "policy-step-factor", value = kind.as_db())
            }
            other => tr!(lang, "policy-step", value = other.code()),
        };
        let label = match step.multiplier {
            Some(m) if step.label == RatingLabel::OwnDamage => {
                format!("{label} {}%", (m * Decimal::from(100)).normalize())
            }
            Some(m) => format!("{label} ×{}", m.normalize()),
            None => label,
        };
        lines.push(row(format!("  {label}"), money(step.amount)));
    }
    let b = &quote.breakdown;
    lines.push(Line::from(""));
    lines.push(row(tr!(lang, "policy-base-premium"), money(b.base)));
    if quote.ncb_percent > 0 {
        lines.push(row(
            tr!(
                lang,
                "policy-ncb-discount",
                percent = quote.ncb_percent as i64
            ),
            money(-b.discounts),
        ));
    }
    lines.push(row(tr!(lang, "policy-net-premium"), money(b.net)));
    lines.push(row(tr!(lang, "policy-stamp-duty"), money(b.stamp_duty)));
    lines.push(row(tr!(lang, "policy-vat"), money(b.vat)));
    lines.push(
        row(tr!(lang, "policy-total"), money(b.total))
            .style(ui.theme.title().add_modifier(Modifier::BOLD)),
    );
    if juristic {
        lines.push(row(
            tr!(lang, "policy-withholding"),
            money(-quote.withholding_tax(true)),
        ));
        lines.push(row(tr!(lang, "policy-payable"), money(quote.payable(true))));
    }
    lines.push(Line::from(""));
    let instalments = schedule(b.total, plan, start, remainder);
    lines.push(Line::styled(
        tr!(lang, "policy-schedule", count = instalments.len() as i64),
        ui.theme.muted(),
    ));
    let shown: Vec<_> = if instalments.len() > 4 {
        let mut shown: Vec<_> = instalments.iter().take(2).collect();
        shown.extend(instalments.iter().skip(instalments.len() - 1));
        shown
    } else {
        instalments.iter().collect()
    };
    for (position, instalment) in shown.iter().enumerate() {
        if instalments.len() > 4 && position == 2 {
            lines.push(Line::styled("  …", ui.theme.muted()));
        }
        lines.push(row(
            format!(
                "  {:>2}. {}",
                instalment.number,
                date(lang, ui.calendar, instalment.due_date)
            ),
            money(instalment.amount),
        ));
    }
    lines
}
