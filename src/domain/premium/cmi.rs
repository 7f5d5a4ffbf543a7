//! The compulsory motor insurance (CMI, พ.ร.บ.) tariff fixed by the OIC (DOMAIN §1).

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmiCategory {
    MotorcycleUpTo75cc,
    MotorcycleUpTo125cc,
    MotorcycleUpTo150cc,
    MotorcycleOver150cc,
    /// Code 1.10: a car of up to 7 seats.
    CarUpTo7Seats,
    PassengerUpTo15Seats,
    PassengerUpTo20Seats,
    PassengerUpTo40Seats,
    PassengerOver40Seats,
    BangkokTricycle,
    PickupUpTo3Tonnes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VehicleUse {
    Private,
    Hire,
}

impl CmiCategory {
    /// The category of a vehicle from its type (as stored), engine size and seats.
    pub fn for_vehicle(
        vehicle_type: &str,
        engine_cc: Option<i32>,
        seats: Option<i16>,
    ) -> CmiCategory {
        match vehicle_type {
            "MOTORCYCLE" => match engine_cc.unwrap_or(0) {
                0..=75 => CmiCategory::MotorcycleUpTo75cc,
                76..=125 => CmiCategory::MotorcycleUpTo125cc,
                126..=150 => CmiCategory::MotorcycleUpTo150cc,
                _ => CmiCategory::MotorcycleOver150cc,
            },
            "PICKUP" => CmiCategory::PickupUpTo3Tonnes,
            _ => match seats.unwrap_or(5) {
                0..=7 => CmiCategory::CarUpTo7Seats,
                8..=15 => CmiCategory::PassengerUpTo15Seats,
                16..=20 => CmiCategory::PassengerUpTo20Seats,
                21..=40 => CmiCategory::PassengerUpTo40Seats,
                _ => CmiCategory::PassengerOver40Seats,
            },
        }
    }

    /// The net premium, before stamp duty and VAT. None where no tariff for that use is
    /// published (hire pickups).
    pub fn net_premium(self, vehicle_use: VehicleUse) -> Option<Decimal> {
        let (private, hire) = match self {
            CmiCategory::MotorcycleUpTo75cc => (dec!(150), Some(dec!(150))),
            CmiCategory::MotorcycleUpTo125cc => (dec!(300), Some(dec!(350))),
            CmiCategory::MotorcycleUpTo150cc => (dec!(400), Some(dec!(400))),
            CmiCategory::MotorcycleOver150cc => (dec!(600), Some(dec!(600))),
            CmiCategory::CarUpTo7Seats => (dec!(600), Some(dec!(1900))),
            CmiCategory::PassengerUpTo15Seats => (dec!(1100), Some(dec!(2320))),
            CmiCategory::PassengerUpTo20Seats => (dec!(2050), Some(dec!(3480))),
            CmiCategory::PassengerUpTo40Seats => (dec!(3200), Some(dec!(6660))),
            CmiCategory::PassengerOver40Seats => (dec!(3740), Some(dec!(7520))),
            CmiCategory::BangkokTricycle => (dec!(720), Some(dec!(1440))),
            CmiCategory::PickupUpTo3Tonnes => (dec!(900), None),
        };
        match vehicle_use {
            VehicleUse::Private => Some(private),
            VehicleUse::Hire => hire,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::PremiumBreakdown;
    use super::*;

    fn total(category: CmiCategory, vehicle_use: VehicleUse) -> Decimal {
        PremiumBreakdown::new(category.net_premium(vehicle_use).unwrap(), Decimal::ZERO).total
    }

    #[test]
    fn private_car_is_645_21() {
        assert_eq!(
            total(CmiCategory::CarUpTo7Seats, VehicleUse::Private),
            dec!(645.21)
        );
    }

    #[test]
    fn every_category_total() {
        use CmiCategory::*;
        use VehicleUse::*;
        let expected = [
            (MotorcycleUpTo75cc, Private, dec!(161.57)),
            (MotorcycleUpTo125cc, Private, dec!(323.14)),
            (MotorcycleUpTo125cc, Hire, dec!(376.64)),
            (MotorcycleUpTo150cc, Private, dec!(430.14)),
            (MotorcycleOver150cc, Private, dec!(645.21)),
            (CarUpTo7Seats, Hire, dec!(2041.56)),
            (PassengerUpTo15Seats, Private, dec!(1182.35)),
            (PassengerUpTo15Seats, Hire, dec!(2493.10)),
            (PassengerUpTo20Seats, Private, dec!(2203.13)),
            (PassengerUpTo40Seats, Private, dec!(3437.91)),
            (PassengerOver40Seats, Private, dec!(4017.85)),
            (BangkokTricycle, Private, dec!(773.61)),
            (PickupUpTo3Tonnes, Private, dec!(967.28)),
        ];
        for (category, vehicle_use, want) in expected {
            assert_eq!(
                total(category, vehicle_use),
                want,
                "{category:?} {vehicle_use:?}"
            );
        }
        assert_eq!(PickupUpTo3Tonnes.net_premium(Hire), None);
    }

    #[test]
    fn categories_follow_vehicle_type_engine_and_seats() {
        assert_eq!(
            CmiCategory::for_vehicle("MOTORCYCLE", Some(110), None),
            CmiCategory::MotorcycleUpTo125cc
        );
        assert_eq!(
            CmiCategory::for_vehicle("MOTORCYCLE", Some(160), None),
            CmiCategory::MotorcycleOver150cc
        );
        assert_eq!(
            CmiCategory::for_vehicle("SEDAN", Some(1500), Some(5)),
            CmiCategory::CarUpTo7Seats
        );
        assert_eq!(
            CmiCategory::for_vehicle("VAN", Some(2800), Some(12)),
            CmiCategory::PassengerUpTo15Seats
        );
        assert_eq!(
            CmiCategory::for_vehicle("PICKUP", Some(2400), Some(2)),
            CmiCategory::PickupUpTo3Tonnes
        );
    }
}
