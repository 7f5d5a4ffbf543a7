//! Policies (CMI and voluntary), renewal chains, premium payments and their receipts.

use chrono::{DateTime, NaiveDate, Utc};
use rand::Rng;
use rand::seq::IndexedRandom;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::json;
use uuid::Uuid;

use super::people::{Customer, Vehicle};
use super::{
    Book, SynthContext, add_months, buddhist_year, days_after, days_before, months_before,
};
pub use crate::domain::premium::PolicyType;
use crate::domain::premium::cmi::{CmiCategory, VehicleUse};
use crate::domain::premium::instalments::{PaymentPlan, Remainder, schedule};
use crate::domain::premium::{PremiumBreakdown, satang};
use crate::seed::catalog::VehicleType;

pub const POLICY_COLUMNS: &[&str] = &[
    "id",
    "policy_number",
    "customer_id",
    "vehicle_id",
    "agent_id",
    "policy_type",
    "coverage_details",
    "sum_insured",
    "base_premium",
    "discounts",
    "stamp_duty",
    "vat",
    "total_premium",
    "start_date",
    "end_date",
    "policy_period_months",
    "status",
    "no_claim_discount",
    "auto_renewal",
    "previous_policy_id",
    "renewal_count",
    "payment_plan",
    "payment_frequency",
    "issued_at",
    "cancelled_at",
    "cancellation_reason",
    "created_at",
    "updated_at",
];

pub const RENEWAL_COLUMNS: &[&str] = &[
    "original_policy_id",
    "renewed_policy_id",
    "renewal_type",
    "renewal_date",
    "premium_change",
    "discount_change",
    "initiated_by",
    "renewal_channel",
];

pub const PAYMENT_COLUMNS: &[&str] = &[
    "id",
    "policy_id",
    "claim_id",
    "customer_id",
    "payment_type",
    "payment_direction",
    "amount",
    "fees",
    "total_amount",
    "payment_method",
    "payment_channel",
    "payment_status",
    "transaction_reference",
    "payment_date",
    "due_date",
    "processed_at",
    "installment_number",
    "total_installments",
    "card_last_four",
    "card_type",
    "bank_code",
    "bank_account_number",
    "reconciliation_status",
    "reconciled_at",
    "created_at",
    "updated_at",
];

pub const RECEIPT_COLUMNS: &[&str] = &[
    "payment_id",
    "payment_created_at",
    "receipt_number",
    "receipt_type",
    "tax_invoice_number",
    "vat_amount",
    "withholding_tax",
    "issued_date",
    "language",
    "delivery_method",
    "created_at",
];

/// A policy as the rest of the book needs it.
pub struct Policy {
    pub id: Uuid,
    pub policy_type: PolicyType,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub status: &'static str,
    pub premium: PremiumBreakdown,
    pub sum_insured: Option<Decimal>,
    pub deductible: Decimal,
    /// How the premium is paid: its payments follow it.
    pub plan: PaymentPlan,
}

/// What became of the premium of a cancelled policy.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refund {
    None,
    Pending,
    PaidInPart,
    PaidInFull,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Active,
    Renewed,
    Lapsed,
    Cancelled,
    Quote,
}

pub fn add_policies(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    book: &mut Book,
) {
    // CMI is often bought at the tax counter from another insurer, so many cars carry
    // only their voluntary cover here.
    let motorcycle = vehicle.model.vehicle_type == VehicleType::Motorcycle;
    let (want_cmi, want_voluntary) = match (motorcycle, rng.random_range(0..100)) {
        (true, 0..90) => (true, false),
        (true, _) => (true, true),
        (false, 0..40) => (true, false),
        (false, 40..82) => (false, true),
        (false, _) => (true, true),
    };
    if want_cmi && want_voluntary {
        book.note("vehicle", "CMI_AND_VOLUNTARY");
    }
    if want_cmi {
        add_cover(ctx, rng, customer, vehicle, PolicyType::Cmi, book);
    }
    if want_voluntary {
        let class = if motorcycle {
            PolicyType::Class3
        } else {
            *[
                PolicyType::Class1,
                PolicyType::Class1,
                PolicyType::Class1,
                PolicyType::Class1,
                PolicyType::Class2Plus,
                PolicyType::Class2Plus,
                PolicyType::Class2,
                PolicyType::Class3Plus,
                PolicyType::Class3Plus,
                PolicyType::Class3,
            ]
            .choose(rng)
            .unwrap_or(&PolicyType::Class1)
        };
        add_cover(ctx, rng, customer, vehicle, class, book);
    }
}

