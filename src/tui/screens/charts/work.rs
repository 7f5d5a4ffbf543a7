//! The charts' reads, run in tasks, and the messages they send back.

use sqlx::PgPool;

use super::{ChartData, ChartKind, LoadedChart};
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
        result: Result<LoadedChart, sqlx::Error>,
    },
}

impl ChartsCmd {
    pub async fn run(self, pool: PgPool) -> ChartsMsg {
        let ChartsCmd::Load { request, kind } = self;
        ChartsMsg::Loaded {
            request,
            kind,
            result: load(&pool, kind).await,
        }
    }
}

/// The chart's figures and how old they are, in one transaction so that both see the same
/// snapshot and the same `now()`.
async fn load(pool: &PgPool, kind: ChartKind) -> Result<LoadedChart, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let figures = match kind {
        ChartKind::ClaimsByStatus => charts::claims_by_status(&mut *tx)
            .await
            .map(ChartData::ClaimsByStatus),
        ChartKind::ClaimsAgeing => charts::claims_ageing(&mut *tx)
            .await
            .map(ChartData::ClaimsAgeing),
        ChartKind::PremiumWritten => charts::premium_written(&mut *tx)
            .await
            .map(ChartData::PremiumWritten),
        ChartKind::LossRatio => charts::loss_ratio(&mut *tx).await.map(ChartData::LossRatio),
        ChartKind::Backlog => charts::reconciliation_backlog(&mut *tx)
            .await
            .map(ChartData::Backlog),
    }?;
    let freshness = charts::freshness(&mut *tx, kind.snapshot()).await?;
    tx.commit().await?;
    Ok(LoadedChart { figures, freshness })
}
