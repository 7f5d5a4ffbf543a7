//! Read replicas against a real streaming replica of the throwaway cluster (pg_basebackup
//! -R, hot standby): whitelisted reads are answered by the standby, writes by the primary,
//! the read after a save sees the save, and a replica that lags or stops leaves reads to
//! the primary with the router saying so.
//!
//! One replica serves the test process. Tests that pause its replay or stop it take turns
//! (TURN). On an external PRAKAN_TEST_DATABASE_URL server these tests say so and do nothing:
//! its replicas are not the suite's to make.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use prakan::db::replica::{ReadRouter, ReadState, ReplicaEndpoint, Replicas};
use prakan::db::session;
use prakan::domain::customer::{AddressInput, CustomerDraft, CustomerInput, Gender};
use prakan::domain::lookup::Lookup;
use prakan::domain::staff::GroupRole;
use prakan::pg::LocalReplica;
use prakan::tui::cmd::Cmd;
use prakan::tui::msg::Msg;
use prakan::tui::screens::customers::work::{CustomersCmd, CustomersMsg, Save};
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Row};
use uuid::Uuid;

use crate::fixtures;
use crate::harness::{self, PASSWORD, TestDb};

static TURN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The replica, started on first use; None on an external test server.
fn replica() -> Option<&'static LocalReplica> {
    static REPLICA: OnceLock<Option<LocalReplica>> = OnceLock::new();
    REPLICA
        .get_or_init(|| {
            let cluster = harness::throwaway()?;
            Some(cluster.start_replica().expect("a streaming replica"))
        })
        .as_ref()
}

/// A superuser connection pool on the replica's copy of `database`.
async fn on_replica(replica: &LocalReplica, database: &str) -> PgPool {
    PgPoolOptions::new()
        .max_connections(1)
        .connect_with(replica.superuser_options(database))
        .await
        .expect("the replica accepts connections")
}

