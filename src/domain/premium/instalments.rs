//! Paying a premium in one go or by monthly instalments (`policies.payment_plan`).

use chrono::{Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::satang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentPlan {
    Full,
    Installment6,
    Installment12,
}

impl PaymentPlan {
    pub const ALL: [PaymentPlan; 3] = [
        PaymentPlan::Full,
        PaymentPlan::Installment6,
        PaymentPlan::Installment12,
    ];

    pub fn as_db(self) -> &'static str {
        match self {
            PaymentPlan::Full => "FULL",
            PaymentPlan::Installment6 => "INSTALLMENT_6",
            PaymentPlan::Installment12 => "INSTALLMENT_12",
        }
    }

    pub fn from_db(s: &str) -> Option<PaymentPlan> {
        PaymentPlan::ALL.into_iter().find(|p| p.as_db() == s)
    }

    /// How many payments.
    pub fn instalments(self) -> u32 {
        match self {
            PaymentPlan::Full => 1,
            PaymentPlan::Installment6 => 6,
            PaymentPlan::Installment12 => 12,
        }
    }

    /// `policies.payment_frequency`.
    pub fn frequency_db(self) -> &'static str {
        match self {
            PaymentPlan::Full => "ANNUAL",
            PaymentPlan::Installment6 | PaymentPlan::Installment12 => "MONTHLY",
        }
    }
}

/// Which instalment carries the satang left over when the total does not divide evenly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remainder {
    First,
    Last,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instalment {
    /// 1-based.
    pub number: u32,
    pub due_date: NaiveDate,
    pub amount: Decimal,
}

/// The payments of `total` under `plan`: due monthly from `first_due` (a due date past the
/// end of a shorter month falls on its last day: 31 January, 28 February, 31 March), each
/// the total divided evenly and cut to the satang, the satang left over all on the first
/// or the last. The amounts sum exactly to the total (taken to the satang).
pub fn schedule(
    total: Decimal,
    plan: PaymentPlan,
    first_due: NaiveDate,
    remainder: Remainder,
) -> Vec<Instalment> {
    split(total, plan.instalments(), remainder)
        .into_iter()
        .enumerate()
        .map(|(k, amount)| Instalment {
            number: k as u32 + 1,
            due_date: first_due
                .checked_add_months(Months::new(k as u32))
                .unwrap_or(first_due),
            amount,
        })
        .collect()
}

