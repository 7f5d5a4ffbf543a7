//! What goes back when a policy is cancelled (DOMAIN §2): the short-rate table when the
//! insured cancels, pro rata when the insurer does.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::satang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelledBy {
    Insured,
    Insurer,
}

/// The percentages returned for days 10–19, 20–29, … 350–359 in force.
const SHORT_RATE_BANDS: [u8; 35] = [
    68, 65, 63, 61, 59, 56, 54, 52, 50, 48, 46, 44, 41, 39, 37, 35, 32, 30, 29, 27, 25, 23, 22, 20,
    18, 16, 15, 13, 12, 10, 8, 6, 4, 3, 1,
];

/// The percentage of the annual premium returned when the insured cancels after
/// `days_in_force` days: 72 for 1–9 days (day 0 too), then per 10-day band 68, 65, … down
/// to 1 for 350–359 days; nothing from 360 days.
pub fn short_rate_percent(days_in_force: i64) -> u8 {
    match days_in_force {
        ..=9 => 72,
        10..=359 => SHORT_RATE_BANDS[(days_in_force / 10 - 1) as usize],
        _ => 0,
    }
}

/// What the insured is entitled to get back of `total` when the policy running from
/// `start` to `end` is cancelled on `cancel_on` (to the satang):
/// - cancelled on or before the start: the whole total; on or after the end: nothing;
/// - by the insured: the short-rate percentage of the total. For a policy of other than
///   twelve months, the days in force are first scaled to a year (days × 365 / days of
///   the period, whole days);
/// - by the insurer: the unexpired days' share of the total (pro rata).
pub fn refund_entitlement(
    total: Decimal,
    start: NaiveDate,
    end: NaiveDate,
    cancel_on: NaiveDate,
    by: CancelledBy,
) -> Decimal {
    if cancel_on <= start {
        return total;
    }
    if cancel_on >= end {
        return Decimal::ZERO;
    }
    let period = (end - start).num_days();
    let in_force = (cancel_on - start).num_days();
    match by {
        CancelledBy::Insured => {
            let twelve_months = start.checked_add_months(Months::new(12)) == Some(end);
            let days = if twelve_months {
                in_force
            } else {
                in_force * 365 / period
            };
            satang(total * Decimal::from(short_rate_percent(days)) / dec!(100))
        }
        CancelledBy::Insurer => {
            satang(total * Decimal::from(period - in_force) / Decimal::from(period))
        }
    }
}

/// What is actually paid back, given what the customer has paid: whatever they paid beyond
/// the part of the premium they keep owing (`total − entitlement`), never below zero and
/// never above what they paid.
pub fn refund_due(total: Decimal, paid: Decimal, entitlement: Decimal) -> Decimal {
    (paid - (total - entitlement))
        .max(Decimal::ZERO)
        .min(paid.max(Decimal::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn short_rate_band_edges() {
        assert_eq!(short_rate_percent(0), 72);
        assert_eq!(short_rate_percent(1), 72);
        assert_eq!(short_rate_percent(9), 72);
        assert_eq!(short_rate_percent(10), 68);
        assert_eq!(short_rate_percent(19), 68);
        assert_eq!(short_rate_percent(20), 65);
        assert_eq!(short_rate_percent(179), 32);
        assert_eq!(short_rate_percent(180), 30);
        assert_eq!(short_rate_percent(349), 3);
        assert_eq!(short_rate_percent(350), 1);
        assert_eq!(short_rate_percent(359), 1);
        assert_eq!(short_rate_percent(360), 0);
        assert_eq!(short_rate_percent(366), 0);
        assert_eq!(short_rate_percent(-3), 72);
    }

    #[test]
    fn the_table_only_falls() {
        let all: Vec<u8> = (0..=370).map(short_rate_percent).collect();
        assert!(all.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn the_insured_cancelling_a_year_policy() {
        let (start, end) = (day(2026, 1, 1), day(2027, 1, 1));
        let total = dec!(16017.90);
        // 45 days in force → band 40–49 → 61 %: 9,770.919 → 9,770.92.
        assert_eq!(
            refund_entitlement(total, start, end, day(2026, 2, 15), CancelledBy::Insured),
            dec!(9770.92)
        );
        // Day 1 → 72 %: 11,532.888 → 11,532.89.
        assert_eq!(
            refund_entitlement(total, start, end, day(2026, 1, 2), CancelledBy::Insured),
            dec!(11532.89)
        );
        // 360 days → nothing.
        assert_eq!(
            refund_entitlement(total, start, end, day(2026, 12, 27), CancelledBy::Insured),
            dec!(0)
        );
    }

    #[test]
    fn cancelled_before_the_start_or_after_the_end() {
        let (start, end) = (day(2026, 12, 1), day(2027, 12, 1));
        for by in [CancelledBy::Insured, CancelledBy::Insurer] {
            assert_eq!(
                refund_entitlement(dec!(645.21), start, end, day(2026, 11, 20), by),
                dec!(645.21)
            );
            assert_eq!(
                refund_entitlement(dec!(645.21), start, end, start, by),
                dec!(645.21)
            );
            assert_eq!(
                refund_entitlement(dec!(645.21), start, end, end, by),
                dec!(0)
            );
        }
    }

    #[test]
    fn a_six_month_policy_scales_its_days_to_a_year() {
        // 1 Jan – 1 Jul 2026 = 181 days; 46 days in force → 46 × 365 / 181 = 92.76 → 92
        // days → band 90–99 → 50 %: 5,000.00 of 10,000.
        let (start, end) = (day(2026, 1, 1), day(2026, 7, 1));
        assert_eq!(
            refund_entitlement(
                dec!(10000),
                start,
                end,
                day(2026, 2, 16),
                CancelledBy::Insured
            ),
            dec!(5000)
        );
    }

    #[test]
    fn the_insurer_cancelling_returns_pro_rata() {
        // 365 days, 100 in force: 265 / 365 × 10,742.80 = 7,799.567… → 7,799.57.
        let (start, end) = (day(2026, 1, 1), day(2027, 1, 1));
        assert_eq!(
            refund_entitlement(
                dec!(10742.80),
                start,
                end,
                day(2026, 4, 11),
                CancelledBy::Insurer
            ),
            dec!(7799.57)
        );
    }

    #[test]
    fn refund_due_follows_what_was_paid() {
        let total = dec!(12000);
        let entitlement = dec!(7200); // the customer keeps owing 4,800
        assert_eq!(refund_due(total, total, entitlement), dec!(7200));
        assert_eq!(refund_due(total, dec!(6000), entitlement), dec!(1200));
        assert_eq!(refund_due(total, dec!(4000), entitlement), dec!(0));
        assert_eq!(refund_due(total, Decimal::ZERO, entitlement), dec!(0));
        assert_eq!(refund_due(total, total, total), total);
        // Overpaid: never more than was paid.
        assert_eq!(refund_due(total, dec!(13000), entitlement), dec!(8200));
        assert_eq!(refund_due(total, dec!(13000), dec!(14000)), dec!(13000));
    }
}
