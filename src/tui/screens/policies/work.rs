//! The policy screen's work for the database, and what comes back. Each command runs in a
//! task of its own (see `tui::cmd`).

use std::time::Duration;

use chrono::NaiveDate;
use sqlx::PgPool;
use uuid::Uuid;

use super::quotes::QuoteList;
use super::renewals::{DueList, QUEUE_PAGE};
use crate::db::cancellation::{self, CancelError, CancelOutcome, CancellationQuote};
use crate::db::documents::{self, PrintError, PrintedPolicy};
use crate::db::policies::{self, IssueError, IssueOutcome, QuoteContext, VehicleChoice};
use crate::db::policy_detail::{self, PolicyDetail};
use crate::db::referrals::{self, DecisionError};
use crate::db::renewals::{
    self, DuePage, RenewalChanges, RenewalChannel, RenewalError, RenewalOutcome,
};
use crate::domain::cancellation::CancellationCode;
use crate::domain::lookup::Lookup;
use crate::domain::policy::PolicyDraft;
use crate::domain::premium::refund::CancelledBy;

/// How long typing must pause before the vehicle jump box searches.
pub const DEBOUNCE: Duration = Duration::from_millis(120);

#[derive(Debug)]
pub enum PoliciesCmd {
    FindVehicles {
        request: u64,
        lookup: Lookup,
    },
    LoadQuoteContext {
        request: u64,
        vehicle_id: Uuid,
        start: NaiveDate,
    },
    Issue {
        request: u64,
        draft: Box<PolicyDraft>,
        /// Agents save a quote; underwriters issue.
        quote_only: bool,
    },
    IssueQuote {
        request: u64,
        policy_id: Uuid,
        version: i32,
    },
    LoadQuotes {
        request: u64,
    },
    LoadPolicy {
        request: u64,
        id: Uuid,
    },
    LoadRenewals {
        request: u64,
    },
    Renew {
        request: u64,
        policy_id: Uuid,
        version: i32,
        changes: RenewalChanges,
    },
    /// Several renewals, one transaction each.
    RenewMany {
        request: u64,
        policies: Vec<(Uuid, i32)>,
    },
    PreviewCancel {
        request: u64,
        policy_id: Uuid,
        cancel_on: NaiveDate,
        by: CancelledBy,
    },
    Cancel {
        request: u64,
        policy_id: Uuid,
        version: i32,
        code: CancellationCode,
        by: CancelledBy,
        reason: String,
        cancel_on: NaiveDate,
    },
    /// Print the policy's schedule (and CMI certificate) into the data directory.
    PrintPolicy {
        request: u64,
        policy_number: String,
    },
    Decide {
        request: u64,
        referral_id: Uuid,
        version: i32,
        approve: bool,
        note: String,
    },
}

#[derive(Debug)]
pub enum PoliciesMsg {
    VehiclesFound {
        request: u64,
        result: Result<Vec<VehicleChoice>, sqlx::Error>,
    },
    QuoteContextLoaded {
        request: u64,
        result: Result<QuoteContext, IssueError>,
    },
    Issued {
        request: u64,
        result: Result<IssueOutcome, IssueError>,
    },
    /// A quote of the list was issued (or is still referred).
    QuoteIssued {
        request: u64,
        result: Result<IssueOutcome, IssueError>,
    },
    QuotesLoaded {
        request: u64,
        result: Result<QuoteList, sqlx::Error>,
    },
    RenewalsLoaded {
        request: u64,
        result: Result<DueList, RenewalError>,
    },
    Renewed {
        request: u64,
        result: Result<RenewalOutcome, RenewalError>,
    },
    RenewedMany {
        request: u64,
        results: Vec<Result<RenewalOutcome, RenewalError>>,
    },
    PolicyLoaded {
        request: u64,
        result: Result<Option<Box<PolicyDetail>>, sqlx::Error>,
    },
    CancelPreviewed {
        request: u64,
        result: Result<Box<CancellationQuote>, CancelError>,
    },
    Cancelled {
        request: u64,
        result: Result<CancelOutcome, CancelError>,
    },
    PolicyPrinted {
        request: u64,
        result: Result<PrintedPolicy, PrintError>,
    },
    Decided {
        request: u64,
        /// Whether it was an approval.
        result: Result<bool, DecisionError>,
    },
}

