//! Claims in every state of the workflow, their assessments, settlements and payouts.

use chrono::{DateTime, Utc};
use rand::Rng;
use rand::seq::IndexedRandom;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;
use uuid::Uuid;

use super::people::{Customer, Vehicle};
use super::policies::{Policy, PolicyType};
use super::{Book, SynthContext, bangkok_date, buddhist_year, money};
use crate::seed::catalog::{DAMAGE_PARTS, GIVEN_NAMES, INCIDENT_DESCRIPTIONS, INSURERS, SURNAMES};

pub const CLAIM_COLUMNS: &[&str] = &[
    "id",
    "claim_number",
    "policy_id",
    "adjuster_id",
    "surveyor_id",
    "incident_date",
    "reported_date",
    "claim_type",
    "status",
    "incident_description",
    "damage_description",
    "injury_description",
    "incident_location",
    "incident_province_code",
    "estimated_amount",
    "assessed_amount",
    "approved_amount",
    "settled_amount",
    "deductible_amount",
    "assessment_date",
    "approval_date",
    "settlement_date",
    "closure_date",
    "police_report_number",
    "other_party_info",
    "fraud_score",
    "fraud_flags",
    "requires_investigation",
    "created_at",
    "updated_at",
];

pub const ASSESSMENT_COLUMNS: &[&str] = &[
    "claim_id",
    "assessor_id",
    "assessor_type",
    "assessment_date",
    "assessment_type",
    "damage_assessment",
    "total_loss_assessment",
    "liability_percentage",
    "recommended_amount",
    "recommended_action",
    "assessment_notes",
    "created_at",
];

pub const SETTLEMENT_COLUMNS: &[&str] = &[
    "claim_id",
    "settlement_type",
    "payee_type",
    "payee_name",
    "gross_amount",
    "deductible_amount",
    "excess_amount",
    "net_amount",
    "at_fault",
    "counterparty_named",
    "status",
    "settled_at",
    "payment_id",
    "created_at",
];

/// The compulsory excess on damage without a named counterparty (DOMAIN §2).
const COMPULSORY_EXCESS: Decimal = dec!(1000);

/// A claim's place in the workflow, with what has happened to it so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Reported,
    Assigned,
    Investigating,
    Assessed,
    Approved,
    Rejected,
    Settled,
    Closed,
}

impl Stage {
    fn as_db(self) -> &'static str {
        match self {
            Stage::Reported => "REPORTED",
            Stage::Assigned => "ASSIGNED",
            Stage::Investigating => "INVESTIGATING",
            Stage::Assessed => "ASSESSED",
            Stage::Approved => "APPROVED",
            Stage::Rejected => "REJECTED",
            Stage::Settled => "SETTLED",
            Stage::Closed => "CLOSED",
        }
    }

    fn assigned(self) -> bool {
        self != Stage::Reported
    }

    fn assessed(self) -> bool {
        matches!(
            self,
            Stage::Assessed | Stage::Approved | Stage::Rejected | Stage::Settled | Stage::Closed
        )
    }

    fn approved(self) -> bool {
        matches!(self, Stage::Approved | Stage::Settled | Stage::Closed)
    }

    fn paid(self) -> bool {
        matches!(self, Stage::Settled | Stage::Closed)
    }
}

/// About a fifth of policies see a claim during their period.
pub fn maybe_add_claims(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy: &Policy,
    book: &mut Book,
) {
    let likelihood = if policy.policy_type == PolicyType::Cmi {
        0.1
    } else {
        0.28
    };
    let exposure_end = policy.end.min(ctx.today);
    if exposure_end <= policy.start || !rng.random_bool(likelihood) {
        return;
    }
    let claims = if rng.random_bool(0.06) { 2 } else { 1 };
    for _ in 0..claims {
        add_claim(ctx, rng, customer, vehicle, policy, book);
    }
}

