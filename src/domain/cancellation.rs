//! Why a policy ends early, who ended it, and on what basis the premium goes back
//! (DOMAIN §1–§2). The refund arithmetic itself is `premium::refund`; this module says
//! which reasons are lawful for which cover, and explains the figure to the person.
//!
//! CMI (พ.ร.บ.) is compulsory: it ends early only when the vehicle leaves the insured's
//! hands or the road, when it duplicates another CMI, or for misrepresentation — never
//! because the customer would rather not have it, nor for non-payment. The database
//! (`chk_policies_cmi_cancellation`) holds the same list.

use chrono::{Months, NaiveDate};

use crate::domain::premium::PolicyType;
use crate::domain::premium::refund::{CancelledBy, short_rate_percent};
use crate::i18n::Message;
use crate::{key, msg};

/// The reasons of `policies.cancellation_code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CancellationCode {
    CustomerRequest,
    VehicleSold,
    VehicleWrittenOff,
    VehicleDeregistered,
    DuplicateCover,
    NonPayment,
    Misrepresentation,
}

impl CancellationCode {
    pub const ALL: [CancellationCode; 7] = [
        CancellationCode::CustomerRequest,
        CancellationCode::VehicleSold,
        CancellationCode::VehicleWrittenOff,
        CancellationCode::VehicleDeregistered,
        CancellationCode::DuplicateCover,
        CancellationCode::NonPayment,
        CancellationCode::Misrepresentation,
    ];

    /// The value stored in `policies.cancellation_code`.
    pub fn as_db(self) -> &'static str {
        match self {
            CancellationCode::CustomerRequest => "CUSTOMER_REQUEST",
            CancellationCode::VehicleSold => "VEHICLE_SOLD",
            CancellationCode::VehicleWrittenOff => "VEHICLE_WRITTEN_OFF",
            CancellationCode::VehicleDeregistered => "VEHICLE_DEREGISTERED",
            CancellationCode::DuplicateCover => "DUPLICATE_COVER",
            CancellationCode::NonPayment => "NON_PAYMENT",
            CancellationCode::Misrepresentation => "MISREPRESENTATION",
        }
    }

    pub fn from_db(s: &str) -> Option<CancellationCode> {
        CancellationCode::ALL.into_iter().find(|c| c.as_db() == s)
    }

    /// The message key of the reason's name.
    pub fn label_key(self) -> &'static str {
        match self {
            CancellationCode::CustomerRequest => key!("policy-view-code-customer-request"),
            CancellationCode::VehicleSold => key!("policy-view-code-vehicle-sold"),
            CancellationCode::VehicleWrittenOff => key!("policy-view-code-vehicle-written-off"),
            CancellationCode::VehicleDeregistered => key!("policy-view-code-vehicle-deregistered"),
            CancellationCode::DuplicateCover => key!("policy-view-code-duplicate-cover"),
            CancellationCode::NonPayment => key!("policy-view-code-non-payment"),
            CancellationCode::Misrepresentation => key!("policy-view-code-misrepresentation"),
        }
    }

    /// Whether this reason may end this kind of cover: every reason ends voluntary cover;
    /// CMI ends only when the vehicle is sold, written off or deregistered, when it
    /// duplicates another CMI, or for misrepresentation.
    pub fn allowed_for(self, policy_type: PolicyType) -> bool {
        policy_type.is_voluntary()
            || !matches!(
                self,
                CancellationCode::CustomerRequest | CancellationCode::NonPayment
            )
    }

    /// The reasons a policy of this type may be cancelled for, in display order.
    pub fn allowed(policy_type: PolicyType) -> Vec<CancellationCode> {
        CancellationCode::ALL
            .into_iter()
            .filter(|c| c.allowed_for(policy_type))
            .collect()
    }

    /// Who may end the policy for this reason. The party decides the refund (short rate
    /// when the insured cancels, pro rata when the insurer does), so a reason fixes it
    /// where it can: the customer's request is the insured's; non-payment and
    /// misrepresentation are the insurer's. The vehicle leaving the road, or a duplicate
    /// cover, may be reported by either.
    pub fn parties(self) -> &'static [CancelledBy] {
        match self {
            CancellationCode::CustomerRequest => &[CancelledBy::Insured],
            CancellationCode::NonPayment | CancellationCode::Misrepresentation => {
                &[CancelledBy::Insurer]
            }
            CancellationCode::VehicleSold
            | CancellationCode::VehicleWrittenOff
            | CancellationCode::VehicleDeregistered
            | CancellationCode::DuplicateCover => &[CancelledBy::Insured, CancelledBy::Insurer],
        }
    }

    /// The party a form should propose for this reason.
    pub fn default_party(self) -> CancelledBy {
        self.parties()[0]
    }
}