/// `total` (to the satang) in `parts` amounts summing exactly to it: each the share cut to
/// the satang, the remainder on the first or the last. No parts for `parts == 0`.
pub fn split(total: Decimal, parts: u32, remainder: Remainder) -> Vec<Decimal> {
    if parts == 0 {
        return Vec::new();
    }
    let total = satang(total);
    let each = (total / Decimal::from(parts)).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    let odd = total - each * Decimal::from(parts - 1);
    let mut amounts = vec![each; parts as usize];
    let at = match remainder {
        Remainder::First => 0,
        Remainder::Last => amounts.len() - 1,
    };
    amounts[at] = odd;
    amounts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn twelve_instalments_with_the_remainder_first() {
        // 10,742.80 / 12 = 895.2333… → 895.23 × 11 = 9,847.53; the first 895.27.
        let plan = schedule(
            dec!(10742.80),
            PaymentPlan::Installment12,
            day(2026, 1, 15),
            Remainder::First,
        );
        assert_eq!(plan.len(), 12);
        assert_eq!(plan[0].amount, dec!(895.27));
        assert!(plan[1..].iter().all(|i| i.amount == dec!(895.23)));
        assert_eq!(
            plan.iter().map(|i| i.amount).sum::<Decimal>(),
            dec!(10742.80)
        );
        assert_eq!(plan[0].number, 1);
        assert_eq!(plan[11].number, 12);
        assert_eq!(plan[11].due_date, day(2026, 12, 15));
    }

    #[test]
    fn six_instalments_with_the_remainder_last() {
        // 16,017.90 / 6 = 2,669.65 exactly.
        let even = schedule(
            dec!(16017.90),
            PaymentPlan::Installment6,
            day(2026, 12, 1),
            Remainder::Last,
        );
        assert!(even.iter().all(|i| i.amount == dec!(2669.65)));
        assert_eq!(even[5].due_date, day(2027, 5, 1));
        // 1,000.01 / 6 = 166.668… → 166.66 × 5 = 833.30; the last 166.71.
        let odd = schedule(
            dec!(1000.01),
            PaymentPlan::Installment6,
            day(2026, 12, 1),
            Remainder::Last,
        );
        assert_eq!(odd[5].amount, dec!(166.71));
        assert!(odd[..5].iter().all(|i| i.amount == dec!(166.66)));
    }

    #[test]
    fn month_ends_are_clamped_from_the_first_due_date() {
        let plan = schedule(
            dec!(1200),
            PaymentPlan::Installment6,
            day(2027, 1, 31),
            Remainder::First,
        );
        let dates: Vec<NaiveDate> = plan.iter().map(|i| i.due_date).collect();
        assert_eq!(
            dates,
            [
                day(2027, 1, 31),
                day(2027, 2, 28),
                day(2027, 3, 31),
                day(2027, 4, 30),
                day(2027, 5, 31),
                day(2027, 6, 30)
            ]
        );
        let leap = schedule(
            dec!(1200),
            PaymentPlan::Installment12,
            day(2027, 8, 31),
            Remainder::First,
        );
        assert_eq!(leap[6].due_date, day(2028, 2, 29));
    }

    #[test]
    fn paying_in_full_is_one_payment() {
        let plan = schedule(
            dec!(645.21),
            PaymentPlan::Full,
            day(2026, 12, 1),
            Remainder::Last,
        );
        assert_eq!(
            plan,
            [Instalment {
                number: 1,
                due_date: day(2026, 12, 1),
                amount: dec!(645.21)
            }]
        );
    }

    #[test]
    fn plans_round_trip() {
        for plan in PaymentPlan::ALL {
            assert_eq!(PaymentPlan::from_db(plan.as_db()), Some(plan));
        }
        assert_eq!(PaymentPlan::Full.frequency_db(), "ANNUAL");
        assert_eq!(PaymentPlan::Installment6.frequency_db(), "MONTHLY");
        assert_eq!(PaymentPlan::Installment12.instalments(), 12);
    }

    proptest! {
        #[test]
        fn instalments_sum_exactly_to_the_total(
            total_satang in 0i64..1_000_000_000,
            plan in proptest::sample::select(PaymentPlan::ALL.to_vec()),
            last in any::<bool>(),
        ) {
            let total = Decimal::new(total_satang, 2);
            let remainder = if last { Remainder::Last } else { Remainder::First };
            let plan_rows = schedule(total, plan, day(2026, 3, 31), remainder);
            prop_assert_eq!(plan_rows.len() as u32, plan.instalments());
            prop_assert_eq!(plan_rows.iter().map(|i| i.amount).sum::<Decimal>(), total);
            let each = plan_rows[if last { 0 } else { plan_rows.len() - 1 }].amount;
            for (k, instalment) in plan_rows.iter().enumerate() {
                prop_assert!(instalment.amount.scale() <= 2);
                prop_assert!(instalment.amount >= Decimal::ZERO);
                let carries = if last { k == plan_rows.len() - 1 } else { k == 0 };
                if carries {
                    // The leftover is less than one satang per instalment.
                    let extra = instalment.amount - each;
                    prop_assert!(extra >= Decimal::ZERO);
                    prop_assert!(extra < Decimal::new(i64::from(plan.instalments()), 2));
                } else {
                    prop_assert_eq!(instalment.amount, each);
                }
                prop_assert_eq!(instalment.number, k as u32 + 1);
            }
        }
    }
}