/// One line of cover on a vehicle: the current policy and, for renewals, last year's.
fn add_cover(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy_type: PolicyType,
    book: &mut Book,
) {
    let fate = match rng.random_range(0..100) {
        0..72 => Fate::Active,
        72..83 => Fate::Renewed,
        83..91 => Fate::Lapsed,
        91..96 => Fate::Cancelled,
        _ if policy_type != PolicyType::Cmi => Fate::Quote,
        _ => Fate::Active,
    };
    let today = ctx.today;
    let start = match fate {
        Fate::Active | Fate::Renewed => days_before(today, rng.random_range(0..365)),
        Fate::Lapsed => months_before(days_before(today, rng.random_range(1..120)), 12),
        Fate::Cancelled => days_before(today, rng.random_range(30..300)),
        Fate::Quote => days_after(today, rng.random_range(1..30)),
    };
    let ncb = no_claim_discount(rng, policy_type);
    let agent_id = customer.agent_id.filter(|_| rng.random_bool(0.85));

    let previous = (fate == Fate::Renewed).then(|| {
        let previous_start = months_before(start, 12);
        let previous_ncb = step_down(ncb);
        let policy = write_policy(
            ctx,
            rng,
            customer,
            vehicle,
            policy_type,
            previous_start,
            "EXPIRED",
            previous_ncb,
            agent_id,
            None,
            book,
        );
        add_premium_payments(ctx, rng, customer, &policy, Refund::None, book);
        policy
    });
    let status = match fate {
        Fate::Lapsed => "EXPIRED",
        Fate::Cancelled => "CANCELLED",
        Fate::Quote => "DRAFT",
        Fate::Active | Fate::Renewed => "ACTIVE",
    };
    let policy = write_policy(
        ctx,
        rng,
        customer,
        vehicle,
        policy_type,
        start,
        status,
        ncb,
        agent_id,
        previous.as_ref(),
        book,
    );
    if let Some(previous) = &previous {
        write_renewal(ctx, rng, previous, &policy, book);
        super::claims::maybe_add_claims(ctx, rng, customer, vehicle, previous, book);
    }
    let refund = match (fate, rng.random_range(0..100)) {
        (Fate::Cancelled, 0..60) => Refund::Pending,
        (Fate::Cancelled, 60..85) => Refund::PaidInPart,
        (Fate::Cancelled, _) => Refund::PaidInFull,
        _ => Refund::None,
    };
    if fate != Fate::Quote {
        let paid = add_premium_payments(ctx, rng, customer, &policy, refund, book);
        super::claims::maybe_add_claims(ctx, rng, customer, vehicle, &policy, book);
        if refund != Refund::None && paid > Decimal::ZERO {
            add_refund(ctx, rng, customer, &policy, refund, paid, book);
        }
    }
    book.note("policy", policy_type.as_db());
    book.note("policy_status", status);
    if status == "ACTIVE" && (policy.end - today).num_days() <= 30 {
        book.note("policy_status", "EXPIRING_WITHIN_30_DAYS");
    }
}

fn no_claim_discount(rng: &mut impl Rng, policy_type: PolicyType) -> Decimal {
    match policy_type {
        PolicyType::Class1 | PolicyType::Class2Plus => {
            *[dec!(0), dec!(20), dec!(30), dec!(40), dec!(50), dec!(50)]
                .choose(rng)
                .unwrap_or(&Decimal::ZERO)
        }
        _ => Decimal::ZERO,
    }
}

fn step_down(ncb: Decimal) -> Decimal {
    match ncb {
        n if n >= dec!(50) => dec!(40),
        n if n >= dec!(40) => dec!(30),
        n if n >= dec!(30) => dec!(20),
        _ => Decimal::ZERO,
    }
}

