//! Renewals: the queue of policies due for renewal with the no-claim discount their claims
//! earn and the new premium, renewing one policy as an underwriter, and the batch that
//! renews a whole window at once.
//!
//! A renewal is a new policy: the same customer, vehicle, class, cover and period, starting
//! the day the old one ends, priced by the rating engine with the rating table in force on
//! that day and the NCB (or surcharge) the old policy's claims earn (DOMAIN §2;
//! `renewal_claims()` in `0020_renewals.sql` says which claims count). It links back
//! (`previous_policy_id`, `renewal_count` + 1) and a `policy_renewals` row records the
//! change of premium, NCB and cover.
//!
//! The underwriting rules (`referral_rules_for()`) are asked of the renewal's terms before
//! anything is written: a renewal no rule applies to is written ACTIVE with its policy
//! number at once; one that meets a rule is written as a DRAFT with its referrals pending,
//! and is issued like any quote (`db::policies::issue_quote`) once they are approved. Its `policy_renewals` row is written
//! all the same, because each policy is renewed at most once (`original_policy_id` is
//! unique): a referred renewal is not offered again, and a declined one leaves the old
//! policy unrenewed (cover after that is a new sale, not a renewal).
//!
//! The batch works in chunks, each one transaction written with set-based statements. It
//! locks its candidates with `FOR UPDATE SKIP LOCKED` and then looks again (a new snapshot)
//! for a renewal written meanwhile, so a second run renews nothing twice and two runs at
//! once share the work; `renew_one` locks the same row (waiting), so it meets the same
//! check. A chunk that fails is retried one policy at a time, so one bad policy costs only
//! itself.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde_json::{Value, json};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use crate::db::customers::{Conflict, SaveError, set_context};
use crate::db::policies::{Overlap, Referral};
use crate::db::rating::RatingError;
use crate::domain::policy::{Cover, PaymentTerms, coverage_details, end_date};
use crate::domain::premium::PolicyType;
use crate::domain::premium::instalments::{PaymentPlan, Remainder, schedule};
use crate::domain::premium::ncb::{ClaimRecord, NcbOutcome, NcbReason, next_ncb};
use crate::domain::premium::rating::{self, Quote, QuoteError, RatingTable, Risk, Usage};
use crate::i18n::{Lang, Message};
use crate::msg;

/// The queue's horizon when the setting RENEWAL_QUEUE_DAYS is missing.
pub const DEFAULT_QUEUE_DAYS: i64 = 60;
/// The grace period when the setting POLICY_GRACE_PERIOD_DAYS is missing.
pub const DEFAULT_GRACE_DAYS: i64 = 30;
/// A renewal written more than this many days before the old policy ends is EARLY.
pub const EARLY_DAYS: i64 = 30;
/// Policies per transaction in the batch.
pub const CHUNK: usize = 500;
/// How many failures the batch report keeps, with their reasons.
const FAILURES_KEPT: usize = 100;

/// How `policy_renewals.renewal_type` records a renewal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalType {
    /// By the batch, within EARLY_DAYS of the end.
    Automatic,
    /// By an underwriter, within EARLY_DAYS of the end.
    Manual,
    /// More than EARLY_DAYS before the end, by either.
    Early,
}

impl RenewalType {
    pub fn as_db(self) -> &'static str {
        match self {
            RenewalType::Automatic => "AUTOMATIC",
            RenewalType::Manual => "MANUAL",
            RenewalType::Early => "EARLY",
        }
    }

    fn of(end: NaiveDate, today: NaiveDate, manual: bool) -> RenewalType {
        if (end - today).num_days() > EARLY_DAYS {
            RenewalType::Early
        } else if manual {
            RenewalType::Manual
        } else {
            RenewalType::Automatic
        }
    }
}

/// How the customer asked for the renewal (`policy_renewals.renewal_channel`). The batch
/// records none: nobody asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenewalChannel {
    Web,
    Mobile,
    Agent,
    CallCenter,
    Branch,
}

impl RenewalChannel {
    pub const ALL: [RenewalChannel; 5] = [
        RenewalChannel::Branch,
        RenewalChannel::Agent,
        RenewalChannel::CallCenter,
        RenewalChannel::Web,
        RenewalChannel::Mobile,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            RenewalChannel::Web => "WEB",
            RenewalChannel::Mobile => "MOBILE",
            RenewalChannel::Agent => "AGENT",
            RenewalChannel::CallCenter => "CALL_CENTER",
            RenewalChannel::Branch => "BRANCH",
        }
    }
}

/// The settings that bound the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenewalWindow {
    /// RENEWAL_QUEUE_DAYS: policies ending within this many days are due.
    pub queue_days: i64,
    /// POLICY_GRACE_PERIOD_DAYS: policies that ended this many days ago or less may still be
    /// renewed.
    pub grace_days: i64,
}

pub async fn window(connection: &mut PgConnection) -> sqlx::Result<RenewalWindow> {
    let (queue_days, grace_days): (Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT config_value::bigint FROM system_configurations
                  WHERE config_key = 'RENEWAL_QUEUE_DAYS'),
                (SELECT config_value::bigint FROM system_configurations
                  WHERE config_key = 'POLICY_GRACE_PERIOD_DAYS')",
    )
    .fetch_one(connection)
    .await?;
    Ok(RenewalWindow {
        queue_days: queue_days.unwrap_or(DEFAULT_QUEUE_DAYS),
        grace_days: grace_days.unwrap_or(DEFAULT_GRACE_DAYS),
    })
}

/// A policy due for renewal: last year's figures, what its claims do to the NCB, and the
/// premium of the renewal as it stands (no changes).
#[derive(Debug, Clone, PartialEq)]
pub struct DueRenewal {
    pub policy_id: Uuid,
    pub policy_number: String,
    pub customer_id: Uuid,
    pub customer_name: String,
    pub juristic: bool,
    pub registration_number: String,
    pub province_name_th: String,
    pub province_name_en: String,
    pub policy_type: PolicyType,
    pub start_date: NaiveDate,
    /// The last day of cover; the renewal starts on it.
    pub end_date: NaiveDate,
    /// ACTIVE, or EXPIRED within the grace period.
    pub status: String,
    pub auto_renewal: bool,
    pub sum_insured: Option<Decimal>,
    pub last_total_premium: Decimal,
    pub last_ncb: u8,
    pub last_surcharge: u8,
    /// Claims of the policy in its period (rejected and deleted ones aside).
    pub claims: i64,
    /// Of those, the ones that count against the NCB.
    pub claims_counted: i64,
    /// None for CMI, which earns no NCB.
    pub ncb: Option<NcbOutcome>,
    pub new_quote: Result<Quote, PriceError>,
    /// Cover of the same kind the vehicle already has in the renewal's period: renewing
    /// would overlap it (the batch skips such policies).
    pub covered_by: Option<Overlap>,
    /// For `renew_one`'s optimistic check.
    pub version: i32,
}

impl DueRenewal {
    /// The plate with its province, in the language asked for.
    pub fn plate(&self, lang: Lang) -> String {
        let province = match lang {
            Lang::Th => &self.province_name_th,
            Lang::En => &self.province_name_en,
        };
        format!("{} {province}", self.registration_number)
    }

    pub fn new_total(&self) -> Option<Decimal> {
        self.new_quote.as_ref().ok().map(|q| q.breakdown.total)
    }

    /// New total − last year's total.
    pub fn premium_change(&self) -> Option<Decimal> {
        self.new_total()
            .map(|total| total - self.last_total_premium)
    }

    /// Days from `today` to the end of cover (negative: ended, in the grace period).
    pub fn days_left(&self, today: NaiveDate) -> i64 {
        (self.end_date - today).num_days()
    }

    /// Where the next page of the queue starts.
    pub fn key(&self) -> DueKey {
        DueKey {
            end_date: self.end_date,
            policy_id: self.policy_id,
        }
    }
}

