//! The customer jump box against a real database: every kind finds the right customer,
//! fuzzy names with a typo rank the intended person near the top among the demo's
//! hundreds, and row-level security keeps an agent to their own customers.

use prakan::db::lookup::{self, Matched, Page};
use prakan::domain::lookup::{Classified, Lookup, classify};
use prakan::domain::staff::GroupRole;
use sqlx::PgPool;
use uuid::Uuid;

use crate::fixtures;
use crate::harness::TestDb;

async fn find(pool: &PgPool, typed: &str, full_national_id: bool) -> Page {
    let Classified::Ready(lookup) = classify(typed) else {
        panic!("{typed:?} is not a complete lookup: {:?}", classify(typed));
    };
    lookup::search(pool, &lookup, full_national_id, 0)
        .await
        .unwrap_or_else(|e| panic!("searching {typed:?}: {e}"))
}

fn ids(page: &Page) -> Vec<Uuid> {
    page.hits.iter().map(|h| h.customer_id).collect()
}

/// A person the demo does not have, with a decoy whose name is one letter away.
async fn person(pool: &PgPool, n: u64, th: (&str, &str), en: (&str, &str), phone: &str) -> Uuid {
    sqlx::query_scalar(
        "INSERT INTO customers (national_id, first_name, last_name, first_name_en, last_name_en,
                                phone_number, email, tambon_code, postal_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '100101', '10200') RETURNING id",
    )
    .bind(fixtures::national_id(n))
    .bind(th.0)
    .bind(th.1)
    .bind(en.0)
    .bind(en.1)
    .bind(phone)
    .bind(format!("{}.{}@example.co.th", en.0.to_lowercase(), n))
    .fetch_one(pool)
    .await
    .expect("a customer")
}

#[tokio::test]
async fn every_kind_of_lookup_finds_the_right_customer() {
    let db = TestDb::with_demo().await;
    let (customer, vehicle, policy) = fixtures::insured_pickup(&db.pool, 1).await;
    let wanted = person(
        &db.pool,
        2,
        ("พิชญาภา", "รุ่งโรจน์ธนกุล"),
        ("Phitchayapha", "Rungrotthanakul"),
        "0898765432",
    )
    .await;
    sqlx::query("UPDATE customer_vehicles SET customer_id = $1 WHERE id = $2")
        .bind(wanted)
        .bind(vehicle)
        .execute(&db.pool)
        .await
        .unwrap();
    sqlx::query(
        "UPDATE policies SET customer_id = $1, policy_number = 'C1-2569-0999001' WHERE id = $2",
    )
    .bind(wanted)
    .bind(policy)
    .execute(&db.pool)
    .await
    .unwrap();
    let claim: String = sqlx::query_scalar(
        "INSERT INTO claims (claim_number, policy_id, incident_date, claim_type, incident_description,
                             incident_location)
         VALUES ('CL-2569-0999001', $1, now() - interval '2 days', 'ACCIDENT', 'ชนท้าย', '{}')
         RETURNING claim_number",
    )
    .bind(policy)
    .fetch_one(&db.pool)
    .await
    .expect("a claim");
    let payment: Uuid = sqlx::query_scalar(
        "INSERT INTO payments (policy_id, customer_id, payment_type, amount, total_amount,
                               payment_method, payment_status, payment_date, processed_at)
         VALUES ($1, $2, 'PREMIUM', 16101.50, 16101.50, 'PROMPTPAY', 'SUCCESS', now(), now())
         RETURNING id",
    )
    .bind(policy)
    .bind(wanted)
    .fetch_one(&db.pool)
    .await
    .expect("a payment");
    sqlx::query(
        "INSERT INTO payment_receipts (payment_id, receipt_number, receipt_type)
         VALUES ($1, 'RC-2569-0999001', 'TAX_INVOICE')",
    )
    .bind(payment)
    .execute(&db.pool)
    .await
    .expect("a receipt");
    assert_ne!(customer, wanted);

    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let national_id = fixtures::national_id(2);
    let dashed = prakan::domain::national_id::format(&national_id);
    for typed in [
        national_id.as_str(),
        dashed.as_str(),
        "089-876-5432",
        "+66 89 876 5432",
        "phitchayapha.2@example.co.th",
        "กข 1001",
        "กข1001 กรุงเทพ",
        "กข-1001 Bangkok",
        "c1-2569-999001",
        claim.as_str(),
        "RC-2569-0999001",
    ] {
        let page = find(&underwriter, typed, true).await;
        assert_eq!(ids(&page), [wanted], "{typed}");
    }
    let by_plate = find(&underwriter, "กข 1001", true).await;
    assert_eq!(
        by_plate.hits[0].matched,
        Some(Matched::Vehicle {
            plate: "กข 1001".into(),
            province_code: "10".into()
        })
    );
    assert!(
        find(&underwriter, "กข 1001 เชียงใหม่", true)
            .await
            .hits
            .is_empty(),
        "the plate is registered in Bangkok, not Chiang Mai"
    );
    let by_claim = find(&underwriter, &claim, true).await;
    assert!(
        matches!(&by_claim.hits[0].matched, Some(Matched::Claim { number, .. }) if *number == claim)
    );

    // Adjusters cannot read national IDs, but still find a customer by one.
    let (_, adjuster) = db.staff_pool(GroupRole::Adjuster).await;
    let page = find(&adjuster, &dashed, false).await;
    assert_eq!(ids(&page), [wanted]);
    assert_eq!(
        page.hits[0].national_id_masked.as_deref(),
        Some(prakan::domain::national_id::mask(&national_id).as_str())
    );
    assert_eq!(
        ids(&find(&adjuster, "phitchayapha rungrotthanakul", false).await),
        [wanted]
    );
}