/// The vehicle's value today: 10 % a year off the new price, never below 30 %.
fn current_value(vehicle: &Vehicle, today: NaiveDate) -> Decimal {
    use chrono::Datelike;
    let age = (today.year() - vehicle.year).max(0);
    let factor = (Decimal::ONE - Decimal::new(i64::from(age), 1)).max(dec!(0.3));
    (Decimal::from(vehicle.model.market_value_thb) * factor / dec!(10000)).round() * dec!(10000)
}

/// A simple demonstration rating: the real, data-driven rating tables come with the policy
/// issuance screen.
fn voluntary_base(
    policy_type: PolicyType,
    motorcycle: bool,
    sum_insured: Option<Decimal>,
) -> Decimal {
    let si = sum_insured.unwrap_or_default();
    let base = match (policy_type, motorcycle) {
        (_, true) => dec!(950),
        (PolicyType::Class1, _) => dec!(6500) + si * dec!(0.018),
        (PolicyType::Class2Plus, _) => dec!(5900) + si * dec!(0.004),
        (PolicyType::Class2, _) => dec!(3200) + si * dec!(0.003),
        (PolicyType::Class3Plus, _) => dec!(5400),
        _ => dec!(2300),
    };
    base.round()
}

fn coverage(
    policy_type: PolicyType,
    sum_insured: Option<Decimal>,
    deductible: Decimal,
) -> serde_json::Value {
    if policy_type == PolicyType::Cmi {
        return json!({
            "preliminary_medical_per_person": 30000,
            "preliminary_death_disability_per_person": 35000,
            "medical_per_person": 80000,
            "death_disability_per_person": 500000,
            "inpatient_per_day": 200,
            "per_incident": 20000000
        });
    }
    let own_damage = match policy_type {
        PolicyType::Class1 => sum_insured,
        PolicyType::Class2Plus | PolicyType::Class3Plus => Some(dec!(100000)),
        _ => None,
    };
    json!({
        "third_party_injury_per_person": 500000,
        "third_party_injury_per_incident": 20000000,
        "third_party_property": 1000000,
        "own_damage": own_damage,
        "own_damage_counterparty_required": matches!(policy_type, PolicyType::Class2Plus | PolicyType::Class3Plus),
        "theft_and_fire": matches!(policy_type, PolicyType::Class1 | PolicyType::Class2Plus | PolicyType::Class2).then_some(sum_insured),
        "flood": policy_type == PolicyType::Class1,
        "deductible": deductible,
        "riders": {
            "personal_accident_per_person": 100000,
            "medical_per_person": 50000,
            "bail_bond": 200000
        }
    })
}