impl PoliciesCmd {
    /// Reads that only the open screen wants (leaving it aborts them); writes always finish.
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            PoliciesCmd::FindVehicles { .. }
                | PoliciesCmd::LoadQuoteContext { .. }
                | PoliciesCmd::LoadQuotes { .. }
                | PoliciesCmd::LoadPolicy { .. }
                | PoliciesCmd::LoadRenewals { .. }
                | PoliciesCmd::PreviewCancel { .. }
        )
    }

    pub fn is_search(&self) -> bool {
        matches!(self, PoliciesCmd::FindVehicles { .. })
    }

    /// Reads a replica may answer (see `Cmd::replica_safe`): lookups, lists and the policy
    /// view. Not the quote context or the cancellation preview, which a write follows.
    pub fn replica_safe(&self) -> bool {
        matches!(
            self,
            PoliciesCmd::FindVehicles { .. }
                | PoliciesCmd::LoadQuotes { .. }
                | PoliciesCmd::LoadPolicy { .. }
                | PoliciesCmd::LoadRenewals { .. }
        )
    }

    /// Runs on `pool`; printed documents go under `data_dir`.
    pub async fn run(self, pool: PgPool, data_dir: &std::path::Path) -> PoliciesMsg {
        match self {
            PoliciesCmd::FindVehicles { request, lookup } => {
                tokio::time::sleep(DEBOUNCE).await;
                PoliciesMsg::VehiclesFound {
                    request,
                    result: policies::find_vehicles(&pool, &lookup).await,
                }
            }
            PoliciesCmd::LoadQuoteContext {
                request,
                vehicle_id,
                start,
            } => PoliciesMsg::QuoteContextLoaded {
                request,
                result: policies::quote_context(&pool, vehicle_id, start).await,
            },
            PoliciesCmd::Issue {
                request,
                draft,
                quote_only,
            } => {
                let result = if quote_only {
                    policies::save_quote(&pool, &draft).await
                } else {
                    policies::issue_new(&pool, &draft).await
                };
                PoliciesMsg::Issued { request, result }
            }
            PoliciesCmd::IssueQuote {
                request,
                policy_id,
                version,
            } => PoliciesMsg::QuoteIssued {
                request,
                result: policies::issue_quote(&pool, policy_id, version).await,
            },
            PoliciesCmd::LoadQuotes { request } => {
                let result = async {
                    Ok(QuoteList {
                        quotes: policies::open_quotes(&pool).await?,
                        referrals: referrals::queue(&pool).await?,
                    })
                }
                .await;
                PoliciesMsg::QuotesLoaded { request, result }
            }
            PoliciesCmd::LoadRenewals { request } => {
                let today = crate::i18n::format::bangkok_date(chrono::Utc::now());
                let result = async {
                    Ok(DueList {
                        rows: renewals::due(&pool, None, today, DuePage::first(QUEUE_PAGE)).await?,
                        total: renewals::due_count(&pool, None, today).await?,
                    })
                }
                .await;
                PoliciesMsg::RenewalsLoaded { request, result }
            }
            PoliciesCmd::Renew {
                request,
                policy_id,
                version,
                changes,
            } => {
                let today = crate::i18n::format::bangkok_date(chrono::Utc::now());
                PoliciesMsg::Renewed {
                    request,
                    result: renewals::renew_one(
                        &pool,
                        policy_id,
                        version,
                        &changes,
                        RenewalChannel::Branch,
                        today,
                    )
                    .await,
                }
            }
            PoliciesCmd::RenewMany { request, policies } => {
                let today = crate::i18n::format::bangkok_date(chrono::Utc::now());
                let mut results = Vec::with_capacity(policies.len());
                for (policy_id, version) in policies {
                    results.push(
                        renewals::renew_one(
                            &pool,
                            policy_id,
                            version,
                            &RenewalChanges::default(),
                            RenewalChannel::Branch,
                            today,
                        )
                        .await,
                    );
                }
                PoliciesMsg::RenewedMany { request, results }
            }
            PoliciesCmd::LoadPolicy { request, id } => PoliciesMsg::PolicyLoaded {
                request,
                result: policy_detail::load(&pool, id)
                    .await
                    .map(|found| found.map(Box::new)),
            },
            PoliciesCmd::PreviewCancel {
                request,
                policy_id,
                cancel_on,
                by,
            } => PoliciesMsg::CancelPreviewed {
                request,
                result: cancellation::preview(&pool, policy_id, cancel_on, by)
                    .await
                    .map(Box::new),
            },
            PoliciesCmd::Cancel {
                request,
                policy_id,
                version,
                code,
                by,
                reason,
                cancel_on,
            } => PoliciesMsg::Cancelled {
                request,
                result: cancellation::cancel(
                    &pool, policy_id, version, code, by, &reason, cancel_on,
                )
                .await,
            },
            PoliciesCmd::PrintPolicy {
                request,
                policy_number,
            } => PoliciesMsg::PolicyPrinted {
                request,
                result: documents::print_policy(&pool, data_dir, &policy_number).await,
            },
            PoliciesCmd::Decide {
                request,
                referral_id,
                version,
                approve,
                note,
            } => PoliciesMsg::Decided {
                request,
                result: referrals::decide(&pool, referral_id, version, approve, &note)
                    .await
                    .map(|()| approve),
            },
        }
    }
}
