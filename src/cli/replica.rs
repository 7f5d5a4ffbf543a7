//! `prakan db replica start|stop|status`: the embedded cluster's local streaming replica
//! (src/pg/replica.rs). An external DATABASE_URL server's replicas are its DBA's work.

use clap::Subcommand;

use prakan::config::Settings;
use prakan::db::target::{EMBEDDED_DATABASE, embedded_cluster};
use prakan::i18n::Lang;
use prakan::pg::{ClusterStatus, LocalReplica};
use prakan::{msg, tr};

use super::table::print_fields;
use super::{Ctx, Outcome, open};

#[derive(Debug, Subcommand)]
pub enum ReplicaCommand {
    /// Copy the embedded cluster with pg_basebackup (the first time) and start the replica.
    Start,
    /// Stop the local replica.
    Stop,
    /// Show whether the replica runs, how far behind it is, and its URL.
    Status,
}

pub async fn run(command: ReplicaCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    if settings.database_url.is_some() {
        return Err(msg!("replica-external").into());
    }
    match command {
        ReplicaCommand::Start => start(settings, ctx).await,
        ReplicaCommand::Stop => stop(settings, ctx.lang),
        ReplicaCommand::Status => status(settings, ctx.lang).await,
    }
}

/// The primary must run for the copy and for streaming, so it is kept running.
async fn start(settings: &Settings, ctx: Ctx) -> Outcome {
    let (target, pool) = open(
        settings,
        Ctx {
            keep_running: true,
            ..ctx
        },
    )
    .await?;
    pool.close().await;
    let Some(cluster) = target.cluster() else {
        return Err(msg!("replica-external").into());
    };
    let replica = LocalReplica::of(cluster);
    let copy = replica.clone();
    let created = tokio::task::spawn_blocking(move || copy.create(false))
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))??;
    if created {
        println!(
            "{}",
            tr!(
                ctx.lang,
                "replica-created",
                dir = replica.data().display().to_string()
            )
        );
    }
    if !matches!(replica.status()?, ClusterStatus::Running { .. }) {
        replica.start()?;
    }
    println!(
        "{}",
        tr!(
            ctx.lang,
            "replica-started",
            url = replica.url(EMBEDDED_DATABASE)
        )
    );
    drop(target);
    Ok(())
}

fn stop(settings: &Settings, lang: Lang) -> Outcome {
    let replica = LocalReplica::of(&embedded_cluster(settings)?);
    if replica.stop()? {
        println!("{}", tr!(lang, "replica-stopped"));
    } else {
        println!("{}", tr!(lang, "replica-was-not-running"));
    }
    Ok(())
}

async fn status(settings: &Settings, lang: Lang) -> Outcome {
    let label = |what: &str| tr!(lang, "replica-label", what = what);
    let mut fields = Vec::new();
    if !settings.replica_urls.is_empty() {
        fields.push((
            label("replica"),
            tr!(
                lang,
                "replica-configured",
                count = settings.replica_urls.len(),
                urls = settings.replica_urls.join(", ")
            ),
        ));
    }
    let replica = LocalReplica::of(&embedded_cluster(settings)?);
    let state = match replica.status()? {
        ClusterStatus::NotCreated => tr!(lang, "replica-not-created"),
        ClusterStatus::Stopped => tr!(lang, "replica-state-stopped"),
        ClusterStatus::Running { pid } => tr!(
            lang,
            "replica-state-running",
            pid = pid.map(i64::from).unwrap_or_default()
        ),
    };
    fields.push((label("replica"), state));
    if matches!(replica.status()?, ClusterStatus::Running { .. }) {
        fields.push((label("lag"), lag(&replica, lang).await));
    }
    fields.push((label("url"), replica.url(EMBEDDED_DATABASE)));
    fields.push((label("log"), replica.log_file().display().to_string()));
    print_fields(&fields);
    Ok(())
}

/// The same measure the read router uses.
async fn lag(replica: &LocalReplica, lang: Lang) -> String {
    let asked = async {
        let pool = prakan::db::admin_pool(replica.superuser_options(EMBEDDED_DATABASE), 1).await?;
        let lag = prakan::db::replica::lag_seconds(&pool).await;
        pool.close().await;
        lag
    };
    match asked.await {
        Ok(seconds) if seconds <= 0.0 => tr!(lang, "replica-lag-none"),
        Ok(seconds) => tr!(
            lang,
            "replica-lag-seconds",
            seconds = seconds.round() as i64
        ),
        Err(error) => tr!(
            lang,
            "replica-lag-unknown",
            detail = prakan::db::error::message(&error).text(lang)
        ),
    }
}