impl std::fmt::Display for CancellationCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_db())
    }
}

/// The value stored in `policies.cancelled_by_party`.
pub fn party_as_db(party: CancelledBy) -> &'static str {
    match party {
        CancelledBy::Insured => "INSURED",
        CancelledBy::Insurer => "INSURER",
    }
}

pub fn party_from_db(s: &str) -> Option<CancelledBy> {
    match s {
        "INSURED" => Some(CancelledBy::Insured),
        "INSURER" => Some(CancelledBy::Insurer),
        _ => None,
    }
}

/// The message key of the party's name.
pub fn party_label_key(party: CancelledBy) -> &'static str {
    match party {
        CancelledBy::Insured => key!("policy-view-party-insured"),
        CancelledBy::Insurer => key!("policy-view-party-insurer"),
    }
}

/// How the refund of a cancellation was worked out, for the person to check the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefundBasis {
    /// Cancelled on or before the start: the whole premium goes back.
    BeforeStart,
    /// Cancelled on or after the end: nothing goes back.
    AfterEnd,
    /// The insured cancelled: `percent` of the premium goes back, from the short-rate
    /// table at `days` in force (for a period other than twelve months, the days in force
    /// scaled to a year, as `refund_entitlement` does).
    ShortRate { days: i64, percent: u8 },
    /// The insurer cancelled: the share of the unexpired days.
    ProRata {
        unexpired_days: i64,
        period_days: i64,
    },
}

impl RefundBasis {
    /// The basis in a sentence, for the person to check the figure.
    pub fn explain(self) -> Message {
        match self {
            RefundBasis::BeforeStart => msg!("policy-view-basis-before-start"),
            RefundBasis::AfterEnd => msg!("policy-view-basis-after-end"),
            RefundBasis::ShortRate { days, percent } => msg!(
                "policy-view-basis-short-rate",
                days = days,
                percent = u32::from(percent)
            ),
            RefundBasis::ProRata {
                unexpired_days,
                period_days,
            } => msg!(
                "policy-view-basis-pro-rata",
                unexpired = unexpired_days,
                period = period_days
            ),
        }
    }
}

/// Whole days the policy was in force by `cancel_on` (0 before the start).
pub fn days_in_force(start: NaiveDate, cancel_on: NaiveDate) -> i64 {
    (cancel_on - start).num_days().max(0)
}