/// Waits until the replica has replayed everything the primary has written so far.
async fn wait_for_replay(db: &TestDb, replica: &LocalReplica) {
    let written: i64 =
        sqlx::query_scalar("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::int8")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let standby = on_replica(replica, "postgres").await;
    let started = Instant::now();
    loop {
        let replayed: i64 =
            sqlx::query_scalar("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0')::int8")
                .fetch_one(&standby)
                .await
                .unwrap();
        if replayed >= written {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the replica did not catch up"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    standby.close().await;
}

async fn pause_replay(replica: &LocalReplica) {
    let standby = on_replica(replica, "postgres").await;
    sqlx::query("SELECT pg_wal_replay_pause()")
        .execute(&standby)
        .await
        .unwrap();
    standby.close().await;
}

async fn resume_replay(replica: &LocalReplica) {
    let standby = on_replica(replica, "postgres").await;
    sqlx::query("SELECT pg_wal_replay_resume()")
        .execute(&standby)
        .await
        .unwrap();
    standby.close().await;
}

/// A database, a staff member logged in as prakan logs people in, and their read router.
struct Setup {
    db: TestDb,
    replica: &'static LocalReplica,
    router: Arc<ReadRouter>,
}

async fn setup(group: GroupRole, max_lag: Duration) -> Option<Setup> {
    let Some(replica) = replica() else {
        eprintln!("PRAKAN_TEST_DATABASE_URL is an external server: no replica to test with");
        return None;
    };
    let db = TestDb::new().await;
    let username = db.create_staff(group).await;
    let logged_in = session::log_in(
        db.login_options(&username, PASSWORD),
        "the test database",
        "prakan test",
    )
    .await
    .expect("logs in");
    wait_for_replay(&db, replica).await;
    let replicas = Replicas {
        configured: vec![ReplicaEndpoint {
            address: replica.address(&db.name),
            name: "test replica".into(),
        }],
        max_lag,
        recheck_after: Duration::from_millis(200),
        ..Replicas::default()
    };
    let router = ReadRouter::new(&logged_in.pool, &replicas).expect("a replica to route to");
    Some(Setup {
        db,
        replica,
        router,
    })
}

/// Runs a command the way the interface does (through the router) and returns its answer.
async fn perform(cmd: Cmd, router: &Arc<ReadRouter>) -> Msg {
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    cmd.perform(tx, Some(router.clone())).await;
    rx.recv().await.expect("the command answered")
}

async fn in_recovery(pool: &PgPool) -> bool {
    sqlx::query_scalar("SELECT pg_is_in_recovery()")
        .fetch_one(pool)
        .await
        .unwrap()
}

fn search(router: &ReadRouter, national_id: String) -> Cmd {
    Cmd::Customers {
        pool: router.primary().clone(),
        cmd: CustomersCmd::Search {
            request: 1,
            lookup: Lookup::NationalId(national_id),
            page: 0,
            full_national_id: true,
            delay: Duration::ZERO,
        },
    }
}

/// How many customers a routed lookup by national ID found.
async fn found(router: &Arc<ReadRouter>, national_id: String) -> usize {
    match perform(search(router, national_id), router).await {
        Msg::Customers(answer) => match *answer {
            CustomersMsg::Searched { result, .. } => result.expect("the lookup runs").hits.len(),
            other => panic!("not a lookup's answer: {other:?}"),
        },
        other => panic!("not a customers answer: {other:?}"),
    }
}

/// Loads the customer's 360 through the router: whether it was there.
async fn load(router: &Arc<ReadRouter>, id: Uuid) -> bool {
    let rights = prakan::db::rights::customer_rights(router.primary())
        .await
        .unwrap();
    let cmd = Cmd::Customers {
        pool: router.primary().clone(),
        cmd: CustomersCmd::Load {
            request: 2,
            id,
            rights,
        },
    };
    match perform(cmd, router).await {
        Msg::Customers(answer) => match *answer {
            CustomersMsg::Loaded { result, .. } => result.expect("the 360 loads").is_some(),
            other => panic!("not a 360's answer: {other:?}"),
        },
        other => panic!("not a customers answer: {other:?}"),
    }
}

fn new_customer(n: u64) -> CustomerDraft {
    let input = CustomerInput {
        first_name: "มานี".into(),
        last_name: "มีนา".into(),
        first_name_en: "Manee".into(),
        last_name_en: "Meena".into(),
        national_id: fixtures::national_id(n),
        date_of_birth: "01/02/2531".into(),
        gender: Some(Gender::Female),
        phone: format!("089-111-{:04}", n),
        address: AddressInput {
            house_no: "7".into(),
            tambon_code: Some("100101".into()),
            postal_code: Some("10200".into()),
            ..AddressInput::default()
        },
        ..CustomerInput::default()
    };
    CustomerDraft::parse(
        &input,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    )
    .expect("a valid customer")
}

#[tokio::test]
async fn a_lookup_is_answered_by_the_replica_a_save_by_the_primary_and_the_next_read_sees_it() {
    let _turn = TURN.lock().await;
    let Some(setup) = setup(GroupRole::Underwriter, Duration::from_secs(60)).await else {
        return;
    };
    let router = &setup.router;
    assert!(
        in_recovery(&router.read_pool().await).await,
        "a read goes to the standby"
    );
    assert_eq!(
        router.state(),
        ReadState::Replica {
            name: "test replica".into()
        }
    );

    // With replay paused, a customer added on the primary exists only there: a lookup that
    // does not find it was answered by the replica.
    pause_replay(setup.replica).await;
    fixtures::customer(&setup.db.pool, 1).await.unwrap();
    assert_eq!(found(router, fixtures::national_id(1)).await, 0);

    // A save through prakan goes to the primary (the standby would refuse it)…
    let saved = perform(
        Cmd::Customers {
            pool: router.primary().clone(),
            cmd: CustomersCmd::Save {
                request: 3,
                save: Save::CreateCustomer(Box::new(new_customer(2))),
            },
        },
        router,
    )
    .await;
    let id = match saved {
        Msg::Customers(answer) => match *answer {
            CustomersMsg::Saved { result, .. } => result
                .expect("the save went to the primary")
                .customer
                .expect("a new customer"),
            other => panic!("not a save's answer: {other:?}"),
        },
        other => panic!("not a customers answer: {other:?}"),
    };
    // …and the screen after it reads the save although the replica has not replayed it.
    assert!(load(router, id).await, "the 360 after the save shows it");
    assert_eq!(
        router.state(),
        ReadState::CatchingUp {
            name: "test replica".into()
        }
    );
    assert!(!in_recovery(&router.read_pool().await).await);

    resume_replay(setup.replica).await;
    wait_for_replay(&setup.db, setup.replica).await;
    assert!(load(router, id).await);
    assert_eq!(
        router.state(),
        ReadState::Replica {
            name: "test replica".into()
        },
        "once replayed, the replica answers again"
    );
    assert_eq!(found(router, fixtures::national_id(1)).await, 1);
}

#[tokio::test]
async fn a_replica_beyond_the_lag_bound_leaves_reads_to_the_primary() {
    let _turn = TURN.lock().await;
    let Some(setup) = setup(GroupRole::Underwriter, Duration::from_secs(1)).await else {
        return;
    };
    let router = &setup.router;
    pause_replay(setup.replica).await;
    fixtures::customer(&setup.db.pool, 3).await.unwrap();
    // The replica receives the change but does not replay it: its lag grows past 1 s.
    let started = Instant::now();
    let lagging = loop {
        let pool = router.read_pool().await;
        if let ReadState::Lagging { seconds, .. } = router.state() {
            assert!(!in_recovery(&pool).await, "a lagging replica is not used");
            break seconds;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the lag never passed the bound: {:?}",
            router.state()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(lagging >= 1, "{lagging}");
    assert_eq!(
        found(router, fixtures::national_id(3)).await,
        1,
        "the primary answered"
    );
    resume_replay(setup.replica).await;
    wait_for_replay(&setup.db, setup.replica).await;
    assert_eq!(found(router, fixtures::national_id(3)).await, 1);
    assert!(matches!(router.state(), ReadState::Replica { .. }));
}

#[tokio::test]
async fn a_stopped_replica_makes_reads_fall_back_to_the_primary_and_says_so() {
    let _turn = TURN.lock().await;
    let Some(setup) = setup(GroupRole::Underwriter, Duration::from_secs(60)).await else {
        return;
    };
    let router = &setup.router;
    fixtures::customer(&setup.db.pool, 4).await.unwrap();
    wait_for_replay(&setup.db, setup.replica).await;
    assert_eq!(found(router, fixtures::national_id(4)).await, 1);
    assert!(matches!(router.state(), ReadState::Replica { .. }));

    assert!(setup.replica.stop().expect("pg_ctl stop"), "it was running");
    let started = Instant::now();
    assert_eq!(
        found(router, fixtures::national_id(4)).await,
        1,
        "the primary answered"
    );
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "falling back took {:?}",
        started.elapsed()
    );
    assert_eq!(
        router.state(),
        ReadState::Unavailable {
            name: "test replica".into()
        }
    );
    assert_eq!(
        prakan::tr!(prakan::i18n::Lang::En, "replica-status-unavailable"),
        "replica down → primary"
    );

    harness::throwaway()
        .expect("the throwaway cluster")
        .start_replica()
        .expect("the replica starts again");
    wait_for_replay(&setup.db, setup.replica).await;
    tokio::time::sleep(Duration::from_millis(250)).await;
    assert_eq!(found(router, fixtures::national_id(4)).await, 1);
    assert!(
        matches!(router.state(), ReadState::Replica { .. }),
        "after the pause, the replica is tried again: {:?}",
        router.state()
    );
}

/// Every whitelisted command, run for a role that may run it on a pool connected to the
/// standby, answers without an error: none of them writes (a standby refuses with 25006)
/// or needs anything that exists only on the primary.
#[tokio::test]
async fn every_whitelisted_read_runs_on_a_standby() {
    use prakan::tui::screens::audit::work::AuditCmd;
    use prakan::tui::screens::charts::ChartKind;
    use prakan::tui::screens::charts::work::ChartsCmd;
    use prakan::tui::screens::claims::work::ClaimsCmd;
    use prakan::tui::screens::policies::work::PoliciesCmd;
    use prakan::tui::screens::reconcile::work::ReconcileCmd;

    let _turn = TURN.lock().await;
    let Some(replica) = replica() else {
        return;
    };
    let db = TestDb::new().await;
    let customer = fixtures::customer(&db.pool, 5).await.unwrap();
    let mut roles = Vec::new();
    for group in GroupRole::ALL {
        roles.push((group, db.create_staff(group).await));
    }
    wait_for_replay(&db, replica).await;
    let standby_pool = |username: &str| {
        PgPoolOptions::new().max_connections(1).connect_lazy_with(
            replica
                .address(&db.name)
                .username(username)
                .password(PASSWORD),
        )
    };
    let as_group = |group: GroupRole| {
        let username = &roles.iter().find(|(g, _)| *g == group).unwrap().1;
        standby_pool(username)
    };
    let underwriter = as_group(GroupRole::Underwriter);
    let adjuster = as_group(GroupRole::Adjuster);
    let rights = prakan::db::rights::customer_rights(&underwriter)
        .await
        .unwrap();
    let mut cmds = vec![
        Cmd::Customers {
            pool: underwriter.clone(),
            cmd: CustomersCmd::LoadRights,
        },
        Cmd::Customers {
            pool: underwriter.clone(),
            cmd: CustomersCmd::Search {
                request: 1,
                lookup: Lookup::Name(vec!["somying".into()]),
                page: 0,
                full_national_id: false,
                delay: Duration::ZERO,
            },
        },
        Cmd::Customers {
            pool: underwriter.clone(),
            cmd: CustomersCmd::Load {
                request: 1,
                id: customer,
                rights,
            },
        },
        Cmd::Policies {
            pool: underwriter.clone(),
            cmd: PoliciesCmd::FindVehicles {
                request: 1,
                lookup: Lookup::Plate {
                    plate: "1กก1234".into(),
                    province: None,
                },
            },
            data_dir: std::env::temp_dir(),
        },
        Cmd::Policies {
            pool: underwriter.clone(),
            cmd: PoliciesCmd::LoadPolicy {
                request: 1,
                id: Uuid::new_v4(),
            },
            data_dir: std::env::temp_dir(),
        },
        Cmd::Policies {
            pool: underwriter.clone(),
            cmd: PoliciesCmd::LoadRenewals { request: 1 },
            data_dir: std::env::temp_dir(),
        },
        Cmd::Policies {
            pool: as_group(GroupRole::Agent),
            cmd: PoliciesCmd::LoadQuotes { request: 1 },
            data_dir: std::env::temp_dir(),
        },
        Cmd::Claims {
            pool: adjuster.clone(),
            cmd: ClaimsCmd::LoadSla,
        },
        Cmd::Claims {
            pool: adjuster.clone(),
            cmd: ClaimsCmd::LoadClaim {
                request: 1,
                id: Uuid::new_v4(),
            },
        },
        Cmd::Claims {
            pool: adjuster.clone(),
            cmd: ClaimsCmd::FindPolicies {
                request: 1,
                text: "สมหญิง".into(),
            },
        },
        Cmd::Reconcile {
            pool: as_group(GroupRole::Finance),
            cmd: ReconcileCmd::LoadOverview { request: 1 },
            data_dir: std::env::temp_dir(),
        },
        Cmd::Audit {
            pool: as_group(GroupRole::Auditor),
            cmd: AuditCmd::LoadChoices { request: 1 },
        },
        Cmd::Audit {
            pool: as_group(GroupRole::Auditor),
            cmd: AuditCmd::LoadPage {
                request: 1,
                filter: Default::default(),
                after: None,
            },
        },
        Cmd::LoadHistory {
            request: 1,
            pool: underwriter.clone(),
            table: "customers",
            id: customer,
        },
    ];
    for tab in prakan::db::claim_queue::QueueTab::ALL {
        cmds.push(Cmd::Claims {
            pool: adjuster.clone(),
            cmd: ClaimsCmd::LoadQueue {
                request: 1,
                tab,
                filter: Default::default(),
            },
        });
    }
    for kind in ChartKind::ALL {
        cmds.push(Cmd::Charts {
            pool: as_group(kind.groups()[0]),
            cmd: ChartsCmd::Load { request: 1, kind },
        });
    }
    for group in GroupRole::ALL {
        cmds.push(Cmd::LoadFigures {
            request: 1,
            pool: as_group(group),
            groups: vec![group],
        });
    }
    for cmd in cmds {
        assert!(cmd.replica_safe(), "on the whitelist: {cmd:?}");
        let described = format!("{cmd:?}");
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        cmd.perform(tx, None).await;
        let answer = format!("{:?}", rx.recv().await.expect("an answer"));
        // Each answer carries its result; an error shows as `Err(` in it.
        assert!(
            !answer.contains("Err("),
            "{described}\nfailed on the standby: {answer}"
        );
    }
    // And the standby really is one, as the logins there see it.
    let check = standby_pool(&roles[0].1);
    let row =
        sqlx::query("SELECT pg_is_in_recovery(), EXISTS (SELECT 1 FROM pg_stat_wal_receiver)")
            .fetch_one(&check)
            .await
            .unwrap();
    assert!(row.get::<bool, _>(0) && row.get::<bool, _>(1));
}
