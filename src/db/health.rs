//! The database health checks (`check_database_health()`), for administrators.

use rust_decimal::Decimal;
use sqlx::PgPool;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HealthCheck {
    /// database_size, connections, replication_lag, largest_tables, audit_partitions_ahead,
    /// long_running_queries
    pub check_name: String,
    /// OK, WARNING or INFO
    pub status: String,
    pub figure: Option<Decimal>,
    pub details: Option<String>,
}

pub async fn checks(pool: &PgPool) -> sqlx::Result<Vec<HealthCheck>> {
    sqlx::query_as("SELECT check_name, status, figure, details FROM check_database_health()")
        .fetch_all(pool)
        .await
}
