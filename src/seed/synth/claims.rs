//! Claims in every state of the workflow, their assessments, settlements and payouts.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::Rng;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
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
    "own_damage_claimed",
    "approved_by",
    "approval_requested_amount",
    "approval_requested_by",
    "approval_requested_at",
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
    "payment_created_at",
    "created_at",
];

/// The compulsory excess on damage without a named counterparty (DOMAIN §2).
const COMPULSORY_EXCESS: Decimal = dec!(1000);

/// The fraud rules' investigation score (setting CLAIM_INVESTIGATION_SCORE's default).
const INVESTIGATION_SCORE: Decimal = dec!(50);

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

    fn is_open(self) -> bool {
        !matches!(self, Stage::Rejected | Stage::Settled | Stage::Closed)
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

/// What is known of a claim before it is written: when, what, and how far it has come.
struct Plan {
    incident: DateTime<Utc>,
    reported: DateTime<Utc>,
    stage: Stage,
    kind: &'static str,
    /// An accident with a named other party (name and plate).
    counterparty: bool,
    estimated: Decimal,
    police_report: bool,
    /// Another claim on the policy within 12 months (one of the fraud rules; the book does
    /// not look across a vehicle's other policies).
    repeat: bool,
    /// Assessed over the assessing adjuster's authority, whatever the staff's limits say.
    wants_approval: bool,
    /// Sent to investigation by a person, whatever its score.
    flagged_by_hand: bool,
}

/// About a fifth of policies see a claim during their period. A demo book also puts its
/// queue work (`Book::queue_work`) on policies in force today.
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
    let mut claims = 0;
    if exposure_end > policy.start && rng.random_bool(likelihood) {
        claims = if rng.random_bool(0.06) { 2 } else { 1 };
        let exposure_days = (exposure_end - policy.start).num_days().max(1) as u64;
        let mut days: Vec<NaiveDate> = (0..claims)
            .map(|_| super::days_after(policy.start, rng.random_range(0..exposure_days)))
            .collect();
        days.sort_unstable();
        for day in days {
            let plan = book_plan(ctx, rng, policy, day, claims > 1);
            add_claim(ctx, rng, customer, vehicle, policy, plan, book);
        }
    }
    if !book.queue_work.is_done() {
        add_queue_work(ctx, rng, customer, vehicle, policy, claims > 0, book);
    }
}

fn claim_type(rng: &mut impl Rng, policy_type: PolicyType) -> &'static str {
    // What the class covers (DOMAIN §2): every class, CMI included, pays the other party
    // of an accident; theft and fire need Class 2 or better; flood, vandalism and natural
    // disasters Class 1.
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

/// Whether the claim asks for the insured car's own damage (`claims.own_damage_claimed`):
/// not for an accident on cover without own collision damage (CMI, Class 2 and 3) or on
/// 2+/3+ when the other party is not named; then it is the other party's (or the injured
/// people's) claim on the policy. Every other claim type the class allows is own damage.
fn own_damage_claimed(policy_type: PolicyType, kind: &str, counterparty: bool) -> bool {
    match (kind, policy_type) {
        ("ACCIDENT", PolicyType::Cmi | PolicyType::Class2 | PolicyType::Class3) => false,
        ("ACCIDENT", PolicyType::Class2Plus | PolicyType::Class3Plus) => counterparty,
        _ => true,
    }
}

/// The estimate of a loss: up to 60 % of the sum insured (150,000 baht without one).
fn estimate(rng: &mut impl Rng, policy: &Policy) -> Decimal {
    let ceiling = policy
        .sum_insured
        .map(|si| si * dec!(0.6))
        .unwrap_or(dec!(150000))
        .max(dec!(10000));
    money(rng, 3000, ceiling.try_into().unwrap_or(150000)).max(dec!(3000))
}

