//! The test database harness (DESIGN §6). One PostgreSQL per test process: the server named
//! by PRAKAN_TEST_DATABASE_URL, or a private throwaway cluster that dies with the process.
//! Migrations run once into a template database; each test gets its own database cloned
//! from it (about 50 ms) and dropped afterwards.

use std::str::FromStr;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{Connection, PgConnection};

use prakan::domain::staff::GroupRole;
use prakan::pg::throwaway::Throwaway;

enum Server {
    Throwaway(Throwaway),
    External(PgConnectOptions),
}

impl Server {
    fn options(&self, database: &str) -> PgConnectOptions {
        match self {
            Server::Throwaway(cluster) => cluster.superuser_options(database),
            Server::External(options) => options.clone().database(database),
        }
    }
}

/// The server, started on first use. Without PostgreSQL every database test fails with the
/// launcher's sentence saying what to install.
fn server() -> &'static Server {
    static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();
    let server = SERVER.get_or_init(|| match std::env::var("PRAKAN_TEST_DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => PgConnectOptions::from_str(&url)
            .map(Server::External)
            .map_err(|e| format!("PRAKAN_TEST_DATABASE_URL is not usable: {e}")),
        _ => {
            let pg_bin = std::env::var_os("PG_BIN").map(std::path::PathBuf::from);
            Throwaway::start(pg_bin.as_deref())
                .map(Server::Throwaway)
                .map_err(|e| e.to_string())
        }
    });
    match server {
        Ok(server) => server,
        Err(sentence) => panic!("no PostgreSQL for the tests: {sentence}"),
    }
}

/// The throwaway cluster, when the tests run on one (not on PRAKAN_TEST_DATABASE_URL).
pub fn throwaway() -> Option<&'static Throwaway> {
    match server() {
        Server::Throwaway(cluster) => Some(cluster),
        Server::External(_) => None,
    }
}

/// The test server as its superuser, for pg_dump and pg_restore, naming `database`.
pub fn backup_server(database: &str) -> prakan::db::backup::Server {
    match server() {
        Server::Throwaway(cluster) => {
            prakan::db::backup::Server::embedded(cluster.cluster(), database)
        }
        Server::External(_) => {
            let url = std::env::var("PRAKAN_TEST_DATABASE_URL").expect("the test server's URL");
            let pg_bin = std::env::var_os("PG_BIN").map(std::path::PathBuf::from);
            prakan::db::backup::Server::from_url(&url, pg_bin.as_deref())
                .expect("a usable test server URL")
                .naming(database)
        }
    }
}

/// Runs async setup work on a runtime of its own, so a template built by one test's runtime
/// does not depend on that runtime staying alive.
fn block_on_own_runtime<T: Send + 'static>(work: impl Future<Output = T> + Send + 'static) -> T {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime")
            .block_on(work)
    })
    .join()
    .expect("template thread")
}

fn schema_template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("tpl_{}", prakan::db::migrate::schema_fingerprint());
        block_on_own_runtime(build_template(name.clone(), None))
            .expect("building the schema template");
        name
    })
}

fn demo_template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let base = schema_template().to_string();
        let name = format!("tpl_demo_{}", prakan::db::migrate::schema_fingerprint());
        block_on_own_runtime(build_template(name.clone(), Some(base)))
            .expect("building the demo template");
        name
    })
}

/// Builds a template database unless one of that name exists: from scratch with the
/// migrations, or (`from`) as a clone of another template with the demo data added.
/// An advisory lock keeps two test processes sharing a server from building it twice.
async fn build_template(name: String, from: Option<String>) -> Result<(), sqlx::Error> {
    let mut admin = PgConnection::connect_with(&server().options("postgres")).await?;
    sqlx::query("SELECT pg_advisory_lock(hashtext($1))")
        .bind(&name)
        .execute(&mut admin)
        .await?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(&name)
            .fetch_one(&mut admin)
            .await?;
    if !exists {
        let building = format!("{name}_building");
        execute(
            &mut admin,
            &format!("DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)"),
        )
        .await?;
        match &from {
            Some(base) => {
                execute(
                    &mut admin,
                    &format!("CREATE DATABASE \"{building}\" TEMPLATE \"{base}\""),
                )
                .await?
            }
            None => execute(&mut admin, &format!("CREATE DATABASE \"{building}\"")).await?,
        }
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect_with(server().options(&building))
            .await?;
        if from.is_some() {
            prakan::db::migrate::secure_database(&pool).await?;
            prakan::seed::demo::seed(&pool, chrono::Utc::now()).await?;
        } else {
            prakan::db::migrate::run(&pool)
                .await
                .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
        }
        pool.close().await;
        execute(
            &mut admin,
            &format!("ALTER DATABASE \"{building}\" RENAME TO \"{name}\""),
        )
        .await?;
        execute(
            &mut admin,
            &format!("ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false"),
        )
        .await?;
    }
    sqlx::query("SELECT pg_advisory_unlock(hashtext($1))")
        .bind(&name)
        .execute(&mut admin)
        .await?;
    admin.close().await
}

