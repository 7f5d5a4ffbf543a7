//! A synthetic Thai motor book of business: customers with realistic names, valid national
//! IDs and real addresses, their vehicles, CMI and voluntary policies with correct premium
//! arithmetic, instalment schedules and payments, claims with assessments and settlements.
//! The demo seed and the scale seed both use it; it only fills COPY buffers.
//!
//! Identifiers that must be unique (national IDs, plates, e-mail addresses) are derived
//! from a customer or vehicle index through bijections, so disjoint index ranges can never
//! collide; numbers (policy, claim, payment reference, receipt) come from shared counters
//! that start above what the database already holds.

mod claims;
mod identifiers;
mod people;
mod policies;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use rand::Rng;
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

use super::catalog::{VEHICLE_MODELS, VehicleType};
use super::copy::CopyBuffer;
use crate::db::geo::GEOGRAPHY_CSV;

pub use identifiers::{national_id_for, plate_for};

/// A tambon someone can live in.
#[derive(Debug, Clone)]
pub struct Place {
    pub tambon_code: String,
    pub postal_code: String,
    pub province_code: String,
}

impl Place {
    pub fn is_bangkok(&self) -> bool {
        self.province_code == "10"
    }
}

/// Staff the book refers to; any list may be empty.
#[derive(Debug, Clone, Default)]
pub struct StaffIds {
    pub agents: Vec<Uuid>,
    pub adjusters: Vec<Uuid>,
    pub surveyors: Vec<Uuid>,
    /// The adjusters' approval limits (the staff directory's `authority_limit`): who may
    /// have approved a claim, and whose assessment waits for someone with more authority.
    /// Empty when unknown: then no claim waits for approval and none names its approver.
    pub adjuster_limits: Vec<(Uuid, Decimal)>,
}

impl StaffIds {
    pub async fn from_database(connection: &mut PgConnection) -> sqlx::Result<StaffIds> {
        let rows: Vec<(Uuid, String, Decimal)> = sqlx::query_as(
            "SELECT id, group_role, authority_limit FROM users
              WHERE deleted_at IS NULL AND account_status = 'ACTIVE' ORDER BY username",
        )
        .fetch_all(connection)
        .await?;
        let of = |group: &str| {
            rows.iter()
                .filter(|(_, g, _)| g == group)
                .map(|(id, _, _)| *id)
                .collect()
        };
        Ok(StaffIds {
            agents: of("prakan_agent"),
            adjusters: of("prakan_adjuster"),
            surveyors: of("prakan_surveyor"),
            adjuster_limits: rows
                .iter()
                .filter(|(_, g, _)| g == "prakan_adjuster")
                .map(|(id, _, limit)| (*id, *limit))
                .collect(),
        })
    }

    /// An adjuster's approval limit, when known.
    fn limit_of(&self, adjuster: Uuid) -> Option<Decimal> {
        self.adjuster_limits
            .iter()
            .find(|(id, _)| *id == adjuster)
            .map(|(_, limit)| *limit)
    }
}

/// Counters shared by every generating task.
#[derive(Debug, Default)]
pub struct Numbering {
    next_vehicle: AtomicU64,
    next_policy: AtomicU64,
    next_claim: AtomicU64,
    next_payment_reference: AtomicU64,
    /// Receipt numbers run without gaps per Buddhist year.
    next_receipt: Mutex<BTreeMap<i32, u64>>,
}

impl Numbering {
    /// Starts every counter after the largest number the database already holds.
    pub async fn from_database(connection: &mut PgConnection) -> sqlx::Result<Numbering> {
        let (vehicles, policies, claims, references): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM customer_vehicles),
                    (SELECT COALESCE(max(substring(policy_number FROM '([0-9]+)$')::bigint), 0) FROM policies),
                    (SELECT COALESCE(max(substring(claim_number FROM '([0-9]+)$')::bigint), 0) FROM claims),
                    (SELECT COALESCE(max(substring(transaction_reference FROM '^PAY-[0-9]{4}-([0-9]+)$')::bigint), 0)
                       FROM payments)",
        )
        .fetch_one(&mut *connection)
        .await?;
        let receipts: Vec<(i32, i64)> = sqlx::query_as(
            "SELECT substring(receipt_number FROM '^RC-([0-9]{4})-')::int AS year,
                    max(substring(receipt_number FROM '([0-9]+)$')::bigint)
               FROM payment_receipts WHERE receipt_number ~ '^RC-[0-9]{4}-[0-9]+$'
              GROUP BY 1",
        )
        .fetch_all(connection)
        .await?;
        Ok(Numbering {
            next_vehicle: AtomicU64::new(vehicles as u64),
            next_policy: AtomicU64::new(policies as u64 + 1),
            next_claim: AtomicU64::new(claims as u64 + 1),
            next_payment_reference: AtomicU64::new(references as u64 + 1),
            next_receipt: Mutex::new(
                receipts
                    .into_iter()
                    .map(|(year, last)| (year, last as u64 + 1))
                    .collect(),
            ),
        })
    }

    fn vehicle_index(&self) -> u64 {
        self.next_vehicle.fetch_add(1, Ordering::Relaxed)
    }

    fn policy_number(&self, code: &str, year_be: i32) -> String {
        let n = self.next_policy.fetch_add(1, Ordering::Relaxed);
        format!("{code}-{year_be}-{n:07}")
    }

    fn claim_number(&self, year_be: i32) -> String {
        let n = self.next_claim.fetch_add(1, Ordering::Relaxed);
        format!("CL-{year_be}-{n:07}")
    }

    fn payment_reference(&self, year_be: i32) -> String {
        let n = self.next_payment_reference.fetch_add(1, Ordering::Relaxed);
        format!("PAY-{year_be}-{n:08}")
    }

    fn receipt_number(&self, year_be: i32) -> String {
        let mut receipts = self.next_receipt.lock().unwrap_or_else(|e| e.into_inner());
        let next = receipts.entry(year_be).or_insert(1);
        let number = format!("RC-{year_be}-{:07}", *next);
        *next += 1;
        number
    }
}

