//! PostgreSQL's own yardstick beside prakan's figures: `pgbench -S` (select-only, one
//! client, prepared statements) on a scratch database of the same embedded cluster, run
//! in the same session as the scenarios it is compared with.

use std::process::Command;

use sqlx::PgPool;

use crate::pg::Cluster;

const DATABASE: &str = "prakan_pgbench";
/// pgbench's scale: 1,000,000 accounts, like the customers of `seed --scale 1000000`.
const SCALE: &str = "10";

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PgbenchFigures {
    pub latency_ms: f64,
    pub tps: f64,
    pub seconds: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum PgbenchError {
    #[error("pgbench failed: {0}")]
    Failed(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// Initialises a scratch database, runs `pgbench -S` for `seconds`, and drops it again.
pub async fn select_only(
    cluster: &Cluster,
    admin: &PgPool,
    seconds: u64,
) -> Result<PgbenchFigures, PgbenchError> {
    let seconds_text = seconds.to_string();
    scratch_run(
        cluster,
        admin,
        &["-S", "-M", "prepared", "-n", "-c", "1", "-T", &seconds_text],
        seconds,
    )
    .await
}

/// pgbench's default TPC-B-like script with `clients` clients for `seconds`, on a scratch
/// database: the write throughput to compare a business transaction with.
pub async fn tpc_b(
    cluster: &Cluster,
    admin: &PgPool,
    seconds: u64,
    clients: usize,
) -> Result<PgbenchFigures, PgbenchError> {
    let seconds_text = seconds.to_string();
    let clients_text = clients.to_string();
    let threads_text = clients.clamp(1, 2).to_string();
    scratch_run(
        cluster,
        admin,
        &[
            "-M",
            "prepared",
            "-n",
            "-c",
            &clients_text,
            "-j",
            &threads_text,
            "-T",
            &seconds_text,
        ],
        seconds,
    )
    .await
}

async fn scratch_run(
    cluster: &Cluster,
    admin: &PgPool,
    pgbench_args: &[&str],
    seconds: u64,
) -> Result<PgbenchFigures, PgbenchError> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {DATABASE}"
    )))
    .execute(admin)
    .await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {DATABASE}")))
        .execute(admin)
        .await?;
    let result = async {
        run(cluster, &["-i", "-q", "-s", SCALE]).await?;
        let output = run(cluster, pgbench_args).await?;
        parse(&output, seconds)
            .ok_or_else(|| PgbenchError::Failed(format!("unreadable output: {output}")))
    }
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {DATABASE}"
    )))
    .execute(admin)
    .await?;
    result
}

async fn run(cluster: &Cluster, args: &[&str]) -> Result<String, PgbenchError> {
    let mut command = Command::new(cluster.binaries.program("pgbench"));
    command
        .arg("-h")
        .arg(&cluster.socket_dir)
        .args([
            "-p",
            &crate::pg::PORT.to_string(),
            "-U",
            crate::pg::SUPERUSER,
        ])
        .args(args)
        .arg(DATABASE);
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))??;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if !output.status.success() {
        return Err(PgbenchError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ));
    }
    Ok(text)
}

fn parse(output: &str, seconds: u64) -> Option<PgbenchFigures> {
    let number_after = |prefix: &str| -> Option<f64> {
        let line = output
            .lines()
            .find(|l| l.trim_start().starts_with(prefix))?;
        line.split('=')
            .nth(1)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    Some(PgbenchFigures {
        latency_ms: number_after("latency average")?,
        tps: number_after("tps")?,
        seconds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pgbench_output() {
        let output = "transaction type: <builtin: select only>\nscaling factor: 10\n\
                      latency average = 0.057 ms\ninitial connection time = 2.001 ms\n\
                      tps = 17519.123456 (without initial connection time)\n";
        assert_eq!(
            parse(output, 10),
            Some(PgbenchFigures {
                latency_ms: 0.057,
                tps: 17519.123456,
                seconds: 10
            })
        );
    }
}
