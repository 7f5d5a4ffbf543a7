//! Database errors as sentences a person can act on, in their language. A constraint
//! violation is named by its constraint; each known name has its own message.

use crate::i18n::Message;
use crate::{key, msg};

/// The message for an error from the database.
pub fn message(error: &sqlx::Error) -> Message {
    match error {
        sqlx::Error::Database(db) => {
            if let Some(known) = db.constraint().and_then(constraint_message) {
                return known;
            }
            match db.code().as_deref() {
                Some("28P01") => msg!("login-error-credentials"),
                Some("28000") => msg!("login-error-disabled"),
                Some("42501") => msg!("error-not-permitted", detail = db.message()),
                Some("40001") | Some("40P01") => msg!("error-concurrent-change"),
                Some("57014") => msg!("error-took-too-long"),
                _ => msg!("error-database", detail = db.message()),
            }
        }
        other if is_connection_problem(other) => {
            msg!("error-unreachable", detail = other.to_string())
        }
        sqlx::Error::RowNotFound => msg!("error-record-gone"),
        other => msg!("error-database", detail = other.to_string()),
    }
}

/// True when the error says the server is gone or cannot be reached, rather than that a
/// statement failed: the screen keeps its data and prakan retries.
pub fn is_connection_problem(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db
            .code()
            .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
        _ => false,
    }
}

