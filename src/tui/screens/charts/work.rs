//! The charts' reads, run in tasks, and the messages they send back.

use sqlx::PgPool;

use super::{ChartData, ChartKind};
use crate::db::charts;

#[derive(Debug)]
pub enum ChartsCmd {
    Load { request: u64, kind: ChartKind },
}

#[derive(Debug)]
pub enum ChartsMsg {
    Loaded {
        request: u64,
        kind: ChartKind,
        result: Result<ChartData, sqlx::Error>,
    },
}

impl ChartsCmd {
    pub async fn run(self, pool: PgPool) -> ChartsMsg {
        let ChartsCmd::Load { request, kind } = self;
        let result = match kind {
            ChartKind::ClaimsByStatus => charts::claims_by_status(&pool)
                .await
                .map(ChartData::ClaimsByStatus),
            ChartKind::ClaimsAgeing => charts::claims_ageing(&pool)
                .await
                .map(ChartData::ClaimsAgeing),
            ChartKind::PremiumWritten => charts::premium_written(&pool)
                .await
                .map(ChartData::PremiumWritten),
            ChartKind::LossRatio => charts::loss_ratio(&pool).await.map(ChartData::LossRatio),
            ChartKind::Backlog => charts::reconciliation_backlog(&pool)
                .await
                .map(ChartData::Backlog),
        };
        ChartsMsg::Loaded {
            request,
            kind,
            result,
        }
    }
}