#[allow(clippy::too_many_arguments)]
fn write_policy(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    vehicle: &Vehicle,
    policy_type: PolicyType,
    start: NaiveDate,
    status: &'static str,
    ncb: Decimal,
    agent_id: Option<Uuid>,
    previous: Option<&Policy>,
    book: &mut Book,
) -> Policy {
    let id = Uuid::now_v7();
    let end = add_months(start, 12);
    let motorcycle = vehicle.model.vehicle_type == VehicleType::Motorcycle;
    let sum_insured = match policy_type {
        PolicyType::Class1 | PolicyType::Class2Plus | PolicyType::Class2 if !motorcycle => {
            Some(current_value(vehicle, start))
        }
        _ => None,
    };
    let deductible = if policy_type == PolicyType::Class1 {
        *[dec!(0), dec!(0), dec!(1000), dec!(3000), dec!(5000)]
            .choose(rng)
            .unwrap_or(&Decimal::ZERO)
    } else {
        Decimal::ZERO
    };
    let base = if policy_type == PolicyType::Cmi {
        let category = CmiCategory::for_vehicle(
            vehicle.model.vehicle_type.as_db(),
            Some(vehicle.model.engine_cc as i32),
            Some(i16::from(vehicle.model.seats)),
        );
        let vehicle_use = if matches!(vehicle.usage, "TAXI" | "RENTAL") {
            VehicleUse::Hire
        } else {
            VehicleUse::Private
        };
        category
            .net_premium(vehicle_use)
            .or(category.net_premium(VehicleUse::Private))
            .unwrap_or(dec!(600))
    } else {
        voluntary_base(policy_type, motorcycle, sum_insured)
    };
    let premium = PremiumBreakdown::new(base, satang(base * ncb / dec!(100)));
    let plan = payment_plan(rng, policy_type, premium.total);
    let issued_at = (status != "DRAFT").then(|| {
        ctx.moment(
            days_before(start.min(ctx.today), rng.random_range(0..15)),
            rng,
        )
    });
    let created_at = issued_at.unwrap_or_else(|| ctx.moment(ctx.today, rng));
    let cancelled_at = (status == "CANCELLED").then(|| {
        let in_force = (ctx.today - start).num_days().max(11) as u64;
        ctx.moment(days_after(start, rng.random_range(10..in_force)), rng)
    });

    book.policies
        .field(id)
        .field(
            ctx.numbering
                .policy_number(policy_type.number_prefix(), buddhist_year(start)),
        )
        .field(customer.id)
        .field(vehicle.id)
        .field(agent_id)
        .field(policy_type.as_db())
        .field(coverage(policy_type, sum_insured, deductible))
        .field(sum_insured)
        .field(premium.base)
        .field(premium.discounts)
        .field(premium.stamp_duty)
        .field(premium.vat)
        .field(premium.total)
        .field(start)
        .field(end)
        .field(12)
        .field(status)
        .field(ncb)
        .field(rng.random_bool(0.3))
        .field(previous.map(|p| p.id))
        .field(i32::from(previous.is_some()))
        .field(plan.as_db())
        .field(plan.frequency_db())
        .field(issued_at)
        .field(cancelled_at)
        .field(cancelled_at.map(|_| "ลูกค้าขายรถ / Customer sold the vehicle"))
        .field(created_at)
        .field(cancelled_at.unwrap_or(created_at));
    book.policies.end_row();

    Policy {
        id,
        policy_type,
        start,
        end,
        status,
        premium,
        sum_insured,
        deductible,
        plan,
    }
}

/// How a premium is paid. CMI and small premiums are paid at once; a voluntary premium is
/// often spread over monthly instalments (0 % plans by card or bill payment), a Class 1
/// premium of 15,000–30,000 baht more often than not.
fn payment_plan(rng: &mut impl Rng, policy_type: PolicyType, total: Decimal) -> PaymentPlan {
    let (full, six_months) = match policy_type {
        PolicyType::Cmi => return PaymentPlan::Full,
        _ if total < dec!(3000) => return PaymentPlan::Full,
        PolicyType::Class1 => (30, 50),
        _ => (55, 80),
    };
    match rng.random_range(0..100) {
        n if n < full => PaymentPlan::Full,
        n if n < six_months => PaymentPlan::Installment6,
        _ => PaymentPlan::Installment12,
    }
}

fn write_renewal(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    previous: &Policy,
    renewed: &Policy,
    book: &mut Book,
) {
    let automatic = rng.random_bool(0.4);
    book.renewals
        .field(previous.id)
        .field(renewed.id)
        .field(if automatic { "AUTOMATIC" } else { "MANUAL" })
        .field(ctx.moment(
            days_before(renewed.start.min(ctx.today), rng.random_range(0..20)),
            rng,
        ))
        .field(renewed.premium.total - previous.premium.total)
        .field(Decimal::ZERO)
        .field(if automatic { "SYSTEM" } else { "CUSTOMER" })
        .field(if automatic { None } else { Some("CALL_CENTER") });
    book.renewals.end_row();
}

