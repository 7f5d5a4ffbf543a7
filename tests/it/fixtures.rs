//! Minimal valid rows to build tests on.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use prakan::domain::premium::PremiumBreakdown;

/// A valid national ID, different for every `n`.
pub fn national_id(n: u64) -> String {
    prakan::seed::synth::national_id_for(900_000 + n, false)
}

pub async fn customer(pool: &PgPool, n: u64) -> Result<Uuid, sqlx::Error> {
    customer_with_agent(pool, n, None).await
}

pub async fn customer_with_agent(
    pool: &PgPool,
    n: u64,
    agent_id: Option<Uuid>,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO customers (national_id, first_name, last_name, first_name_en, last_name_en,
                                phone_number, tambon_code, postal_code, agent_id)
         VALUES ($1, 'สมหญิง', 'ทดสอบ', 'Somying', 'Thotsop', '0812345678', '100101', '10200', $2)
         RETURNING id",
    )
    .bind(national_id(n))
    .bind(agent_id)
    .fetch_one(pool)
    .await
}

pub async fn vehicle(
    pool: &PgPool,
    customer_id: Uuid,
    plate: &str,
    province_code: &str,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO customer_vehicles (customer_id, registration_number, province_code, make, model,
                                        year_of_manufacture, engine_cc, seats, vehicle_type, fuel_type)
         VALUES ($1, $2, $3, 'Toyota', 'Hilux Revo', 2022, 2400, 2, 'PICKUP', 'DIESEL')
         RETURNING id",
    )
    .bind(customer_id)
    .bind(plate)
    .bind(province_code)
    .fetch_one(pool)
    .await
}

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

/// An ACTIVE policy with correct premium arithmetic for `net` baht.
pub async fn policy(
    pool: &PgPool,
    customer_id: Uuid,
    vehicle_id: Uuid,
    policy_type: &str,
    start: &str,
    end: &str,
) -> Result<Uuid, sqlx::Error> {
    let premium = PremiumBreakdown::new(
        Decimal::from(if policy_type == "CMI" { 900 } else { 15000 }),
        Decimal::ZERO,
    );
    sqlx::query_scalar(
        "INSERT INTO policies (policy_number, customer_id, vehicle_id, policy_type, coverage_details,
                               base_premium, discounts, stamp_duty, vat, total_premium,
                               start_date, end_date, status)
         VALUES ($1, $2, $3, $4, '{}', $5, $6, $7, $8, $9, $10, $11, 'ACTIVE')
         RETURNING id",
    )
    .bind(format!("T-{}", Uuid::new_v4()))
    .bind(customer_id)
    .bind(vehicle_id)
    .bind(policy_type)
    .bind(premium.base)
    .bind(premium.discounts)
    .bind(premium.stamp_duty)
    .bind(premium.vat)
    .bind(premium.total)
    .bind(date(start))
    .bind(date(end))
    .fetch_one(pool)
    .await
}

/// A customer with a pickup and a Class 1 policy for 2026.
pub async fn insured_pickup(pool: &PgPool, n: u64) -> (Uuid, Uuid, Uuid) {
    let customer_id = customer(pool, n).await.expect("customer");
    let vehicle_id = vehicle(pool, customer_id, &format!("กข {}", 1000 + n), "10")
        .await
        .expect("vehicle");
    let policy_id = policy(
        pool,
        customer_id,
        vehicle_id,
        "CLASS_1",
        "2026-01-01",
        "2027-01-01",
    )
    .await
    .expect("policy");
    (customer_id, vehicle_id, policy_id)
}
