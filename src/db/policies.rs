//! Quote → issue: the premium priced on the server from the rating table in force, the
//! referral rules asked of the database, and the policy, its payment schedule and its
//! document row written in one transaction.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::{SaveError, set_context};
use crate::db::rating::RatingError;
use crate::domain::policy::PolicyDraft;
use crate::domain::premium::PolicyType;
use crate::domain::premium::instalments::{PaymentPlan, Remainder, schedule};
use crate::domain::premium::rating::{self, Quote, QuoteError, RatingTable, Risk, Usage};
use crate::i18n::Message;
use crate::msg;

/// The facts of a vehicle and its owner that pricing and referral need.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct VehicleFacts {
    pub vehicle_id: Uuid,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub juristic: bool,
    pub registration_number: String,
    pub province_name_th: String,
    pub province_name_en: String,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub engine_cc: Option<i32>,
    pub seats: Option<i16>,
    pub vehicle_type: String,
    pub usage_type: String,
}

impl VehicleFacts {
    pub fn usage(&self) -> Usage {
        Usage::from_db(&self.usage_type).unwrap_or(Usage::Personal)
    }

    /// The vehicle's age in whole years at the start of cover.
    pub fn age_at(&self, start: NaiveDate) -> i32 {
        (chrono::Datelike::year(&start) - self.year_of_manufacture).max(0)
    }

    /// What the rating engine prices for this vehicle under a draft's cover.
    pub fn risk(&self, draft: &PolicyDraft) -> Risk {
        Risk {
            policy_type: draft.policy_type,
            vehicle_type: self.vehicle_type.clone(),
            usage: self.usage(),
            vehicle_age_years: self.age_at(draft.start_date),
            engine_cc: self.engine_cc,
            seats: self.seats,
            sum_insured: draft.sum_insured,
            youngest_driver_age: draft.youngest_driver_age,
            deductible: draft.deductible,
            ncb_percent: draft.ncb_percent,
            surcharge_percent: 0,
        }
    }
}

/// What the issue form needs to price live, as the keys are typed: the vehicle and the
/// rating table in force on the intended start.
#[derive(Debug, Clone)]
pub struct QuoteContext {
    pub vehicle: VehicleFacts,
    pub table: RatingTable,
}

/// A policy that already gives the same kind of cover to the vehicle in that period.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Overlap {
    pub policy_number: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

/// One rule a policy met, and what became of it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct Referral {
    pub id: Uuid,
    pub rule: String,
    pub reason: String,
    pub required_authority: Decimal,
    pub status: String,
    pub decided_by_name: Option<String>,
    pub decided_at: Option<chrono::DateTime<chrono::Utc>>,
    pub decision_note: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IssueOutcome {
    Issued {
        policy_id: Uuid,
        policy_number: String,
    },
    /// Saved as a quote, to issue later.
    Quoted {
        policy_id: Uuid,
        quote_number: String,
    },
    /// Saved as a quote: a rule needs someone with enough authority first.
    Referred {
        policy_id: Uuid,
        quote_number: String,
        referrals: Vec<Referral>,
    },
}

#[derive(Debug)]
pub enum IssueError {
    Quote(QuoteError),
    Rating(RatingError),
    Overlap(Overlap),
    /// The quote's cover starts before today: quote again with a new start.
    StartPassed(NaiveDate),
    /// The stored premium is not what the quote's own terms price to (its cover was
    /// changed outside the issue form, or the rating table since): quote again.
    PriceChanged,
    /// The quote changed (or was issued) since it was loaded.
    Save(SaveError),
    Database(sqlx::Error),
}

impl From<RatingError> for IssueError {
    fn from(error: RatingError) -> IssueError {
        match error {
            RatingError::Database(error) => IssueError::Database(error),
            other => IssueError::Rating(other),
        }
    }
}

impl From<sqlx::Error> for IssueError {
    fn from(error: sqlx::Error) -> IssueError {
        IssueError::Database(error)
    }
}