fn claim_type(rng: &mut impl Rng, policy_type: PolicyType) -> &'static str {
    let choices: &[&str] = match policy_type {
        PolicyType::Class1 => &[
            "ACCIDENT",
            "ACCIDENT",
            "ACCIDENT",
            "ACCIDENT",
            "ACCIDENT",
            "FLOOD",
            "VANDALISM",
            "THEFT",
            "FIRE",
            "NATURAL_DISASTER",
        ],
        PolicyType::Class2Plus => &["ACCIDENT", "ACCIDENT", "ACCIDENT", "THEFT", "FIRE"],
        PolicyType::Class2 => &["ACCIDENT", "THEFT", "FIRE"],
        _ => &["ACCIDENT"],
    };
    choices.choose(rng).copied().unwrap_or("ACCIDENT")
}

fn add_claim(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy: &Policy,
    book: &mut Book,
) {
    let id = Uuid::now_v7();
    let exposure_days = (policy.end.min(ctx.today) - policy.start).num_days().max(1) as u64;
    let incident_day = super::days_after(policy.start, rng.random_range(0..exposure_days));
    let incident = ctx.moment(incident_day, rng);
    let late = rng.random_bool(0.03);
    let reported = (incident
        + chrono::Duration::hours(if late {
            rng.random_range(31 * 24..60 * 24)
        } else {
            rng.random_range(1..72)
        }))
    .min(ctx.now)
    .max(incident);
    let age_days = (ctx.today - incident_day).num_days();
    let stage = pick_stage(rng, age_days);
    let kind = claim_type(rng, policy.policy_type);

    let counterparty = kind == "ACCIDENT" && rng.random_bool(0.7);
    let other_party = counterparty.then(|| other_party(rng));
    let ceiling = policy
        .sum_insured
        .map(|si| si * dec!(0.6))
        .unwrap_or(dec!(150000))
        .max(dec!(10000));
    let estimated = money(rng, 3000, ceiling.try_into().unwrap_or(150000)).max(dec!(3000));
    let assessed = stage
        .assessed()
        .then(|| (estimated * Decimal::from(rng.random_range(70..106)) / dec!(100)).round());
    let excess = if kind == "ACCIDENT" && !counterparty && policy.policy_type != PolicyType::Cmi {
        COMPULSORY_EXCESS
    } else {
        Decimal::ZERO
    };
    let deductible = policy.deductible + excess;
    let approved = stage
        .approved()
        .then(|| assessed.unwrap_or(estimated).max(deductible + dec!(500)));
    let settled = stage
        .paid()
        .then(|| approved.unwrap_or(estimated) - deductible);

    let adjuster = stage
        .assigned()
        .then(|| ctx.staff.adjusters.choose(rng).copied())
        .flatten();
    let surveyor = (stage.assessed() && rng.random_bool(0.5))
        .then(|| ctx.staff.surveyors.choose(rng).copied())
        .flatten();
    let day =
        |offset: i64| Some(bangkok_date(reported + chrono::Duration::days(offset)).min(ctx.today));
    let (flags, score) = fraud(policy, incident, reported, kind);
    let investigation = stage == Stage::Investigating || score >= dec!(50);
    let description = INCIDENT_DESCRIPTIONS
        .iter()
        .filter(|(t, _, _)| *t == kind)
        .collect::<Vec<_>>()
        .choose(rng)
        .map(|(_, th, _)| *th)
        .unwrap_or("เกิดเหตุกับรถยนต์ที่เอาประกันภัย");
    let damaged: Vec<&str> = DAMAGE_PARTS
        .choose_multiple(rng, 3)
        .map(|(th, _)| *th)
        .collect();
    let place = ctx.random_place(rng);
    let province = if rng.random_bool(0.7) {
        vehicle.province_code.clone()
    } else {
        place.province_code.clone()
    };

    book.claims
        .field(id)
        .field(
            ctx.numbering
                .claim_number(buddhist_year(bangkok_date(reported))),
        )
        .field(policy.id)
        .field(adjuster)
        .field(surveyor)
        .field(incident)
        .field(reported)
        .field(kind)
        .field(stage.as_db())
        .field(description)
        .field(damaged.join(", "))
        .field(
            (policy.policy_type == PolicyType::Cmi).then_some("ผู้ขับขี่บาดเจ็บเล็กน้อย รักษาตัวที่โรงพยาบาล"),
        )
        .field(json!({
            "lat": 13.0 + f64::from(rng.random_range(-500..800)) / 100.0,
            "lng": 100.5 + f64::from(rng.random_range(-150..450)) / 100.0,
            "tambon_code": place.tambon_code,
            "description": "ใกล้ทางแยก"
        }))
        .field(province)
        .field(estimated)
        .field(assessed)
        .field(approved)
        .field(settled)
        .field(Some(deductible))
        .field(stage.assessed().then(|| day(3)).flatten())
        .field(stage.approved().then(|| day(5)).flatten())
        .field(stage.paid().then(|| day(9)).flatten())
        .field(
            (stage == Stage::Closed || stage == Stage::Rejected)
                .then(|| day(12))
                .flatten(),
        )
        .field((kind == "THEFT" || rng.random_bool(0.4)).then(|| {
            format!(
                "สภ.{}/{}",
                rng.random_range(100..9999),
                buddhist_year(incident_day)
            )
        }))
        .field(other_party)
        .field(score)
        .field(json!(flags))
        .field(investigation)
        .field(reported)
        .field(reported);
    book.claims.end_row();
    book.note("claim", stage.as_db());

    if stage.assessed() {
        add_assessment(
            ctx,
            rng,
            id,
            stage,
            reported,
            assessed.unwrap_or(estimated),
            &damaged,
            book,
        );
    }
    if stage.approved() {
        add_settlement(
            ctx,
            rng,
            customer,
            id,
            stage,
            reported,
            approved.unwrap_or(estimated),
            deductible,
            excess,
            counterparty,
            book,
        );
    }
}

