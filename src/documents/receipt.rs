//! The receipt / full tax invoice (ใบเสร็จรับเงิน/ใบกำกับภาษี, Revenue Code s.86/4, DOMAIN
//! §6): the seller's and the buyer's names, addresses, tax IDs and branches, the gapless
//! number, the date in the Buddhist Era, the item, VAT shown apart, withholding when the
//! buyer deducted it, and the amount in Thai words. A re-print says สำเนา / COPY; a voided
//! receipt says ยกเลิก / VOID with its reason.

use super::layout::{Align, CONTENT_WIDTH, Column, GREY, Layout, MARGIN, RED, Style, VALUE};
use super::{
    ReceiptSheet, amount, both, both_enum, both_lines, branch_text, letterhead, page_label,
    thai_date,
};
use crate::domain::bahttext::bahttext;
use crate::i18n::Lang;
use crate::{key, tr};

/// The receipt as a PDF.
pub fn render(sheet: &ReceiptSheet) -> Vec<u8> {
    let title = tr!(Lang::Th, "doc-receipt-title");
    let mut layout = Layout::new(format!("{title} · {}", sheet.receipt_number), page_label());
    match (sheet.voided, sheet.copy_number) {
        (true, _) => super::stamp(&mut layout, &both(key!("doc-void")), RED),
        (false, 0) => super::stamp(&mut layout, &both(key!("doc-original")), GREY),
        (false, _) => super::stamp(&mut layout, &both(key!("doc-copy")), RED),
    }
    letterhead(
        &mut layout,
        &sheet.seller,
        &title,
        &tr!(Lang::En, "doc-receipt-title"),
    );
    if sheet.voided {
        let reason = sheet.void_reason.clone().unwrap_or_default();
        layout.paragraph(
            MARGIN,
            CONTENT_WIDTH,
            Style::bold(11.0).colored(RED),
            Align::Center,
            &format!("{}: {reason}", both(key!("doc-void-reason"))),
        );
    }
    if sheet.copy_number > 0 {
        layout.paragraph(
            MARGIN,
            CONTENT_WIDTH,
            Style::regular(9.0).colored(RED),
            Align::Center,
            &tr!(Lang::Th, "doc-copy-number", number = sheet.copy_number),
        );
    }
    layout.fields(
        2,
        &[
            (
                both(key!("doc-receipt-number")),
                sheet.receipt_number.clone(),
            ),
            (both(key!("doc-date")), thai_date(sheet.issued_date)),
        ],
    );
    buyer(&mut layout, sheet);
    items(&mut layout, sheet);
    payment(&mut layout, sheet);
    signatures(&mut layout, sheet);
    layout.finish(&format!("{title} {}", sheet.receipt_number))
}

fn buyer(layout: &mut Layout, sheet: &ReceiptSheet) {
    layout.section(&both(key!("doc-section-buyer")));
    let mut fields = vec![(both(key!("doc-buyer-name")), sheet.buyer_name.clone())];
    fields.push((
        both(key!("doc-tax-id")),
        sheet
            .buyer_tax_id
            .clone()
            .unwrap_or_else(|| "-".to_string()),
    ));
    layout.fields(2, &fields);
    layout.fields(
        1,
        &[(both(key!("doc-address")), sheet.buyer_address.clone())],
    );
    if let Some(branch) = &sheet.buyer_branch {
        layout.fields(1, &[(both(key!("doc-branch")), branch_text(branch))]);
    }
}

fn items(layout: &mut Layout, sheet: &ReceiptSheet) {
    layout.section(&both(key!("doc-section-items")));
    layout.table(
        &[
            Column {
                header: both_lines(key!("doc-item-number")),
                width: 45.0,
                align: Align::Center,
            },
            Column {
                header: both_lines(key!("doc-item-description")),
                width: CONTENT_WIDTH - 45.0 - 60.0 - 120.0,
                align: Align::Left,
            },
            Column {
                header: both_lines(key!("doc-item-quantity")),
                width: 60.0,
                align: Align::Center,
            },
            Column {
                header: both_lines(key!("doc-amount-baht")),
                width: 120.0,
                align: Align::Right,
            },
        ],
        &[vec![
            "1".to_string(),
            sheet.description.clone(),
            "1".to_string(),
            amount(sheet.amount_before_vat),
        ]],
    );
    let mut lines = vec![
        (
            both(key!("doc-amount-before-vat")),
            amount(sheet.amount_before_vat),
            false,
        ),
        (both(key!("doc-vat")), amount(sheet.vat), false),
        (both(key!("doc-grand-total")), amount(sheet.total), true),
    ];
    if let Some(withholding) = sheet.withholding.filter(|w| !w.is_zero()) {
        lines.push((both(key!("doc-withholding")), amount(-withholding), false));
        lines.push((
            both(key!("doc-amount-received")),
            amount(sheet.amount_received),
            true,
        ));
    }
    layout.totals(&lines);
    layout.gap(2.0);
    let words = bahttext(sheet.total).unwrap_or_default();
    layout.fields(
        1,
        &[(both(key!("doc-amount-in-words")), format!("({words})"))],
    );
    if sheet.withholding.is_some_and(|w| !w.is_zero()) {
        layout.paragraph(
            MARGIN,
            CONTENT_WIDTH,
            Style::regular(8.0),
            Align::Left,
            &both(key!("doc-withholding-note")),
        );
    }
}

fn payment(layout: &mut Layout, sheet: &ReceiptSheet) {
    layout.section(&both(key!("doc-section-payment")));
    layout.fields(
        3,
        &[
            (
                both(key!("doc-payment-method")),
                both_enum(key!("enum-payment-method"), &sheet.payment_method),
            ),
            (
                both(key!("doc-paid-on")),
                sheet.paid_on.map(thai_date).unwrap_or_default(),
            ),
            (
                both(key!("doc-policy-number")),
                sheet
                    .policy_number
                    .clone()
                    .unwrap_or_else(|| "-".to_string()),
            ),
        ],
    );
}

fn signatures(layout: &mut Layout, sheet: &ReceiptSheet) {
    layout.ensure(80.0);
    layout.gap(40.0);
    let right = MARGIN + CONTENT_WIDTH;
    let top = layout.y();
    layout.line((right - 200.0, top), (right, top), 0.6);
    if let Some(name) = &sheet.issued_by {
        layout.text_at(right - 100.0, top - 16.0, VALUE, Align::Center, name);
    }
    layout.text_at(
        right - 100.0,
        top + 4.0,
        VALUE,
        Align::Center,
        &both(key!("doc-received-by")),
    );
    layout.gap(24.0);
}
