//! The status bar's note on where reads go, when read replicas are configured.

use insta::assert_snapshot;

use super::*;
use crate::db::replica::{ReadState, ReplicaEndpoint, Replicas};

/// An app whose login target lists one replica (never reached: these tests only draw).
fn app_with_replica(lang: Lang) -> App {
    let mut app = app(lang, false);
    app.target.replicas = Replicas {
        configured: vec![ReplicaEndpoint {
            address: PgConnectOptions::new()
                .socket("/nonexistent/prakan-replica")
                .port(5433),
            name: "localhost:5433".into(),
        }],
        ..Replicas::default()
    };
    app
}

fn logged_in_adjuster(app: &mut App) {
    let cmds = log_in(app, GroupRole::Adjuster);
    with_figures(app, cmds, GroupRole::Adjuster);
    app.toast = None;
}

fn status_line(app: &mut App) -> String {
    let drawn = screen(app, 80, 24);
    drawn.lines().last().unwrap_or_default().to_string()
}

#[tokio::test]
async fn without_replicas_the_status_bar_says_nothing_of_them() {
    let mut app = app(Lang::En, false);
    logged_in_adjuster(&mut app);
    assert!(app.read_router().is_none(), "no router without replicas");
    assert!(!status_line(&mut app).contains("replica"));
}

#[tokio::test]
async fn a_login_with_a_replica_gets_a_router_that_says_nothing_before_reading() {
    let mut app = app_with_replica(Lang::En);
    logged_in_adjuster(&mut app);
    let router = app.read_router().expect("a router for the session");
    assert_eq!(router.state(), ReadState::Unused);
    assert!(!status_line(&mut app).contains("replica"));
}

#[tokio::test]
async fn the_status_bar_says_where_reads_go_and_when_they_fall_back() {
    for lang in Lang::ALL {
        let mut app = app_with_replica(lang);
        logged_in_adjuster(&mut app);
        let router = app.read_router().expect("a router");
        let name = "localhost:5433".to_string();
        for (case, state) in [
            ("reading", ReadState::Replica { name: name.clone() }),
            (
                "lagging",
                ReadState::Lagging {
                    name: name.clone(),
                    seconds: 42,
                },
            ),
            ("unavailable", ReadState::Unavailable { name: name.clone() }),
        ] {
            router.show_state_for_test(state);
            assert_snapshot!(
                format!("replica_status_{case}_{}", lang.code()),
                screen(&mut app, 80, 24)
            );
        }
    }
}