/// One of the book's own claims, with the incident on `incident_day`.
fn book_plan(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    policy: &Policy,
    incident_day: NaiveDate,
    repeat: bool,
) -> Plan {
    let incident = ctx.moment(incident_day, rng);
    let late = rng.random_bool(0.03);
    let reported = (incident
        + Duration::hours(if late {
            rng.random_range(31 * 24..60 * 24)
        } else {
            rng.random_range(1..72)
        }))
    .min(ctx.now)
    .max(incident);
    let stage = pick_stage(rng, (ctx.today - incident_day).num_days());

    let kind = claim_type(rng, policy.policy_type);
    let counterparty = kind == "ACCIDENT" && rng.random_bool(0.7);
    Plan {
        incident,
        reported,
        stage,
        kind,
        counterparty,
        estimated: estimate(rng, policy),
        police_report: kind == "THEFT" || rng.random_bool(0.4),
        repeat,
        wants_approval: false,
        flagged_by_hand: stage.is_open() && rng.random_bool(0.01),
    }
}

/// Which queue a piece of queue work is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Work {
    FreshReport,
    AwaitingApproval,
    Flagged,
}

/// One claim of the queue work still wanted, on this policy if it suits: in force today,
/// long enough for the claim's story; approvals on Class 1 with room for a large loss,
/// flagged thefts on cover that includes theft.
fn add_queue_work(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy: &Policy,
    repeat: bool,
    book: &mut Book,
) {
    if policy.status != "ACTIVE" || policy.start > ctx.today || policy.end <= ctx.today {
        return;
    }
    let in_force_days = (ctx.today - policy.start).num_days();
    let wanted = book.queue_work;
    let large_own_damage = policy.policy_type == PolicyType::Class1
        && policy.sum_insured.is_some_and(|si| si >= dec!(200000));
    let theft_cover = matches!(
        policy.policy_type,
        PolicyType::Class1 | PolicyType::Class2Plus | PolicyType::Class2
    ) && policy.sum_insured.is_some();
    let work = if wanted.awaiting_approval > 0 && large_own_damage && in_force_days >= 20 {
        Work::AwaitingApproval
    } else if wanted.flagged > 0 && theft_cover && in_force_days >= 60 {
        Work::Flagged
    } else if wanted.fresh_reports > 0 && in_force_days >= 4 {
        Work::FreshReport
    } else {
        return;
    };
    let day_before = |days: u64| super::days_before(ctx.today, days);
    let plan = match work {
        // Reported in the last few days, waiting for someone to take it.
        Work::FreshReport => {
            let incident = ctx.moment(day_before(rng.random_range(0..4)), rng);
            let kind = claim_type(rng, policy.policy_type);
            let counterparty = kind == "ACCIDENT" && rng.random_bool(0.7);
            Plan {
                incident,
                reported: (incident + Duration::hours(rng.random_range(1..12))).min(ctx.now),
                stage: Stage::Reported,
                kind,
                counterparty,
                estimated: estimate(rng, policy),
                police_report: kind == "THEFT" || rng.random_bool(0.4),
                repeat,
                wants_approval: false,
                flagged_by_hand: false,
            }
        }
        // A collision assessed at 56,000 baht or more last week: above the authority of the
        // adjuster who assessed it.
        Work::AwaitingApproval => {
            let incident = ctx.moment(day_before(rng.random_range(7..15)), rng);
            let high = policy
                .sum_insured
                .map_or(dec!(150000), |si| (si * dec!(0.6)).min(dec!(400000)));
            Plan {
                incident,
                reported: (incident + Duration::hours(rng.random_range(1..24))).min(ctx.now),
                stage: Stage::Assessed,
                kind: "ACCIDENT",
                counterparty: rng.random_bool(0.7),
                estimated: money(rng, 80_000, high.try_into().unwrap_or(150_000)),
                police_report: true,
                repeat,
                wants_approval: true,
                flagged_by_hand: false,
            }
        }
        // A car reported stolen five weeks after the fact, without a police report, for its
        // whole value: late (25 points), no report (40), the estimate at the sum insured (30).
        Work::Flagged => {
            let incident = ctx.moment(day_before(rng.random_range(35..50)), rng);
            let reported = ctx.moment(day_before(rng.random_range(0..3)), rng);
            Plan {
                incident,
                reported: reported.max(incident),
                stage: *[Stage::Reported, Stage::Assigned, Stage::Investigating]
                    .choose(rng)
                    .unwrap_or(&Stage::Reported),
                kind: "THEFT",
                counterparty: false,
                estimated: policy.sum_insured.unwrap_or(dec!(300000)),
                police_report: false,
                repeat,
                wants_approval: false,
                flagged_by_hand: false,
            }
        }
    };
    add_claim(ctx, rng, customer, vehicle, policy, plan, book);
    let (left, kind) = match work {
        Work::FreshReport => (&mut book.queue_work.fresh_reports, "FRESH_REPORT"),
        Work::AwaitingApproval => (&mut book.queue_work.awaiting_approval, "AWAITING_APPROVAL"),
        Work::Flagged => (&mut book.queue_work.flagged, "FLAGGED"),
    };
    *left -= 1;
    if *left == 0 {
        book.note("queue_work", kind);
    }
}

