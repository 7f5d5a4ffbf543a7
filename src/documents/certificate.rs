//! The CMI certificate (หนังสือรับรองการประกันภัย พ.ร.บ.): the compulsory cover of the
//! Road Accident Victims Protection Act for one vehicle, with its period, limits and
//! premium, to be kept in the vehicle.

use super::layout::{Align, CONTENT_WIDTH, Layout, MARGIN, RED, Style};
use super::schedule::{
    cover_section, insured_section, period, premium_lines, signature, vehicle_section,
};
use super::{PolicySheet, both, letterhead, page_label, thai_date};
use crate::domain::bahttext::bahttext;
use crate::i18n::Lang;
use crate::{key, tr};

/// The certificate as a PDF.
pub fn render(sheet: &PolicySheet) -> Vec<u8> {
    let title = tr!(Lang::Th, "doc-certificate-title");
    let mut layout = Layout::new(format!("{title} · {}", sheet.policy_number), page_label());
    if sheet.status == "CANCELLED" {
        super::stamp(&mut layout, &both(key!("doc-cancelled")), RED);
    }
    letterhead(
        &mut layout,
        &sheet.insurer,
        &title,
        &tr!(Lang::En, "doc-certificate-title"),
    );
    layout.paragraph(
        MARGIN,
        CONTENT_WIDTH,
        Style::regular(9.0),
        Align::Center,
        &both(key!("doc-certificate-act")),
    );
    layout.gap(4.0);
    layout.section(&both(key!("doc-section-certificate")));
    layout.fields(
        2,
        &[
            (
                both(key!("doc-certificate-number")),
                sheet.policy_number.clone(),
            ),
            (both(key!("doc-period")), period(sheet)),
            (
                both(key!("doc-issued-on")),
                sheet.issued_on.map(thai_date).unwrap_or_default(),
            ),
            (
                both(key!("doc-total-premium")),
                format!(
                    "{} ({})",
                    super::amount(sheet.total_premium),
                    bahttext(sheet.total_premium).unwrap_or_default()
                ),
            ),
        ],
    );
    insured_section(&mut layout, sheet);
    vehicle_section(&mut layout, sheet);
    cover_section(&mut layout, sheet);
    layout.gap(4.0);
    layout.section(&both(key!("doc-section-premium")));
    layout.totals(&premium_lines(sheet));
    signature(&mut layout);
    layout.finish(&format!("{title} {}", sheet.policy_number))
}
