//! What every form on the customer screen shares: where saving stands, and turning a
//! failed save into a sentence beside the field it concerns.

use crate::db::customers::{Conflict, SaveError};
use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Editing,
    /// Looking for existing customers like this one.
    Checking,
    Saving,
    Failed(Message),
}

/// A save that did not happen, for the form to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// Someone saved first: who, when, and the version to save over deliberately.
    Conflict(Conflict),
    /// A rule of the database, named by its constraint.
    Constraint(String, Message),
    Other(Message),
}

pub fn refusal(error: SaveError) -> Refusal {
    match error {
        SaveError::Conflict(conflict) => Refusal::Conflict(conflict),
        SaveError::Gone => Refusal::Other(msg!("customers-record-gone")),
        SaveError::Database(error) => {
            let message = crate::db::error::message(&error);
            match &error {
                sqlx::Error::Database(db) => match db.constraint() {
                    Some(constraint) => Refusal::Constraint(constraint.to_string(), message),
                    None => Refusal::Other(message),
                },
                _ => Refusal::Other(message),
            }
        }
    }
}
