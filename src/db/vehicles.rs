//! A customer's vehicles: adding and editing them (optimistic locking on edits), and the
//! DLT verifications recorded against them.

use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::{SaveError, commit_or_conflict, set_context};
use crate::domain::vehicle::{DltDraft, VehicleDraft};

pub async fn create(pool: &PgPool, customer: Uuid, draft: &VehicleDraft) -> sqlx::Result<Uuid> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "VEHICLE_ADD").await?;
    let id = sqlx::query_scalar(
        "INSERT INTO customer_vehicles (customer_id, registration_number, province_code, plate_label,
                                        make, model, year_of_manufacture, engine_cc, seats,
                                        vehicle_type, fuel_type, color, chassis_number, usage_type,
                                        parking_location, annual_mileage)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         RETURNING id",
    )
    .bind(customer)
    .bind(&draft.registration_number)
    .bind(&draft.province_code)
    .bind(&draft.plate_label)
    .bind(&draft.make)
    .bind(&draft.model)
    .bind(draft.year_of_manufacture)
    .bind(draft.engine_cc)
    .bind(draft.seats)
    .bind(&draft.vehicle_type)
    .bind(&draft.fuel_type)
    .bind(&draft.color)
    .bind(&draft.chassis_number)
    .bind(&draft.usage_type)
    .bind(&draft.parking_location)
    .bind(draft.annual_mileage)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves an edit made to `version` of the vehicle; the conflict when someone saved first.
pub async fn update(
    pool: &PgPool,
    id: Uuid,
    version: i32,
    draft: &VehicleDraft,
) -> Result<i32, SaveError> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "VEHICLE_EDIT").await?;
    let saved: Option<i32> = sqlx::query_scalar(
        "UPDATE customer_vehicles
            SET registration_number = $3, province_code = $4, plate_label = $5, make = $6,
                model = $7, year_of_manufacture = $8, engine_cc = $9, seats = $10,
                vehicle_type = $11, fuel_type = $12, color = $13, chassis_number = $14,
                usage_type = $15, parking_location = $16, annual_mileage = $17
          WHERE id = $1 AND version = $2 AND deleted_at IS NULL
          RETURNING version",
    )
    .bind(id)
    .bind(version)
    .bind(&draft.registration_number)
    .bind(&draft.province_code)
    .bind(&draft.plate_label)
    .bind(&draft.make)
    .bind(&draft.model)
    .bind(draft.year_of_manufacture)
    .bind(draft.engine_cc)
    .bind(draft.seats)
    .bind(&draft.vehicle_type)
    .bind(&draft.fuel_type)
    .bind(&draft.color)
    .bind(&draft.chassis_number)
    .bind(&draft.usage_type)
    .bind(&draft.parking_location)
    .bind(draft.annual_mileage)
    .fetch_optional(&mut *tx)
    .await?;
    commit_or_conflict(tx, saved, "customer_vehicles", id).await
}

/// Records a DLT verification checked by hand or read from a document. Who verified is
/// the person's kind of role: an agent, an administrator, or staff.
pub async fn add_verification(
    pool: &PgPool,
    vehicle: Uuid,
    draft: &DltDraft,
) -> sqlx::Result<Uuid> {
    let mut tx = pool.begin().await?;
    set_context(&mut tx, "DLT_VERIFICATION").await?;
    let id = sqlx::query_scalar(
        "INSERT INTO dlt_verifications (vehicle_id, registration_valid, tax_paid, registration_expiry,
                                        dlt_reference_number, verification_method, verified_by)
         VALUES ($1, $2, $3, $4, $5, $6,
                 CASE WHEN pg_has_role('prakan_agent', 'MEMBER') THEN 'AGENT'
                      WHEN pg_has_role('prakan_admin', 'MEMBER') THEN 'ADMIN'
                      ELSE 'STAFF' END)
         RETURNING id",
    )
    .bind(vehicle)
    .bind(draft.registration_valid)
    .bind(draft.tax_paid)
    .bind(draft.registration_expiry)
    .bind(&draft.reference)
    .bind(&draft.method)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(id)
}