/// The basis `premium::refund::refund_entitlement` uses for the same arguments.
pub fn refund_basis(
    start: NaiveDate,
    end: NaiveDate,
    cancel_on: NaiveDate,
    by: CancelledBy,
) -> RefundBasis {
    if cancel_on <= start {
        return RefundBasis::BeforeStart;
    }
    if cancel_on >= end {
        return RefundBasis::AfterEnd;
    }
    let period = (end - start).num_days();
    let in_force = (cancel_on - start).num_days();
    match by {
        CancelledBy::Insured => {
            let days = if start.checked_add_months(Months::new(12)) == Some(end) {
                in_force
            } else {
                in_force * 365 / period
            };
            RefundBasis::ShortRate {
                days,
                percent: short_rate_percent(days),
            }
        }
        CancelledBy::Insurer => RefundBasis::ProRata {
            unexpired_days: period - in_force,
            period_days: period,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::premium::refund::refund_entitlement;
    use crate::domain::premium::satang;
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn database_values_round_trip() {
        for code in CancellationCode::ALL {
            assert_eq!(CancellationCode::from_db(code.as_db()), Some(code));
        }
        assert_eq!(CancellationCode::from_db("customer_request"), None);
        for party in [CancelledBy::Insured, CancelledBy::Insurer] {
            assert_eq!(party_from_db(party_as_db(party)), Some(party));
        }
        assert_eq!(party_from_db("BROKER"), None);
    }

    #[test]
    fn cmi_ends_only_for_the_lawful_reasons() {
        assert_eq!(
            CancellationCode::allowed(PolicyType::Cmi),
            [
                CancellationCode::VehicleSold,
                CancellationCode::VehicleWrittenOff,
                CancellationCode::VehicleDeregistered,
                CancellationCode::DuplicateCover,
                CancellationCode::Misrepresentation,
            ]
        );
        for policy_type in PolicyType::ALL.into_iter().filter(|t| t.is_voluntary()) {
            assert_eq!(
                CancellationCode::allowed(policy_type),
                CancellationCode::ALL
            );
        }
    }

    #[test]
    fn the_reason_fixes_the_party_where_it_can() {
        assert_eq!(
            CancellationCode::CustomerRequest.parties(),
            [CancelledBy::Insured]
        );
        assert_eq!(
            CancellationCode::NonPayment.default_party(),
            CancelledBy::Insurer
        );
        assert_eq!(CancellationCode::VehicleSold.parties().len(), 2);
        for code in CancellationCode::ALL {
            assert!(code.parties().contains(&code.default_party()));
        }
    }

    #[test]
    fn forty_five_days_of_a_year_is_the_61_percent_band() {
        let basis = refund_basis(
            day(2026, 1, 1),
            day(2027, 1, 1),
            day(2026, 2, 15),
            CancelledBy::Insured,
        );
        assert_eq!(
            basis,
            RefundBasis::ShortRate {
                days: 45,
                percent: 61
            }
        );
        assert_eq!(days_in_force(day(2026, 1, 1), day(2026, 2, 15)), 45);
        assert_eq!(days_in_force(day(2026, 1, 1), day(2025, 12, 1)), 0);
    }

    /// The explanation always gives the figure `refund_entitlement` computes.
    #[test]
    fn the_basis_agrees_with_the_entitlement() {
        let total = dec!(16017.90);
        for (start, months) in [
            (day(2026, 1, 1), 12),
            (day(2026, 3, 15), 6),
            (day(2024, 2, 29), 24),
        ] {
            let end = start.checked_add_months(Months::new(months)).unwrap();
            for offset in -3..=((end - start).num_days() + 3) {
                let cancel_on = start + chrono::Duration::days(offset);
                for by in [CancelledBy::Insured, CancelledBy::Insurer] {
                    let expected = match refund_basis(start, end, cancel_on, by) {
                        RefundBasis::BeforeStart => total,
                        RefundBasis::AfterEnd => Decimal::ZERO,
                        RefundBasis::ShortRate { percent, .. } => {
                            satang(total * Decimal::from(percent) / dec!(100))
                        }
                        RefundBasis::ProRata {
                            unexpired_days,
                            period_days,
                        } => satang(
                            total * Decimal::from(unexpired_days) / Decimal::from(period_days),
                        ),
                    };
                    assert_eq!(
                        refund_entitlement(total, start, end, cancel_on, by),
                        expected,
                        "{start} + {months} months, cancelled {cancel_on} by {by:?}"
                    );
                }
            }
        }
    }
}