/// A position in the queue, which is ordered by end date, then policy id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueKey {
    pub end_date: NaiveDate,
    pub policy_id: Uuid,
}

/// One page of the queue: the rows after `after` (from the start when None), at most
/// `limit` of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuePage {
    pub after: Option<DueKey>,
    pub limit: i64,
}

impl DuePage {
    pub fn first(limit: i64) -> DuePage {
        DuePage { after: None, limit }
    }
}

/// Why a renewal could not be priced.
#[derive(Debug, Clone, PartialEq)]
pub enum PriceError {
    Quote(QuoteError),
    NoRatingTable(NaiveDate),
}

impl PriceError {
    pub fn message(&self) -> Message {
        match self {
            PriceError::Quote(problem) => problem.message(),
            PriceError::NoRatingTable(on) => RatingError::NoTableInForce(*on).message(),
        }
    }
}

/// What the underwriter changes at renewal; None keeps last year's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RenewalChanges {
    pub sum_insured: Option<Decimal>,
    pub deductible: Option<Decimal>,
    pub payment_plan: Option<PaymentPlan>,
    pub auto_renewal: Option<bool>,
}

/// A renewal written: issued, or waiting for referrals.
#[derive(Debug, Clone, PartialEq)]
pub struct Renewed {
    pub policy_id: Uuid,
    /// The policy number when issued; the quote number while referred.
    pub number: String,
    pub previous_policy_id: Uuid,
    pub renewal_type: RenewalType,
    pub total_premium: Decimal,
    /// New total − last year's total.
    pub premium_change: Decimal,
    pub ncb: Option<NcbOutcome>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RenewalOutcome {
    Issued(Renewed),
    /// Saved as a DRAFT renewal: a rule needs someone with enough authority first.
    Referred {
        renewed: Renewed,
        referrals: Vec<Referral>,
    },
}

impl RenewalOutcome {
    pub fn renewed(&self) -> &Renewed {
        match self {
            RenewalOutcome::Issued(renewed) | RenewalOutcome::Referred { renewed, .. } => renewed,
        }
    }
}

#[derive(Debug)]
pub enum RenewalError {
    /// Someone changed the policy since it was loaded.
    Changed(Conflict),
    /// The policy (or its customer or vehicle) is gone.
    Gone,
    /// Each policy is renewed once; this one already was.
    AlreadyRenewed {
        renewed_policy_id: Uuid,
        number: String,
    },
    /// Cancelled, a draft, or lapsed beyond the grace period.
    NotRenewable {
        status: String,
        end_date: NaiveDate,
    },
    /// The vehicle already has cover of this kind in the renewal's period.
    Overlap(Overlap),
    /// A change that does not fit the policy (a sum insured for a class without one…).
    Invalid(Message),
    Price(PriceError),
    Rating(RatingError),
    Database(sqlx::Error),
}

impl From<sqlx::Error> for RenewalError {
    fn from(error: sqlx::Error) -> RenewalError {
        RenewalError::Database(error)
    }
}

impl From<RatingError> for RenewalError {
    fn from(error: RatingError) -> RenewalError {
        match error {
            RatingError::Database(error) => RenewalError::Database(error),
            other => RenewalError::Rating(other),
        }
    }
}

impl From<SaveError> for RenewalError {
    fn from(error: SaveError) -> RenewalError {
        match error {
            SaveError::Conflict(conflict) => RenewalError::Changed(conflict),
            SaveError::Gone => RenewalError::Gone,
            SaveError::Database(error) => RenewalError::Database(error),
        }
    }
}

impl std::fmt::Display for RenewalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenewalError::Database(error) => write!(f, "{error}"),
            RenewalError::Rating(error) => write!(f, "{error}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl std::error::Error for RenewalError {}

impl RenewalError {
    pub fn message(&self) -> Message {
        match self {
            RenewalError::Changed(conflict) => match &conflict.by {
                Some(who) => msg!(
                    "renewal-error-changed-by",
                    who = who.as_str(),
                    when = conflict.at.to_rfc3339()
                ),
                None => msg!("renewal-error-changed", when = conflict.at.to_rfc3339()),
            },
            RenewalError::Gone => msg!("renewal-error-gone"),
            RenewalError::AlreadyRenewed { number, .. } => {
                msg!("renewal-error-already-renewed", number = number.as_str())
            }
            RenewalError::NotRenewable { status, end_date } => msg!(
                "renewal-error-not-renewable",
                status = status.as_str(),
                end = end_date.to_string()
            ),
            RenewalError::Overlap(existing) => msg!(
                "renewal-error-overlap",
                number = existing.policy_number.as_str(),
                start = existing.start_date.to_string(),
                end = existing.end_date.to_string()
            ),
            RenewalError::Invalid(message) => message.clone(),
            RenewalError::Price(problem) => problem.message(),
            RenewalError::Rating(error) => error.message(),
            RenewalError::Database(error) => crate::db::error::message(error),
        }
    }
}

/// A stable name for why the NCB moved: CLAIM_FREE, ONE_CLAIM, …
pub fn ncb_reason_code(reason: NcbReason) -> &'static str {
    match reason {
        NcbReason::ClaimFree => "CLAIM_FREE",
        NcbReason::OneClaim => "ONE_CLAIM",
        NcbReason::SeveralClaims => "SEVERAL_CLAIMS",
        NcbReason::SeveralClaimsOverTwiceThePremium => "SEVERAL_CLAIMS_OVER_TWICE_THE_PREMIUM",
        NcbReason::NotAtFaultOnly => "NOT_AT_FAULT_ONLY",
    }
}

/// The policies due for renewal on `today`: ACTIVE ones ending within `within_days`
/// (RENEWAL_QUEUE_DAYS when None), and ACTIVE or EXPIRED ones that ended within the grace
/// period (POLICY_GRACE_PERIOD_DAYS), none of them renewed, cancelled or deleted; by end
/// date, one page at a time. Each is priced here with the rating table in force on its
/// end date.
pub async fn due(
    pool: &PgPool,
    within_days: Option<i64>,
    today: NaiveDate,
    page: DuePage,
) -> Result<Vec<DueRenewal>, RenewalError> {
    let mut connection = pool.acquire().await?;
    let window = window(&mut connection).await?;
    let bounds = Bounds::new(today, within_days, window, false);
    let after = page.after.unwrap_or(DueKey {
        end_date: bounds.from - chrono::Duration::days(1),
        policy_id: Uuid::nil(),
    });
    let rows: Vec<Candidate> = sqlx::query_as(sqlx::AssertSqlSafe(candidate_sql(&format!(
        "SELECT p.* FROM policies p {WINDOW_JOINS} WHERE {WINDOW_FILTER}
            AND (p.end_date, p.id) > ($5, $6)
          ORDER BY p.end_date, p.id LIMIT $7"
    ))))
    .bind(bounds.from)
    .bind(bounds.to)
    .bind(bounds.today)
    .bind(bounds.auto_only)
    .bind(after.end_date)
    .bind(after.policy_id)
    .bind(page.limit.max(0))
    .fetch_all(&mut *connection)
    .await?;
    let tables = Tables::load(&mut connection, rows.iter().map(|r| r.end_date)).await?;
    let none = RenewalChanges::default();
    Ok(rows
        .into_iter()
        .map(|row| {
            let assessed = assess(&row, &tables, &none);
            row.into_due(assessed)
        })
        .collect())
}

/// How many policies `due` would list in all.
pub async fn due_count(
    pool: &PgPool,
    within_days: Option<i64>,
    today: NaiveDate,
) -> Result<i64, RenewalError> {
    let mut connection = pool.acquire().await?;
    let window = window(&mut connection).await?;
    let bounds = Bounds::new(today, within_days, window, false);
    let count = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM policies p {WINDOW_JOINS} WHERE {WINDOW_FILTER}"
    )))
    .bind(bounds.from)
    .bind(bounds.to)
    .bind(bounds.today)
    .bind(bounds.auto_only)
    .fetch_one(&mut *connection)
    .await?;
    Ok(count)
}

