//! Thai postal addresses in the order each language writes them. In Thai the house comes
//! first and the province last; Bangkok says แขวง/เขต where the provinces say
//! ตำบล/อำเภอ/จังหวัด. English follows the same order with commas and romanised names.

use crate::i18n::Lang;

/// An address broken into its parts (the names come from the geography tables).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Address {
    pub house_no: Option<String>,
    pub moo: Option<u32>,
    pub village: Option<String>,
    pub building: Option<String>,
    pub soi: Option<String>,
    pub road: Option<String>,
    pub tambon_th: String,
    pub amphoe_th: String,
    pub province_th: String,
    pub tambon_en: String,
    pub amphoe_en: String,
    pub province_en: String,
    pub postal_code: String,
    /// Province code 10: Bangkok's khwaeng and khet.
    pub bangkok: bool,
}

impl Address {
    /// One line, as written on an envelope in `lang`.
    pub fn format(&self, lang: Lang) -> String {
        match lang {
            Lang::Th => self.thai(),
            Lang::En => self.english(),
        }
    }

    fn thai(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.house_no.clone());
        parts.extend(self.moo.map(|m| format!("หมู่ {m}")));
        parts.extend(self.building.clone());
        parts.extend(self.village.clone());
        parts.extend(self.soi.as_ref().map(|s| with_prefix(s, "ซอย")));
        parts.extend(self.road.as_ref().map(|r| with_prefix(r, "ถนน")));
        if self.bangkok {
            parts.push(format!("แขวง{}", self.tambon_th));
            parts.push(format!("เขต{}", self.amphoe_th));
            parts.push(self.province_th.clone());
        } else {
            parts.push(format!("ตำบล{}", self.tambon_th));
            parts.push(format!("อำเภอ{}", self.amphoe_th));
            parts.push(format!("จังหวัด{}", self.province_th));
        }
        parts.push(self.postal_code.clone());
        parts.join(" ")
    }

    fn english(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let house = match (&self.house_no, self.moo) {
            (Some(house), Some(moo)) => Some(format!("{house} Moo {moo}")),
            (Some(house), None) => Some(house.clone()),
            (None, Some(moo)) => Some(format!("Moo {moo}")),
            (None, None) => None,
        };
        parts.extend(house);
        parts.extend(self.building.clone());
        parts.extend(self.village.clone());
        parts.extend(self.soi.clone());
        parts.extend(self.road.clone());
        parts.push(self.tambon_en.clone());
        parts.push(self.amphoe_en.clone());
        parts.push(format!("{} {}", self.province_en, self.postal_code));
        parts.join(", ")
    }
}

/// "ลาดพร้าว 71" → "ซอยลาดพร้าว 71"; a name that already says ซอย/ถนน stays as it is.
fn with_prefix(name: &str, prefix: &str) -> String {
    if name.starts_with(prefix) {
        name.to_string()
    } else {
        format!("{prefix}{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn up_country() -> Address {
        Address {
            house_no: Some("99/1".into()),
            moo: Some(5),
            village: Some("หมู่บ้านพฤกษา".into()),
            road: Some("ถนนแจ้งวัฒนะ".into()),
            tambon_th: "บางพูด".into(),
            amphoe_th: "ปากเกร็ด".into(),
            province_th: "นนทบุรี".into(),
            tambon_en: "Bang Phut".into(),
            amphoe_en: "Pak Kret".into(),
            province_en: "Nonthaburi".into(),
            postal_code: "11120".into(),
            ..Address::default()
        }
    }

    #[test]
    fn up_country_uses_tambon_amphoe_changwat() {
        assert_eq!(
            up_country().format(Lang::Th),
            "99/1 หมู่ 5 หมู่บ้านพฤกษา ถนนแจ้งวัฒนะ ตำบลบางพูด อำเภอปากเกร็ด จังหวัดนนทบุรี 11120"
        );
        assert_eq!(
            up_country().format(Lang::En),
            "99/1 Moo 5, หมู่บ้านพฤกษา, ถนนแจ้งวัฒนะ, Bang Phut, Pak Kret, Nonthaburi 11120"
        );
    }

    #[test]
    fn bangkok_uses_khwaeng_and_khet() {
        let address = Address {
            house_no: Some("12".into()),
            soi: Some("ลาดพร้าว 71".into()),
            tambon_th: "พระบรมมหาราชวัง".into(),
            amphoe_th: "พระนคร".into(),
            province_th: "กรุงเทพมหานคร".into(),
            tambon_en: "Phra Borom Maha Ratchawang".into(),
            amphoe_en: "Phra Nakhon".into(),
            province_en: "Bangkok".into(),
            postal_code: "10200".into(),
            bangkok: true,
            ..Address::default()
        };
        assert_eq!(
            address.format(Lang::Th),
            "12 ซอยลาดพร้าว 71 แขวงพระบรมมหาราชวัง เขตพระนคร กรุงเทพมหานคร 10200"
        );
        assert_eq!(
            address.format(Lang::En),
            "12, ลาดพร้าว 71, Phra Borom Maha Ratchawang, Phra Nakhon, Bangkok 10200"
        );
    }
}