impl IssueError {
    pub fn message(&self) -> Message {
        match self {
            IssueError::Quote(problem) => problem.message(),
            IssueError::Rating(problem) => problem.message(),
            IssueError::StartPassed(start) => {
                msg!("policy-quote-start-passed", start = start.to_string())
            }
            IssueError::PriceChanged => msg!("policy-quote-price-changed"),
            IssueError::Overlap(existing) => msg!(
                "policy-overlap",
                number = existing.policy_number.as_str(),
                start = existing.start_date.to_string(),
                end = existing.end_date.to_string()
            ),
            IssueError::Save(SaveError::Conflict(conflict)) => msg!(
                "policy-changed-since",
                who = conflict.by.clone().unwrap_or_else(|| "–".into())
            ),
            IssueError::Save(SaveError::Gone) => msg!("customers-record-gone"),
            IssueError::Save(SaveError::Database(error)) => crate::db::error::message(error),
            IssueError::Database(error) => crate::db::error::message(error),
        }
    }
}

/// The vehicle (as the person may see it) and the rating table in force on `start`.
pub async fn quote_context(
    pool: &PgPool,
    vehicle_id: Uuid,
    start: NaiveDate,
) -> Result<QuoteContext, IssueError> {
    let mut connection = pool.acquire().await?;
    let vehicle = vehicle_facts(&mut connection, vehicle_id).await?;
    let table = crate::db::rating::load(&mut connection, start).await?;
    Ok(QuoteContext { vehicle, table })
}

async fn vehicle_facts(
    connection: &mut PgConnection,
    vehicle_id: Uuid,
) -> Result<VehicleFacts, IssueError> {
    let facts = sqlx::query_as(
        "SELECT v.id AS vehicle_id, c.id AS customer_id,
                concat_ws(' ', c.first_name, c.last_name) AS customer_name,
                c.customer_type = 'JURISTIC' AS juristic,
                v.registration_number, p.name_th AS province_name_th, p.name_en AS province_name_en,
                v.make, v.model, v.year_of_manufacture, v.engine_cc, v.seats, v.vehicle_type,
                v.usage_type
           FROM customer_vehicles v
           JOIN customers c ON c.id = v.customer_id
           JOIN provinces p ON p.province_code = v.province_code
          WHERE v.id = $1 AND v.deleted_at IS NULL AND c.deleted_at IS NULL",
    )
    .bind(vehicle_id)
    .fetch_optional(connection)
    .await?;
    facts.ok_or(IssueError::Database(sqlx::Error::RowNotFound))
}

/// Prices a draft on the server, with the vehicle as stored and the rating table in force
/// on its start: the figures stored are never the form's.
async fn priced(
    connection: &mut PgConnection,
    draft: &PolicyDraft,
) -> Result<(QuoteContext, Quote), IssueError> {
    let vehicle = vehicle_facts(&mut *connection, draft.vehicle_id).await?;
    let table = crate::db::rating::load_for(
        connection,
        draft.start_date,
        draft.policy_type,
        &vehicle.vehicle_type,
        vehicle.usage(),
    )
    .await?;
    let quote = rating::quote(&table, &vehicle.risk(draft)).map_err(IssueError::Quote)?;
    Ok((QuoteContext { vehicle, table }, quote))
}

/// The policy that already covers this vehicle with the same kind of cover, if any.
pub async fn overlapping(
    connection: &mut PgConnection,
    vehicle_id: Uuid,
    policy_type: PolicyType,
    start: NaiveDate,
    end: NaiveDate,
) -> sqlx::Result<Option<Overlap>> {
    sqlx::query_as(
        "SELECT policy_number, start_date, end_date FROM policies
          WHERE vehicle_id = $1
            AND cover_kind = CASE WHEN $2 = 'CMI' THEN 'COMPULSORY' ELSE 'VOLUNTARY' END
            AND status IN ('ACTIVE', 'SUSPENDED', 'EXPIRED') AND deleted_at IS NULL
            AND daterange(start_date, end_date, '[)') && daterange($3, $4, '[)')
          ORDER BY start_date LIMIT 1",
    )
    .bind(vehicle_id)
    .bind(policy_type.as_db())
    .bind(start)
    .bind(end)
    .fetch_optional(connection)
    .await
}