/// Renews one policy as the person logged in (an underwriter), with their changes: one
/// transaction. `version` is the one the policy was shown with.
pub async fn renew_one(
    pool: &PgPool,
    policy_id: Uuid,
    version: i32,
    changes: &RenewalChanges,
    channel: RenewalChannel,
    today: NaiveDate,
) -> Result<RenewalOutcome, RenewalError> {
    let mut tx = pool.begin().await?;
    let result = renew_one_in(&mut tx, policy_id, version, changes, channel, today).await;
    let error = match result {
        Ok(outcome) => {
            tx.commit().await?;
            return Ok(outcome);
        }
        Err(error) => error,
    };
    // Explicitly, so that the lock is gone before the caller tries again.
    tx.rollback().await?;
    match error {
        RenewalError::Database(error) if is_overlap(&error) => {
            // Someone issued cover for the vehicle in the renewal's period meanwhile.
            let mut connection = pool.acquire().await?;
            let cover: Option<(Uuid, String, NaiveDate, i32)> = sqlx::query_as(
                "SELECT vehicle_id, policy_type, end_date, policy_period_months FROM policies
                  WHERE id = $1",
            )
            .bind(policy_id)
            .fetch_optional(&mut *connection)
            .await?;
            let existing = match cover {
                Some((vehicle_id, policy_type, start, months)) => {
                    crate::db::policies::overlapping(
                        &mut connection,
                        vehicle_id,
                        PolicyType::from_db(&policy_type).unwrap_or(PolicyType::Class1),
                        start,
                        end_date(start, months.max(1) as u32),
                    )
                    .await?
                }
                None => None,
            };
            Err(existing.map_or(RenewalError::Database(error), RenewalError::Overlap))
        }
        other => Err(other),
    }
}

async fn renew_one_in(
    tx: &mut PgConnection,
    policy_id: Uuid,
    version: i32,
    changes: &RenewalChanges,
    channel: RenewalChannel,
    today: NaiveDate,
) -> Result<RenewalOutcome, RenewalError> {
    set_context(tx, "POLICY_RENEWAL").await?;
    let locked: Option<(i32, String, NaiveDate, bool)> = sqlx::query_as(
        "SELECT version, status, end_date, deleted_at IS NOT NULL FROM policies
          WHERE id = $1 FOR UPDATE",
    )
    .bind(policy_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((current, status, end, deleted)) = locked else {
        return Err(RenewalError::Gone);
    };
    if deleted {
        return Err(RenewalError::Gone);
    }
    if current != version {
        let conflict = crate::db::customers::conflict(tx, "policies", policy_id).await?;
        return Err(conflict.into());
    }
    // A renewal committed before our lock was granted is visible to this new statement.
    let renewed: Option<(Uuid, String)> = sqlx::query_as(
        "SELECT r.renewed_policy_id, n.policy_number
           FROM policy_renewals r JOIN policies n ON n.id = r.renewed_policy_id
          WHERE r.original_policy_id = $1",
    )
    .bind(policy_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((renewed_policy_id, number)) = renewed {
        return Err(RenewalError::AlreadyRenewed {
            renewed_policy_id,
            number,
        });
    }
    let window = window(tx).await?;
    let in_grace = end >= today - chrono::Duration::days(window.grace_days);
    if !(status == "ACTIVE" || (status == "EXPIRED" && in_grace)) {
        return Err(RenewalError::NotRenewable {
            status,
            end_date: end,
        });
    }
    let mut rows = candidates_by_id(tx, &[policy_id]).await?;
    let Some(row) = rows.pop() else {
        return Err(RenewalError::Gone);
    };
    check_changes(row.policy_type(), changes)?;
    if let Some(existing) = row.covered_by() {
        return Err(RenewalError::Overlap(existing));
    }
    let tables = Tables::load(tx, [row.end_date].into_iter()).await?;
    let job = Job {
        today,
        manual: true,
        channel: Some(channel),
        initiated_by: "UNDERWRITER",
        changes,
        dry_run: false,
    };
    match write_renewals(tx, vec![row], &tables, &job).await?.pop() {
        Some(Done::Issued(renewed)) => Ok(RenewalOutcome::Issued(renewed)),
        Some(Done::Referred(renewed)) => {
            let referrals = crate::db::policies::referrals(tx, renewed.policy_id).await?;
            Ok(RenewalOutcome::Referred { renewed, referrals })
        }
        Some(Done::Overlap(existing)) => Err(RenewalError::Overlap(existing)),
        Some(Done::Failed { problem, .. }) => Err(RenewalError::Price(problem)),
        None => Err(RenewalError::Gone),
    }
}

fn check_changes(policy_type: PolicyType, changes: &RenewalChanges) -> Result<(), RenewalError> {
    if let Some(sum) = changes.sum_insured
        && (!policy_type.needs_sum_insured() || sum <= Decimal::ZERO)
    {
        return Err(RenewalError::Invalid(msg!(
            "renewal-error-sum-insured",
            policy_type = policy_type.as_db()
        )));
    }
    if let Some(deductible) = changes.deductible
        && (!policy_type.is_voluntary() || deductible < Decimal::ZERO)
    {
        return Err(RenewalError::Invalid(msg!(
            "renewal-error-deductible",
            policy_type = policy_type.as_db()
        )));
    }
    Ok(())
}

/// What the batch is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Renew policies ending within this many days (RENEWAL_QUEUE_DAYS when None), and
    /// those lapsed within the grace period.
    pub within_days: Option<i64>,
    pub today: NaiveDate,
    /// Only policies whose customer asked for automatic renewal.
    pub auto_only: bool,
    /// Do everything, then roll each chunk back: the counts are exact, nothing is kept
    /// (not even a policy number drawn).
    pub dry_run: bool,
    /// Policies per transaction.
    pub chunk: usize,
    /// Chunks in flight at once, each on its own connection (the pool must allow them).
    pub workers: usize,
}

impl BatchOptions {
    pub fn new(today: NaiveDate) -> BatchOptions {
        BatchOptions {
            within_days: None,
            today,
            auto_only: false,
            dry_run: false,
            chunk: CHUNK,
            workers: 2,
        }
    }
}

/// Where the batch is, after each chunk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BatchProgress {
    /// Candidates dealt with so far, whatever became of them.
    pub done: usize,
    pub total: usize,
    pub renewed: usize,
    pub referred: usize,
    pub skipped: usize,
    pub failed: usize,
    pub elapsed: Duration,
}

impl BatchProgress {
    pub fn per_second(&self) -> f64 {
        self.done as f64 / self.elapsed.as_secs_f64().max(0.001)
    }

    pub fn remaining(&self) -> Option<Duration> {
        if self.done == 0 {
            return None;
        }
        let per_policy = self.elapsed.as_secs_f64() / self.done as f64;
        Some(Duration::from_secs_f64(
            per_policy * self.total.saturating_sub(self.done) as f64,
        ))
    }
}

/// A candidate the batch could not renew, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchFailure {
    pub policy_number: String,
    pub problem: Message,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BatchReport {
    /// Policies due when the batch started.
    pub candidates: usize,
    /// Issued.
    pub renewed: usize,
    /// Written as DRAFT renewals with pending referrals.
    pub referred: usize,
    /// The vehicle already has cover of the kind in the renewal's period.
    pub skipped_overlap: usize,
    /// Renewed, cancelled or locked by someone else between listing and renewing.
    pub skipped_taken: usize,
    /// Could not be priced or written; the first of them are in `failures`.
    pub failed: usize,
    pub failures: Vec<BatchFailure>,
    /// Last year's total premium of the renewed and referred policies, and the new one.
    pub premium_before: Decimal,
    pub premium_after: Decimal,
    /// The horizon used (days).
    pub within_days: i64,
    pub dry_run: bool,
    pub cancelled: bool,
    pub elapsed: Duration,
}

