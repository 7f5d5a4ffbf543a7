//! The claim screen's work for the database, and what comes back. Each command runs in a
//! task of its own (see `tui::cmd`); the live listener on the claims channel is a command
//! of the application (`Cmd::ListenClaims`), because it reports many times.

use std::time::Duration;

use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

use crate::db::claim_queue::{self, QueueFilter, QueueRow, QueueTab, SlaDays, StaffChoice, Taken};
use crate::db::claim_work::{self, ApprovalOutcome, AssessmentDraft, Settled, SettlementDraft};
use crate::db::claims::{self, ClaimCheck, ClaimDetail, PolicyForClaim, RegisterError, Registered};
use crate::db::customers::SaveError;
use crate::domain::claim::ClaimDraft;
use crate::domain::claim_flow::ClaimStatus;

/// How long typing must pause before the policy search of the registration form runs.
pub const DEBOUNCE: Duration = Duration::from_millis(120);

/// A change to one claim, asked for from its detail.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Move { to: ClaimStatus, reason: String },
    Approve { amount: Decimal, reason: String },
    Assign { adjuster_id: Uuid, reason: String },
    SendSurveyor { surveyor_id: Uuid },
    Settle(SettlementDraft),
}

/// What a change did.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Moved { to: ClaimStatus, version: i32 },
    Approval(ApprovalOutcome),
    Assigned { version: i32 },
    SurveyorSent { version: i32 },
    Settled(Settled),
}

#[derive(Debug)]
pub enum ClaimsCmd {
    LoadSla,
    LoadQueue {
        request: u64,
        tab: QueueTab,
        filter: QueueFilter,
    },
    TakeNext {
        request: u64,
    },
    LoadClaim {
        request: u64,
        id: Uuid,
    },
    LoadStaff {
        request: u64,
    },
    Change {
        request: u64,
        id: Uuid,
        version: i32,
        change: Box<Change>,
    },
    SaveAssessment {
        request: u64,
        id: Uuid,
        version: i32,
        draft: Box<AssessmentDraft>,
    },
    FindPolicies {
        request: u64,
        text: String,
    },
    Check {
        request: u64,
        draft: Box<ClaimDraft>,
    },
    Register {
        request: u64,
        draft: Box<ClaimDraft>,
    },
}

#[derive(Debug)]
pub enum ClaimsMsg {
    SlaLoaded {
        result: Result<SlaDays, sqlx::Error>,
    },
    QueueLoaded {
        request: u64,
        result: Result<Vec<QueueRow>, sqlx::Error>,
    },
    Taken {
        request: u64,
        result: Result<Option<Taken>, sqlx::Error>,
    },
    ClaimLoaded {
        request: u64,
        result: Result<Option<Box<ClaimDetail>>, sqlx::Error>,
    },
    StaffLoaded {
        request: u64,
        result: Result<Vec<StaffChoice>, sqlx::Error>,
    },
    Changed {
        request: u64,
        result: Result<Done, SaveError>,
    },
    AssessmentSaved {
        request: u64,
        result: Result<i32, SaveError>,
    },
    PoliciesFound {
        request: u64,
        result: Result<Vec<PolicyForClaim>, sqlx::Error>,
    },
    Checked {
        request: u64,
        result: Result<ClaimCheck, sqlx::Error>,
    },
    Registered {
        request: u64,
        result: Result<Registered, RegisterError>,
    },
}

impl ClaimsCmd {
    /// Reads that only the open screen wants (leaving it aborts them); writes always finish.
    pub fn is_read(&self) -> bool {
        matches!(
            self,
            ClaimsCmd::LoadSla
                | ClaimsCmd::LoadQueue { .. }
                | ClaimsCmd::LoadClaim { .. }
                | ClaimsCmd::LoadStaff { .. }
                | ClaimsCmd::FindPolicies { .. }
                | ClaimsCmd::Check { .. }
        )
    }

    pub fn is_search(&self) -> bool {
        matches!(self, ClaimsCmd::FindPolicies { .. })
    }

    /// Reads a replica may answer (see `Cmd::replica_safe`): the queue pages, a claim's
    /// view, the policy lookup. Never take-next; not the staff list or the coverage check,
    /// which a write follows.
    pub fn replica_safe(&self) -> bool {
        matches!(
            self,
            ClaimsCmd::LoadSla
                | ClaimsCmd::LoadQueue { .. }
                | ClaimsCmd::LoadClaim { .. }
                | ClaimsCmd::FindPolicies { .. }
        )
    }

    pub async fn run(self, pool: PgPool) -> ClaimsMsg {
        match self {
            ClaimsCmd::LoadSla => ClaimsMsg::SlaLoaded {
                result: claim_queue::sla_days(&pool).await,
            },
            ClaimsCmd::LoadQueue {
                request,
                tab,
                filter,
            } => ClaimsMsg::QueueLoaded {
                request,
                result: claim_queue::page(&pool, tab, &filter).await,
            },
            ClaimsCmd::TakeNext { request } => ClaimsMsg::Taken {
                request,
                result: claim_queue::take_next(&pool).await,
            },
            ClaimsCmd::LoadClaim { request, id } => ClaimsMsg::ClaimLoaded {
                request,
                result: claims::detail(&pool, id)
                    .await
                    .map(|found| found.map(Box::new)),
            },
            ClaimsCmd::LoadStaff { request } => ClaimsMsg::StaffLoaded {
                request,
                result: claim_queue::assignable_staff(&pool).await,
            },
            ClaimsCmd::Change {
                request,
                id,
                version,
                change,
            } => ClaimsMsg::Changed {
                request,
                result: change.run(&pool, id, version).await,
            },
            ClaimsCmd::SaveAssessment {
                request,
                id,
                version,
                draft,
            } => ClaimsMsg::AssessmentSaved {
                request,
                result: claim_work::save_assessment(&pool, id, version, &draft).await,
            },
            ClaimsCmd::FindPolicies { request, text } => {
                tokio::time::sleep(DEBOUNCE).await;
                ClaimsMsg::PoliciesFound {
                    request,
                    result: claims::find_policies(&pool, &text).await,
                }
            }
            ClaimsCmd::Check { request, draft } => ClaimsMsg::Checked {
                request,
                result: claims::check(&pool, &draft).await,
            },
            ClaimsCmd::Register { request, draft } => ClaimsMsg::Registered {
                request,
                result: claims::register(&pool, &draft).await,
            },
        }
    }
}

impl Change {
    async fn run(self, pool: &PgPool, id: Uuid, version: i32) -> Result<Done, SaveError> {
        match self {
            Change::Move { to, reason } => claim_work::move_to(pool, id, version, to, &reason)
                .await
                .map(|version| Done::Moved { to, version }),
            Change::Approve { amount, reason } => {
                claim_work::approve(pool, id, version, amount, &reason)
                    .await
                    .map(Done::Approval)
            }
            Change::Assign {
                adjuster_id,
                reason,
            } => claim_work::assign(pool, id, version, adjuster_id, &reason)
                .await
                .map(|version| Done::Assigned { version }),
            Change::SendSurveyor { surveyor_id } => {
                claim_work::send_surveyor(pool, id, version, surveyor_id)
                    .await
                    .map(|version| Done::SurveyorSent { version })
            }
            Change::Settle(draft) => claim_work::settle(pool, id, version, &draft)
                .await
                .map(Done::Settled),
        }
    }
}