fn pick_stage(rng: &mut impl Rng, age_days: i64) -> Stage {
    let open = [
        Stage::Reported,
        Stage::Assigned,
        Stage::Assigned,
        Stage::Investigating,
        Stage::Assessed,
        Stage::Assessed,
        Stage::Approved,
    ];
    if age_days < 14 || rng.random_bool(0.25) {
        return *open.choose(rng).unwrap_or(&Stage::Reported);
    }
    match rng.random_range(0..100) {
        0..20 => Stage::Settled,
        20..87 => Stage::Closed,
        _ => Stage::Rejected,
    }
}

fn other_party(rng: &mut impl Rng) -> serde_json::Value {
    let given = GIVEN_NAMES.choose(rng).map(|g| g.th).unwrap_or("สมชาย");
    let surname = SURNAMES.choose(rng).map(|s| s.th).unwrap_or("ใจดี");
    json!({
        "name": format!("{given} {surname}"),
        "plate": super::plate_for(rng.random_range(0..10_000_000), false),
        "insurer": INSURERS.choose(rng).map(|(th, _)| *th),
        "phone": format!("08{:08}", rng.random_range(0..100_000_000)),
    })
}

/// Fraud flags that can be told from the claim itself: an incident soon after inception,
/// a late report, a theft soon after inception; 25 points each.
fn fraud(
    policy: &Policy,
    incident: DateTime<Utc>,
    reported: DateTime<Utc>,
    kind: &str,
) -> (Vec<&'static str>, Decimal) {
    let mut flags = Vec::new();
    if (bangkok_date(incident) - policy.start).num_days() < 30 {
        flags.push("INCIDENT_WITHIN_30_DAYS_OF_INCEPTION");
    }
    if (reported - incident).num_days() > 30 {
        flags.push("REPORTED_MORE_THAN_30_DAYS_LATE");
    }
    if kind == "THEFT" && (bangkok_date(incident) - policy.start).num_days() < 60 {
        flags.push("THEFT_SOON_AFTER_INCEPTION");
    }
    let score = Decimal::from(25 * flags.len() as i64).min(dec!(100));
    (flags, score)
}