impl BatchReport {
    /// Candidates dealt with.
    pub fn done(&self) -> usize {
        self.renewed + self.referred + self.skipped_overlap + self.skipped_taken + self.failed
    }

    /// Candidates dealt with per second.
    pub fn per_second(&self) -> f64 {
        self.done() as f64 / self.elapsed.as_secs_f64().max(0.001)
    }

    fn add(&mut self, other: BatchReport) {
        self.renewed += other.renewed;
        self.referred += other.referred;
        self.skipped_overlap += other.skipped_overlap;
        self.skipped_taken += other.skipped_taken;
        self.failed += other.failed;
        let room = FAILURES_KEPT.saturating_sub(self.failures.len());
        self.failures.extend(other.failures.into_iter().take(room));
        self.premium_before += other.premium_before;
        self.premium_after += other.premium_after;
    }

    fn progress(&self, elapsed: Duration) -> BatchProgress {
        BatchProgress {
            done: self.done(),
            total: self.candidates,
            renewed: self.renewed,
            referred: self.referred,
            skipped: self.skipped_overlap + self.skipped_taken,
            failed: self.failed,
            elapsed,
        }
    }
}

/// Renews every policy due (see [`due`]) as the system: by chunks, each one transaction;
/// `progress` is called after each chunk. Setting `cancel` stops handing out chunks (the
/// ones in flight finish, so none is left half done).
pub async fn renew_batch(
    pool: &PgPool,
    options: &BatchOptions,
    cancel: &AtomicBool,
    progress: impl Fn(BatchProgress) + Sync,
) -> Result<BatchReport, RenewalError> {
    let started = Instant::now();
    let mut connection = pool.acquire().await?;
    let window = window(&mut connection).await?;
    let bounds = Bounds::new(
        options.today,
        options.within_days,
        window,
        options.auto_only,
    );
    let listed: Vec<(Uuid, NaiveDate)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT p.id, p.end_date FROM policies p {WINDOW_JOINS} WHERE {WINDOW_FILTER}
          ORDER BY p.end_date, p.id"
    )))
    .bind(bounds.from)
    .bind(bounds.to)
    .bind(bounds.today)
    .bind(bounds.auto_only)
    .fetch_all(&mut *connection)
    .await?;
    let tables = Tables::load(&mut connection, listed.iter().map(|(_, end)| *end)).await?;
    drop(connection);

    let ids: Vec<Uuid> = listed.into_iter().map(|(id, _)| id).collect();
    let chunks: Vec<&[Uuid]> = ids.chunks(options.chunk.max(1)).collect();
    let report = Mutex::new(BatchReport {
        candidates: ids.len(),
        within_days: bounds.within_days,
        dry_run: options.dry_run,
        ..BatchReport::default()
    });
    let next = AtomicUsize::new(0);
    let job = Job {
        today: options.today,
        manual: false,
        channel: None,
        initiated_by: "SYSTEM",
        changes: &RenewalChanges::default(),
        dry_run: options.dry_run,
    };
    let worker = || async {
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Ok::<(), sqlx::Error>(());
            }
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = chunks.get(index) else {
                return Ok(());
            };
            let done = renew_chunk(pool, chunk, &tables, &bounds, &job).await?;
            let snapshot = {
                let mut report = report.lock().unwrap_or_else(|e| e.into_inner());
                report.add(done);
                report.progress(started.elapsed())
            };
            progress(snapshot);
        }
    };
    let workers: Vec<_> = (0..options.workers.max(1)).map(|_| worker()).collect();
    futures::future::try_join_all(workers).await?;

    let mut report = report.into_inner().unwrap_or_else(|e| e.into_inner());
    report.cancelled = cancel.load(Ordering::Relaxed) && report.done() < report.candidates;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// One chunk in one transaction; when it fails, each of its policies alone, so that one
/// policy's problem costs only that policy.
async fn renew_chunk(
    pool: &PgPool,
    ids: &[Uuid],
    tables: &Tables,
    bounds: &Bounds,
    job: &Job<'_>,
) -> sqlx::Result<BatchReport> {
    match renew_chunk_once(pool, ids, tables, bounds, job).await {
        Ok(report) => Ok(report),
        Err(error) if crate::db::error::is_connection_problem(&error) => Err(error),
        Err(error) if ids.len() == 1 => single_failure(pool, ids[0], &error).await,
        Err(error) => {
            tracing::warn!("a renewal chunk failed, renewing its policies one by one: {error}");
            let mut report = BatchReport::default();
            for id in ids {
                let one =
                    match renew_chunk_once(pool, std::slice::from_ref(id), tables, bounds, job)
                        .await
                    {
                        Ok(one) => one,
                        Err(error) if crate::db::error::is_connection_problem(&error) => {
                            return Err(error);
                        }
                        Err(error) => single_failure(pool, *id, &error).await?,
                    };
                report.add(one);
            }
            Ok(report)
        }
    }
}

/// What became of a policy renewed alone that failed: overlapping cover someone issued
/// meanwhile, or a failure with its reason.
async fn single_failure(pool: &PgPool, id: Uuid, error: &sqlx::Error) -> sqlx::Result<BatchReport> {
    if is_overlap(error) {
        return Ok(BatchReport {
            skipped_overlap: 1,
            ..BatchReport::default()
        });
    }
    tracing::warn!("renewing policy {id} failed: {error}");
    let number: Option<String> =
        sqlx::query_scalar("SELECT policy_number FROM policies WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    Ok(BatchReport {
        failed: 1,
        failures: vec![BatchFailure {
            policy_number: number.unwrap_or_else(|| id.to_string()),
            problem: crate::db::error::message(error),
        }],
        ..BatchReport::default()
    })
}

async fn renew_chunk_once(
    pool: &PgPool,
    ids: &[Uuid],
    tables: &Tables,
    bounds: &Bounds,
    job: &Job<'_>,
) -> sqlx::Result<BatchReport> {
    let mut tx = pool.begin().await?;
    match renew_chunk_in(&mut tx, ids, tables, bounds, job).await {
        Ok(report) if !job.dry_run => {
            tx.commit().await?;
            Ok(report)
        }
        Ok(report) => {
            tx.rollback().await?;
            Ok(report)
        }
        Err(error) => {
            // Explicitly, so that the retry one by one does not find these rows locked.
            tx.rollback().await?;
            Err(error)
        }
    }
}

async fn renew_chunk_in(
    tx: &mut PgConnection,
    ids: &[Uuid],
    tables: &Tables,
    bounds: &Bounds,
    job: &Job<'_>,
) -> sqlx::Result<BatchReport> {
    set_context(tx, "POLICY_RENEWAL_BATCH").await?;
    let locked: Vec<Uuid> = sqlx::query_scalar(
        "SELECT id FROM policies
          WHERE id = ANY($1) AND status IN ('ACTIVE', 'EXPIRED') AND deleted_at IS NULL
          ORDER BY id
            FOR UPDATE SKIP LOCKED",
    )
    .bind(ids)
    .fetch_all(&mut *tx)
    .await?;
    // A new statement, a new snapshot: renewals committed by whoever held these rows
    // before us are seen now, and those policies drop out.
    let rows: Vec<Candidate> = candidates_by_id(tx, &locked)
        .await?
        .into_iter()
        .filter(|row| bounds.admits(row))
        .collect();
    let mut report = BatchReport {
        skipped_taken: ids.len() - rows.len(),
        ..BatchReport::default()
    };
    for done in write_renewals(tx, rows, tables, job).await? {
        match done {
            Done::Issued(renewed) => {
                report.renewed += 1;
                report.premium_before += renewed.total_premium - renewed.premium_change;
                report.premium_after += renewed.total_premium;
            }
            Done::Referred(renewed) => {
                report.referred += 1;
                report.premium_before += renewed.total_premium - renewed.premium_change;
                report.premium_after += renewed.total_premium;
            }
            Done::Overlap(_) => report.skipped_overlap += 1,
            Done::Failed {
                policy_number,
                problem,
            } => {
                report.failed += 1;
                report.failures.push(BatchFailure {
                    policy_number,
                    problem: problem.message(),
                });
            }
        }
    }
    Ok(report)
}