async fn execute(connection: &mut PgConnection, sql: &str) -> Result<(), sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(sql.to_string()))
        .execute(connection)
        .await?;
    Ok(())
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// A short name unique to this process and call, usable as a database or role name.
pub fn unique(prefix: &str) -> String {
    format!(
        "{prefix}{}x{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A database of one's own for one test.
pub struct TestDb {
    pub name: String,
    /// The superuser (owner) pool: for arranging data and checking what was stored.
    pub pool: PgPool,
}

impl TestDb {
    /// A database with the schema and the reference data, and nothing else.
    pub async fn new() -> TestDb {
        TestDb::cloned_from(schema_template()).await
    }

    /// A database holding the demo data and the demo staff accounts.
    pub async fn with_demo() -> TestDb {
        TestDb::cloned_from(demo_template()).await
    }

    /// A database with nothing in it at all.
    pub async fn empty() -> TestDb {
        let name = unique("t_");
        let mut admin = PgConnection::connect_with(&server().options("postgres"))
            .await
            .expect("admin connection");
        execute(&mut admin, &format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create database");
        admin.close().await.expect("close");
        TestDb::open(name).await
    }

    /// A database a test had made some other way (a restore), dropped like the others.
    pub async fn adopt(name: String) -> TestDb {
        TestDb::open(name).await
    }

    async fn cloned_from(template: &str) -> TestDb {
        let name = unique("t_");
        let mut admin = PgConnection::connect_with(&server().options("postgres"))
            .await
            .expect("admin connection");
        execute(
            &mut admin,
            &format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""),
        )
        .await
        .expect("clone the template");
        admin.close().await.expect("close");
        let db = TestDb::open(name).await;
        prakan::db::migrate::secure_database(&db.pool)
            .await
            .expect("secure the clone");
        db
    }

    async fn open(name: String) -> TestDb {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect_with(server().options(&name))
            .await
            .expect("connect to the test database");
        TestDb { name, pool }
    }

    /// How the terminal interface reaches this database to log people in.
    pub fn login_target(&self) -> prakan::tui::LoginTarget {
        prakan::tui::LoginTarget {
            base: server().options(&self.name),
            described: format!("the test database {}", self.name),
            embedded: true,
            replicas: Default::default(),
        }
    }

    /// Options for logging in as a role with a password, as prakan's login screen does.
    pub fn login_options(&self, username: &str, password: &str) -> PgConnectOptions {
        server()
            .options(&self.name)
            .username(username)
            .password(password)
    }

    /// A connection pool logged in as that role.
    pub async fn login(&self, username: &str, password: &str) -> Result<PgPool, sqlx::Error> {
        PgPoolOptions::new()
            .max_connections(2)
            .connect_with(self.login_options(username, password))
            .await
    }

    /// A new staff account in `group`; returns its username (the password is PASSWORD).
    pub async fn create_staff(&self, group: GroupRole) -> String {
        self.create_staff_with_limit(group, rust_decimal::Decimal::ZERO)
            .await
    }

    pub async fn create_staff_with_limit(
        &self,
        group: GroupRole,
        limit: rust_decimal::Decimal,
    ) -> String {
        let username = unique(&format!("{}_", group.short_name()));
        let mut connection = self.pool.acquire().await.expect("connection");
        prakan::db::staff::create(
            &mut connection,
            &prakan::db::staff::NewStaff {
                username: &username,
                group,
                first_name: "ทดสอบ",
                last_name: group.short_name(),
                password: PASSWORD,
                authority_limit: limit,
                email: None,
            },
        )
        .await
        .expect("create a staff account");
        username
    }

    /// The staff directory id of a username.
    pub async fn staff_id(&self, username: &str) -> uuid::Uuid {
        sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(&self.pool)
            .await
            .expect("a staff account")
    }

    /// A pool logged in as a new staff account of `group`.
    pub async fn staff_pool(&self, group: GroupRole) -> (String, PgPool) {
        let username = self.create_staff(group).await;
        let pool = self
            .login(&username, PASSWORD)
            .await
            .expect("log in as the new account");
        (username, pool)
    }
}

pub const PASSWORD: &str = "correct horse battery";

impl Drop for TestDb {
    fn drop(&mut self) {
        let name = self.name.clone();
        let options = server().options("postgres");
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async move {
                let mut admin = PgConnection::connect_with(&options).await.ok()?;
                execute(
                    &mut admin,
                    &format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
                )
                .await
                .ok()?;
                admin.close().await.ok()
            })
        })
        .join();
    }
}

/// The SQLSTATE and constraint of a failed statement, for asserting which rule refused it.
pub fn violation(error: &sqlx::Error) -> (String, Option<String>) {
    match error {
        sqlx::Error::Database(db) => (
            db.code().unwrap_or_default().to_string(),
            db.constraint().map(str::to_string),
        ),
        other => (format!("not a database error: {other}"), None),
    }
}

/// Asserts that a statement failed because of the named constraint.
#[track_caller]
pub fn assert_refused_by<T: std::fmt::Debug>(result: Result<T, sqlx::Error>, constraint: &str) {
    match result {
        Ok(value) => panic!("expected {constraint} to refuse it, but it was accepted: {value:?}"),
        Err(error) => assert_eq!(
            violation(&error).1.as_deref(),
            Some(constraint),
            "refused, but not by {constraint}: {error}"
        ),
    }
}
