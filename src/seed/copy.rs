//! Rows for PostgreSQL's COPY, in its text format, sent in one round trip per table.

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

/// The rows of one table, ready for `COPY table (columns) FROM STDIN`.
pub struct CopyBuffer {
    table: &'static str,
    columns: &'static [&'static str],
    data: String,
    rows: u64,
    fields_in_row: usize,
}

impl CopyBuffer {
    pub fn new(table: &'static str, columns: &'static [&'static str]) -> CopyBuffer {
        CopyBuffer {
            table,
            columns,
            data: String::new(),
            rows: 0,
            fields_in_row: 0,
        }
    }

    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Starts a row; its fields follow in column order, then `end_row`.
    pub fn field(&mut self, value: impl CopyValue) -> &mut Self {
        if self.fields_in_row > 0 {
            self.data.push('\t');
        }
        value.write_to(&mut self.data);
        self.fields_in_row += 1;
        self
    }

    pub fn end_row(&mut self) {
        debug_assert_eq!(
            self.fields_in_row,
            self.columns.len(),
            "row of {} has the wrong number of fields",
            self.table
        );
        self.data.push('\n');
        self.rows += 1;
        self.fields_in_row = 0;
    }

    /// Sends the rows and empties the buffer. Returns the number of rows copied.
    pub async fn copy_into(&mut self, connection: &mut PgConnection) -> sqlx::Result<u64> {
        if self.rows == 0 {
            return Ok(0);
        }
        let statement = format!(
            "COPY {} ({}) FROM STDIN",
            self.table,
            self.columns.join(", ")
        );
        let mut copy = connection.copy_in_raw(&statement).await?;
        copy.send(std::mem::take(&mut self.data).into_bytes())
            .await?;
        let copied = copy.finish().await?;
        self.rows = 0;
        Ok(copied)
    }
}

pub trait CopyValue {
    fn write_to(&self, out: &mut String);
}

const NULL: &str = "\\N";

impl CopyValue for &str {
    fn write_to(&self, out: &mut String) {
        for c in self.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                other => out.push(other),
            }
        }
    }
}

impl CopyValue for String {
    fn write_to(&self, out: &mut String) {
        self.as_str().write_to(out);
    }
}

impl CopyValue for &String {
    fn write_to(&self, out: &mut String) {
        self.as_str().write_to(out);
    }
}

impl<T: CopyValue> CopyValue for Option<T> {
    fn write_to(&self, out: &mut String) {
        match self {
            Some(value) => value.write_to(out),
            None => out.push_str(NULL),
        }
    }
}

impl CopyValue for Uuid {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl CopyValue for Decimal {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl CopyValue for i64 {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl CopyValue for i32 {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

impl CopyValue for bool {
    fn write_to(&self, out: &mut String) {
        out.push(if *self { 't' } else { 'f' });
    }
}

impl CopyValue for NaiveDate {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{}", self.format("%Y-%m-%d"));
    }
}

impl CopyValue for DateTime<Utc> {
    fn write_to(&self, out: &mut String) {
        let _ = write!(out, "{}", self.format("%Y-%m-%d %H:%M:%S%.6f+00"));
    }
}

impl CopyValue for serde_json::Value {
    fn write_to(&self, out: &mut String) {
        self.to_string().as_str().write_to(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_copy_text_format() {
        let mut buffer = CopyBuffer::new("t", &["a", "b", "c"]);
        buffer
            .field("tab\there\\")
            .field(None::<&str>)
            .field(true)
            .end_row();
        assert_eq!(buffer.data, "tab\\there\\\\\t\\N\tt\n");
        assert_eq!(buffer.rows(), 1);
    }
}
