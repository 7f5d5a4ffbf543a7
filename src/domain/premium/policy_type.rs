//! The kinds of motor cover (DOMAIN §1–§2): compulsory CMI (พ.ร.บ.) and the voluntary
//! classes 1, 2+, 2, 3+ and 3, as stored in `policies.policy_type`.

use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PolicyType {
    /// Compulsory motor insurance (พ.ร.บ.): OIC tariff, third-party injury only.
    Cmi,
    /// Own damage with or without a counterparty, theft, fire, flood, third party.
    Class1,
    /// Own damage in a collision with an identified land vehicle, theft, fire, third party.
    Class2Plus,
    /// Theft, fire, third party.
    Class2,
    /// Own damage in a collision with an identified land vehicle, third party.
    Class3Plus,
    /// Third party only.
    Class3,
}

impl PolicyType {
    pub const ALL: [PolicyType; 6] = [
        PolicyType::Cmi,
        PolicyType::Class1,
        PolicyType::Class2Plus,
        PolicyType::Class2,
        PolicyType::Class3Plus,
        PolicyType::Class3,
    ];

    /// The value stored in `policies.policy_type` (and the rating tables).
    pub fn as_db(self) -> &'static str {
        match self {
            PolicyType::Cmi => "CMI",
            PolicyType::Class1 => "CLASS_1",
            PolicyType::Class2Plus => "CLASS_2_PLUS",
            PolicyType::Class2 => "CLASS_2",
            PolicyType::Class3Plus => "CLASS_3_PLUS",
            PolicyType::Class3 => "CLASS_3",
        }
    }

    pub fn from_db(s: &str) -> Option<PolicyType> {
        PolicyType::ALL.into_iter().find(|t| t.as_db() == s)
    }

    /// The prefix of policy numbers of this type, e.g. `C1` in `C1-2569-0000123`.
    pub fn number_prefix(self) -> &'static str {
        match self {
            PolicyType::Cmi => "CMI",
            PolicyType::Class1 => "C1",
            PolicyType::Class2Plus => "C2P",
            PolicyType::Class2 => "C2",
            PolicyType::Class3Plus => "C3P",
            PolicyType::Class3 => "C3",
        }
    }

    /// Every class but CMI is voluntary.
    pub fn is_voluntary(self) -> bool {
        self != PolicyType::Cmi
    }

    /// The classes that insure the vehicle's own value (own damage, or theft and fire),
    /// and so are rated on a sum insured.
    pub fn needs_sum_insured(self) -> bool {
        matches!(
            self,
            PolicyType::Class1 | PolicyType::Class2Plus | PolicyType::Class2
        )
    }

    /// The no-claim discount (DOMAIN §2) is earned on voluntary cover only.
    pub fn earns_ncb(self) -> bool {
        self.is_voluntary()
    }
}

impl std::fmt::Display for PolicyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_db())
    }
}

impl Serialize for PolicyType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_db())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_values_round_trip() {
        for policy_type in PolicyType::ALL {
            assert_eq!(PolicyType::from_db(policy_type.as_db()), Some(policy_type));
        }
        assert_eq!(PolicyType::from_db("CLASS_4"), None);
        assert_eq!(PolicyType::from_db("class_1"), None);
    }

    #[test]
    fn prefixes_and_kinds() {
        let prefixes: Vec<_> = PolicyType::ALL.map(PolicyType::number_prefix).to_vec();
        assert_eq!(prefixes, ["CMI", "C1", "C2P", "C2", "C3P", "C3"]);
        assert!(!PolicyType::Cmi.is_voluntary());
        assert!(!PolicyType::Cmi.earns_ncb());
        assert!(PolicyType::Class3.earns_ncb());
        let with_sum: Vec<_> = PolicyType::ALL
            .into_iter()
            .filter(|t| t.needs_sum_insured())
            .collect();
        assert_eq!(
            with_sum,
            [
                PolicyType::Class1,
                PolicyType::Class2Plus,
                PolicyType::Class2
            ]
        );
    }

    #[test]
    fn serialises_as_the_database_value() {
        assert_eq!(
            serde_json::to_string(&PolicyType::Class2Plus).unwrap(),
            "\"CLASS_2_PLUS\""
        );
    }
}