fn add_claim(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy: &Policy,
    plan: Plan,
    book: &mut Book,
) {
    let id = Uuid::now_v7();
    let Plan {
        incident,
        reported,
        stage,
        kind,
        counterparty,
        estimated,
        police_report,
        repeat,
        wants_approval,
        flagged_by_hand,
    } = plan;
    let incident_day = bangkok_date(incident);
    let other_party = counterparty.then(|| other_party(rng));
    let own_damage = own_damage_claimed(policy.policy_type, kind, counterparty);
    let assessed = stage
        .assessed()
        .then(|| (estimated * Decimal::from(rng.random_range(70..106)) / dec!(100)).round());
    // What `claim_deductions` (0021_claims.sql) takes off: the policy's deductible on own
    // damage, and the compulsory excess on own damage from vandalism or an accident whose
    // other party is not named.
    let own_damage_deductions = own_damage && policy.policy_type != PolicyType::Cmi;
    let excess = if own_damage_deductions
        && (kind == "VANDALISM" || (kind == "ACCIDENT" && !counterparty))
    {
        COMPULSORY_EXCESS
    } else {
        Decimal::ZERO
    };
    let policy_deductible = if own_damage_deductions {
        policy.deductible
    } else {
        Decimal::ZERO
    };
    let deductible = policy_deductible + excess;
    let approved = stage
        .approved()
        .then(|| assessed.unwrap_or(estimated).max(deductible + dec!(500)));
    let settled = stage
        .paid()
        .then(|| approved.unwrap_or(estimated) - deductible);

    let staff = &ctx.staff;
    let adjuster = if wants_approval {
        // Someone whose authority the assessment exceeds, when the limits are known.
        let short: Vec<Uuid> = staff
            .adjuster_limits
            .iter()
            .filter(|(_, limit)| assessed.is_some_and(|a| a > *limit))
            .map(|(id, _)| *id)
            .collect();
        short
            .choose(rng)
            .or_else(|| staff.adjusters.choose(rng))
            .copied()
    } else {
        stage
            .assigned()
            .then(|| staff.adjusters.choose(rng).copied())
            .flatten()
    };
    // An assessment above the assessing adjuster's authority waits for someone with enough.
    let approval_requested = stage == Stage::Assessed
        && adjuster.is_some()
        && (wants_approval
            || adjuster
                .and_then(|a| staff.limit_of(a))
                .zip(assessed)
                .is_some_and(|(limit, amount)| amount > limit));
    let assessed_at = (reported + Duration::days(2)).min(ctx.now);
    // Approved by the adjuster if within their authority, else by someone's it is within.
    let approved_by = approved.and_then(|amount| {
        let within = |id: &Uuid| staff.limit_of(*id).is_some_and(|limit| limit >= amount);
        adjuster.filter(within).or_else(|| {
            let able: Vec<Uuid> = staff.adjusters.iter().copied().filter(within).collect();
            able.choose(rng).copied()
        })
    });
    let surveyor = (stage.assessed() && rng.random_bool(0.5))
        .then(|| staff.surveyors.choose(rng).copied())
        .flatten();
    let day = |offset: i64| Some(bangkok_date(reported + Duration::days(offset)).min(ctx.today));
    let (flags, score) = fraud(
        policy,
        incident,
        reported,
        kind,
        estimated,
        police_report,
        repeat,
    );
    let investigation = score >= INVESTIGATION_SCORE || flagged_by_hand;
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
    // Most incidents happen in the car's own province.
    let place = if rng.random_bool(0.7) {
        ctx.random_place_in(rng, &vehicle.province_code)
    } else {
        ctx.random_place(rng)
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
            "amphoe_code": place.tambon_code.get(..4),
            "tambon_code": place.tambon_code,
            "description": "ใกล้ทางแยก"
        }))
        .field(&place.province_code)
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
        .field(police_report.then(|| {
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
        .field(own_damage)
        .field(approved_by)
        .field(approval_requested.then_some(assessed).flatten())
        .field(approval_requested.then_some(adjuster).flatten())
        .field(approval_requested.then(|| (assessed_at + Duration::hours(1)).min(ctx.now)))
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
            adjuster,
            assessed_at,
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

/// A claim's stage from the days since its incident. The last month's claims are all still
/// open and most of the last half-year's (a repair waits for parts, the other party's
/// insurer answers slowly, an injury takes its time); a claim more than a year old seldom
/// is. The open ones move along with age: a new report waits for an adjuster, an older
/// claim is being investigated, assessed or approved.
fn pick_stage(rng: &mut impl Rng, age_days: i64) -> Stage {
    if rng.random_bool(open_share(age_days)) {
        let (stages, weights): (&[Stage], &[u32]) = (
            &[
                Stage::Reported,
                Stage::Assigned,
                Stage::Investigating,
                Stage::Assessed,
                Stage::Approved,
            ],
            match age_days {
                ..2 => &[55, 35, 10, 0, 0],
                2..7 => &[15, 35, 35, 15, 0],
                7..30 => &[4, 16, 35, 30, 15],
                _ => &[2, 8, 30, 35, 25],
            },
        );
        let pick = WeightedIndex::new(weights).map_or(0, |w| w.sample(rng));
        return stages[pick];
    }
    match rng.random_range(0..100) {
        0..20 => Stage::Settled,
        20..87 => Stage::Closed,
        _ => Stage::Rejected,
    }
}

/// The share of claims still open `age_days` after the incident.
const OPEN_SHARE_FULL_UNTIL: f64 = 30.0;
const OPEN_SHARE_HALF_AT: f64 = 200.0;

fn open_share(age_days: i64) -> f64 {
    const FULL_UNTIL: f64 = OPEN_SHARE_FULL_UNTIL;
    const HALF_AT: f64 = OPEN_SHARE_HALF_AT;
    let age = age_days as f64;
    if age < FULL_UNTIL {
        return 1.0;
    }
    // A smooth fall from all open to few: half are open at HALF_AT days.
    let k = (age - FULL_UNTIL) / (HALF_AT - FULL_UNTIL);
    (1.0 / (1.0 + k * k)).max(0.02)
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

/// The fraud rules of `claim_fraud_flags` (0021_claims.sql, docs/fraud-rules.md) with
/// their points, as the database computes them when a claim is registered or changes.
fn fraud(
    policy: &Policy,
    incident: DateTime<Utc>,
    reported: DateTime<Utc>,
    kind: &str,
    estimated: Decimal,
    police_report: bool,
    repeat: bool,
) -> (Vec<&'static str>, Decimal) {
    let mut flags = Vec::new();
    let mut points = 0;
    let mut flag = |name: &'static str, worth: i64| {
        flags.push(name);
        points += worth;
    };
    if (bangkok_date(incident) - policy.start).num_days() < 30 {
        flag("INCIDENT_WITHIN_30_DAYS_OF_INCEPTION", 30);
    }
    if repeat {
        flag("TWO_OR_MORE_CLAIMS_IN_12_MONTHS", 25);
    }
    if reported - incident > Duration::days(30) {
        flag("REPORTED_MORE_THAN_30_DAYS_LATE", 25);
    }
    if policy
        .sum_insured
        .is_some_and(|si| estimated >= si * dec!(0.8))
    {
        flag("ESTIMATE_AT_LEAST_80_PERCENT_OF_SUM_INSURED", 30);
    }
    if kind == "THEFT" && !police_report {
        flag("THEFT_WITHOUT_POLICE_REPORT", 40);
    }
    (flags, Decimal::from(points).min(dec!(100)))
}

#[allow(clippy::too_many_arguments)]
fn add_assessment(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    claim_id: Uuid,
    stage: Stage,
    assessor: Option<Uuid>,
    when: DateTime<Utc>,
    amount: Decimal,
    damaged: &[&str],
    book: &mut Book,
) {
    let Some(assessor) = assessor.or_else(|| ctx.staff.adjusters.choose(rng).copied()) else {
        return;
    };
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
    let settled_at = paid.then(|| (reported + Duration::days(9)).min(ctx.now));
    let created = (reported + Duration::days(5)).min(ctx.now);
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
        .field(created)
        .field(created);
    book.settlements.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::synth::{Numbering, StaffIds, add_customer};
    use rand::SeedableRng;
    use rand::rngs::SmallRng;

    const OPEN: [&str; 5] = [
        "REPORTED",
        "ASSIGNED",
        "INVESTIGATING",
        "ASSESSED",
        "APPROVED",
    ];
    const CLOSED: [&str; 3] = ["REJECTED", "SETTLED", "CLOSED"];

    #[test]
    fn own_damage_is_claimed_where_the_class_covers_it() {
        use PolicyType::*;
        for (class, kind, counterparty, own) in [
            (Cmi, "ACCIDENT", true, false),
            (Class3, "ACCIDENT", true, false),
            (Class2, "ACCIDENT", true, false),
            (Class2, "THEFT", false, true),
            (Class2, "FIRE", false, true),
            (Class3Plus, "ACCIDENT", false, false),
            (Class3Plus, "ACCIDENT", true, true),
            (Class2Plus, "ACCIDENT", false, false),
            (Class2Plus, "ACCIDENT", true, true),
            (Class2Plus, "THEFT", false, true),
            (Class1, "ACCIDENT", false, true),
            (Class1, "FLOOD", false, true),
            (Class1, "VANDALISM", false, true),
        ] {
            assert_eq!(
                own_damage_claimed(class, kind, counterparty),
                own,
                "{kind} on {} with counterparty {counterparty}",
                class.as_db()
            );
        }
    }

    #[test]
    fn claim_types_stay_within_the_cover() {
        let mut rng = SmallRng::seed_from_u64(1);
        for class in [
            PolicyType::Cmi,
            PolicyType::Class3,
            PolicyType::Class3Plus,
            PolicyType::Class2,
            PolicyType::Class2Plus,
            PolicyType::Class1,
        ] {
            let allowed: &[&str] = match class {
                PolicyType::Class1 => &[
                    "ACCIDENT",
                    "THEFT",
                    "FIRE",
                    "FLOOD",
                    "VANDALISM",
                    "NATURAL_DISASTER",
                ],
                PolicyType::Class2 | PolicyType::Class2Plus => &["ACCIDENT", "THEFT", "FIRE"],
                _ => &["ACCIDENT"],
            };
            for _ in 0..500 {
                let kind = claim_type(&mut rng, class);
                assert!(allowed.contains(&kind), "{kind} on {}", class.as_db());
            }
        }
    }

    #[test]
    fn recent_claims_are_open_and_old_ones_closed() {
        assert_eq!(open_share(0), 1.0);
        assert_eq!(open_share(29), 1.0);
        let mut previous = 1.0;
        for age in 30..900 {
            let share = open_share(age);
            assert!(share <= previous, "fewer open at {age} days");
            previous = share;
        }
        assert!(open_share(365) < 0.3);
        assert!(open_share(730) <= 0.1);
    }

    /// `prakan bench claims` wants 200,000 open claims at 1,000,000 customers.
    #[test]
    fn a_book_of_a_million_has_200_000_open_claims() {
        let staff = StaffIds {
            adjusters: vec![Uuid::nil()],
            ..StaffIds::default()
        };
        let ctx = SynthContext::new(Utc::now(), staff, Numbering::default());
        let mut rng = SmallRng::seed_from_u64(10_000);
        let mut book = Book::new();
        let customers = 10_000;
        for index in 0..customers {
            add_customer(&ctx, &mut rng, index, &mut book);
        }
        let count = |kinds: &[&str]| kinds.iter().map(|k| book.seen("claim", k)).sum::<u64>();
        let (open, closed) = (count(&OPEN), count(&CLOSED));
        assert!(
            open * (1_000_000 / customers) >= 200_000,
            "{open} open claims for {customers} customers"
        );
        let share = open as f64 / (open + closed) as f64;
        assert!((0.6..0.9).contains(&share), "open share {share}");
        assert!(
            book.seen("claim", "REPORTED") * (1_000_000 / customers) >= 5_000,
            "a backlog of reports to take"
        );
    }
}
