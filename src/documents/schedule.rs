//! The policy schedule (ตารางกรมธรรม์ประกันภัย) of any policy type: the insurer, the policy,
//! the insured, the vehicle, the period in the Buddhist Era, the cover and its limits
//! (DOMAIN §1–§2), the premium breakdown, the instalments and the agent.

use rust_decimal::Decimal;
use serde_json::Value;

use super::layout::{Align, CONTENT_WIDTH, Column, Layout, MARGIN, RED, Style, VALUE};
use super::{PolicySheet, amount, both, both_enum, both_lines, letterhead, page_label, thai_date};
use crate::domain::bahttext::bahttext;
use crate::i18n::Lang;
use crate::{key, tr};

/// The schedule as a PDF.
pub fn render(sheet: &PolicySheet) -> Vec<u8> {
    let title = tr!(Lang::Th, "doc-schedule-title");
    let mut layout = Layout::new(format!("{title} · {}", sheet.policy_number), page_label());
    if sheet.status == "CANCELLED" {
        super::stamp(&mut layout, &both(key!("doc-cancelled")), RED);
    }
    letterhead(
        &mut layout,
        &sheet.insurer,
        &title,
        &tr!(Lang::En, "doc-schedule-title"),
    );
    policy_section(&mut layout, sheet);
    insured_section(&mut layout, sheet);
    vehicle_section(&mut layout, sheet);
    cover_section(&mut layout, sheet);
    premium_section(&mut layout, sheet);
    instalment_section(&mut layout, sheet);
    signature(&mut layout);
    layout.finish(&format!("{title} {}", sheet.policy_number))
}

pub(crate) fn policy_type_text(policy_type: &str) -> String {
    both_enum(key!("enum-policy-type"), policy_type)
}

/// "1 มกราคม 2569 – 1 มกราคม 2570".
pub(crate) fn period(sheet: &PolicySheet) -> String {
    format!(
        "{} – {}",
        thai_date(sheet.start_date),
        thai_date(sheet.end_date)
    )
}

fn policy_section(layout: &mut Layout, sheet: &PolicySheet) {
    layout.section(&both(key!("doc-section-policy")));
    layout.fields(
        2,
        &[
            (both(key!("doc-policy-number")), sheet.policy_number.clone()),
            (
                both(key!("doc-policy-type")),
                policy_type_text(&sheet.policy_type),
            ),
            (both(key!("doc-period")), period(sheet)),
            (
                both(key!("doc-issued-on")),
                sheet.issued_on.map(thai_date).unwrap_or_default(),
            ),
            (
                both(key!("doc-agent")),
                sheet
                    .agent_name
                    .clone()
                    .unwrap_or_else(|| tr!(Lang::Th, "doc-no-agent")),
            ),
        ],
    );
}

pub(crate) fn insured_section(layout: &mut Layout, sheet: &PolicySheet) {
    layout.section(&both(key!("doc-section-insured")));
    layout.fields(
        2,
        &[
            (both(key!("doc-insured-name")), sheet.insured_name.clone()),
            (
                both(key!("doc-insured-id")),
                sheet.insured_id.clone().unwrap_or_default(),
            ),
        ],
    );
    layout.fields(
        1,
        &[(both(key!("doc-address")), sheet.insured_address.clone())],
    );
}

pub(crate) fn vehicle_section(layout: &mut Layout, sheet: &PolicySheet) {
    layout.section(&both(key!("doc-section-vehicle")));
    let optional = |value: Option<String>| value.unwrap_or_else(|| "-".to_string());
    layout.fields(
        3,
        &[
            (
                both(key!("doc-plate")),
                format!("{} {}", sheet.plate, sheet.plate_province),
            ),
            (
                both(key!("doc-make-model")),
                format!("{} {}", sheet.make, sheet.model),
            ),
            (
                both(key!("doc-year")),
                sheet.year_of_manufacture.to_string(),
            ),
            (
                both(key!("doc-chassis")),
                optional(sheet.chassis_number.clone()),
            ),
            (
                both(key!("doc-engine-cc")),
                optional(sheet.engine_cc.map(|cc| cc.to_string())),
            ),
            (
                both(key!("doc-vehicle-type")),
                both_enum(key!("enum-vehicle-type"), &sheet.vehicle_type),
            ),
            (
                both(key!("doc-usage")),
                both_enum(key!("enum-usage-type"), &sheet.usage_type),
            ),
            (
                both(key!("doc-seats")),
                optional(sheet.seats.map(|s| s.to_string())),
            ),
        ],
    );
}

/// A limit from the cover JSON: "30,000.00", or None when the policy has no such cover.
fn limit(cover: &Value, path: &[&str]) -> Option<Decimal> {
    let mut value = cover;
    for step in path {
        value = value.get(step)?;
    }
    match value {
        Value::Number(number) => number.to_string().parse().ok(),
        Value::String(text) => text.parse().ok(),
        _ => None,
    }
}

