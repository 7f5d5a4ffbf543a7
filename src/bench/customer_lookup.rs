//! The customer screen's searches, end to end as the screen runs them: text typed the way
//! people type it (dashes, +66, a province after the plate, a letter wrong in a name) is
//! classified and searched through `db::lookup`, as an underwriter (row-level security
//! and column privileges apply); and the customer 360 loaded through `db::customers`.

use sqlx::PgPool;
use uuid::Uuid;

use crate::db::rights::CustomerRights;
use crate::domain::lookup::{Classified, classify};

/// Which kind of typed text a scenario samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    NationalId,
    Phone,
    Plate,
    Policy,
    Claim,
    Receipt,
    Email,
    /// Thai or English first and last name, one letter dropped or changed.
    NameWithTypo,
    /// A surname alone, one letter dropped.
    SurnameWithTypo,
}

const SAMPLE: i64 = 2_000;

pub async fn sample(pool: &PgPool, typed: Typed) -> sqlx::Result<Vec<Vec<String>>> {
    let sql = match typed {
        Typed::NationalId => {
            "SELECT national_id FROM customers TABLESAMPLE SYSTEM (2)
              WHERE national_id IS NOT NULL AND deleted_at IS NULL LIMIT $1"
        }
        Typed::Phone => {
            "SELECT phone_number FROM customers TABLESAMPLE SYSTEM (2)
              WHERE phone_number IS NOT NULL AND deleted_at IS NULL LIMIT $1"
        }
        Typed::Plate => {
            "SELECT v.registration_number || ' ' || p.name_th
               FROM customer_vehicles v TABLESAMPLE SYSTEM (2)
               JOIN provinces p ON p.province_code = v.province_code
              WHERE v.deleted_at IS NULL LIMIT $1"
        }
        Typed::Policy => {
            "SELECT lower(policy_number) FROM policies TABLESAMPLE SYSTEM (2) LIMIT $1"
        }
        Typed::Claim => "SELECT claim_number FROM claims TABLESAMPLE SYSTEM (5) LIMIT $1",
        Typed::Receipt => {
            "SELECT receipt_number FROM payment_receipts TABLESAMPLE SYSTEM (2) LIMIT $1"
        }
        Typed::Email => {
            "SELECT upper(email) FROM customers TABLESAMPLE SYSTEM (2)
              WHERE email IS NOT NULL AND deleted_at IS NULL LIMIT $1"
        }
        Typed::NameWithTypo | Typed::SurnameWithTypo => {
            "SELECT CASE WHEN random() < 0.5 OR first_name_en IS NULL
                         THEN first_name || ' ' || last_name
                         ELSE first_name_en || ' ' || last_name_en END
               FROM customers TABLESAMPLE SYSTEM (2)
              WHERE customer_type = 'INDIVIDUAL' AND deleted_at IS NULL LIMIT $1"
        }
    };
    let mut values: Vec<String> = sqlx::query_scalar(sql).bind(SAMPLE).fetch_all(pool).await?;
    if values.is_empty() {
        // Small tables: sample everything.
        let whole = sql
            .replace("TABLESAMPLE SYSTEM (2)", "")
            .replace("TABLESAMPLE SYSTEM (5)", "");
        values = sqlx::query_scalar(sqlx::AssertSqlSafe(whole))
            .bind(SAMPLE)
            .fetch_all(pool)
            .await?;
    }
    Ok(values
        .into_iter()
        .enumerate()
        .map(|(i, value)| vec![as_typed(typed, &value, i)])
        .collect())
}

/// The stored value written the way a person would type it.
fn as_typed(typed: Typed, value: &str, i: usize) -> String {
    match typed {
        Typed::NationalId => crate::domain::national_id::format(value),
        Typed::Phone => format!("+66 {}", &value[1..]),
        Typed::NameWithTypo => {
            let (first, last) = value.split_once(' ').unwrap_or((value, ""));
            format!("{first} {}", with_typo(last, i))
        }
        Typed::SurnameWithTypo => {
            let last = value.split_once(' ').map_or(value, |(_, last)| last);
            with_typo(last, i)
        }
        _ => value.to_string(),
    }
}

/// One letter dropped (even samples) or doubled (odd ones), past the first two.
fn with_typo(word: &str, i: usize) -> String {
    let letters: Vec<char> = word.chars().collect();
    if letters.len() < 5 {
        return word.to_string();
    }
    let at = 2 + i % (letters.len() - 3);
    let mut typo: Vec<char> = letters[..at].to_vec();
    if i.is_multiple_of(2) {
        typo.extend(&letters[at + 1..]);
    } else {
        typo.push(letters[at]);
        typo.extend(&letters[at..]);
    }
    typo.into_iter().collect()
}

/// One search of the jump box; an exact kind must find its customer.
pub async fn search_once(pool: &PgPool, typed: Typed, text: &str) -> sqlx::Result<()> {
    let Classified::Ready(lookup) = classify(text) else {
        return Err(sqlx::Error::Protocol(format!(
            "the sample {text:?} is not a complete lookup"
        )));
    };
    let page = crate::db::lookup::search(pool, &lookup, true, 0).await?;
    let fuzzy = matches!(typed, Typed::NameWithTypo | Typed::SurnameWithTypo);
    if page.hits.is_empty() && !fuzzy {
        return Err(sqlx::Error::Protocol(format!(
            "the sample {text:?} found no customer"
        )));
    }
    Ok(())
}

pub async fn sample_customers(pool: &PgPool) -> sqlx::Result<Vec<Vec<String>>> {
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "SELECT DISTINCT customer_id FROM policies TABLESAMPLE SYSTEM (1) LIMIT $1",
    )
    .bind(SAMPLE)
    .fetch_all(pool)
    .await?;
    let ids = if ids.is_empty() {
        sqlx::query_scalar("SELECT DISTINCT customer_id FROM policies LIMIT $1")
            .bind(SAMPLE)
            .fetch_all(pool)
            .await?
    } else {
        ids
    };
    Ok(ids.into_iter().map(|id| vec![id.to_string()]).collect())
}

/// Loads one customer 360 with an underwriter's rights.
pub async fn load_once(pool: &PgPool, id: &str) -> sqlx::Result<()> {
    let id: Uuid = id
        .parse()
        .map_err(|_| sqlx::Error::Protocol(format!("{id} is not a customer id")))?;
    let rights = CustomerRights {
        anonymize: false,
        export_data: false,
        reveal_national_id: false,
        ..CustomerRights::all()
    };
    match crate::db::customers::load(pool, id, &rights).await? {
        Some(_) => Ok(()),
        None => Err(sqlx::Error::Protocol(format!("customer {id} not found"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_one_letter_off() {
        assert_eq!(with_typo("kanokwan", 0), "kaokwan");
        assert_eq!(with_typo("kanokwan", 1), "kanookwan");
        assert_eq!(with_typo("ใจดี", 0), "ใจดี", "short words stay whole");
        assert_eq!(as_typed(Typed::Phone, "0812345678", 0), "+66 812345678");
    }
}
