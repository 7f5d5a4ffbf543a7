//! Database errors as sentences a person can act on. A constraint violation is named by its
//! constraint; each known name has its own sentence.

/// The sentence for an error from the database.
pub fn sentence(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Database(db) => {
            if let Some(known) = db.constraint().and_then(constraint_sentence) {
                return known.to_string();
            }
            match db.code().as_deref() {
                Some("28P01") => "Wrong username or password.".into(),
                Some("28000") => {
                    "This account may not log in: it is disabled or has no access to this \
                     database."
                        .into()
                }
                Some("42501") => format!("Your role may not do this: {}", db.message()),
                Some("40001") | Some("40P01") => {
                    "Someone else changed the same records at the same moment; try again.".into()
                }
                _ => db.message().to_string(),
            }
        }
        sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => {
            format!("The database cannot be reached ({error}).")
        }
        sqlx::Error::RowNotFound => "The record no longer exists.".into(),
        other => other.to_string(),
    }
}

/// Sentences for the named constraints of the schema.
pub fn constraint_sentence(constraint: &str) -> Option<&'static str> {
    Some(match constraint {
        "chk_customers_national_id" => {
            "The national ID is not valid: 13 digits with a correct check digit are required."
        }
        "customers_national_id_key" => "A customer with this national ID already exists.",
        "customers_email_key" => "A customer with this e-mail address already exists.",
        "chk_customers_email" => "The e-mail address is not valid.",
        "chk_customers_phone" => "The phone number must be a Thai number of 9 or 10 digits.",
        "chk_customers_person_name" => "A person needs a last name.",
        "chk_customer_vehicles_plate" => {
            "The plate is not a Thai plate (for example กข 1234, 1กข 1234 or 70-1234)."
        }
        "customer_vehicles_plate_province_key" => {
            "A vehicle with this plate is already registered in this province."
        }
        "excl_policies_overlapping_cover" => {
            "This vehicle already has cover of the same kind (compulsory or voluntary) in this \
             period."
        }
        "chk_policies_premium_total" => {
            "The total premium must equal base premium − discounts + stamp duty + VAT."
        }
        "chk_policies_stamp_duty" => {
            "The stamp duty must be 1 baht per 250 baht of net premium or part of it."
        }
        "chk_policies_dates" => "The policy must end after it starts.",
        "policies_policy_number_key" => "This policy number is already in use.",
        "claims_claim_number_key" => "This claim number is already in use.",
        "chk_claims_dates" => {
            "Claim dates are out of order: nothing can be reported, assessed or settled before \
             the incident."
        }
        "chk_claims_amounts" => "Claim amounts cannot be negative.",
        "chk_payments_amount" => "A payment amount must be more than zero.",
        "chk_payments_amounts" => "The payment total must equal its amount plus fees.",
        "chk_payments_installments" => {
            "The instalment number must be between 1 and the number of instalments."
        }
        "payments_policy_installment_key" => "This policy already has that instalment.",
        "payment_receipts_receipt_number_key" => "This receipt number is already in use.",
        "users_username_key" => "A staff account with this username already exists.",
        "chk_users_username" => {
            "A username is 2–63 lower-case letters, digits, '.' or '_', starting with a letter \
             (and not prakan_…, pg_… or postgres)."
        }
        "chk_users_last_admin" => "The last active administrator cannot be removed.",
        "chk_system_configurations_readonly" => "This setting is read-only.",
        "chk_system_configurations_type" => "The value does not match the setting's type.",
        "chk_system_configurations_range" => "The value is outside the setting's bounds.",
        "chk_system_configurations_regex" => "The value does not have the required form.",
        _ => return None,
    })
}
