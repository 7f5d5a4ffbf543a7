//! Which server answers a read: a streaming replica when one is configured, reachable, a
//! standby, within the lag bound and past this person's own latest change; otherwise the
//! primary. Writes never come here: they always use the primary pool.
//!
//! Each person's router is made at login from their primary pool: a replica pool uses the
//! same options (role, password, application_name, statement_timeout) with the replica's
//! host or socket, port and database. Replicas are connected lazily; one that cannot be
//! reached within a second is skipped until `recheck_after` has passed.

use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use crate::config::{DEFAULT_REPLICA_MAX_LAG_SECONDS, Settings};
use crate::pg::{Cluster, LocalReplica};

/// How long a replica that could not be reached is left alone.
pub const DEFAULT_RECHECK_AFTER: Duration = Duration::from_secs(10);
/// How long connecting to a replica may take before the primary answers instead.
const CONNECT_PATIENCE: Duration = Duration::from_secs(1);

/// One read replica: where it is, without a user.
#[derive(Debug, Clone)]
pub struct ReplicaEndpoint {
    pub address: PgConnectOptions,
    /// How the status bar and the log name it.
    pub name: String,
}

impl ReplicaEndpoint {
    pub fn from_url(url: &str) -> Result<ReplicaEndpoint, String> {
        let address = PgConnectOptions::from_str(url).map_err(|e| e.to_string())?;
        let name = match address.get_socket() {
            Some(_) => format!("localhost:{}", address.get_port()),
            None => format!("{}:{}", address.get_host(), address.get_port()),
        };
        Ok(ReplicaEndpoint { address, name })
    }
}

/// The replicas a login may read from, and the rules for using them.
#[derive(Debug, Clone)]
pub struct Replicas {
    pub configured: Vec<ReplicaEndpoint>,
    /// The embedded cluster's local replica, used while it runs.
    pub local: Option<LocalReplica>,
    /// The database the local replica is asked for.
    pub local_database: String,
    pub max_lag: Duration,
    pub recheck_after: Duration,
}

impl Default for Replicas {
    fn default() -> Replicas {
        Replicas {
            configured: Vec::new(),
            local: None,
            local_database: String::new(),
            max_lag: Duration::from_secs(DEFAULT_REPLICA_MAX_LAG_SECONDS),
            recheck_after: DEFAULT_RECHECK_AFTER,
        }
    }
}

impl Replicas {
    /// DATABASE_REPLICA_URL when set; otherwise, on the embedded default, its local replica
    /// (`prakan db replica start`). Err: the URL that is not a PostgreSQL URL.
    pub fn from_settings(
        settings: &Settings,
        embedded: Option<&Cluster>,
        database: &str,
    ) -> Result<Replicas, (String, String)> {
        let configured = settings
            .replica_urls
            .iter()
            .map(|url| ReplicaEndpoint::from_url(url).map_err(|e| (url.clone(), e)))
            .collect::<Result<Vec<_>, _>>()?;
        let local = match (configured.is_empty(), embedded) {
            (true, Some(cluster)) => Some(LocalReplica::of(cluster)),
            _ => None,
        };
        Ok(Replicas {
            configured,
            local,
            local_database: database.to_string(),
            max_lag: settings.replica_max_lag,
            recheck_after: DEFAULT_RECHECK_AFTER,
        })
    }

    /// The replicas to use now: the configured ones, or the local one if it runs.
    pub fn endpoints(&self) -> Vec<ReplicaEndpoint> {
        if !self.configured.is_empty() {
            return self.configured.clone();
        }
        match &self.local {
            Some(local) if local.seems_running() => vec![ReplicaEndpoint {
                address: local.address(&self.local_database),
                name: "localhost:5433".to_string(),
            }],
            _ => Vec::new(),
        }
    }
}

/// Where the last read went, for the status bar (read without a query).
#[derive(Debug, Clone, PartialEq)]
pub enum ReadState {
    /// Nothing has been read yet.
    Unused,
    Replica {
        name: String,
    },
    /// The replica has not yet replayed this person's latest change: the primary answered.
    CatchingUp {
        name: String,
    },
    Lagging {
        name: String,
        seconds: u64,
    },
    Unavailable {
        name: String,
    },
}

/// What a replica said about itself.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Health {
    in_recovery: bool,
    replayed: i64,
    lag_seconds: f64,
}

struct ReplicaPool {
    name: String,
    pool: PgPool,
    /// Set when it could not be reached: not tried again before then.
    resting_until: Mutex<Option<Instant>>,
}

