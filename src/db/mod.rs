//! Everything that talks SQL: which server to use, migrations, reference data, staff
//! accounts, rating tables, maintenance. Knows nothing of terminals.

pub mod audit_trail;
pub mod backup;
pub mod cancellation;
pub mod charts;
pub mod claim_queue;
pub mod claim_work;
pub mod claims;
pub mod consents;
pub mod customers;
pub mod documents;
pub mod error;
pub mod geo;
pub mod health;
pub mod history;
pub mod home;
pub mod lookup;
pub mod maintain;
pub mod migrate;
pub mod pdpa;
pub mod policies;
pub mod policy_detail;
pub mod rating;
pub mod rating_admin;
pub mod reconcile;
pub mod reconcile_work;
pub mod referrals;
pub mod renewals;
pub mod replica;
pub mod rights;
pub mod session;
pub mod settings;
pub mod staff;
pub mod target;
pub mod vehicles;

use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

/// A small pool for administrative commands (migrate, seed, staff, bench).
pub async fn admin_pool(options: PgConnectOptions, max_connections: u32) -> sqlx::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(max_connections)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
}