/// The payment schedule of a policy: one payment, or instalments that sum exactly to the
/// total (the remainder on the first). Past instalments are mostly paid and reconciled.
/// Returns what the customer has paid.
fn add_premium_payments(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    policy: &Policy,
    refund: Refund,
    book: &mut Book,
) -> Decimal {
    let plan = policy.plan;
    let count = plan.instalments();
    let instalments = schedule(policy.premium.total, plan, policy.start, Remainder::First);
    let method = *[
        "PROMPTPAY",
        "PROMPTPAY",
        "BANK_TRANSFER",
        "CREDIT_CARD",
        "K_PLUS",
        "CASH",
        "DEBIT_CARD",
    ]
    .choose(rng)
    .unwrap_or(&"PROMPTPAY");
    let mut paid_total = Decimal::ZERO;
    for instalment in instalments {
        let (amount, due) = (instalment.amount, instalment.due_date);
        let days_overdue = (ctx.today - due).num_days();
        let status = if policy.status == "CANCELLED" && (days_overdue < 0 || rng.random_bool(0.5)) {
            // Cancelling the policy cancels what is still to be paid.
            "CANCELLED"
        } else if days_overdue < 0 {
            "PENDING"
        } else if days_overdue <= 3
            && matches!(
                method,
                "CREDIT_CARD" | "DEBIT_CARD" | "BANK_TRANSFER" | "K_PLUS"
            )
            && rng.random_bool(0.5)
        {
            "PROCESSING"
        } else {
            match rng.random_range(0..100) {
                0..93 => "SUCCESS",
                93..99 => "PENDING",
                _ => "FAILED",
            }
        };
        let status = match (status, refund) {
            ("SUCCESS", Refund::PaidInPart) => "PARTIAL_REFUND",
            ("SUCCESS", Refund::PaidInFull) => "REFUNDED",
            (other, _) => other,
        };
        book.note("payment", status);
        let paid = matches!(status, "SUCCESS" | "PARTIAL_REFUND" | "REFUNDED");
        let installment = (count > 1).then_some((instalment.number as i32, count as i32));
        let paid_at = paid.then(|| ctx.moment(days_before(due, rng.random_range(0..6)), rng));
        let (payment_id, booked_at) = write_incoming_payment(
            ctx,
            rng,
            customer,
            policy.id,
            amount,
            method,
            status,
            due,
            paid_at,
            installment,
            book,
        );
        if let Some(paid_at) = paid_at {
            paid_total += amount;
            let vat_share = satang(amount * policy.premium.vat / policy.premium.total);
            let withholding = (customer.juristic && amount >= dec!(1000))
                .then(|| satang((amount - vat_share) * dec!(0.01)));
            write_receipt(
                ctx,
                (payment_id, booked_at),
                paid_at,
                vat_share,
                withholding,
                book,
            );
        }
    }
    if count > 1 {
        book.note("payment", "INSTALLMENT");
    }
    paid_total
}

#[allow(clippy::too_many_arguments)]
fn write_incoming_payment(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    policy_id: Uuid,
    amount: Decimal,
    method: &'static str,
    status: &'static str,
    due: NaiveDate,
    paid_at: Option<DateTime<Utc>>,
    installment: Option<(i32, i32)>,
    book: &mut Book,
) -> (Uuid, DateTime<Utc>) {
    let id = Uuid::now_v7();
    let card = matches!(method, "CREDIT_CARD" | "DEBIT_CARD");
    let bank = matches!(method, "BANK_TRANSFER" | "PROMPTPAY" | "K_PLUS");
    let channel = match method {
        "CASH" => "COUNTER",
        "K_PLUS" | "PROMPTPAY" => "MOBILE",
        "BANK_TRANSFER" => "BANK",
        _ => "WEB",
    };
    let reconciled_at = paid_at.map(|at| (at + chrono::Duration::hours(20)).min(ctx.now));
    let created = ctx.moment(days_before(due.min(ctx.today), 20), rng);
    book.payments
        .field(id)
        .field(policy_id)
        .field(None::<Uuid>)
        .field(customer.id)
        .field(if installment.is_some() {
            "INSTALLMENT"
        } else {
            "PREMIUM"
        })
        .field("INCOMING")
        .field(amount)
        .field(Decimal::ZERO)
        .field(amount)
        .field(method)
        .field(channel)
        .field(status)
        .field(ctx.numbering.payment_reference(buddhist_year(due)))
        .field(paid_at)
        .field(due)
        .field(paid_at)
        .field(installment.map(|(n, _)| n))
        .field(installment.map(|(_, total)| total))
        .field(card.then(|| format!("{:04}", rng.random_range(0..10000))))
        .field(card.then_some(if method == "CREDIT_CARD" {
            "VISA"
        } else {
            "MASTERCARD"
        }))
        .field(bank.then(|| {
            *["002", "004", "006", "011", "014", "025", "030", "069"]
                .choose(rng)
                .unwrap_or(&"004")
        }))
        .field(None::<&str>)
        .field(if paid_at.is_some() {
            "MATCHED"
        } else {
            "PENDING"
        })
        .field(reconciled_at)
        .field(created)
        .field(paid_at.unwrap_or(created));
    book.payments.end_row();
    (id, created)
}