pub struct ReadRouter {
    primary: PgPool,
    replicas: Vec<ReplicaPool>,
    max_lag: Duration,
    recheck_after: Duration,
    /// The primary's WAL position after this person's latest change.
    own_writes_at: Mutex<i64>,
    next: Mutex<usize>,
    state: Mutex<ReadState>,
}

impl std::fmt::Debug for ReadRouter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.replicas.iter().map(|r| r.name.as_str()).collect();
        f.debug_struct("ReadRouter")
            .field("replicas", &names)
            .field("state", &self.state())
            .finish()
    }
}

impl ReadRouter {
    /// A router for a person's session; None when there is no replica to read from.
    pub fn new(primary: &PgPool, replicas: &Replicas) -> Option<Arc<ReadRouter>> {
        let login = primary.connect_options();
        let pools: Vec<ReplicaPool> = replicas
            .endpoints()
            .into_iter()
            .filter_map(|endpoint| {
                let options = replica_options(&login, &endpoint)?;
                Some(ReplicaPool {
                    name: endpoint.name,
                    pool: replica_pool(options),
                    resting_until: Mutex::new(None),
                })
            })
            .collect();
        if pools.is_empty() {
            return None;
        }
        Some(Arc::new(ReadRouter {
            primary: primary.clone(),
            replicas: pools,
            max_lag: replicas.max_lag,
            recheck_after: replicas.recheck_after,
            own_writes_at: Mutex::new(0),
            next: Mutex::new(0),
            state: Mutex::new(ReadState::Unused),
        }))
    }

    pub fn state(&self) -> ReadState {
        lock(&self.state).clone()
    }

    /// Sets what the status bar shows, for tests of the drawing.
    #[cfg(test)]
    pub(crate) fn show_state_for_test(&self, state: ReadState) {
        *lock(&self.state) = state;
    }

    pub fn primary(&self) -> &PgPool {
        &self.primary
    }

    /// The pool for a read: a replica that is fit, else the primary. Asks each replica
    /// tried one short question (its health and replay position).
    pub async fn read_pool(&self) -> PgPool {
        let needed = *lock(&self.own_writes_at);
        let first = {
            let mut next = lock(&self.next);
            let first = *next;
            *next = (first + 1) % self.replicas.len();
            first
        };
        let mut state = None;
        for offset in 0..self.replicas.len() {
            let replica = &self.replicas[(first + offset) % self.replicas.len()];
            let verdict = self.judge(replica, needed).await;
            let usable = matches!(verdict, ReadState::Replica { .. });
            state = Some(verdict);
            if usable {
                *lock(&self.state) = state.take().unwrap_or(ReadState::Unused);
                return replica.pool.clone();
            }
        }
        if let Some(state) = state {
            *lock(&self.state) = state;
        }
        self.primary.clone()
    }

    async fn judge(&self, replica: &ReplicaPool, needed: i64) -> ReadState {
        let name = replica.name.clone();
        if lock(&replica.resting_until).is_some_and(|until| Instant::now() < until) {
            return ReadState::Unavailable { name };
        }
        // A second try: the first may meet a pooled connection that died with a restart.
        let answer = match health(&replica.pool).await {
            Ok(health) => Ok(health),
            Err(_) => health(&replica.pool).await,
        };
        let health = match answer {
            Ok(health) => health,
            Err(error) => {
                tracing::warn!("replica {name} is not answering: {error}");
                *lock(&replica.resting_until) = Some(Instant::now() + self.recheck_after);
                return ReadState::Unavailable { name };
            }
        };
        *lock(&replica.resting_until) = None;
        verdict(name, health, self.max_lag, needed)
    }

    /// Notes where the primary's WAL is after a change of this person's (or a change they
    /// were told of), so that later reads go to a replica only once it has replayed that far.
    pub async fn note_primary_position(&self) {
        let position: sqlx::Result<i64> =
            sqlx::query_scalar("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::int8")
                .fetch_one(&self.primary)
                .await;
        match position {
            Ok(position) => {
                let mut own = lock(&self.own_writes_at);
                *own = (*own).max(position);
            }
            Err(error) => tracing::warn!("reading the primary's WAL position: {error}"),
        }
    }

    /// Closes the replica pools (the primary pool belongs to the session).
    pub async fn close(&self) {
        for replica in &self.replicas {
            replica.pool.close().await;
        }
    }
}

/// The verdict on a replica from its answer.
fn verdict(name: String, health: Health, max_lag: Duration, needed: i64) -> ReadState {
    if !health.in_recovery {
        // A promoted or misconfigured server: not a copy of the primary.
        return ReadState::Unavailable { name };
    }
    if health.lag_seconds > max_lag.as_secs_f64() {
        return ReadState::Lagging {
            name,
            seconds: health.lag_seconds.round() as u64,
        };
    }
    if health.replayed < needed {
        return ReadState::CatchingUp { name };
    }
    ReadState::Replica { name }
}