/// Saves a draft as a quote (status DRAFT). Agents may do this for their own customers only.
pub async fn save_quote(pool: &PgPool, draft: &PolicyDraft) -> Result<IssueOutcome, IssueError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "POLICY_QUOTE").await?;
    let (context, quote) = priced(&mut tx, draft).await?;
    let (policy_id, quote_number) = insert_quote(&mut tx, draft, &context.vehicle, &quote).await?;
    tx.commit().await?;
    Ok(IssueOutcome::Quoted {
        policy_id,
        quote_number,
    })
}

/// Quote and issue in one go: priced, checked for overlapping cover, referred when a rule
/// says so (then saved as a quote with its referrals), else issued with its schedule and
/// document row — one transaction either way.
pub async fn issue_new(pool: &PgPool, draft: &PolicyDraft) -> Result<IssueOutcome, IssueError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "POLICY_ISSUE").await?;
    // Overlapping cover is left to the exclusion constraint (`finish` names the policy):
    // asking first would cost every issue a round trip and still race.
    let (context, quote) = priced(&mut tx, draft).await?;
    let outcome = refer_or_write(&mut tx, draft, &context.vehicle, &quote).await;
    let cover = Cover {
        vehicle_id: draft.vehicle_id,
        policy_type: draft.policy_type,
        start: draft.start_date,
        end: draft.end_date(),
    };
    finish(tx, pool, &cover, outcome).await
}

/// Issues a saved quote, once every referral it needs is approved.
pub async fn issue_quote(
    pool: &PgPool,
    policy_id: Uuid,
    version: i32,
) -> Result<IssueOutcome, IssueError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "POLICY_ISSUE").await?;
    let row: Option<SavedQuote> = sqlx::query_as(
        "SELECT COALESCE(quote_number, policy_number) AS quote_number, vehicle_id, policy_type,
                start_date, end_date, sum_insured, base_premium, discounts, total_premium,
                no_claim_discount, coverage_details,
                start_date < (now() AT TIME ZONE 'Asia/Bangkok')::date AS start_passed
           FROM policies
          WHERE id = $1 AND status = 'DRAFT' AND version = $2 AND deleted_at IS NULL
          FOR UPDATE",
    )
    .bind(policy_id)
    .bind(version)
    .fetch_optional(&mut *tx)
    .await?;
    // Every early end rolls back at once: the row lock must not outlive the answer.
    let Some(saved) = row else {
        let conflict = crate::db::customers::conflict(&mut tx, "policies", policy_id).await?;
        tx.rollback().await?;
        return Err(IssueError::Save(conflict));
    };
    if saved.start_passed {
        tx.rollback().await?;
        return Err(IssueError::StartPassed(saved.start_date));
    }
    let policy_type = PolicyType::from_db(&saved.policy_type).unwrap_or(PolicyType::Class1);
    if let Err(refused) = reprice_check(&mut tx, &saved, policy_type).await {
        tx.rollback().await?;
        return Err(refused);
    }
    let (vehicle_id, start, end) = (saved.vehicle_id, saved.start_date, saved.end_date);
    let outcome = refer_or_issue(&mut tx, policy_id, version, saved.quote_number).await;
    let cover = Cover {
        vehicle_id,
        policy_type,
        start,
        end,
    };
    finish(tx, pool, &cover, outcome).await
}

