//! Database values in words, in either language: statuses, types, channels, purposes.

use crate::i18n::Message;
use crate::msg;

pub fn customer_type(value: &str) -> Message {
    msg!("enum-customer-type", value = value)
}
pub fn gender(value: &str) -> Message {
    msg!("enum-gender", value = value)
}
pub fn language(value: &str) -> Message {
    msg!("enum-language", value = value)
}
pub fn account_status(value: &str) -> Message {
    msg!("enum-account-status", value = value)
}
pub fn kyc_status(value: &str) -> Message {
    msg!("enum-kyc-status", value = value)
}
pub fn policy_type(value: &str) -> Message {
    msg!("enum-policy-type", value = value)
}
pub fn policy_status(value: &str) -> Message {
    msg!("enum-policy-status", value = value)
}
pub fn claim_type(value: &str) -> Message {
    msg!("enum-claim-type", value = value)
}
pub fn claim_status(value: &str) -> Message {
    msg!("enum-claim-status", value = value)
}
pub fn payment_type(value: &str) -> Message {
    msg!("enum-payment-type", value = value)
}
pub fn payment_status(value: &str) -> Message {
    msg!("enum-payment-status", value = value)
}
pub fn payment_method(value: &str) -> Message {
    msg!("enum-payment-method", value = value)
}
pub fn vehicle_type(value: &str) -> Message {
    msg!("enum-vehicle-type", value = value)
}
pub fn fuel_type(value: &str) -> Message {
    msg!("enum-fuel-type", value = value)
}
pub fn usage_type(value: &str) -> Message {
    msg!("enum-usage-type", value = value)
}
pub fn parking(value: &str) -> Message {
    msg!("enum-parking", value = value)
}
pub fn consent_purpose(value: &str) -> Message {
    msg!("enum-consent-purpose", value = value)
}
pub fn lawful_basis(value: &str) -> Message {
    msg!("enum-lawful-basis", value = value)
}
pub fn channel(value: &str) -> Message {
    msg!("enum-channel", value = value)
}
pub fn document_type(value: &str) -> Message {
    msg!("enum-document-type", value = value)
}
pub fn verification_status(value: &str) -> Message {
    msg!("enum-verification-status", value = value)
}
pub fn dlt_method(value: &str) -> Message {
    msg!("enum-dlt-method", value = value)
}
pub fn audit_operation(value: &str) -> Message {
    msg!("enum-audit-operation", value = value)
}
pub fn field_name(value: &str) -> Message {
    msg!("history-field", field = value)
}
