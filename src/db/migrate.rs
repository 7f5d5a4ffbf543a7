//! Schema and reference data: the sqlx migrations, the geography, and the database-level
//! privileges (a database's ACL is not copied by CREATE DATABASE … TEMPLATE, so it is
//! applied here rather than in a migration).

use sha2::{Digest, Sha256};
use sqlx::PgPool;
use sqlx::migrate::Migrator;

pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum MigrateError {
    #[error("applying migrations: {0}")]
    Migrations(#[from] sqlx::migrate::MigrateError),
    #[error("loading reference data: {0}")]
    ReferenceData(#[from] super::geo::GeoError),
    #[error("securing the database: {0}")]
    Database(#[from] sqlx::Error),
}

impl MigrateError {
    pub fn message(&self) -> crate::i18n::Message {
        crate::msg!("migrate-failed", detail = self.to_string())
    }
}

/// Brings a database fully up to date. Safe to run again: it then changes nothing.
pub async fn run(pool: &PgPool) -> Result<(), MigrateError> {
    MIGRATOR.run(pool).await?;
    super::geo::load(pool).await?;
    secure_database(pool).await?;
    Ok(())
}

/// Only the prakan group roles may connect to this database; finance may make temporary
/// tables (statement imports stage their lines in them); JIT and parallel workers are off.
pub async fn secure_database(pool: &PgPool) -> sqlx::Result<()> {
    sqlx::query(
        "DO $$
         BEGIN
             EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
             EXECUTE format('GRANT CONNECT ON DATABASE %I TO prakan_agent, prakan_underwriter,
                             prakan_adjuster, prakan_surveyor, prakan_finance, prakan_auditor,
                             prakan_admin', current_database());
             -- Statement imports stage their lines in temporary tables.
             EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO prakan_finance, prakan_admin',
                            current_database());
             -- No JIT: on a big book the plans over the monthly partitions cost more than
             -- jit_above_cost, and compiling them took 0.85 s for a 4 ms query (5 M
             -- customers). A back office runs short queries; none gains from JIT.
             EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
             -- No parallel workers for the screens' short reads: starting one took longer
             -- than reading a claim queue page (5 M customers). The chart computations
             -- turn them back on for themselves (0030_parallel_charts.sql).
             EXECUTE format('ALTER DATABASE %I SET max_parallel_workers_per_gather = 0',
                            current_database());
         END
         $$",
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A fingerprint of everything `run` puts into an empty database: test templates built
/// from an older schema are recognised and rebuilt.
pub fn schema_fingerprint() -> String {
    let mut hasher = Sha256::new();
    for migration in MIGRATOR.iter() {
        hasher.update(migration.version.to_le_bytes());
        hasher.update(&*migration.checksum);
    }
    hasher.update(super::geo::GEOGRAPHY_CSV.as_bytes());
    hex::encode(hasher.finalize())[..16].to_string()
}

/// The newest migration applied to the database, if any.
pub async fn applied_version(pool: &PgPool) -> sqlx::Result<Option<i64>> {
    let table_exists: bool =
        sqlx::query_scalar("SELECT to_regclass('_sqlx_migrations') IS NOT NULL")
            .fetch_one(pool)
            .await?;
    if !table_exists {
        return Ok(None);
    }
    sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(pool)
        .await
}