/// A saved quote, as issuing it needs it.
#[derive(sqlx::FromRow)]
struct SavedQuote {
    quote_number: String,
    vehicle_id: Uuid,
    policy_type: String,
    start_date: NaiveDate,
    end_date: NaiveDate,
    sum_insured: Option<Decimal>,
    base_premium: Decimal,
    discounts: Decimal,
    total_premium: Decimal,
    no_claim_discount: Decimal,
    coverage_details: sqlx::types::Json<serde_json::Value>,
    start_passed: bool,
}

/// Prices the saved quote's own terms again: a quote whose stored figures no longer match
/// (its cover edited outside the form, or a rating row changed since) is not issued.
async fn reprice_check(
    connection: &mut PgConnection,
    saved: &SavedQuote,
    policy_type: PolicyType,
) -> Result<(), IssueError> {
    let vehicle = vehicle_facts(&mut *connection, saved.vehicle_id).await?;
    let table = crate::db::rating::load_for(
        &mut *connection,
        saved.start_date,
        policy_type,
        &vehicle.vehicle_type,
        vehicle.usage(),
    )
    .await?;
    let cover = &saved.coverage_details.0;
    let amount = |value: &serde_json::Value| -> Option<Decimal> {
        value
            .as_str()
            .and_then(|s| s.parse().ok())
            .or_else(|| value.as_f64().and_then(|f| Decimal::try_from(f).ok()))
    };
    let risk = Risk {
        policy_type,
        vehicle_type: vehicle.vehicle_type.clone(),
        usage: vehicle.usage(),
        vehicle_age_years: vehicle.age_at(saved.start_date),
        engine_cc: vehicle.engine_cc,
        seats: vehicle.seats,
        sum_insured: saved.sum_insured,
        youngest_driver_age: cover["youngest_driver_age"].as_i64().map(|a| a as i32),
        deductible: amount(&cover["deductible"]).unwrap_or_default(),
        ncb_percent: rust_decimal::prelude::ToPrimitive::to_u8(&saved.no_claim_discount)
            .unwrap_or(0),
        surcharge_percent: cover["rating"]["surcharge_percent"]
            .as_u64()
            .map_or(0, |s| s as u8),
    };
    let quote = rating::quote(&table, &risk).map_err(IssueError::Quote)?;
    let own_damage_matches =
        policy_type != PolicyType::Class1 || amount(&cover["own_damage"]) == saved.sum_insured;
    let same = quote.breakdown.base == saved.base_premium
        && quote.breakdown.discounts == saved.discounts
        && quote.breakdown.total == saved.total_premium
        && own_damage_matches;
    if same {
        Ok(())
    } else {
        Err(IssueError::PriceChanged)
    }
}

/// The cover a policy gives: what overlapping cover is judged by.
struct Cover {
    vehicle_id: Uuid,
    policy_type: PolicyType,
    start: NaiveDate,
    end: NaiveDate,
}

/// Commits what was done, or rolls back and explains: overlapping cover (another
/// underwriter issued first) is named.
async fn finish(
    tx: sqlx::Transaction<'_, sqlx::Postgres>,
    pool: &PgPool,
    cover: &Cover,
    outcome: Result<IssueOutcome, IssueError>,
) -> Result<IssueOutcome, IssueError> {
    match outcome {
        Ok(outcome) => {
            tx.commit().await?;
            Ok(outcome)
        }
        Err(IssueError::Database(error)) if is_overlap(&error) || is_deadlock(&error) => {
            tx.rollback().await?;
            let mut connection = pool.acquire().await?;
            let existing = overlapping(
                &mut connection,
                cover.vehicle_id,
                cover.policy_type,
                cover.start,
                cover.end,
            )
            .await?;
            Err(existing.map_or(IssueError::Database(error), IssueError::Overlap))
        }
        Err(error) => {
            tx.rollback().await?;
            Err(error)
        }
    }
}

/// Two issues of one cover at the very same moment can also end in a deadlock rather than
/// the exclusion error; the loser is told the same sentence.
fn is_deadlock(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.code())
        .is_some_and(|code| code == "40P01")
}