// ---------------------------------------------------------------------------------------
// The candidates, as one query: the policy, its customer and vehicle, its claims summary
// and any cover that would overlap its renewal.

/// The window on `today`: `from` = today − grace, `to` = today + horizon.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    within_days: i64,
    auto_only: bool,
}

impl Bounds {
    fn new(
        today: NaiveDate,
        within_days: Option<i64>,
        window: RenewalWindow,
        auto_only: bool,
    ) -> Bounds {
        let within_days = within_days.unwrap_or(window.queue_days).max(0);
        Bounds {
            from: today - chrono::Duration::days(window.grace_days.max(0)),
            to: today + chrono::Duration::days(within_days),
            today,
            within_days,
            auto_only,
        }
    }

    /// WINDOW_FILTER, for a row read again after locking.
    fn admits(&self, row: &Candidate) -> bool {
        (self.from..=self.to).contains(&row.end_date)
            && (row.status == "ACTIVE" || (row.status == "EXPIRED" && row.end_date <= self.today))
            && (row.auto_renewal || !self.auto_only)
    }
}

/// The customer and vehicle of a candidate must still be there (not deleted or anonymised).
const WINDOW_JOINS: &str = "JOIN customers c ON c.id = p.customer_id AND c.deleted_at IS NULL
      JOIN customer_vehicles v ON v.id = p.vehicle_id AND v.deleted_at IS NULL";

/// $1 = today − grace, $2 = today + horizon, $3 = today, $4 = automatic renewal only.
/// Served by idx_policies_renewal_due (0020_renewals.sql).
const WINDOW_FILTER: &str = "p.status IN ('ACTIVE', 'EXPIRED') AND p.deleted_at IS NULL
      AND p.end_date BETWEEN $1 AND $2
      AND (p.status = 'ACTIVE' OR p.end_date <= $3)
      AND (p.auto_renewal OR NOT $4)
      AND NOT EXISTS (SELECT 1 FROM policy_renewals r WHERE r.original_policy_id = p.id)";