/// One round trip. Lag is 0 when everything received has been replayed and the WAL
/// receiver is connected (an idle primary must not look like lag); otherwise the age of the
/// last replayed transaction.
async fn health(pool: &PgPool) -> sqlx::Result<Health> {
    let (in_recovery, replayed, lag_seconds): (bool, Option<i64>, Option<f64>) = sqlx::query_as(
        "SELECT pg_is_in_recovery(),
                pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::int8,
                CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                          AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8",
    )
    .fetch_one(pool)
    .await?;
    Ok(Health {
        in_recovery,
        replayed: replayed.unwrap_or(0),
        lag_seconds: lag_seconds.unwrap_or(0.0),
    })
}

/// How far behind a replica is, in seconds, as the router measures it.
pub async fn lag_seconds(pool: &PgPool) -> sqlx::Result<f64> {
    health(pool).await.map(|health| health.lag_seconds)
}

/// The login's options with the replica's place. None when the login uses a socket and
/// the replica a TCP host: the options cannot forget a socket once set.
fn replica_options(
    login: &PgConnectOptions,
    endpoint: &ReplicaEndpoint,
) -> Option<PgConnectOptions> {
    let address = &endpoint.address;
    let mut options = login.clone().port(address.get_port());
    match address.get_socket() {
        Some(socket) => options = options.socket(socket),
        None if login.get_socket().is_some() => {
            tracing::warn!(
                "replica {} is a TCP address but the primary is reached by a socket; not used",
                endpoint.name
            );
            return None;
        }
        None => options = options.host(address.get_host()),
    }
    if let Some(database) = address.get_database() {
        options = options.database(database);
    }
    Some(options)
}

/// Lazily connected; the health question is asked before each use, so no test on acquire.
fn replica_pool(options: PgConnectOptions) -> PgPool {
    PgPoolOptions::new()
        .max_connections(5)
        .min_connections(0)
        .acquire_timeout(CONNECT_PATIENCE)
        .idle_timeout(Duration::from_secs(300))
        .test_before_acquire(false)
        .connect_lazy_with(options)
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn health(in_recovery: bool, replayed: i64, lag_seconds: f64) -> Health {
        Health {
            in_recovery,
            replayed,
            lag_seconds,
        }
    }

    const BOUND: Duration = Duration::from_secs(30);

    #[test]
    fn a_standby_within_the_bound_and_past_the_own_change_answers() {
        assert_eq!(
            verdict("r".into(), health(true, 200, 0.0), BOUND, 200),
            ReadState::Replica { name: "r".into() }
        );
    }

    #[test]
    fn a_standby_behind_the_own_change_leaves_the_read_to_the_primary() {
        assert_eq!(
            verdict("r".into(), health(true, 199, 0.0), BOUND, 200),
            ReadState::CatchingUp { name: "r".into() }
        );
    }

    #[test]
    fn lag_beyond_the_bound_or_a_server_not_in_recovery_is_not_used() {
        assert_eq!(
            verdict("r".into(), health(true, 500, 31.4), BOUND, 0),
            ReadState::Lagging {
                name: "r".into(),
                seconds: 31
            }
        );
        assert_eq!(
            verdict("r".into(), health(false, 500, 0.0), BOUND, 0),
            ReadState::Unavailable { name: "r".into() }
        );
    }

    #[test]
    fn a_replica_keeps_the_login_but_takes_its_own_place() {
        let login = PgConnectOptions::new()
            .host("primary.example")
            .port(5432)
            .username("wichai")
            .password("secret")
            .database("prakan")
            .application_name("prakan 1234abcd");
        let endpoint = ReplicaEndpoint::from_url("postgresql://replica.example:6432").unwrap();
        let options = replica_options(&login, &endpoint).expect("TCP to TCP works");
        assert_eq!(options.get_host(), "replica.example");
        assert_eq!(options.get_port(), 6432);
        assert_eq!(options.get_username(), "wichai");
        assert_eq!(options.get_database(), Some("prakan"));
        assert_eq!(options.get_application_name(), Some("prakan 1234abcd"));

        let by_socket = login.clone().socket("/run/prakan");
        assert!(replica_options(&by_socket, &endpoint).is_none());
        let local = ReplicaEndpoint::from_url("postgresql://%2Frun%2Freplica:5433/other").unwrap();
        let options = replica_options(&by_socket, &local).expect("socket to socket works");
        assert_eq!(
            options.get_socket().map(|p| p.display().to_string()),
            Some("/run/replica".into())
        );
        assert_eq!(options.get_database(), Some("other"));
    }
}