/// Messages for the named constraints of the schema.
pub fn constraint_message(constraint: &str) -> Option<Message> {
    let key = match constraint {
        "chk_customers_national_id" => key!("constraint-national-id"),
        "customers_national_id_key" => key!("constraint-national-id-taken"),
        "customers_email_key" => key!("constraint-email-taken"),
        "chk_customers_email" => key!("constraint-email"),
        "chk_customers_phone" => key!("constraint-phone"),
        "chk_customers_person_name" => key!("constraint-last-name"),
        "chk_customer_vehicles_plate" => key!("constraint-plate"),
        "customer_vehicles_plate_province_key" => key!("constraint-plate-taken"),
        "excl_policies_overlapping_cover" => key!("constraint-overlapping-cover"),
        "chk_policies_referral_approved" => key!("constraint-referral-approved"),
        "chk_policies_premium_total" => key!("constraint-premium-total"),
        "chk_policies_stamp_duty" => key!("constraint-stamp-duty"),
        "chk_policies_dates" => key!("constraint-policy-dates"),
        "policies_policy_number_key" => key!("constraint-policy-number-taken"),
        "claims_claim_number_key" => key!("constraint-claim-number-taken"),
        "chk_claims_dates" => key!("constraint-claim-dates"),
        "chk_claims_amounts" => key!("constraint-claim-amounts"),
        "chk_payments_amount" => key!("constraint-payment-amount"),
        "chk_payments_amounts" => key!("constraint-payment-total"),
        "chk_payments_installments" => key!("constraint-installment-number"),
        "payments_policy_installment_key" => key!("constraint-installment-taken"),
        "payment_receipts_receipt_number_key" => key!("constraint-receipt-number-taken"),
        "users_username_key" => key!("constraint-username-taken"),
        "chk_users_username" => key!("constraint-username"),
        "chk_users_last_admin" => key!("constraint-last-admin"),
        "staff_account_active" => key!("login-error-disabled"),
        "chk_system_configurations_readonly" => key!("constraint-setting-readonly"),
        "chk_system_configurations_type" => key!("constraint-setting-type"),
        "chk_system_configurations_range" => key!("constraint-setting-range"),
        "chk_system_configurations_regex" => key!("constraint-setting-form"),
        // Underwriting (migration 0019); the sentences live in policy_view.ftl.
        "chk_policy_referrals_authority" => key!("constraint-referral-authority"),
        "chk_policy_referrals_four_eyes" => key!("constraint-referral-four-eyes"),
        "chk_policy_referrals_decided_once" => key!("constraint-referral-decided-once"),
        "chk_policy_referrals_fixed" => key!("constraint-referral-fixed"),
        "chk_policies_cmi_cancellation" => key!("constraint-cmi-cancellation"),
        // Claims (migration 0021); the sentences live in claim_rules.ftl.
        "chk_claims_starts_reported" => key!("constraint-claim-starts-reported"),
        "chk_claims_coverage" => key!("constraint-claim-coverage"),
        "chk_claims_fixed" => key!("constraint-claim-fixed"),
        "chk_claims_assignment" => key!("constraint-claim-assignment"),
        "chk_claims_assignee" => key!("constraint-claim-assignee"),
        "chk_claims_surveyor" => key!("constraint-claim-surveyor"),
        "chk_claims_approved_amount_fixed" => key!("constraint-claim-approved-amount-fixed"),
        "chk_claims_approval_request" => key!("constraint-claim-approval-request"),
        "chk_claims_approval_requested_amount" => {
            key!("constraint-claim-approval-requested-amount")
        }
        "chk_claims_transition" => key!("constraint-claim-transition"),
        "chk_claims_transition_reason" | "chk_claim_status_history_reason" => {
            key!("constraint-claim-transition-reason")
        }
        "chk_claims_assessed" => key!("constraint-claim-assessed"),
        "chk_claims_approved_amount" => key!("constraint-claim-approved-amount"),
        "chk_claims_approval_authority" => key!("constraint-claim-approval-authority"),
        "chk_claims_settled" => key!("constraint-claim-settled"),
        "chk_claim_settlements_approved" => key!("constraint-settlement-approved"),
        "chk_claim_settlements_once" | "claim_settlements_one_live" => {
            key!("constraint-settlement-once")
        }
        "chk_claim_settlements_figures" => key!("constraint-settlement-figures"),
        "chk_claim_settlements_payment" => key!("constraint-settlement-payment"),
        "chk_claim_settlements_payout_paid" => key!("constraint-settlement-payout-paid"),
        // Reconciliation (migration 0022); the sentences live in reconcile_rules.ftl.
        "bank_accounts_code_key" => key!("constraint-bank-account-code-taken"),
        "chk_bank_accounts_code" => key!("constraint-bank-account-code"),
        "chk_bank_accounts_bank_code" => key!("constraint-bank-code"),
        "statement_profiles_code_key" => key!("constraint-statement-profile-code-taken"),
        "chk_statement_profiles_code" => key!("constraint-statement-profile-code"),
        "chk_statement_profiles_mapping" => key!("constraint-statement-profile-mapping"),
        "chk_bank_statements_sha256" => key!("constraint-statement-sha256"),
        "bank_statements_file_key" => key!("constraint-statement-already-imported"),
        "bank_statement_lines_key" => key!("constraint-statement-line-taken"),
        "chk_bank_statement_lines_amount" => key!("constraint-statement-line-amount"),
        "chk_bank_statement_lines_status" => key!("constraint-statement-line-status"),
        "chk_bank_statement_lines_matched" => key!("constraint-statement-line-matched"),
        "chk_bank_statement_lines_dispute" => key!("constraint-statement-line-dispute"),
        "chk_reconciliation_matches_amount" => key!("constraint-match-amount"),
        "chk_reconciliation_matches_rule" => key!("constraint-match-rule"),
        "chk_reconciliation_matches_undo" => key!("constraint-match-undo"),
        "chk_reconciliation_matches_disputed" => key!("constraint-match-disputed"),
        "chk_reconciliation_matches_payment" => key!("constraint-match-payment"),
        "chk_reconciliation_matches_total" => key!("constraint-match-total"),
        "reconciliation_matches_one_live_per_payment" => key!("constraint-match-once"),
        "chk_payment_receipts_finance" => key!("constraint-receipt-finance"),
        "chk_payment_receipts_once" | "payment_receipts_one_live" => {
            key!("constraint-receipt-once")
        }
        "chk_payment_receipts_payments" => key!("constraint-receipt-payments"),
        "chk_payment_receipts_withholding" => key!("constraint-receipt-withholding"),
        "chk_reconciliation_matches_due" => key!("constraint-match-due"),
        "chk_reconciliation_matches_undone_final" => key!("constraint-match-undone-final"),
        "chk_payment_receipts_paid" => key!("constraint-receipt-paid"),
        // Documents (migration 0026); the sentence lives in documents.ftl.
        "chk_payment_receipts_print" => key!("constraint-receipt-print"),
        // Administration (migration 0023); the sentences live in admin.ftl.
        "chk_staff_end_own_session" => key!("constraint-end-own-session"),
        "chk_rating_tables_in_force" => key!("constraint-rating-in-force"),
        "rating_tables_pkey" => key!("constraint-rating-date-taken"),
        _ => return None,
    };
    Some(Message::new(key, Vec::new()))
}