fn is_overlap(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.constraint())
        .is_some_and(|name| name == "excl_policies_overlapping_cover")
}

/// Asks the referral rules of the priced draft, then either issues it at once (nothing to
/// refer) or keeps it as a quote with its pending referrals.
async fn refer_or_write(
    connection: &mut PgConnection,
    draft: &PolicyDraft,
    vehicle: &VehicleFacts,
    quote: &Quote,
) -> Result<IssueOutcome, IssueError> {
    let rules: Vec<(String, String, Decimal)> = sqlx::query_as(
        "SELECT rule, reason, required_authority FROM referral_rules_for($1, $2, $3, $4, $5, $6)",
    )
    .bind(vehicle.customer_id)
    .bind(vehicle.vehicle_id)
    .bind(draft.policy_type.as_db())
    .bind(draft.sum_insured)
    .bind(quote.breakdown.total)
    .bind(draft.start_date)
    .fetch_all(&mut *connection)
    .await?;
    if rules.is_empty() {
        let written = insert_policy(connection, draft, vehicle, quote, true).await?;
        write_schedule(
            connection,
            &ScheduleSpec {
                policy_id: written.id,
                customer_id: written.customer_id,
                policy_number: &written.number,
                total: quote.breakdown.total,
                plan: draft.payment_plan,
                remainder: draft.remainder,
                method: &draft.payment_method,
                first_due: draft.start_date,
            },
        )
        .await?;
        return Ok(IssueOutcome::Issued {
            policy_id: written.id,
            policy_number: written.number,
        });
    }
    let written = insert_policy(connection, draft, vehicle, quote, false).await?;
    refer_or_issue(connection, written.id, 0, written.number).await
}

/// A policy row just written.
#[derive(sqlx::FromRow)]
struct Written {
    id: Uuid,
    number: String,
    customer_id: Uuid,
}

async fn insert_quote(
    connection: &mut PgConnection,
    draft: &PolicyDraft,
    vehicle: &VehicleFacts,
    quote: &Quote,
) -> Result<(Uuid, String), IssueError> {
    let written = insert_policy(connection, draft, vehicle, quote, false).await?;
    Ok((written.id, written.number))
}

/// Writes a priced draft: as a quote (DRAFT, with a quote number), or issued at once
/// (ACTIVE, with its policy number, nothing to refer).
async fn insert_policy(
    connection: &mut PgConnection,
    draft: &PolicyDraft,
    vehicle: &VehicleFacts,
    quote: &Quote,
    issue: bool,
) -> Result<Written, IssueError> {
    let mut coverage = draft.coverage_details(quote, vehicle.juristic);
    if issue {
        coverage["underwriting"] = json!([]);
    }
    // Agents may not draw policy numbers: the statement names only the function it uses.
    let number = if issue {
        "next_policy_number($2, $10)"
    } else {
        "next_quote_number($10)"
    };
    let saved = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "INSERT INTO policies (policy_number, quote_number, customer_id, vehicle_id, agent_id,
                               policy_type, coverage_details, sum_insured, base_premium, discounts,
                               stamp_duty, vat, total_premium, start_date, end_date,
                               policy_period_months, status, no_claim_discount, auto_renewal,
                               payment_plan, payment_frequency, issued_at)
         SELECT q.number, CASE WHEN $17 THEN NULL ELSE q.number END, v.customer_id, v.id,
                CASE WHEN pg_has_role('prakan_agent', 'MEMBER') THEN current_staff_id()
                     ELSE c.agent_id END,
                $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                CASE WHEN $17 THEN 'ACTIVE' ELSE 'DRAFT' END, $13, $14, $15, $16,
                CASE WHEN $17 THEN now() END
           FROM customer_vehicles v JOIN customers c ON c.id = v.customer_id,
                LATERAL (SELECT {number} AS number) q
          WHERE v.id = $1
         RETURNING id, policy_number AS number, customer_id"
    )))
    .bind(draft.vehicle_id)
    .bind(draft.policy_type.as_db())
    .bind(&coverage)
    .bind(draft.sum_insured)
    .bind(quote.breakdown.base)
    .bind(quote.breakdown.discounts)
    .bind(quote.breakdown.stamp_duty)
    .bind(quote.breakdown.vat)
    .bind(quote.breakdown.total)
    .bind(draft.start_date)
    .bind(draft.end_date())
    .bind(draft.period_months as i32)
    .bind(Decimal::from(quote.ncb_percent))
    .bind(draft.auto_renewal)
    .bind(draft.payment_plan.as_db())
    .bind(draft.payment_plan.frequency_db())
    .bind(issue)
    .fetch_one(connection)
    .await?;
    Ok(saved)
}