/// The candidate columns for the policies `picked` selects (a query over `policies p`).
fn candidate_sql(picked: &str) -> String {
    format!(
        "WITH picked AS ({picked})
         SELECT p.id AS policy_id, p.policy_number, p.customer_id, p.vehicle_id,
                concat_ws(' ', c.first_name, c.last_name) AS customer_name,
                c.customer_type = 'JURISTIC' AS juristic,
                v.registration_number, pr.name_th AS province_name_th,
                pr.name_en AS province_name_en, v.vehicle_type, v.usage_type,
                v.year_of_manufacture, v.engine_cc, v.seats,
                p.policy_type, p.start_date, p.end_date, p.policy_period_months, p.status,
                p.auto_renewal, p.sum_insured, p.total_premium, p.no_claim_discount,
                COALESCE((p.coverage_details #>> '{{rating,surcharge_percent}}')::int, 0)
                    AS surcharge_percent,
                COALESCE((p.coverage_details ->> 'deductible')::numeric, 0) AS deductible,
                (p.coverage_details ->> 'youngest_driver_age')::int AS youngest_driver_age,
                p.payment_plan,
                p.coverage_details #>> '{{payment_terms,method}}' AS payment_method,
                p.coverage_details #>> '{{payment_terms,remainder}}' AS payment_remainder,
                p.version,
                COALESCE(k.claims, 0) AS claims,
                COALESCE(k.counts_against, '{{}}') AS claim_counts,
                COALESCE(k.amounts, '{{}}') AS claim_amounts,
                o.policy_number AS covered_by, o.start_date AS covered_from,
                o.end_date AS covered_to
           FROM picked p
           JOIN customers c ON c.id = p.customer_id
           JOIN customer_vehicles v ON v.id = p.vehicle_id
           JOIN provinces pr ON pr.province_code = v.province_code
           LEFT JOIN renewal_claims(ARRAY(SELECT id FROM picked)) k ON k.policy_id = p.id
           LEFT JOIN LATERAL (
               SELECT o.policy_number, o.start_date, o.end_date FROM policies o
                WHERE o.vehicle_id = p.vehicle_id AND o.cover_kind = p.cover_kind
                  AND o.id <> p.id
                  AND o.status IN ('ACTIVE', 'SUSPENDED', 'EXPIRED') AND o.deleted_at IS NULL
                  AND daterange(o.start_date, o.end_date, '[)')
                      && daterange(p.end_date,
                                   (p.end_date + make_interval(months => p.policy_period_months))::date,
                                   '[)')
                ORDER BY o.start_date LIMIT 1
           ) o ON true
          ORDER BY p.end_date, p.id"
    )
}

/// The candidates among `ids` that are still renewable: in force or lapsed, not renewed,
/// not deleted (whatever their end date).
async fn candidates_by_id(
    connection: &mut PgConnection,
    ids: &[Uuid],
) -> sqlx::Result<Vec<Candidate>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query_as(sqlx::AssertSqlSafe(candidate_sql(&format!(
        "SELECT p.* FROM policies p {WINDOW_JOINS}
          WHERE p.id = ANY($1) AND p.status IN ('ACTIVE', 'EXPIRED') AND p.deleted_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM policy_renewals r WHERE r.original_policy_id = p.id)"
    ))))
    .bind(ids)
    .fetch_all(connection)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct Candidate {
    policy_id: Uuid,
    policy_number: String,
    customer_id: Uuid,
    vehicle_id: Uuid,
    customer_name: String,
    juristic: bool,
    registration_number: String,
    province_name_th: String,
    province_name_en: String,
    vehicle_type: String,
    usage_type: String,
    year_of_manufacture: i32,
    engine_cc: Option<i32>,
    seats: Option<i16>,
    policy_type: String,
    start_date: NaiveDate,
    end_date: NaiveDate,
    policy_period_months: i32,
    status: String,
    auto_renewal: bool,
    sum_insured: Option<Decimal>,
    total_premium: Decimal,
    no_claim_discount: Decimal,
    surcharge_percent: i32,
    deductible: Decimal,
    youngest_driver_age: Option<i32>,
    payment_plan: String,
    payment_method: Option<String>,
    payment_remainder: Option<String>,
    version: i32,
    claims: i64,
    claim_counts: Vec<bool>,
    claim_amounts: Vec<Decimal>,
    covered_by: Option<String>,
    covered_from: Option<NaiveDate>,
    covered_to: Option<NaiveDate>,
}

impl Candidate {
    fn policy_type(&self) -> PolicyType {
        // The column's CHECK allows only known types.
        PolicyType::from_db(&self.policy_type).unwrap_or(PolicyType::Class1)
    }

    fn last_ncb(&self) -> u8 {
        self.no_claim_discount.to_u8().unwrap_or(0)
    }

    fn last_surcharge(&self) -> u8 {
        u8::try_from(self.surcharge_percent.clamp(0, 100)).unwrap_or(0)
    }

    fn claim_records(&self) -> Vec<ClaimRecord> {
        self.claim_counts
            .iter()
            .zip(&self.claim_amounts)
            .map(|(&counts_against, &amount)| ClaimRecord {
                counts_against,
                amount,
            })
            .collect()
    }

    fn covered_by(&self) -> Option<Overlap> {
        Some(Overlap {
            policy_number: self.covered_by.clone()?,
            start_date: self.covered_from?,
            end_date: self.covered_to?,
        })
    }

    fn into_due(self, assessed: Assessed) -> DueRenewal {
        let claims_counted = self.claim_counts.iter().filter(|&&c| c).count() as i64;
        DueRenewal {
            policy_type: self.policy_type(),
            last_ncb: self.last_ncb(),
            last_surcharge: self.last_surcharge(),
            covered_by: self.covered_by(),
            policy_id: self.policy_id,
            policy_number: self.policy_number,
            customer_id: self.customer_id,
            customer_name: self.customer_name,
            juristic: self.juristic,
            registration_number: self.registration_number,
            province_name_th: self.province_name_th,
            province_name_en: self.province_name_en,
            start_date: self.start_date,
            end_date: self.end_date,
            status: self.status,
            auto_renewal: self.auto_renewal,
            sum_insured: self.sum_insured,
            last_total_premium: self.total_premium,
            claims: self.claims,
            claims_counted,
            ncb: assessed.ncb,
            new_quote: assessed.quote,
            version: self.version,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Pricing: the NCB from the claims, then the rating engine.

/// The rating tables in force on the start dates of a set of renewals.
struct Tables {
    loaded: Vec<RatingTable>,
}

impl Tables {
    async fn load(
        connection: &mut PgConnection,
        starts: impl Iterator<Item = NaiveDate>,
    ) -> Result<Tables, RatingError> {
        let effective: Vec<NaiveDate> =
            sqlx::query_scalar("SELECT effective_from FROM rating_tables ORDER BY effective_from")
                .fetch_all(&mut *connection)
                .await?;
        let needed: BTreeSet<NaiveDate> = starts
            .filter_map(|start| effective.iter().rev().find(|e| **e <= start).copied())
            .collect();
        let mut loaded = Vec::with_capacity(needed.len());
        for effective_from in needed {
            loaded.push(crate::db::rating::load(connection, effective_from).await?);
        }
        Ok(Tables { loaded })
    }

    /// The table in force on `on` (when `on` was among the start dates loaded for).
    fn in_force(&self, on: NaiveDate) -> Option<&RatingTable> {
        self.loaded.iter().rev().find(|t| t.effective_from <= on)
    }
}

struct Assessed {
    ncb: Option<NcbOutcome>,
    quote: Result<Quote, PriceError>,
    sum_insured: Option<Decimal>,
    deductible: Decimal,
}

/// The NCB the old policy's claims earn, and the renewal's premium with it.
fn assess(row: &Candidate, tables: &Tables, changes: &RenewalChanges) -> Assessed {
    let policy_type = row.policy_type();
    let ncb = policy_type.earns_ncb().then(|| {
        next_ncb(
            row.last_ncb(),
            row.last_surcharge(),
            &row.claim_records(),
            row.total_premium,
        )
    });
    let sum_insured = changes.sum_insured.or(row.sum_insured);
    let deductible = if policy_type.is_voluntary() {
        changes.deductible.unwrap_or(row.deductible)
    } else {
        Decimal::ZERO
    };
    let start = row.end_date;
    let risk = Risk {
        policy_type,
        vehicle_type: row.vehicle_type.clone(),
        usage: Usage::from_db(&row.usage_type).unwrap_or(Usage::Personal),
        vehicle_age_years: rating::vehicle_age(row.year_of_manufacture, start),
        engine_cc: row.engine_cc,
        seats: row.seats,
        sum_insured,
        youngest_driver_age: row.youngest_driver_age,
        deductible,
        ncb_percent: ncb.map_or(0, |o| o.next_percent),
        surcharge_percent: ncb.map_or(0, |o| o.surcharge_percent),
    };
    let quote = if policy_type == PolicyType::Cmi {
        // The CMI tariff is the OIC's, not a rating table's.
        let none = RatingTable {
            effective_from: start,
            base_rates: Vec::new(),
            factors: Vec::new(),
        };
        rating::quote(&none, &risk).map_err(PriceError::Quote)
    } else {
        match tables.in_force(start) {
            Some(table) => rating::quote(table, &risk).map_err(PriceError::Quote),
            None => Err(PriceError::NoRatingTable(start)),
        }
    };
    Assessed {
        ncb,
        quote,
        sum_insured,
        deductible,
    }
}

// ---------------------------------------------------------------------------------------
// Writing renewals, set-based: the rules, the policies (issued or drafts), referrals,
// renewal rows, payments, documents.

struct Job<'a> {
    today: NaiveDate,
    /// By a person (MANUAL) rather than the batch (AUTOMATIC).
    manual: bool,
    channel: Option<RenewalChannel>,
    /// `policy_renewals.initiated_by`.
    initiated_by: &'static str,
    changes: &'a RenewalChanges,
    /// Numbers are placeholders, so that a rolled-back run draws none from the sequences.
    dry_run: bool,
}

enum Done {
    Issued(Renewed),
    Referred(Renewed),
    Overlap(Overlap),
    Failed {
        policy_number: String,
        problem: PriceError,
    },
}

/// A renewal priced and ready to write.
struct Priced {
    old: Candidate,
    ncb: Option<NcbOutcome>,
    quote: Quote,
    sum_insured: Option<Decimal>,
    end: NaiveDate,
    plan: PaymentPlan,
    remainder: Remainder,
    method: String,
    auto_renewal: bool,
    /// Replaces these keys of the old coverage_details.
    overlay: Value,
    coverage_changes: Value,
    renewal_type: RenewalType,
}

impl Priced {
    fn new(old: Candidate, assessed: Assessed, quote: Quote, job: &Job<'_>) -> Priced {
        let policy_type = old.policy_type();
        let changes = job.changes;
        let last_plan = PaymentPlan::from_db(&old.payment_plan).unwrap_or(PaymentPlan::Full);
        let plan = changes.payment_plan.unwrap_or(last_plan);
        let remainder = match old.payment_remainder.as_deref() {
            Some("LAST") => Remainder::Last,
            _ => Remainder::First,
        };
        let method = old
            .payment_method
            .clone()
            .filter(|m| crate::domain::policy::PAYMENT_METHODS.contains(&m.as_str()))
            .unwrap_or_else(|| "PROMPTPAY".into());
        let auto_renewal = changes.auto_renewal.unwrap_or(old.auto_renewal);

        // The cover as the issue form would store it, of which the renewal takes the
        // rating, the payment terms and whatever the underwriter changed.
        let no_cover = Cover {
            third_party_property: Decimal::ZERO,
            third_party_injury_per_person: Decimal::ZERO,
            personal_accident: Decimal::ZERO,
            medical: Decimal::ZERO,
            bail_bond: Decimal::ZERO,
        };
        let full = coverage_details(
            policy_type,
            assessed.sum_insured,
            assessed.deductible,
            old.youngest_driver_age,
            &no_cover,
            &quote,
            &PaymentTerms {
                plan,
                remainder,
                method: &method,
                juristic: old.juristic,
            },
        );
        let mut overlay = serde_json::Map::new();
        let mut keys = vec!["rating", "payment_terms"];
        let mut coverage_changes = serde_json::Map::new();
        if assessed.sum_insured != old.sum_insured {
            keys.extend(["own_damage", "theft_and_fire"]);
            coverage_changes.insert(
                "sum_insured".into(),
                json!({ "from": old.sum_insured, "to": assessed.sum_insured }),
            );
        }
        if policy_type.is_voluntary() && assessed.deductible != old.deductible {
            keys.push("deductible");
            coverage_changes.insert(
                "deductible".into(),
                json!({ "from": old.deductible, "to": assessed.deductible }),
            );
        }
        if plan != last_plan {
            coverage_changes.insert(
                "payment_plan".into(),
                json!({ "from": last_plan.as_db(), "to": plan.as_db() }),
            );
        }
        if auto_renewal != old.auto_renewal {
            coverage_changes.insert(
                "auto_renewal".into(),
                json!({ "from": old.auto_renewal, "to": auto_renewal }),
            );
        }
        for key in keys {
            if let Some(value) = full.get(key) {
                overlay.insert(key.into(), value.clone());
            }
        }
        overlay.insert(
            "renewal".into(),
            json!({
                "previous_policy_number": old.policy_number,
                "claims": old.claims,
                "claims_counted": old.claim_counts.iter().filter(|&&c| c).count(),
                "ncb_reason": assessed.ncb.map(|o| ncb_reason_code(o.reason)),
            }),
        );
        Priced {
            end: end_date(old.end_date, old.policy_period_months.max(1) as u32),
            renewal_type: RenewalType::of(old.end_date, job.today, job.manual),
            ncb: assessed.ncb,
            sum_insured: assessed.sum_insured,
            quote,
            plan,
            remainder,
            method,
            auto_renewal,
            overlay: Value::Object(overlay),
            coverage_changes: Value::Object(coverage_changes),
            old,
        }
    }

    fn renewed(&self, policy_id: Uuid, number: String) -> Renewed {
        Renewed {
            policy_id,
            number,
            previous_policy_id: self.old.policy_id,
            renewal_type: self.renewal_type,
            total_premium: self.quote.breakdown.total,
            premium_change: self.quote.breakdown.total - self.old.total_premium,
            ncb: self.ncb,
        }
    }

    fn new_ncb(&self) -> Decimal {
        Decimal::from(self.quote.ncb_percent)
    }
}

/// Writes the renewals of `rows` (locked, still renewable) in the caller's transaction.
async fn write_renewals(
    connection: &mut PgConnection,
    rows: Vec<Candidate>,
    tables: &Tables,
    job: &Job<'_>,
) -> sqlx::Result<Vec<Done>> {
    let mut done = Vec::with_capacity(rows.len());
    let mut priced = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(existing) = row.covered_by() {
            done.push(Done::Overlap(existing));
            continue;
        }
        let assessed = assess(&row, tables, job.changes);
        match assessed.quote.clone() {
            Ok(quote) => priced.push(Priced::new(row, assessed, quote, job)),
            Err(problem) => done.push(Done::Failed {
                policy_number: row.policy_number,
                problem,
            }),
        }
    }
    if priced.is_empty() {
        return Ok(done);
    }

    // 1. The referral rules of each renewal's terms, asked before anything is written (as
    //    db::policies does for a new policy).
    let asked: Vec<(i32, String, String, Decimal)> = sqlx::query_as(
        "SELECT n.i, r.rule, r.reason, r.required_authority
           FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::text[], $5::numeric[],
                       $6::numeric[], $7::date[])
                AS n(i, customer_id, vehicle_id, policy_type, sum_insured, total, start_date),
                LATERAL referral_rules_for(n.customer_id, n.vehicle_id, n.policy_type,
                                           n.sum_insured, n.total, n.start_date) r",
    )
    .bind((0..priced.len() as i32).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| p.old.customer_id).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| p.old.vehicle_id).collect::<Vec<_>>())
    .bind(
        priced
            .iter()
            .map(|p| p.old.policy_type.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(priced.iter().map(|p| p.sum_insured).collect::<Vec<_>>())
    .bind(
        priced
            .iter()
            .map(|p| p.quote.breakdown.total)
            .collect::<Vec<_>>(),
    )
    .bind(priced.iter().map(|p| p.old.end_date).collect::<Vec<_>>())
    .fetch_all(&mut *connection)
    .await?;
    let mut rules_of: HashMap<usize, Vec<(String, String, Decimal)>> = HashMap::new();
    for (i, rule, reason, authority) in asked {
        rules_of
            .entry(i as usize)
            .or_default()
            .push((rule, reason, authority));
    }

    // 2. The renewals: issued at once with a policy number when no rule applies (the issue
    //    trigger checks a staff member's again), else drafts numbered as quotes.
    let b = |p: &Priced| p.quote.breakdown;
    let written: Vec<(Uuid, Uuid, String, bool)> = sqlx::query_as(
        "INSERT INTO policies (policy_number, quote_number, customer_id, vehicle_id, agent_id,
                               policy_type, coverage_details, sum_insured, base_premium, discounts,
                               stamp_duty, vat, total_premium, start_date, end_date,
                               policy_period_months, status, no_claim_discount, auto_renewal,
                               payment_plan, payment_frequency, previous_policy_id, renewal_count,
                               issued_at)
         SELECT q.number, CASE WHEN n.issue THEN NULL ELSE q.number END,
                o.customer_id, o.vehicle_id, o.agent_id, o.policy_type,
                (o.coverage_details - 'underwriting') || n.overlay::jsonb
                    || CASE WHEN n.issue THEN jsonb_build_object('underwriting', '[]'::jsonb)
                            ELSE '{}'::jsonb END,
                n.sum_insured, n.base, n.discounts, n.stamp_duty, n.vat, n.total, o.end_date,
                n.end_date, o.policy_period_months,
                CASE WHEN n.issue THEN 'ACTIVE' ELSE 'DRAFT' END, n.ncb, n.auto_renewal,
                n.plan, n.frequency, o.id, o.renewal_count + 1,
                CASE WHEN n.issue THEN now() END
           FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[],
                       $6::numeric[], $7::numeric[], $8::numeric[], $9::date[], $10::numeric[],
                       $11::boolean[], $12::text[], $13::text[], $14::boolean[])
                AS n(old_id, overlay, sum_insured, base, discounts, stamp_duty, vat, total,
                     end_date, ncb, auto_renewal, plan, frequency, issue)
           JOIN policies o ON o.id = n.old_id,
                LATERAL (SELECT CASE WHEN $15 THEN 'DRY-' || gen_random_uuid()
                                     WHEN n.issue THEN next_policy_number(o.policy_type, o.end_date)
                                     ELSE next_quote_number(o.end_date) END AS number) q
         RETURNING id, previous_policy_id, policy_number, status = 'ACTIVE'",
    )
    .bind(priced.iter().map(|p| p.old.policy_id).collect::<Vec<_>>())
    .bind(
        priced
            .iter()
            .map(|p| p.overlay.to_string())
            .collect::<Vec<_>>(),
    )
    .bind(priced.iter().map(|p| p.sum_insured).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| b(p).base).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| b(p).discounts).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| b(p).stamp_duty).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| b(p).vat).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| b(p).total).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| p.end).collect::<Vec<_>>())
    .bind(priced.iter().map(Priced::new_ncb).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| p.auto_renewal).collect::<Vec<_>>())
    .bind(priced.iter().map(|p| p.plan.as_db()).collect::<Vec<_>>())
    .bind(
        priced
            .iter()
            .map(|p| p.plan.frequency_db())
            .collect::<Vec<_>>(),
    )
    .bind(
        (0..priced.len())
            .map(|i| !rules_of.contains_key(&i))
            .collect::<Vec<_>>(),
    )
    .bind(job.dry_run)
    .fetch_all(&mut *connection)
    .await?;
    let mut new_of: HashMap<Uuid, (Uuid, String)> = HashMap::with_capacity(written.len());
    let mut issued: HashMap<Uuid, String> = HashMap::new();
    for (id, old, number, active) in written {
        if active {
            issued.insert(id, number.clone());
        }
        new_of.insert(old, (id, number));
    }

    // 3. The referrals of the drafts (a brand-new draft has none approved yet).
    let mut referrals: (Vec<Uuid>, Vec<String>, Vec<String>, Vec<Decimal>) = Default::default();
    for (i, p) in priced.iter().enumerate() {
        let (Some(rules), Some((new_id, _))) = (rules_of.get(&i), new_of.get(&p.old.policy_id))
        else {
            continue;
        };
        for (rule, reason, authority) in rules {
            referrals.0.push(*new_id);
            referrals.1.push(rule.clone());
            referrals.2.push(reason.clone());
            referrals.3.push(*authority);
        }
    }
    if !referrals.0.is_empty() {
        sqlx::query(
            "INSERT INTO policy_referrals (policy_id, rule, reason, required_authority)
             SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[])",
        )
        .bind(&referrals.0)
        .bind(&referrals.1)
        .bind(&referrals.2)
        .bind(&referrals.3)
        .execute(&mut *connection)
        .await?;
    }

    // 4. The renewal rows, issued or referred alike.
    let mut renewed_ids = Vec::with_capacity(priced.len());
    for p in &priced {
        let Some((new_id, _)) = new_of.get(&p.old.policy_id) else {
            return Err(sqlx::Error::Protocol(format!(
                "the renewal of {} was not written",
                p.old.policy_number
            )));
        };
        renewed_ids.push(*new_id);
    }
    sqlx::query(
        "INSERT INTO policy_renewals (original_policy_id, renewed_policy_id, renewal_type,
                                      premium_change, coverage_changes, discount_change,
                                      initiated_by, renewal_channel)
         SELECT original, renewed, renewal_type, premium_change, coverage_changes::jsonb,
                discount_change, $7, $8
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::numeric[], $5::text[],
                       $6::numeric[])
                AS n(original, renewed, renewal_type, premium_change, coverage_changes,
                     discount_change)",
    )
    .bind(priced.iter().map(|p| p.old.policy_id).collect::<Vec<_>>())
    .bind(&renewed_ids)
    .bind(
        priced
            .iter()
            .map(|p| p.renewal_type.as_db())
            .collect::<Vec<_>>(),
    )
    .bind(
        priced
            .iter()
            .map(|p| p.quote.breakdown.total - p.old.total_premium)
            .collect::<Vec<_>>(),
    )
    .bind(
        priced
            .iter()
            .map(|p| p.coverage_changes.to_string())
            .collect::<Vec<_>>(),
    )
    .bind(
        priced
            .iter()
            .map(|p| p.new_ncb() - p.old.no_claim_discount)
            .collect::<Vec<_>>(),
    )
    .bind(job.initiated_by)
    .bind(job.channel.map(RenewalChannel::as_db))
    .execute(&mut *connection)
    .await?;

    // 5. The payments the issued renewals expect. (Their schedules are printed on demand,
    // db::documents, and recorded then with the file's hash.)
    let mut payments = PaymentRows::default();
    for (p, new_id) in priced.iter().zip(&renewed_ids) {
        if let Some(number) = issued.get(new_id) {
            payments.add(*new_id, p, number);
        }
    }
    payments.insert(&mut *connection).await?;

    for p in priced {
        let Some((new_id, quote_number)) = new_of.remove(&p.old.policy_id) else {
            continue;
        };
        done.push(match issued.get(&new_id) {
            Some(number) => Done::Issued(p.renewed(new_id, number.clone())),
            None => Done::Referred(p.renewed(new_id, quote_number)),
        });
    }
    Ok(done)
}