/// Everything generation needs besides the random source.
pub struct SynthContext {
    pub today: NaiveDate,
    pub now: DateTime<Utc>,
    pub places: Vec<Place>,
    bangkok: Vec<usize>,
    /// The places of each province, by province code.
    by_province: BTreeMap<String, Vec<usize>>,
    pub staff: StaffIds,
    pub numbering: Numbering,
    car_models: (Vec<usize>, WeightedIndex<u32>),
    motorcycle_models: (Vec<usize>, WeightedIndex<u32>),
}

impl SynthContext {
    pub fn new(now: DateTime<Utc>, staff: StaffIds, numbering: Numbering) -> SynthContext {
        let places = places_from_geography();
        let bangkok = places
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_bangkok())
            .map(|(i, _)| i)
            .collect();
        let mut by_province: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, place) in places.iter().enumerate() {
            by_province
                .entry(place.province_code.clone())
                .or_default()
                .push(i);
        }
        SynthContext {
            today: bangkok_date(now),
            now,
            places,
            bangkok,
            by_province,
            staff,
            numbering,
            car_models: weighted_models(|t| t != VehicleType::Motorcycle),
            motorcycle_models: weighted_models(|t| t == VehicleType::Motorcycle),
        }
    }

    /// A third of customers live in Bangkok; the rest anywhere in the country.
    fn random_place(&self, rng: &mut impl Rng) -> &Place {
        if rng.random_bool(0.3) {
            &self.places[self.bangkok[rng.random_range(0..self.bangkok.len())]]
        } else {
            &self.places[rng.random_range(0..self.places.len())]
        }
    }

    /// A place in the province with that code (anywhere when there is none).
    fn random_place_in(&self, rng: &mut impl Rng, province_code: &str) -> &Place {
        match self.by_province.get(province_code) {
            Some(places) if !places.is_empty() => {
                &self.places[places[rng.random_range(0..places.len())]]
            }
            _ => self.random_place(rng),
        }
    }

    fn random_model(&self, rng: &mut impl Rng, motorcycle: bool) -> usize {
        let (indexes, weights) = if motorcycle {
            &self.motorcycle_models
        } else {
            &self.car_models
        };
        indexes[weights.sample(rng)]
    }

    /// A moment on `date` in Bangkok, never later than now.
    fn moment(&self, date: NaiveDate, rng: &mut impl Rng) -> DateTime<Utc> {
        let time = NaiveTime::from_hms_opt(
            rng.random_range(8..19),
            rng.random_range(0..60),
            rng.random_range(0..60),
        )
        .unwrap_or_default();
        let local = date.and_time(time);
        let moment = Utc.from_utc_datetime(&(local - chrono::Duration::hours(7)));
        moment.min(self.now)
    }
}

fn weighted_models(keep: impl Fn(VehicleType) -> bool) -> (Vec<usize>, WeightedIndex<u32>) {
    let indexes: Vec<usize> = VEHICLE_MODELS
        .iter()
        .enumerate()
        .filter(|(_, m)| keep(m.vehicle_type))
        .map(|(i, _)| i)
        .collect();
    let weights = WeightedIndex::new(indexes.iter().map(|i| VEHICLE_MODELS[*i].weight))
        .expect("the catalogue has weighted models of every kind");
    (indexes, weights)
}

fn places_from_geography() -> Vec<Place> {
    #[derive(serde::Deserialize)]
    struct Row {
        province_code: String,
        tambon_code: String,
        postal_code: String,
    }
    csv::Reader::from_reader(GEOGRAPHY_CSV.as_bytes())
        .deserialize::<Row>()
        .filter_map(Result::ok)
        .map(|row| Place {
            postal_code: row
                .postal_code
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_string(),
            tambon_code: row.tambon_code,
            province_code: row.province_code,
        })
        .collect()
}

pub use crate::i18n::format::bangkok_date;

/// The Buddhist Era year of a date.
fn buddhist_year(date: NaiveDate) -> i32 {
    date.year() + 543
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(chrono::Months::new(months))
        .unwrap_or(date)
}

fn months_before(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_sub_months(chrono::Months::new(months))
        .unwrap_or(date)
}