#[tokio::test]
async fn names_with_one_letter_wrong_or_missing_rank_the_person_in_the_top_three() {
    let db = TestDb::with_demo().await;
    let wanted = person(
        &db.pool,
        10,
        ("พิชญาภา", "รุ่งโรจน์ธนกุล"),
        ("Phitchayapha", "Rungrotthanakul"),
        "0898765410",
    )
    .await;
    // Near neighbours: the same first name with another surname, and one letter off.
    person(
        &db.pool,
        11,
        ("พิชญาภา", "ศรีสวัสดิ์"),
        ("Phitchayapha", "Srisawat"),
        "0898765411",
    )
    .await;
    person(
        &db.pool,
        12,
        ("พิชญา", "รุ่งโรจน์"),
        ("Phitchaya", "Rungrot"),
        "0898765412",
    )
    .await;
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    for typed in [
        "พิชญาภา รุ่งโรจน์ธนกุล",
        "พิชญาา รุ่งโรจน์ธนกุล",
        "พิชญาภา รุ่งโรจธนกุล",
        "พิชญภา รุ่งโรจน์ธนกุล",
        "รุ่งโรจน์ธนกุ",
        "Phitchayapha Rungrotthanakul",
        "phitchayaph rungrotthanakul",
        "Pitchayapha Rungrotthanakul",
        "Phitchayapha Rungrothanakul",
        "rungrotthanakl",
        "phitchayapha rungrot",
    ] {
        let page = find(&underwriter, typed, true).await;
        let top: Vec<Uuid> = ids(&page).into_iter().take(3).collect();
        assert!(
            top.contains(&wanted),
            "{typed}: the person is not in the top 3 of {:?}",
            page.hits
                .iter()
                .map(|h| format!("{} {:?} {:?}", h.first_name, h.last_name, h.score))
                .collect::<Vec<_>>()
        );
    }
    // A demo name, typed with a letter missing, finds people of that name first.
    let (first, last): (String, String) = sqlx::query_as(
        "SELECT first_name, last_name FROM customers
          WHERE customer_type = 'INDIVIDUAL' AND length(last_name) >= 6 ORDER BY id LIMIT 1",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let typo: String = last.chars().take(2).chain(last.chars().skip(3)).collect();
    let page = find(&underwriter, &format!("{first} {typo}"), true).await;
    assert_eq!(page.hits[0].first_name, first);
    assert_eq!(page.hits[0].last_name.as_deref(), Some(last.as_str()));
}

#[tokio::test]
async fn pages_follow_one_another_without_repeating() {
    let db = TestDb::new().await;
    for n in 0..45 {
        person(
            &db.pool,
            100 + n,
            ("สมศักดิ์", &format!("ทดสอบ{n}")),
            ("Somsak", &format!("Thotsop{n}")),
            &format!("08{:08}", 100 + n),
        )
        .await;
    }
    let (_, underwriter) = db.staff_pool(GroupRole::Underwriter).await;
    let lookup = Lookup::Name(vec!["somsak".into()]);
    let mut seen = Vec::new();
    for page in 0..3 {
        let found = lookup::search(&underwriter, &lookup, true, page)
            .await
            .unwrap();
        assert_eq!(found.more, page < 2, "page {page}");
        seen.extend(ids(&found));
    }
    assert_eq!(seen.len(), 45);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 45, "no customer on two pages");
}

#[tokio::test]
async fn an_agent_cannot_find_another_agents_customer() {
    let db = TestDb::new().await;
    let anong = db.create_staff(GroupRole::Agent).await;
    let boonmee = db.create_staff(GroupRole::Agent).await;
    let theirs = fixtures::customer_with_agent(&db.pool, 1, Some(db.staff_id(&boonmee).await))
        .await
        .unwrap();
    let vehicle = fixtures::vehicle(&db.pool, theirs, "ขค 4321", "10")
        .await
        .unwrap();
    assert!(!vehicle.is_nil());
    let anong_pool = db.login(&anong, crate::harness::PASSWORD).await.unwrap();
    let boonmee_pool = db.login(&boonmee, crate::harness::PASSWORD).await.unwrap();
    let national_id = fixtures::national_id(1);
    for typed in [
        national_id.as_str(),
        "0812345678",
        "ขค 4321",
        "สมหญิง ทดสอบ",
        "somying",
    ] {
        assert!(
            find(&anong_pool, typed, true).await.hits.is_empty(),
            "{typed}: found another agent's customer"
        );
        assert_eq!(
            ids(&find(&boonmee_pool, typed, true).await),
            [theirs],
            "{typed}"
        );
    }
}
