//! Premium arithmetic (DOMAIN §1–§3, §6): stamp duty, VAT, withholding tax, the CMI
//! tariff, voluntary rating, the no-claim discount, instalments and cancellation refunds.
//! Money is `Decimal` to the satang, never floating point.

pub mod cmi;
pub mod instalments;
pub mod ncb;
pub mod policy_type;
pub mod rating;
pub mod refund;

pub use policy_type::PolicyType;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

pub const VAT_RATE: Decimal = dec!(0.07);
pub const WITHHOLDING_RATE: Decimal = dec!(0.01);
/// Juristic customers withhold only on payments of at least this much (DOMAIN §6).
pub const WITHHOLDING_THRESHOLD: Decimal = dec!(1000);

/// Net premium to total, every step explicit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PremiumBreakdown {
    /// Net premium before discounts.
    pub base: Decimal,
    pub discounts: Decimal,
    /// base − discounts: the base of stamp duty and VAT.
    pub net: Decimal,
    pub stamp_duty: Decimal,
    pub vat: Decimal,
    pub total: Decimal,
}

impl PremiumBreakdown {
    /// Discounts come off before stamp duty and VAT.
    pub fn new(base: Decimal, discounts: Decimal) -> PremiumBreakdown {
        let net = base - discounts;
        let stamp_duty = stamp_duty(net);
        let vat = vat(net + stamp_duty);
        PremiumBreakdown {
            base,
            discounts,
            net,
            stamp_duty,
            vat,
            total: net + stamp_duty + vat,
        }
    }

    /// What a juristic customer withholds: 1 % of net + stamp duty, VAT excluded.
    pub fn withholding_tax(&self) -> Decimal {
        if self.total < WITHHOLDING_THRESHOLD {
            return Decimal::ZERO;
        }
        satang(WITHHOLDING_RATE * (self.net + self.stamp_duty))
    }
}

/// 1 baht per 250 baht of premium, or part of 250.
pub fn stamp_duty(net: Decimal) -> Decimal {
    if net <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    (net / dec!(250)).ceil()
}

/// 7 % of (net + stamp duty), half-up to the satang.
pub fn vat(net_plus_stamp: Decimal) -> Decimal {
    satang(VAT_RATE * net_plus_stamp)
}

/// Rounds half away from zero to 2 decimal places.
pub fn satang(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn published_totals_reproduce() {
        for (net, total) in [
            (dec!(150), dec!(161.57)),
            (dec!(300), dec!(323.14)),
            (dec!(600), dec!(645.21)),
            (dec!(900), dec!(967.28)),
            (dec!(1100), dec!(1182.35)),
            (dec!(1900), dec!(2041.56)),
            (dec!(3200), dec!(3437.91)),
            (dec!(10000), dec!(10742.80)),
        ] {
            assert_eq!(
                PremiumBreakdown::new(net, Decimal::ZERO).total,
                total,
                "net {net}"
            );
        }
    }

    #[test]
    fn stamp_duty_counts_every_part_of_250() {
        assert_eq!(stamp_duty(dec!(600)), dec!(3));
        assert_eq!(stamp_duty(dec!(250)), dec!(1));
        assert_eq!(stamp_duty(dec!(250.01)), dec!(2));
        assert_eq!(stamp_duty(dec!(0)), dec!(0));
    }

    #[test]
    fn discounts_come_off_before_tax() {
        let premium = PremiumBreakdown::new(dec!(12500), dec!(2500));
        assert_eq!(premium.net, dec!(10000));
        assert_eq!(premium.stamp_duty, dec!(40));
        assert_eq!(premium.vat, dec!(702.80));
        assert_eq!(premium.total, dec!(10742.80));
    }

    #[test]
    fn juristic_withholding_is_one_percent_of_net_plus_stamp() {
        let premium = PremiumBreakdown::new(dec!(10000), Decimal::ZERO);
        assert_eq!(premium.withholding_tax(), dec!(100.40));
        assert_eq!(premium.total - premium.withholding_tax(), dec!(10642.40));
        assert_eq!(
            PremiumBreakdown::new(dec!(600), Decimal::ZERO).withholding_tax(),
            Decimal::ZERO
        );
    }

    proptest! {
        #[test]
        fn total_is_net_plus_stamp_plus_vat(base_satang in 1i64..100_000_000, discount_pct in 0u32..=50) {
            let base = Decimal::new(base_satang, 2);
            let discounts = satang(base * Decimal::from(discount_pct) / dec!(100));
            let premium = PremiumBreakdown::new(base, discounts);
            prop_assert_eq!(premium.total, base - discounts + premium.stamp_duty + premium.vat);
            prop_assert_eq!(premium.total.scale() <= 2, true);
            prop_assert!(premium.stamp_duty * dec!(250) >= premium.net);
            prop_assert!((premium.stamp_duty - Decimal::ONE) * dec!(250) < premium.net);
        }
    }
}