fn days_before(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

fn days_after(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

fn money(rng: &mut impl Rng, low: i64, high: i64) -> Decimal {
    Decimal::from(rng.random_range(low..high))
}

/// The COPY buffers of every table the book fills, in an order that satisfies the foreign
/// keys when they are checked row by row.
pub struct Book {
    pub customers: CopyBuffer,
    pub vehicles: CopyBuffer,
    pub dlt_verifications: CopyBuffer,
    pub consents: CopyBuffer,
    pub policies: CopyBuffer,
    pub renewals: CopyBuffer,
    pub claims: CopyBuffer,
    pub assessments: CopyBuffer,
    pub payments: CopyBuffer,
    pub settlements: CopyBuffer,
    pub receipts: CopyBuffer,
    /// How many rows of each kind were made, by (what, kind): lets the demo check it shows
    /// everything, and the tests the shape of the book.
    seen: BTreeMap<(&'static str, &'static str), u64>,
    /// Claims still wanted on top of the book's own, for the queues (the demo's).
    pub queue_work: QueueWork,
}

/// Claims the demo adds on top of the book's own so that two adjusters have work to try
/// the queues with: fresh reports to take, assessments over an adjuster's authority waiting
/// for approval, and claims the fraud rules sent to investigation. Each is made on a policy
/// in force today, one per policy, until the counts are met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueWork {
    /// REPORTED, unassigned, reported in the last few days.
    pub fresh_reports: u32,
    /// ASSESSED above 50,000 baht, the assessing adjuster's request for approval recorded.
    pub awaiting_approval: u32,
    /// Open, and over the fraud rules' investigation score.
    pub flagged: u32,
}

impl QueueWork {
    pub fn is_done(&self) -> bool {
        *self == QueueWork::default()
    }
}

impl Default for Book {
    fn default() -> Self {
        Book::new()
    }
}

impl Book {
    pub fn new() -> Book {
        Book {
            customers: CopyBuffer::new("customers", people::CUSTOMER_COLUMNS),
            vehicles: CopyBuffer::new("customer_vehicles", people::VEHICLE_COLUMNS),
            dlt_verifications: CopyBuffer::new("dlt_verifications", people::DLT_COLUMNS),
            consents: CopyBuffer::new("consent_records", people::CONSENT_COLUMNS),
            policies: CopyBuffer::new("policies", policies::POLICY_COLUMNS),
            renewals: CopyBuffer::new("policy_renewals", policies::RENEWAL_COLUMNS),
            claims: CopyBuffer::new("claims", claims::CLAIM_COLUMNS),
            assessments: CopyBuffer::new("claim_assessments", claims::ASSESSMENT_COLUMNS),
            payments: CopyBuffer::new("payments", policies::PAYMENT_COLUMNS),
            settlements: CopyBuffer::new("claim_settlements", claims::SETTLEMENT_COLUMNS),
            receipts: CopyBuffer::new("payment_receipts", policies::RECEIPT_COLUMNS),
            seen: BTreeMap::new(),
            queue_work: QueueWork::default(),
        }
    }

    /// A book that also makes `work` for the queues.
    pub fn with_queue_work(work: QueueWork) -> Book {
        Book {
            queue_work: work,
            ..Book::new()
        }
    }

    pub fn note(&mut self, what: &'static str, kind: &'static str) {
        *self.seen.entry((what, kind)).or_insert(0) += 1;
    }

    /// How many rows of a kind were made (as noted).
    pub fn seen(&self, what: &str, kind: &str) -> u64 {
        self.seen.get(&(what, kind)).copied().unwrap_or(0)
    }

    pub fn rows(&self) -> u64 {
        self.buffers().iter().map(|b| b.rows()).sum()
    }

    fn buffers(&self) -> [&CopyBuffer; 11] {
        [
            &self.customers,
            &self.vehicles,
            &self.dlt_verifications,
            &self.consents,
            &self.policies,
            &self.renewals,
            &self.claims,
            &self.assessments,
            &self.payments,
            &self.settlements,
            &self.receipts,
        ]
    }

    /// Copies every buffer into the database, parents before children.
    pub async fn copy_into(&mut self, connection: &mut PgConnection) -> sqlx::Result<u64> {
        let mut copied = 0;
        for buffer in [
            &mut self.customers,
            &mut self.vehicles,
            &mut self.dlt_verifications,
            &mut self.consents,
            &mut self.policies,
            &mut self.renewals,
            &mut self.claims,
            &mut self.assessments,
            &mut self.payments,
            &mut self.settlements,
            &mut self.receipts,
        ] {
            copied += buffer.copy_into(connection).await?;
        }
        Ok(copied)
    }
}

/// Adds one customer with everything that hangs off them.
pub fn add_customer(ctx: &SynthContext, rng: &mut impl Rng, index: u64, book: &mut Book) {
    let customer = people::add_customer(ctx, rng, index, book);
    for _ in 0..customer.vehicle_count {
        let vehicle = people::add_vehicle(ctx, rng, &customer, book);
        policies::add_policies(ctx, rng, &customer, &vehicle, book);
    }
}
