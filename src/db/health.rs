//! The database health for administrators: the checks (`check_database_health()`), the
//! queries running long (`long_running_queries()`) and the slowest statements
//! (`slow_queries()`, empty while pg_stat_statements is not on).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use sqlx::PgPool;

/// Queries running longer than this are listed.
pub const LONG_RUNNING_SECONDS: i32 = 30;
/// Statements slower than this on average are listed, at most `SLOW_STATEMENTS`.
pub const SLOW_MEAN_MS: f64 = 50.0;
pub const SLOW_STATEMENTS: i64 = 10;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HealthCheck {
    /// database_size, connections, replication_lag, largest_tables, partitions_ahead (one
    /// per partitioned table, named in `details`), long_running_queries,
    /// statement_statistics (`details`: on, not_installed, not_preloaded, not_created)
    pub check_name: String,
    /// OK, WARNING or INFO
    pub status: String,
    pub figure: Option<Decimal>,
    pub details: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LongQuery {
    pub pid: i32,
    pub username: String,
    pub staff_name: Option<String>,
    pub query_start: DateTime<Utc>,
    pub seconds: i64,
    pub state: Option<String>,
    pub query: Option<String>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SlowStatement {
    pub query: String,
    pub calls: i64,
    pub mean_ms: f64,
    pub total_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Health {
    pub checks: Vec<HealthCheck>,
    pub long_queries: Vec<LongQuery>,
    pub slow_statements: Vec<SlowStatement>,
}

pub async fn checks(pool: &PgPool) -> sqlx::Result<Vec<HealthCheck>> {
    sqlx::query_as("SELECT check_name, status, figure, details FROM check_database_health()")
        .fetch_all(pool)
        .await
}

pub async fn long_queries(pool: &PgPool) -> sqlx::Result<Vec<LongQuery>> {
    sqlx::query_as(
        "SELECT pid, username, staff_name, query_start, seconds, state, query
           FROM long_running_queries($1)",
    )
    .bind(LONG_RUNNING_SECONDS)
    .fetch_all(pool)
    .await
}

pub async fn slow_statements(pool: &PgPool) -> sqlx::Result<Vec<SlowStatement>> {
    sqlx::query_as("SELECT query, calls, mean_ms, total_ms FROM slow_queries($1) LIMIT $2")
        .bind(SLOW_MEAN_MS)
        .bind(SLOW_STATEMENTS)
        .fetch_all(pool)
        .await
}

/// Everything the health screen shows.
pub async fn health(pool: &PgPool) -> sqlx::Result<Health> {
    let (checks, long_queries, slow_statements) =
        tokio::try_join!(checks(pool), long_queries(pool), slow_statements(pool))?;
    Ok(Health {
        checks,
        long_queries,
        slow_statements,
    })
}