/// Records the referrals the rules ask for; issues when none is left undecided.
async fn refer_or_issue(
    connection: &mut PgConnection,
    policy_id: Uuid,
    version: i32,
    quote_number: String,
) -> Result<IssueOutcome, IssueError> {
    // The rules, asked once: each new one is recorded as a pending referral; a rule is
    // cleared by an approval for at least the authority it needs now.
    let waiting: bool = sqlx::query_scalar(
        "WITH rules AS (SELECT * FROM policy_referral_rules($1)),
              recorded AS (
                  INSERT INTO policy_referrals (policy_id, rule, reason, required_authority)
                  SELECT $1, rule, reason, required_authority FROM rules
                  ON CONFLICT (policy_id, rule, required_authority) DO NOTHING)
         SELECT EXISTS (
             SELECT 1 FROM rules r
              WHERE NOT EXISTS (SELECT 1 FROM policy_referrals a
                                 WHERE a.policy_id = $1 AND a.rule = r.rule
                                   AND a.status = 'APPROVED'
                                   AND a.required_authority >= r.required_authority))",
    )
    .bind(policy_id)
    .fetch_one(&mut *connection)
    .await?;
    if waiting {
        let referrals = referrals(&mut *connection, policy_id).await?;
        return Ok(IssueOutcome::Referred {
            policy_id,
            quote_number,
            referrals,
        });
    }
    let policy_number = activate(connection, policy_id, version).await?;
    Ok(IssueOutcome::Issued {
        policy_id,
        policy_number,
    })
}

/// DRAFT → ACTIVE with its policy number, the referrals copied onto the policy, the
/// payment schedule and the document row.
async fn activate(
    connection: &mut PgConnection,
    policy_id: Uuid,
    version: i32,
) -> Result<String, IssueError> {
    let issued: Option<IssuedRow> = sqlx::query_as(
        "UPDATE policies SET status = 'ACTIVE',
                policy_number = next_policy_number(policy_type, start_date),
                issued_at = now(),
                coverage_details = coverage_details || jsonb_build_object('underwriting',
                    (SELECT COALESCE(jsonb_agg(jsonb_build_object(
                                'rule', r.rule, 'reason', r.reason, 'status', r.status,
                                'decided_by', r.decided_by, 'decided_at', r.decided_at,
                                'note', r.decision_note) ORDER BY r.created_at), '[]'::jsonb)
                       FROM policy_referrals r
                      WHERE r.policy_id = policies.id AND r.status = 'APPROVED'))
          WHERE id = $1 AND status = 'DRAFT' AND version = $2
         RETURNING customer_id, policy_number, total_premium, start_date, coverage_details",
    )
    .bind(policy_id)
    .bind(version)
    .fetch_optional(&mut *connection)
    .await?;
    let Some(issued) = issued else {
        let conflict = crate::db::customers::conflict(connection, "policies", policy_id).await?;
        return Err(IssueError::Save(conflict));
    };
    let terms = &issued.coverage_details.0["payment_terms"];
    let plan = terms["plan"]
        .as_str()
        .and_then(PaymentPlan::from_db)
        .unwrap_or(PaymentPlan::Full);
    let remainder = if terms["remainder"] == json!("LAST") {
        Remainder::Last
    } else {
        Remainder::First
    };
    write_schedule(
        connection,
        &ScheduleSpec {
            policy_id,
            customer_id: issued.customer_id,
            policy_number: &issued.policy_number,
            total: issued.total_premium,
            plan,
            remainder,
            method: terms["method"].as_str().unwrap_or("PROMPTPAY"),
            first_due: issued.start_date,
        },
    )
    .await?;
    Ok(issued.policy_number)
}