/// The rows of the cover table: what is covered and up to how much.
pub(crate) fn cover_rows(sheet: &PolicySheet) -> Vec<Vec<String>> {
    let cover = &sheet.coverage;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut add = |label: &'static str, value: Option<Decimal>| {
        if let Some(value) = value.filter(|v| !v.is_zero()) {
            rows.push(vec![both(label), amount(value)]);
        }
    };
    if sheet.policy_type == "CMI" {
        add(
            key!("doc-cmi-preliminary-medical"),
            limit(cover, &["preliminary_medical_per_person"]),
        );
        add(
            key!("doc-cmi-preliminary-death"),
            limit(cover, &["preliminary_death_disability_per_person"]),
        );
        add(
            key!("doc-cmi-medical"),
            limit(cover, &["medical_per_person"]),
        );
        add(
            key!("doc-cmi-death"),
            limit(cover, &["death_disability_per_person"]),
        );
        add(
            key!("doc-cmi-inpatient"),
            limit(cover, &["inpatient_per_day"]),
        );
        add(key!("doc-per-incident"), limit(cover, &["per_incident"]));
        return rows;
    }
    add(
        key!("doc-tpbi-person"),
        limit(cover, &["third_party_injury_per_person"]),
    );
    add(
        key!("doc-tpbi-incident"),
        limit(cover, &["third_party_injury_per_incident"]),
    );
    add(key!("doc-tppd"), limit(cover, &["third_party_property"]));
    let counterparty = cover["own_damage_counterparty_required"].as_bool() == Some(true);
    add(
        match counterparty {
            true => key!("doc-own-damage-counterparty"),
            false => key!("doc-own-damage"),
        },
        limit(cover, &["own_damage"]),
    );
    add(key!("doc-theft-fire"), limit(cover, &["theft_and_fire"]));
    add(key!("doc-deductible"), limit(cover, &["deductible"]));
    add(
        key!("doc-compulsory-excess"),
        limit(cover, &["compulsory_excess"]),
    );
    add(
        key!("doc-rider-pa"),
        limit(cover, &["riders", "personal_accident_per_person"]),
    );
    add(
        key!("doc-rider-medical"),
        limit(cover, &["riders", "medical_per_person"]),
    );
    add(
        key!("doc-rider-bail"),
        limit(cover, &["riders", "bail_bond"]),
    );
    if cover["flood"].as_bool() == Some(true) {
        rows.insert(
            rows.len().min(5),
            vec![both(key!("doc-flood")), both(key!("doc-covered"))],
        );
    }
    rows
}

/// The cover and its limits (and, for CMI, who receives only the preliminary cover).
pub(crate) fn cover_section(layout: &mut Layout, sheet: &PolicySheet) {
    layout.section(&both(key!("doc-section-cover")));
    if let Some(sum) = sheet.sum_insured {
        layout.fields(1, &[(both(key!("doc-sum-insured")), amount(sum))]);
    }
    layout.table(
        &[
            Column {
                header: both_lines(key!("doc-cover-item")),
                width: CONTENT_WIDTH - 130.0,
                align: Align::Left,
            },
            Column {
                header: both_lines(key!("doc-limit-baht")),
                width: 130.0,
                align: Align::Right,
            },
        ],
        &cover_rows(sheet),
    );
    if sheet.policy_type == "CMI" {
        layout.paragraph(
            MARGIN,
            CONTENT_WIDTH,
            Style::regular(8.0),
            Align::Left,
            &both(key!("doc-cmi-note")),
        );
    }
}

/// The premium lines and the total in words.
pub(crate) fn premium_lines(sheet: &PolicySheet) -> Vec<(String, String, bool)> {
    let mut lines = Vec::new();
    if !sheet.discounts.is_zero() {
        lines.push((
            both(key!("doc-base-premium")),
            amount(sheet.base_premium),
            false,
        ));
        lines.push((
            format!(
                "{} ({}%)",
                both(key!("doc-discounts")),
                sheet.no_claim_discount.normalize()
            ),
            amount(-sheet.discounts),
            false,
        ));
    }
    lines.push((
        both(key!("doc-net-premium")),
        amount(sheet.net_premium),
        false,
    ));
    lines.push((
        both(key!("doc-stamp-duty")),
        amount(sheet.stamp_duty),
        false,
    ));
    lines.push((both(key!("doc-vat")), amount(sheet.vat), false));
    lines.push((
        both(key!("doc-total-premium")),
        amount(sheet.total_premium),
        true,
    ));
    lines
}

fn premium_section(layout: &mut Layout, sheet: &PolicySheet) {
    layout.section(&both(key!("doc-section-premium")));
    layout.totals(&premium_lines(sheet));
    if let Ok(words) = bahttext(sheet.total_premium) {
        layout.paragraph(
            MARGIN,
            CONTENT_WIDTH,
            Style::bold(10.0),
            Align::Right,
            &format!("({words})"),
        );
    }
    layout.gap(4.0);
}

fn instalment_section(layout: &mut Layout, sheet: &PolicySheet) {
    if sheet.instalments.is_empty() {
        return;
    }
    layout.section(&both(key!("doc-section-instalments")));
    let rows: Vec<Vec<String>> = sheet
        .instalments
        .iter()
        .enumerate()
        .map(|(i, instalment)| {
            vec![
                instalment.number.unwrap_or(i as i32 + 1).to_string(),
                instalment.due_date.map(thai_date).unwrap_or_default(),
                amount(instalment.amount),
                both_enum(key!("enum-payment-status"), &instalment.status),
            ]
        })
        .collect();
    layout.table(
        &[
            Column {
                header: both_lines(key!("doc-instalment-number")),
                width: 60.0,
                align: Align::Center,
            },
            Column {
                header: both_lines(key!("doc-due-date")),
                width: 160.0,
                align: Align::Left,
            },
            Column {
                header: both_lines(key!("doc-amount-baht")),
                width: 120.0,
                align: Align::Right,
            },
            Column {
                header: both_lines(key!("doc-payment-status")),
                width: CONTENT_WIDTH - 340.0,
                align: Align::Left,
            },
        ],
        &rows,
    );
}

pub(crate) fn signature(layout: &mut Layout) {
    layout.ensure(70.0);
    layout.gap(36.0);
    let right = MARGIN + CONTENT_WIDTH;
    let top = layout.y();
    layout.line((right - 200.0, top), (right, top), 0.6);
    layout.text_at(
        right - 100.0,
        top + 4.0,
        VALUE,
        Align::Center,
        &both(key!("doc-authorised-signatory")),
    );
    layout.gap(24.0);
}
