//! The whole of Thailand's administrative geography is loaded, codes and postcodes intact.

use crate::harness::TestDb;

#[tokio::test]
async fn every_province_amphoe_and_tambon() {
    let db = TestDb::new().await;
    let counts: (i64, i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM provinces), (SELECT count(*) FROM amphoes), (SELECT count(*) FROM tambons)",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(counts, (77, 928, 7436));

    let regions: Vec<(String, i64)> =
        sqlx::query_as("SELECT region::text, count(*) FROM provinces GROUP BY 1 ORDER BY 1")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    let regions: Vec<(&str, i64)> = regions.iter().map(|(r, n)| (r.as_str(), *n)).collect();
    assert_eq!(
        regions,
        [
            ("CENTRAL", 22),
            ("EAST", 7),
            ("NORTH", 9),
            ("NORTHEAST", 20),
            ("SOUTH", 14),
            ("WEST", 5)
        ]
    );
}

#[tokio::test]
async fn tambons_keep_every_postcode_and_their_parents() {
    let db = TestDb::new().await;
    let several: i64 =
        sqlx::query_scalar("SELECT count(*) FROM tambons WHERE cardinality(postal_codes) > 1")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    assert_eq!(several, 160);

    let (tambon, amphoe, province, postcodes): (String, String, String, Vec<String>) = sqlx::query_as(
        "SELECT t.name_th, a.name_th, p.name_en, t.postal_codes
           FROM tambons t JOIN amphoes a ON a.id = t.amphoe_id JOIN provinces p ON p.id = a.province_id
          WHERE t.tambon_code = '100203'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        (tambon.as_str(), amphoe.as_str(), province.as_str()),
        ("สวนจิตรลดา", "ดุสิต", "Bangkok")
    );
    assert_eq!(postcodes, ["10300", "10303"]);

    let by_postcode: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM tambons WHERE postal_codes @> ARRAY['10303']::varchar[]",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert!(
        by_postcode >= 1,
        "a tambon is found by any of its postcodes"
    );

    let misplaced: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM tambons t JOIN amphoes a ON a.id = t.amphoe_id
          WHERE left(t.tambon_code, 4) <> a.amphoe_code",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        misplaced, 0,
        "every tambon code starts with its amphoe code"
    );
}