/// The pending payments of many new policies, as db::policies::write_schedule writes those
/// of one: one PREMIUM for FULL, else one INSTALLMENT a month summing exactly to the total,
/// each with the reference the customer quotes.
#[derive(Default)]
struct PaymentRows {
    policy_ids: Vec<Uuid>,
    customer_ids: Vec<Uuid>,
    methods: Vec<String>,
    numbers: Vec<Option<i32>>,
    counts: Vec<Option<i32>>,
    amounts: Vec<Decimal>,
    due: Vec<NaiveDate>,
    references: Vec<String>,
}

impl PaymentRows {
    fn add(&mut self, policy_id: Uuid, p: &Priced, policy_number: &str) {
        let instalments = schedule(p.quote.breakdown.total, p.plan, p.old.end_date, p.remainder);
        let full = p.plan == PaymentPlan::Full;
        let count = instalments.len() as i32;
        for instalment in instalments {
            self.policy_ids.push(policy_id);
            self.customer_ids.push(p.old.customer_id);
            self.methods.push(p.method.clone());
            self.numbers
                .push((!full).then_some(instalment.number as i32));
            self.counts.push((!full).then_some(count));
            self.amounts.push(instalment.amount);
            self.due.push(instalment.due_date);
            self.references
                .push(format!("{policy_number}-{:02}", instalment.number));
        }
    }

