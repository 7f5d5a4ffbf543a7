//! The customer screen's work for the database, and what comes back. Each command runs
//! in a task of its own (see `tui::cmd`); searches wait a moment first, so that typing
//! does not query on every key (a newer search aborts the waiting one).

use std::path::PathBuf;
use std::time::Duration;

use sqlx::PgPool;
use uuid::Uuid;

use crate::db::customers::{self, Customer360, Duplicate, SaveError};
use crate::db::lookup::{self, Page};
use crate::db::rights::{self, CustomerRights};
use crate::db::{consents, pdpa, vehicles};
use crate::domain::consent::ConsentDraft;
use crate::domain::customer::CustomerDraft;
use crate::domain::lookup::Lookup;
use crate::domain::vehicle::{DltDraft, VehicleDraft};
use crate::i18n::Message;
use crate::msg;

/// How long typing must pause before the jump box searches.
pub const DEBOUNCE: Duration = Duration::from_millis(120);

#[derive(Debug)]
pub enum CustomersCmd {
    LoadRights,
    Search {
        request: u64,
        lookup: Lookup,
        page: u32,
        full_national_id: bool,
        delay: Duration,
    },
    Load {
        request: u64,
        id: Uuid,
        rights: CustomerRights,
    },
    CheckDuplicates {
        request: u64,
        draft: Box<CustomerDraft>,
        except: Option<Uuid>,
    },
    Save {
        request: u64,
        save: Save,
    },
    Reveal {
        id: Uuid,
    },
    Export {
        id: Uuid,
        directory: PathBuf,
    },
    Anonymize {
        id: Uuid,
    },
}

/// A write: one business action, one transaction.
#[derive(Debug, Clone)]
pub enum Save {
    CreateCustomer(Box<CustomerDraft>),
    UpdateCustomer {
        id: Uuid,
        version: i32,
        draft: Box<CustomerDraft>,
    },
    CreateVehicle {
        customer: Uuid,
        draft: Box<VehicleDraft>,
    },
    UpdateVehicle {
        id: Uuid,
        version: i32,
        draft: Box<VehicleDraft>,
    },
    AddVerification {
        vehicle: Uuid,
        draft: DltDraft,
    },
    RecordConsent {
        customer: Uuid,
        draft: ConsentDraft,
    },
    WithdrawConsent {
        id: Uuid,
        version: i32,
        channel: String,
    },
}

/// What a save did: the customer to show afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub customer: Option<Uuid>,
}

#[derive(Debug)]
pub enum CustomersMsg {
    RightsLoaded(Result<CustomerRights, sqlx::Error>),
    Searched {
        request: u64,
        page: u32,
        result: Result<Page, sqlx::Error>,
    },
    Loaded {
        request: u64,
        result: Result<Option<Box<Customer360>>, sqlx::Error>,
    },
    DuplicatesChecked {
        request: u64,
        result: Result<Vec<Duplicate>, sqlx::Error>,
    },
    Saved {
        request: u64,
        result: Result<Saved, SaveError>,
    },
    Revealed {
        id: Uuid,
        result: Result<Option<String>, sqlx::Error>,
    },
    Exported {
        result: Result<PathBuf, Message>,
    },
    Anonymized {
        id: Uuid,
        result: Result<bool, sqlx::Error>,
    },
}

impl CustomersCmd {
    /// Reads that only the open screen wants (leaving it aborts them); writes always finish.
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            CustomersCmd::LoadRights
                | CustomersCmd::Search { .. }
                | CustomersCmd::Load { .. }
                | CustomersCmd::CheckDuplicates { .. }
        )
    }

    pub fn is_search(&self) -> bool {
        matches!(self, CustomersCmd::Search { .. })
    }

    /// Reads a replica may answer (see `Cmd::replica_safe`): the lookup and the 360. Not
    /// the duplicate check before a save, nor the export (it records itself in the audit).
    pub fn replica_safe(&self) -> bool {
        matches!(
            self,
            CustomersCmd::LoadRights | CustomersCmd::Search { .. } | CustomersCmd::Load { .. }
        )
    }

    pub async fn run(self, pool: PgPool) -> CustomersMsg {
        match self {
            CustomersCmd::LoadRights => {
                CustomersMsg::RightsLoaded(rights::customer_rights(&pool).await)
            }
            CustomersCmd::Search {
                request,
                lookup,
                page,
                full_national_id,
                delay,
            } => {
                tokio::time::sleep(delay).await;
                CustomersMsg::Searched {
                    request,
                    page,
                    result: lookup::search(&pool, &lookup, full_national_id, page).await,
                }
            }
            CustomersCmd::Load {
                request,
                id,
                rights,
            } => CustomersMsg::Loaded {
                request,
                result: customers::load(&pool, id, &rights)
                    .await
                    .map(|found| found.map(Box::new)),
            },
            CustomersCmd::CheckDuplicates {
                request,
                draft,
                except,
            } => CustomersMsg::DuplicatesChecked {
                request,
                result: customers::duplicates(&pool, &draft, except).await,
            },
            CustomersCmd::Save { request, save } => CustomersMsg::Saved {
                request,
                result: save.run(&pool).await,
            },
            CustomersCmd::Reveal { id } => CustomersMsg::Revealed {
                id,
                result: customers::reveal_national_id(&pool, id).await,
            },
            CustomersCmd::Export { id, directory } => CustomersMsg::Exported {
                result: export(&pool, id, directory).await,
            },
            CustomersCmd::Anonymize { id } => CustomersMsg::Anonymized {
                id,
                result: pdpa::anonymize(&pool, id).await,
            },
        }
    }
}

impl Save {
    async fn run(self, pool: &PgPool) -> Result<Saved, SaveError> {
        let customer = match self {
            Save::CreateCustomer(draft) => Some(customers::create(pool, &draft).await?),
            Save::UpdateCustomer { id, version, draft } => {
                customers::update(pool, id, version, &draft).await?;
                Some(id)
            }
            Save::CreateVehicle { customer, draft } => {
                vehicles::create(pool, customer, &draft).await?;
                Some(customer)
            }
            Save::UpdateVehicle { id, version, draft } => {
                vehicles::update(pool, id, version, &draft).await?;
                None
            }
            Save::AddVerification { vehicle, draft } => {
                vehicles::add_verification(pool, vehicle, &draft).await?;
                None
            }
            Save::RecordConsent { customer, draft } => {
                consents::record(pool, customer, &draft).await?;
                Some(customer)
            }
            Save::WithdrawConsent {
                id,
                version,
                channel,
            } => {
                consents::withdraw(pool, id, version, &channel).await?;
                None
            }
        };
        Ok(Saved { customer })
    }
}

/// Writes the customer's data to `directory` (created private to this account) as
/// pretty-printed JSON; returns the file's path.
pub async fn export(pool: &PgPool, id: Uuid, directory: PathBuf) -> Result<PathBuf, Message> {
    let document = pdpa::export(pool, id)
        .await
        .map_err(|e| crate::db::error::message(&e))?;
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let short_id = &id.simple().to_string()[..8];
    let path = directory.join(format!("customer-{short_id}-{stamp}.json"));
    let text = serde_json::to_string_pretty(&document).unwrap_or_default();
    let failed = |detail: String| msg!("customers-export-failed", detail = detail);
    tokio::task::spawn_blocking(move || write_private(&directory, &path, &text).map(|_| path))
        .await
        .map_err(|e| failed(e.to_string()))?
        .map_err(|e| failed(e.to_string()))
}

fn write_private(
    directory: &std::path::Path,
    path: &std::path::Path,
    text: &str,
) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(directory)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()
}
