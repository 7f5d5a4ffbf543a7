//! Pure business rules: no SQL, no terminal, no I/O.

pub mod address;
pub mod bahttext;
pub mod cancellation;
pub mod claim;
pub mod claim_flow;
pub mod consent;
pub mod customer;
pub mod lookup;
pub mod national_id;
pub mod phone;
pub mod plate;
pub mod policy;
pub mod premium;
pub mod staff;
pub mod statement;
pub mod thai_date;
pub mod vehicle;
