//! `prakan seed --demo`: a realistic Thai book of business and one staff account per group
//! role, loaded in one transaction. Idempotent: a second run finds the marker and adds
//! nothing.

use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use sqlx::PgPool;

use super::synth::{Book, Numbering, QueueWork, StaffIds, SynthContext, add_customer};
use crate::db::staff::{self, NewStaff};
use crate::domain::staff::GroupRole;
use crate::key;

/// Every demo account has this password; the demo is for trying prakan, never production.
pub const DEMO_PASSWORD: &str = "prakan-demo";
/// The setting that marks a database holding the demo data.
pub const DEMO_MARKER: &str = "DEMO_DATA_VERSION";
const DEMO_VERSION: &str = "1";
/// Customers generated before checking that every kind of record is shown.
const DEMO_CUSTOMERS: u64 = 320;
const DEMO_CUSTOMERS_AT_MOST: u64 = 800;
/// Work for two adjusters trying the claim queues side by side: fresh reports to take with
/// take-next, assessments over somchai's 50,000 baht waiting for approval, and claims the
/// fraud rules sent to investigation.
const DEMO_QUEUE_WORK: QueueWork = QueueWork {
    fresh_reports: 10,
    awaiting_approval: 4,
    flagged: 3,
};

pub struct DemoAccount {
    pub username: &'static str,
    pub group: GroupRole,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub authority_limit: Decimal,
    /// Message key saying what the account is for.
    pub what_for: &'static str,
}

pub static DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "anong",
        group: GroupRole::Agent,
        first_name: "อนงค์",
        last_name: "ศรีสุข",
        authority_limit: dec!(0),
        what_for: key!("demo-for-agent"),
    },
    DemoAccount {
        username: "boonmee",
        group: GroupRole::Agent,
        first_name: "บุญมี",
        last_name: "รัตนพันธ์",
        authority_limit: dec!(0),
        what_for: key!("demo-for-agent-other"),
    },
    DemoAccount {
        username: "wichai",
        group: GroupRole::Underwriter,
        first_name: "วิชัย",
        last_name: "วงศ์สวัสดิ์",
        authority_limit: dec!(1500000),
        what_for: key!("demo-for-underwriter"),
    },
    DemoAccount {
        username: "siriporn",
        group: GroupRole::Underwriter,
        first_name: "ศิริพร",
        last_name: "แสงทอง",
        authority_limit: dec!(5000000),
        what_for: key!("demo-for-underwriter-senior"),
    },
    DemoAccount {
        username: "somchai",
        group: GroupRole::Adjuster,
        first_name: "สมชาย",
        last_name: "ใจดี",
        authority_limit: dec!(50000),
        what_for: key!("demo-for-adjuster-50k"),
    },
    DemoAccount {
        username: "pranee",
        group: GroupRole::Adjuster,
        first_name: "ปราณี",
        last_name: "บุญมา",
        authority_limit: dec!(200000),
        what_for: key!("demo-for-adjuster-200k"),
    },
    DemoAccount {
        username: "kittisak",
        group: GroupRole::Adjuster,
        first_name: "กิตติศักดิ์",
        last_name: "ทองดี",
        authority_limit: dec!(2000000),
        what_for: key!("demo-for-adjuster-senior"),
    },
    DemoAccount {
        username: "thana",
        group: GroupRole::Surveyor,
        first_name: "ธนา",
        last_name: "มีสุข",
        authority_limit: dec!(0),
        what_for: key!("demo-for-surveyor"),
    },
    DemoAccount {
        username: "malee",
        group: GroupRole::Finance,
        first_name: "มาลี",
        last_name: "พูลผล",
        authority_limit: dec!(0),
        what_for: key!("demo-for-finance"),
    },
    DemoAccount {
        username: "napat",
        group: GroupRole::Auditor,
        first_name: "ณภัทร",
        last_name: "จันทร์เพ็ญ",
        authority_limit: dec!(0),
        what_for: key!("demo-for-auditor"),
    },
    DemoAccount {
        username: "sudarat",
        group: GroupRole::Admin,
        first_name: "สุดารัตน์",
        last_name: "อินทร์แก้ว",
        authority_limit: dec!(0),
        what_for: key!("demo-for-admin"),
    },
];

