//! The no-claim discount (NCB) and the claims surcharge at renewal (DOMAIN §2).
//!
//! - A claim-free year moves the NCB one step up the ladder (50 stays 50) and clears any
//!   surcharge.
//! - A claim *counts* when the insured was at fault or could not name a counterparty. A
//!   not-at-fault claim with a named counterparty changes nothing: the NCB stays, and so
//!   does a surcharge.
//! - One counting claim, or several totalling at most 200 % of the annual premium: one
//!   step down.
//! - Two or more counting claims totalling more than 200 % of the premium: two steps
//!   down; on a policy that already had no NCB, a surcharge instead: 20 % the first time,
//!   then 10 points more each time it happens again, up to 50 % (the ladder 20/30/40/50 is
//!   unverified, DOMAIN [U]).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The NCB steps, in percent.
pub const NCB_LADDER: [u8; 5] = [0, 20, 30, 40, 50];

/// The surcharge the first time; each repeat adds `SURCHARGE_STEP` up to `SURCHARGE_MAX`.
pub const SURCHARGE_FIRST: u8 = 20;
pub const SURCHARGE_STEP: u8 = 10;
pub const SURCHARGE_MAX: u8 = 50;

/// One claim of the policy year, as the NCB sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimRecord {
    /// At fault, or no named counterparty.
    pub counts_against: bool,
    /// What the claim cost (paid or reserved).
    pub amount: Decimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NcbReason {
    ClaimFree,
    OneClaim,
    SeveralClaimsOverTwiceThePremium,
    /// Only claims that don't count (not at fault, counterparty named).
    NotAtFaultOnly,
    /// Two or more counting claims totalling at most twice the premium.
    SeveralClaims,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NcbOutcome {
    pub previous_percent: u8,
    pub next_percent: u8,
    pub surcharge_percent: u8,
    pub reason: NcbReason,
}

/// The NCB and surcharge of the renewal, from this year's NCB, surcharge and claims.
/// An NCB off the ladder counts as the step below it.
pub fn next_ncb(
    current_percent: u8,
    current_surcharge: u8,
    claims: &[ClaimRecord],
    annual_premium: Decimal,
) -> NcbOutcome {
    let step = NCB_LADDER
        .iter()
        .rposition(|&p| p <= current_percent)
        .unwrap_or(0);
    let counting: Vec<&ClaimRecord> = claims.iter().filter(|c| c.counts_against).collect();
    let counted: Decimal = counting.iter().map(|c| c.amount).sum();
    let down = |steps: usize| NCB_LADDER[step.saturating_sub(steps)];

    let (reason, next_percent, surcharge_percent) = match counting.len() {
        0 if claims.is_empty() => (
            NcbReason::ClaimFree,
            NCB_LADDER[(step + 1).min(NCB_LADDER.len() - 1)],
            0,
        ),
        0 => (
            NcbReason::NotAtFaultOnly,
            NCB_LADDER[step],
            current_surcharge,
        ),
        1 => (NcbReason::OneClaim, down(1), current_surcharge),
        _ if counted > annual_premium * dec!(2) => {
            let surcharge = if step == 0 {
                match current_surcharge {
                    0 => SURCHARGE_FIRST,
                    s => s.saturating_add(SURCHARGE_STEP).min(SURCHARGE_MAX),
                }
            } else {
                current_surcharge
            };
            (
                NcbReason::SeveralClaimsOverTwiceThePremium,
                down(2),
                surcharge,
            )
        }
        _ => (NcbReason::SeveralClaims, down(1), current_surcharge),
    };
    NcbOutcome {
        previous_percent: current_percent,
        next_percent,
        surcharge_percent,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PREMIUM: Decimal = dec!(15000);

    fn at_fault(amount: Decimal) -> ClaimRecord {
        ClaimRecord {
            counts_against: true,
            amount,
        }
    }

    fn not_at_fault(amount: Decimal) -> ClaimRecord {
        ClaimRecord {
            counts_against: false,
            amount,
        }
    }

    fn next(current: u8, surcharge: u8, claims: &[ClaimRecord]) -> (u8, u8, NcbReason) {
        let outcome = next_ncb(current, surcharge, claims, PREMIUM);
        assert_eq!(outcome.previous_percent, current);
        (
            outcome.next_percent,
            outcome.surcharge_percent,
            outcome.reason,
        )
    }

    #[test]
    fn a_claim_free_year_climbs_one_step_and_fifty_stays() {
        assert_eq!(next(0, 0, &[]), (20, 0, NcbReason::ClaimFree));
        assert_eq!(next(20, 0, &[]).0, 30);
        assert_eq!(next(30, 0, &[]).0, 40);
        assert_eq!(next(40, 0, &[]).0, 50);
        assert_eq!(next(50, 0, &[]), (50, 0, NcbReason::ClaimFree));
    }

    #[test]
    fn a_claim_free_year_clears_a_surcharge() {
        assert_eq!(next(0, 30, &[]), (20, 0, NcbReason::ClaimFree));
    }

    #[test]
    fn one_at_fault_claim_steps_down_one() {
        let one = [at_fault(dec!(80000))];
        assert_eq!(next(50, 0, &one), (40, 0, NcbReason::OneClaim));
        assert_eq!(next(20, 0, &one), (0, 0, NcbReason::OneClaim));
        assert_eq!(next(0, 0, &one), (0, 0, NcbReason::OneClaim));
    }

    #[test]
    fn two_claims_over_twice_the_premium_step_down_two() {
        // 20,000 + 10,001 = 30,001 > 2 × 15,000.
        let two = [at_fault(dec!(20000)), at_fault(dec!(10001))];
        assert_eq!(
            next(50, 0, &two),
            (30, 0, NcbReason::SeveralClaimsOverTwiceThePremium)
        );
        assert_eq!(next(30, 0, &two).0, 0);
        assert_eq!(
            next(20, 0, &two),
            (0, 0, NcbReason::SeveralClaimsOverTwiceThePremium)
        );
    }

    #[test]
    fn two_small_claims_step_down_one() {
        // 20,000 + 10,000 = 30,000: exactly twice the premium is not over it.
        let two = [at_fault(dec!(20000)), at_fault(dec!(10000))];
        assert_eq!(next(50, 0, &two), (40, 0, NcbReason::SeveralClaims));
        let three_small = [at_fault(dec!(1000)); 3];
        assert_eq!(next(30, 0, &three_small), (20, 0, NcbReason::SeveralClaims));
    }

    #[test]
    fn a_not_at_fault_claim_with_a_named_counterparty_keeps_the_ncb() {
        let theirs = [not_at_fault(dec!(90000))];
        assert_eq!(next(40, 0, &theirs), (40, 0, NcbReason::NotAtFaultOnly));
        assert_eq!(next(0, 30, &theirs), (0, 30, NcbReason::NotAtFaultOnly));
        // Only counting claims are summed against the 200 %.
        let mixed = [
            at_fault(dec!(1000)),
            at_fault(dec!(1000)),
            not_at_fault(dec!(500000)),
        ];
        assert_eq!(next(50, 0, &mixed), (40, 0, NcbReason::SeveralClaims));
        // One counting claim among others is one claim.
        let one = [at_fault(dec!(1000)), not_at_fault(dec!(500000))];
        assert_eq!(next(50, 0, &one), (40, 0, NcbReason::OneClaim));
    }

    #[test]
    fn the_surcharge_ladder() {
        let bad = [at_fault(dec!(40000)), at_fault(dec!(40000))];
        let mut surcharge = 0;
        let mut seen = Vec::new();
        for _ in 0..5 {
            let (ncb, next_surcharge, reason) = next(0, surcharge, &bad);
            assert_eq!(
                (ncb, reason),
                (0, NcbReason::SeveralClaimsOverTwiceThePremium)
            );
            surcharge = next_surcharge;
            seen.push(surcharge);
        }
        assert_eq!(seen, [20, 30, 40, 50, 50]);
        // With an NCB to lose there is no surcharge yet.
        assert_eq!(next(20, 0, &bad).1, 0);
        // One claim keeps the surcharge as it is.
        assert_eq!(next(0, 30, &bad[..1]), (0, 30, NcbReason::OneClaim));
    }

    #[test]
    fn an_ncb_off_the_ladder_counts_as_the_step_below() {
        assert_eq!(next(25, 0, &[]).0, 30);
        assert_eq!(next(25, 0, &[at_fault(dec!(1))]).0, 0);
        assert_eq!(next(90, 0, &[]).0, 50);
    }
}