#[allow(clippy::too_many_arguments)]
fn add_assessment(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    claim_id: Uuid,
    stage: Stage,
    reported: DateTime<Utc>,
    amount: Decimal,
    damaged: &[&str],
    book: &mut Book,
) {
    let Some(assessor) = ctx.staff.adjusters.choose(rng).copied() else {
        return;
    };
    let when = (reported + chrono::Duration::days(2)).min(ctx.now);
    let labour = (amount * dec!(0.3)).round();
    let items: Vec<serde_json::Value> = damaged
        .iter()
        .enumerate()
        .map(|(i, part)| {
            let parts_cost = if i == 0 { amount - labour - Decimal::from(damaged.len() as i64 - 1) * dec!(500) } else { dec!(500) };
            json!({"part": part, "action": if i == 0 { "REPLACE" } else { "REPAIR" }, "parts": parts_cost, "labour": if i == 0 { labour } else { Decimal::ZERO }})
        })
        .collect();
    book.assessments
        .field(claim_id)
        .field(assessor)
        .field("ADJUSTER")
        .field(when)
        .field(if rng.random_bool(0.7) {
            "INITIAL"
        } else {
            "DETAILED"
        })
        .field(json!({"items": items, "total": amount}))
        .field(false)
        .field(Decimal::from(*[0, 50, 100].choose(rng).unwrap_or(&100)))
        .field(amount)
        .field(if stage == Stage::Rejected {
            "REJECT"
        } else {
            "APPROVE"
        })
        .field(if stage == Stage::Rejected {
            "ความเสียหายไม่อยู่ในความคุ้มครอง"
        } else {
            "ความเสียหายสอดคล้องกับเหตุที่แจ้ง"
        })
        .field(when);
    book.assessments.end_row();
}

#[allow(clippy::too_many_arguments)]
fn add_settlement(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    claim_id: Uuid,
    stage: Stage,
    reported: DateTime<Utc>,
    approved: Decimal,
    deductible: Decimal,
    excess: Decimal,
    counterparty: bool,
    book: &mut Book,
) {
    let paid = stage.paid();
    let settled_at = paid.then(|| (reported + chrono::Duration::days(9)).min(ctx.now));
    let created = (reported + chrono::Duration::days(5)).min(ctx.now);
    let net = approved - deductible;
    let payment_id = Uuid::now_v7();
    let to_garage = rng.random_bool(0.6);
    let payee = if to_garage {
        format!(
            "อู่{}การช่าง",
            SURNAMES.choose(rng).map(|s| s.th).unwrap_or("ช่าง")
        )
    } else {
        customer.display_name.clone()
    };

    book.payments
        .field(payment_id)
        .field(None::<Uuid>)
        .field(claim_id)
        .field(customer.id)
        .field("CLAIM_SETTLEMENT")
        .field("OUTGOING")
        .field(net)
        .field(Decimal::ZERO)
        .field(net)
        .field("BANK_TRANSFER")
        .field("BANK")
        .field(if paid { "SUCCESS" } else { "PENDING" })
        .field(None::<&str>)
        .field(settled_at)
        .field(Some(bangkok_date(created)))
        .field(settled_at)
        .field(None::<i32>)
        .field(None::<i32>)
        .field(None::<&str>)
        .field(None::<&str>)
        .field(Some(
            *["002", "004", "006", "014", "025"]
                .choose(rng)
                .unwrap_or(&"004"),
        ))
        .field(Some(format!("xxx-x-x{:04}-x", rng.random_range(0..10000))))
        .field(if paid { "MATCHED" } else { "PENDING" })
        .field(settled_at)
        .field(created)
        .field(settled_at.unwrap_or(created));
    book.payments.end_row();

    book.settlements
        .field(claim_id)
        .field(if to_garage { "REPAIR" } else { "CASH" })
        .field(if to_garage { "REPAIR_SHOP" } else { "INSURED" })
        .field(&payee)
        .field(approved)
        .field(deductible - excess)
        .field(excess)
        .field(net)
        .field(!counterparty || rng.random_bool(0.4))
        .field(counterparty)
        .field(if paid { "PAID" } else { "PENDING" })
        .field(settled_at)
        .field(payment_id)
        .field(created);
    book.settlements.end_row();
}