/// Kinds of record the demo must show at least once.
const MUST_SHOW: &[(&str, &str)] = &[
    ("customer", "JURISTIC"),
    ("vehicle", "CMI_AND_VOLUNTARY"),
    ("policy", "CMI"),
    ("policy", "CLASS_1"),
    ("policy", "CLASS_2_PLUS"),
    ("policy", "CLASS_2"),
    ("policy", "CLASS_3_PLUS"),
    ("policy", "CLASS_3"),
    ("policy_status", "ACTIVE"),
    ("policy_status", "EXPIRED"),
    ("policy_status", "CANCELLED"),
    ("policy_status", "DRAFT"),
    ("policy_status", "EXPIRING_WITHIN_30_DAYS"),
    ("claim", "REPORTED"),
    ("claim", "ASSIGNED"),
    ("claim", "INVESTIGATING"),
    ("claim", "ASSESSED"),
    ("claim", "APPROVED"),
    ("claim", "REJECTED"),
    ("claim", "SETTLED"),
    ("claim", "CLOSED"),
    ("queue_work", "FRESH_REPORT"),
    ("queue_work", "AWAITING_APPROVAL"),
    ("queue_work", "FLAGGED"),
    ("payment", "PENDING"),
    ("payment", "PROCESSING"),
    ("payment", "SUCCESS"),
    ("payment", "FAILED"),
    ("payment", "CANCELLED"),
    ("payment", "REFUNDED"),
    ("payment", "PARTIAL_REFUND"),
    ("payment", "INSTALLMENT"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoOutcome {
    Loaded { customers: u64, rows: u64 },
    AlreadyPresent,
}

/// Loads the demo unless the database already holds it.
pub async fn seed(pool: &PgPool, now: DateTime<Utc>) -> sqlx::Result<DemoOutcome> {
    super::prepare_partitions(pool).await?;
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext('prakan demo seed'))")
        .execute(&mut *tx)
        .await?;
    if is_present(&mut tx).await? {
        return Ok(DemoOutcome::AlreadyPresent);
    }
    sqlx::query("SELECT set_config('prakan.context', 'DEMO_SEED', true)")
        .execute(&mut *tx)
        .await?;

    for account in DEMO_ACCOUNTS {
        staff::create(
            &mut tx,
            &NewStaff {
                username: account.username,
                group: account.group,
                first_name: account.first_name,
                last_name: account.last_name,
                password: DEMO_PASSWORD,
                authority_limit: account.authority_limit,
                email: None,
            },
        )
        .await?;
    }

    let staff = StaffIds::from_database(&mut tx).await?;
    let numbering = Numbering::from_database(&mut tx).await?;
    let first_index: i64 = sqlx::query_scalar("SELECT count(*) FROM customers")
        .fetch_one(&mut *tx)
        .await?;
    let context = SynthContext::new(now, staff, numbering);
    let mut rng = StdRng::seed_from_u64(2569);
    let mut book = Book::with_queue_work(DEMO_QUEUE_WORK);
    let mut customers = 0;
    while customers < DEMO_CUSTOMERS
        || (customers < DEMO_CUSTOMERS_AT_MOST && !shows_everything(&book))
    {
        add_customer(
            &context,
            &mut rng,
            first_index as u64 + customers,
            &mut book,
        );
        customers += 1;
    }
    let rows = book.copy_into(&mut tx).await?;
    sqlx::query(
        "SELECT sync_policy_number_seq(), sync_claim_number_seq(), sync_receipt_counters()",
    )
    .execute(&mut *tx)
    .await?;

    sqlx::query(
        "INSERT INTO system_configurations
             (config_key, config_category, config_value, config_type, description, is_readonly)
         VALUES ($1, 'SYSTEM', $2, 'INTEGER', 'Version of the demo data loaded into this database', true)",
    )
    .bind(DEMO_MARKER)
    .bind(DEMO_VERSION)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(DemoOutcome::Loaded { customers, rows })
}

fn shows_everything(book: &Book) -> bool {
    MUST_SHOW
        .iter()
        .all(|(what, kind)| book.seen(what, kind) > 0)
}

async fn is_present(connection: &mut sqlx::PgConnection) -> sqlx::Result<bool> {
    sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM system_configurations WHERE config_key = $1)")
        .bind(DEMO_MARKER)
        .fetch_one(connection)
        .await
}

/// Whether the demo is loaded (the login screen lists the demo accounts then).
pub async fn demo_present(pool: &PgPool) -> sqlx::Result<bool> {
    let mut connection = pool.acquire().await?;
    is_present(&mut connection).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Customers the demo needs before it shows every kind of record, on a given day.
    fn customers_needed(now: DateTime<Utc>) -> Option<u64> {
        let someone = vec![uuid::Uuid::nil()];
        let staff = StaffIds {
            agents: someone.clone(),
            adjusters: someone.clone(),
            surveyors: someone,
            adjuster_limits: vec![(uuid::Uuid::nil(), dec!(50000))],
        };
        let context = SynthContext::new(now, staff, Numbering::default());
        let mut rng = StdRng::seed_from_u64(2569);
        let mut book = Book::with_queue_work(DEMO_QUEUE_WORK);
        for index in 0..DEMO_CUSTOMERS_AT_MOST {
            add_customer(&context, &mut rng, index, &mut book);
            if shows_everything(&book) {
                return Some(index + 1);
            }
        }
        None
    }

    /// The demo is the same size whatever the day it is loaded.
    #[test]
    fn the_demo_shows_everything_whatever_the_day() {
        for month in 1..=12 {
            for day in [1, 15, 28] {
                let now = Utc.with_ymd_and_hms(2026, month, day, 3, 0, 0).unwrap();
                let needed = customers_needed(now);
                assert!(
                    needed.is_some_and(|n| n <= DEMO_CUSTOMERS),
                    "on {now} the demo needs {needed:?} customers to show every kind of record"
                );
            }
        }
    }
}