#[derive(sqlx::FromRow)]
struct IssuedRow {
    customer_id: Uuid,
    policy_number: String,
    total_premium: Decimal,
    start_date: NaiveDate,
    coverage_details: sqlx::types::Json<serde_json::Value>,
}

/// The payments a new policy expects.
pub struct ScheduleSpec<'a> {
    pub policy_id: Uuid,
    pub customer_id: Uuid,
    pub policy_number: &'a str,
    pub total: Decimal,
    pub plan: PaymentPlan,
    pub remainder: Remainder,
    pub method: &'a str,
    pub first_due: NaiveDate,
}

/// Writes the pending payments of a new policy: one PREMIUM for FULL, else one INSTALLMENT
/// a month summing exactly to the total. Each carries the reference the customer quotes
/// (Ref2: the policy number and instalment).
pub async fn write_schedule(
    connection: &mut PgConnection,
    spec: &ScheduleSpec<'_>,
) -> sqlx::Result<()> {
    let instalments = schedule(spec.total, spec.plan, spec.first_due, spec.remainder);
    let count = instalments.len() as i32;
    let full = spec.plan == PaymentPlan::Full;
    let numbers: Vec<Option<i32>> = instalments
        .iter()
        .map(|i| (!full).then_some(i.number as i32))
        .collect();
    let amounts: Vec<Decimal> = instalments.iter().map(|i| i.amount).collect();
    let due: Vec<NaiveDate> = instalments.iter().map(|i| i.due_date).collect();
    let references: Vec<String> = instalments
        .iter()
        .map(|i| format!("{}-{:02}", spec.policy_number, i.number))
        .collect();
    sqlx::query(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, payment_channel, due_date, installment_number,
                               total_installments, transaction_reference)
         SELECT $1, $2, CASE WHEN n IS NULL THEN 'PREMIUM' ELSE 'INSTALLMENT' END, amount, amount,
                $3, 'AGENT', due, n, CASE WHEN n IS NULL THEN NULL ELSE $4 END, reference
           FROM unnest($5::int[], $6::numeric[], $7::date[], $8::text[]) AS s(n, amount, due, reference)",
    )
    .bind(spec.policy_id)
    .bind(spec.customer_id)
    .bind(spec.method)
    .bind(count)
    .bind(&numbers)
    .bind(&amounts)
    .bind(&due)
    .bind(&references)
    .execute(connection)
    .await
    .map(|_| ())
}

/// The referrals of one policy, oldest first.
pub async fn referrals(
    connection: &mut PgConnection,
    policy_id: Uuid,
) -> sqlx::Result<Vec<Referral>> {
    sqlx::query_as(
        "SELECT r.id, r.rule, r.reason, r.required_authority, r.status,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS decided_by_name,
                r.decided_at, r.decision_note, r.version
           FROM policy_referrals r LEFT JOIN users u ON u.id = r.decided_by
          WHERE r.policy_id = $1 ORDER BY r.created_at, r.rule",
    )
    .bind(policy_id)
    .fetch_all(connection)
    .await
}

/// A vehicle to insure, found through the jump box.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct VehicleChoice {
    pub vehicle_id: Uuid,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub registration_number: String,
    pub province_name_th: String,
    pub province_name_en: String,
    pub make: String,
    pub model: String,
    pub year_of_manufacture: i32,
    pub usage_type: String,
}