/// `payment`: the payment's id and booking time (its key).
fn write_receipt(
    ctx: &SynthContext,
    payment: (Uuid, DateTime<Utc>),
    paid_at: DateTime<Utc>,
    vat: Decimal,
    withholding: Option<Decimal>,
    book: &mut Book,
) {
    let issued = super::bangkok_date(paid_at);
    let number = ctx.numbering.receipt_number(buddhist_year(issued));
    book.receipts
        .field(payment.0)
        .field(payment.1)
        .field(&number)
        .field("TAX_INVOICE")
        .field(&number)
        .field(vat)
        .field(withholding)
        .field(issued)
        .field("th")
        .field("EMAIL")
        .field(paid_at);
    book.receipts.end_row();
}

/// A cancelled policy leaves a refund for finance to pay (a demonstration figure: the
/// short-rate table arrives with the cancellation screen).
fn add_refund(
    ctx: &SynthContext,
    rng: &mut impl Rng,
    customer: &Customer,
    policy: &Policy,
    state: Refund,
    paid_total: Decimal,
    book: &mut Book,
) {
    let remaining = (policy.end - ctx.today).num_days().clamp(1, 365);
    let refund = if state == Refund::PaidInFull {
        paid_total
    } else {
        satang(
            paid_total.min(policy.premium.net) * Decimal::from(remaining) / dec!(365) * dec!(0.7),
        )
        .max(dec!(1))
    };
    let paid = state != Refund::Pending;
    let paid_at = paid.then(|| ctx.moment(ctx.today, rng));
    let created = ctx.moment(ctx.today, rng);
    book.payments
        .field(Uuid::now_v7())
        .field(policy.id)
        .field(None::<Uuid>)
        .field(customer.id)
        .field("REFUND")
        .field("OUTGOING")
        .field(refund)
        .field(Decimal::ZERO)
        .field(refund)
        .field("BANK_TRANSFER")
        .field("BANK")
        .field(if paid { "SUCCESS" } else { "PENDING" })
        .field(None::<&str>)
        .field(paid_at)
        .field(Some(ctx.today))
        .field(paid_at)
        .field(None::<i32>)
        .field(None::<i32>)
        .field(None::<&str>)
        .field(None::<&str>)
        .field(Some("004"))
        .field(Some(format!("xxx-x-x{:04}-x", rng.random_range(0..10000))))
        .field(if paid { "MATCHED" } else { "PENDING" })
        .field(paid_at)
        .field(created)
        .field(paid_at.unwrap_or(created));
    book.payments.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::synth::{Numbering, StaffIds, add_customer};
    use rand::SeedableRng;
    use rand::rngs::SmallRng;

    /// `prakan bench reconcile` wants 1,000,000 pending premium payments (PENDING incoming,
    /// each with its `PAY-…` reference) at 1,000,000 customers.
    #[test]
    fn a_book_of_a_million_has_a_million_pending_payments() {
        let staff = StaffIds {
            agents: vec![Uuid::nil()],
            adjusters: vec![Uuid::nil()],
            ..StaffIds::default()
        };
        let ctx = SynthContext::new(Utc::now(), staff, Numbering::default());
        let mut rng = SmallRng::seed_from_u64(7);
        let mut book = Book::new();
        let customers = 10_000;
        for index in 0..customers {
            add_customer(&ctx, &mut rng, index, &mut book);
        }
        let pending = book.seen("payment", "PENDING");
        assert!(
            pending * (1_000_000 / customers) >= 1_000_000,
            "{pending} pending payments for {customers} customers"
        );
    }
}
