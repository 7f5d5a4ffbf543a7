//! Data for trying and measuring prakan: the demo book of business and the scale load.

pub mod catalog;
pub mod copy;
pub mod demo;
pub mod scale;
pub mod synth;

/// How far back the seeds write payments (policies renewed over two years, their first
/// payments booked before cover starts), in months: their partitions are made before loading.
pub const HISTORY_MONTHS: i32 = 36;

/// The payment partitions of the seeds' history, so that no seeded row waits in the
/// default partition.
pub async fn prepare_partitions(pool: &sqlx::PgPool) -> sqlx::Result<()> {
    crate::db::maintain::ensure_partitions_since(pool, "payments", HISTORY_MONTHS).await?;
    Ok(())
}