/// The vehicles of the customers a lookup finds (the plate looked up first), as the
/// person may see them.
pub async fn find_vehicles(
    pool: &PgPool,
    lookup: &crate::domain::lookup::Lookup,
) -> sqlx::Result<Vec<VehicleChoice>> {
    let page = crate::db::lookup::search(pool, lookup, false, 0).await?;
    // A customer found twice (one plate in two provinces) is listed once, at its first rank.
    let mut customers: Vec<Uuid> = Vec::new();
    for hit in &page.hits {
        if !customers.contains(&hit.customer_id) {
            customers.push(hit.customer_id);
        }
    }
    let plate = match lookup {
        crate::domain::lookup::Lookup::Plate { plate, .. } => Some(plate.clone()),
        _ => None,
    };
    sqlx::query_as(
        "SELECT v.id AS vehicle_id, c.id AS customer_id,
                concat_ws(' ', c.first_name, c.last_name) AS customer_name,
                v.registration_number, p.name_th AS province_name_th,
                p.name_en AS province_name_en, v.make, v.model, v.year_of_manufacture,
                v.usage_type
           FROM unnest($1::uuid[]) WITH ORDINALITY AS found(customer_id, rank)
           JOIN customers c ON c.id = found.customer_id
           JOIN customer_vehicles v ON v.customer_id = c.id
           JOIN provinces p ON p.province_code = v.province_code
          WHERE v.deleted_at IS NULL AND v.is_active AND c.deleted_at IS NULL
          ORDER BY v.registration_number = $2 DESC, found.rank, v.registration_number
          LIMIT 50",
    )
    .bind(&customers)
    .bind(plate)
    .fetch_all(pool)
    .await
}

/// A quote not yet issued, with where its referrals stand.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OpenQuote {
    pub policy_id: Uuid,
    pub quote_number: String,
    pub policy_type: String,
    pub customer_name: String,
    pub plate: String,
    pub start_date: NaiveDate,
    pub sum_insured: Option<Decimal>,
    pub total_premium: Decimal,
    pub referrals_pending: i64,
    pub referrals_declined: i64,
    pub referrals_approved: i64,
    pub created_by_name: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub version: i32,
}

/// The most quotes the list loads (newest first).
pub const OPEN_QUOTES_LIMIT: i64 = 500;

/// Quotes still to issue whose cover has not started yet (as the person may see them).
pub async fn open_quotes(pool: &PgPool) -> sqlx::Result<Vec<OpenQuote>> {
    sqlx::query_as(
        "SELECT p.id AS policy_id, COALESCE(p.quote_number, p.policy_number) AS quote_number,
                p.policy_type, concat_ws(' ', c.first_name, c.last_name) AS customer_name,
                v.registration_number || ' ' || pr.name_th AS plate, p.start_date,
                p.sum_insured, p.total_premium,
                count(r.id) FILTER (WHERE r.status = 'PENDING') AS referrals_pending,
                count(r.id) FILTER (WHERE r.status = 'DECLINED') AS referrals_declined,
                count(r.id) FILTER (WHERE r.status = 'APPROVED') AS referrals_approved,
                NULLIF(concat_ws(' ', u.first_name, u.last_name), '') AS created_by_name,
                p.created_at, p.version
           FROM policies p
           JOIN customers c ON c.id = p.customer_id
           JOIN customer_vehicles v ON v.id = p.vehicle_id
           JOIN provinces pr ON pr.province_code = v.province_code
           LEFT JOIN users u ON u.id = p.created_by
           LEFT JOIN policy_referrals r ON r.policy_id = p.id
          WHERE p.status = 'DRAFT' AND p.deleted_at IS NULL
            AND p.start_date >= (now() AT TIME ZONE 'Asia/Bangkok')::date
          GROUP BY p.id, c.id, v.id, pr.name_th, u.id
          ORDER BY p.created_at DESC
          LIMIT $1",
    )
    .bind(OPEN_QUOTES_LIMIT)
    .fetch_all(pool)
    .await
}
