//! Chart snapshots (migration 0029): a chart answers from its snapshot while it is younger
//! than CHART_SNAPSHOT_MINUTES, recomputes it when older, `prakan db maintain` refreshes all
//! five, and the team checks still come first.

use chrono::{DateTime, Utc};
use prakan::db::charts::{self, Snapshot};
use prakan::domain::staff::GroupRole;
use sqlx::PgPool;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{TestDb, violation};

/// An open claim on `policy`, reported `days_ago` days ago.
async fn open_claim(pool: &PgPool, policy: Uuid, days_ago: i32) {
    sqlx::query(
        "INSERT INTO claims (claim_number, policy_id, incident_date, reported_date, claim_type,
                             status, incident_description, estimated_amount)
         VALUES ('T-' || gen_random_uuid(), $1, now() - make_interval(days => $2) - interval '1 hour',
                 now() - make_interval(days => $2), 'ACCIDENT', 'REPORTED', 'ชนท้าย', 1000)",
    )
    .bind(policy)
    .bind(days_ago)
    .execute(pool)
    .await
    .expect("a claim");
}

async fn reported(pool: &PgPool) -> i64 {
    charts::claims_by_status(pool)
        .await
        .expect("the chart")
        .iter()
        .find(|s| s.status == "REPORTED")
        .map_or(0, |s| s.claims)
}

async fn taken(pool: &PgPool, snapshot: Snapshot) -> Option<DateTime<Utc>> {
    sqlx::query_scalar("SELECT chart_snapshot_taken($1, $2)")
        .bind(snapshot.chart)
        .bind(snapshot.months)
        .fetch_one(pool)
        .await
        .expect("when the snapshot was taken")
}

/// Makes every snapshot `minutes` older, as the owner.
async fn age_snapshots(db: &TestDb, minutes: i32) {
    sqlx::query("UPDATE chart_snapshots SET computed_at = computed_at - make_interval(mins => $1)")
        .bind(minutes)
        .execute(&db.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_chart_serves_its_snapshot_until_it_is_older_than_the_setting() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    open_claim(&db.pool, policy, 2).await;
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    assert_eq!(
        taken(&adjuster, charts::CLAIMS_BY_STATUS).await,
        None,
        "a new database has no snapshot"
    );

    assert_eq!(reported(&adjuster).await, 1, "computed on the first call");
    let first = taken(&adjuster, charts::CLAIMS_BY_STATUS)
        .await
        .expect("the first call kept a snapshot");
    let now: DateTime<Utc> = sqlx::query_scalar("SELECT now()")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert!((now - first).num_seconds().abs() < 60, "taken just now");

    open_claim(&db.pool, policy, 3).await;
    assert_eq!(
        reported(&adjuster).await,
        1,
        "within 10 minutes: the snapshot's figures, not the new claim"
    );
    assert_eq!(
        taken(&adjuster, charts::CLAIMS_BY_STATUS).await,
        Some(first)
    );

    age_snapshots(&db, 9).await;
    assert_eq!(reported(&adjuster).await, 1, "9 minutes old: still served");

    age_snapshots(&db, 2).await;
    assert_eq!(
        reported(&adjuster).await,
        2,
        "11 minutes old: recomputed, the new claim counts"
    );
    let second = taken(&adjuster, charts::CLAIMS_BY_STATUS).await.unwrap();
    assert!(second > first, "a new snapshot");

    // The setting decides: at 1 minute, a 2-minute-old snapshot is stale.
    sqlx::query(
        "UPDATE system_configurations SET config_value = '1'
          WHERE config_key = 'CHART_SNAPSHOT_MINUTES'",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    open_claim(&db.pool, policy, 4).await;
    age_snapshots(&db, 2).await;
    assert_eq!(reported(&adjuster).await, 3);
}

#[tokio::test]
async fn the_screen_learns_how_old_the_figures_are() {
    let db = TestDb::new().await;
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    let mut tx = auditor.begin().await.unwrap();
    let months = charts::premium_written(&mut *tx).await.unwrap();
    assert_eq!(months.len(), 12);
    let fresh = charts::freshness(&mut *tx, charts::PREMIUM_WRITTEN)
        .await
        .unwrap();
    let now: DateTime<Utc> = sqlx::query_scalar("SELECT now()")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        (fresh.taken, fresh.every_minutes),
        (now, 10),
        "computed in this transaction"
    );

    age_snapshots(&db, 4).await;
    let mut tx = auditor.begin().await.unwrap();
    charts::premium_written(&mut *tx).await.unwrap();
    let served = charts::freshness(&mut *tx, charts::PREMIUM_WRITTEN)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        served.taken,
        now - chrono::Duration::minutes(4),
        "served from the snapshot taken 4 minutes earlier"
    );
}