    async fn insert(&self, connection: &mut PgConnection) -> sqlx::Result<()> {
        if self.policy_ids.is_empty() {
            return Ok(());
        }
        sqlx::query(
            "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                                   payment_method, payment_channel, due_date, installment_number,
                                   total_installments, transaction_reference)
             SELECT policy_id, customer_id,
                    CASE WHEN n IS NULL THEN 'PREMIUM' ELSE 'INSTALLMENT' END, amount, amount,
                    method, 'AGENT', due, n, total, reference
               FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::int[],
                           $6::numeric[], $7::date[], $8::text[])
                    AS s(policy_id, customer_id, method, n, total, amount, due, reference)",
        )
        .bind(&self.policy_ids)
        .bind(&self.customer_ids)
        .bind(&self.methods)
        .bind(&self.numbers)
        .bind(&self.counts)
        .bind(&self.amounts)
        .bind(&self.due)
        .bind(&self.references)
        .execute(connection)
        .await
        .map(|_| ())
    }
}

fn is_overlap(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|db| db.constraint())
        .is_some_and(|name| name == "excl_policies_overlapping_cover")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn early_means_more_than_thirty_days_ahead() {
        let today = day("2026-06-01");
        assert_eq!(
            RenewalType::of(day("2026-07-01"), today, false),
            RenewalType::Automatic
        );
        assert_eq!(
            RenewalType::of(day("2026-07-01"), today, true),
            RenewalType::Manual
        );
        assert_eq!(
            RenewalType::of(day("2026-07-02"), today, true),
            RenewalType::Early
        );
        assert_eq!(
            RenewalType::of(day("2026-05-20"), today, false),
            RenewalType::Automatic
        );
    }

    #[test]
    fn the_window_admits_what_the_query_selects() {
        let window = RenewalWindow {
            queue_days: 60,
            grace_days: 30,
        };
        let bounds = Bounds::new(day("2026-06-01"), Some(10), window, true);
        assert_eq!(
            (bounds.from, bounds.to),
            (day("2026-05-02"), day("2026-06-11"))
        );
        assert_eq!(
            Bounds::new(day("2026-06-01"), None, window, false).within_days,
            60
        );
    }

    /// The screens spawn these on tokio's threads: they must be Send (checked when this
    /// compiles; never run).
    #[allow(dead_code)]
    fn the_futures_are_send(pool: PgPool, today: NaiveDate) {
        fn send<T: Send>(_: T) {}
        let cancel = AtomicBool::new(false);
        let options = BatchOptions::new(today);
        let changes = RenewalChanges::default();
        send(due(&pool, None, today, DuePage::first(50)));
        send(due_count(&pool, None, today));
        send(renew_one(
            &pool,
            Uuid::nil(),
            0,
            &changes,
            RenewalChannel::Branch,
            today,
        ));
        send(renew_batch(&pool, &options, &cancel, |_| {}));
    }

    #[test]
    fn a_changed_sum_insured_needs_a_class_that_has_one() {
        let changes = RenewalChanges {
            sum_insured: Some(Decimal::from(500_000)),
            ..RenewalChanges::default()
        };
        assert!(check_changes(PolicyType::Class1, &changes).is_ok());
        assert!(check_changes(PolicyType::Class3, &changes).is_err());
        let negative = RenewalChanges {
            deductible: Some(Decimal::from(-1)),
            ..RenewalChanges::default()
        };
        assert!(check_changes(PolicyType::Class1, &negative).is_err());
        assert!(check_changes(PolicyType::Cmi, &RenewalChanges::default()).is_ok());
    }
}