#[tokio::test]
async fn a_read_only_transaction_computes_afresh_without_keeping_it() {
    // As on a read replica: the stale snapshot cannot be rewritten there.
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    assert_eq!(reported(&adjuster).await, 0);
    open_claim(&db.pool, policy, 1).await;
    age_snapshots(&db, 30).await;
    let stale = taken(&adjuster, charts::CLAIMS_BY_STATUS).await;

    let mut tx = adjuster.begin().await.unwrap();
    sqlx::query("SET TRANSACTION READ ONLY")
        .execute(&mut *tx)
        .await
        .unwrap();
    let figures = charts::claims_by_status(&mut *tx).await.unwrap();
    let fresh = charts::freshness(&mut *tx, charts::CLAIMS_BY_STATUS)
        .await
        .unwrap();
    let now: DateTime<Utc> = sqlx::query_scalar("SELECT now()")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(figures.iter().map(|s| s.claims).sum::<i64>(), 1, "live");
    assert_eq!(fresh.taken, now, "the figures are as of now");
    assert_eq!(
        taken(&adjuster, charts::CLAIMS_BY_STATUS).await,
        stale,
        "nothing kept"
    );
}

#[tokio::test]
async fn maintain_refreshes_all_five_snapshots() {
    let db = TestDb::new().await;
    let (_, _, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let (_, auditor) = db.staff_pool(GroupRole::Auditor).await;
    assert_eq!(reported(&auditor).await, 0, "a snapshot with no claim");
    open_claim(&db.pool, policy, 40).await;

    let report =
        prakan::db::maintain::run_with(&db.pool, prakan::db::maintain::Options { vacuum: false })
            .await
            .unwrap();
    assert_eq!(report.chart_snapshots, 5);
    let kept: Vec<(String, i32)> =
        sqlx::query_as("SELECT chart, months FROM chart_snapshots ORDER BY chart")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let wanted = [
        charts::CLAIMS_AGEING,
        charts::CLAIMS_BY_STATUS,
        charts::LOSS_RATIO,
        charts::PREMIUM_WRITTEN,
        charts::RECONCILIATION_BACKLOG,
    ]
    .map(|s| (s.chart.to_string(), s.months));
    assert_eq!(
        kept, wanted,
        "the five, the monthly ones for the screen's months"
    );
    let fresh: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM chart_snapshots WHERE computed_at > now() - interval '1 minute'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(fresh, 5, "all just computed");
    assert_eq!(
        reported(&auditor).await,
        1,
        "the claim after the first look"
    );
    let ageing = charts::claims_ageing(&auditor).await.unwrap();
    assert_eq!(
        ageing
            .iter()
            .find(|a| a.bucket == "31-90")
            .map(|a| a.claims),
        Some(1)
    );
}

#[tokio::test]
async fn the_team_checks_still_refuse_other_groups_in_sql() {
    let db = TestDb::new().await;
    // Every snapshot warm: a refusal must not depend on one being missing.
    charts::refresh_snapshots(&db.pool).await.unwrap();
    let refused = [
        (
            "SELECT * FROM chart_claims_by_status()",
            [GroupRole::Agent, GroupRole::Underwriter, GroupRole::Finance],
        ),
        (
            "SELECT * FROM chart_claims_ageing()",
            [GroupRole::Agent, GroupRole::Surveyor, GroupRole::Finance],
        ),
        (
            "SELECT * FROM chart_premium_written(12)",
            [GroupRole::Agent, GroupRole::Adjuster, GroupRole::Finance],
        ),
        (
            "SELECT * FROM chart_loss_ratio(12)",
            [GroupRole::Surveyor, GroupRole::Adjuster, GroupRole::Finance],
        ),
        (
            "SELECT * FROM chart_reconciliation_backlog()",
            [
                GroupRole::Agent,
                GroupRole::Adjuster,
                GroupRole::Underwriter,
            ],
        ),
    ];
    for group in GroupRole::ALL {
        let (_, pool) = db.staff_pool(group).await;
        for (statement, groups) in &refused {
            if groups.contains(&group) {
                let error = sqlx::query(*statement).execute(&pool).await.unwrap_err();
                assert_eq!(violation(&error).0, "42501", "{group} {statement}");
            }
        }
        for owner_only in [
            "SELECT * FROM chart_snapshots",
            "SELECT refresh_chart_snapshots()",
            "SELECT chart_rows('claims_by_status', 0)",
            "SELECT chart_compute('claims_by_status', 0)",
            "SELECT * FROM chart_claims_by_status_compute()",
            "SELECT * FROM chart_loss_ratio_compute(12)",
        ] {
            let error = sqlx::query(owner_only).execute(&pool).await.unwrap_err();
            assert_eq!(violation(&error).0, "42501", "{group} {owner_only}");
        }
    }
    let (_, agent) = db.staff_pool(GroupRole::Agent).await;
    let error = sqlx::query("SELECT chart_snapshot_taken('claims_by_status', 0)")
        .execute(&agent)
        .await
        .unwrap_err();
    assert_eq!(violation(&error).0, "42501", "agents see no chart");
}
