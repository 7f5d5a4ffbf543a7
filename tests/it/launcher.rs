//! The embedded PostgreSQL as a user meets it: the real `prakan` binary creating a cluster,
//! a second process sharing it, the last one out stopping it.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("a temporary directory");
        // As root, PostgreSQL runs as `postgres`, which must be able to enter the directory.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        Sandbox { dir }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_prakan"));
        command
            .args(args)
            .env("PRAKAN_DATA_DIR", self.dir.path())
            .env("PRAKAN_CONFIG", self.dir.path().join("no-config.toml"))
            .env("PRAKAN_LANG", "en")
            .env_remove("DATABASE_URL")
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run prakan")
    }

    fn run_ok(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert!(
            output.status.success(),
            "prakan {args:?} failed: {}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).to_string()
    }

    fn server_line(&self) -> String {
        self.run_ok(&["db", "status"])
            .lines()
            .find(|l| l.starts_with("server:"))
            .unwrap_or_default()
            .to_string()
    }

    fn wait_for_server(&self, running: bool) {
        let started = Instant::now();
        while self.server_line().contains("running") != running {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server never became {running}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.run(&["db", "stop", "--force"]);
    }
}

#[test]
fn a_fresh_cluster_is_shared_and_the_last_process_stops_it() {
    let sandbox = Sandbox::new();

    let first = sandbox.run_ok(&["--no-demo", "migrate"]);
    assert!(
        first.contains("Created a new embedded PostgreSQL cluster"),
        "{first}"
    );
    assert!(
        first.contains("Geography: 77 provinces, 928 amphoes, 7436 tambons"),
        "{first}"
    );
    assert_eq!(
        sandbox.server_line(),
        "server:   stopped",
        "the last process out stopped it"
    );
    assert!(
        Path::new(&sandbox.dir.path().join("logs/prakan.log")).exists(),
        "logs go to the data directory"
    );

    // Process A holds the cluster while psql waits for input.
    let mut holder: Child = sandbox
        .command(&["db", "psql"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("prakan db psql");
    sandbox.wait_for_server(true);

    let second = sandbox.run_ok(&["migrate"]);
    assert!(
        !second.contains("Created a new"),
        "the second process reuses the cluster"
    );
    assert!(
        sandbox.server_line().contains("running"),
        "A still uses it, so B left it running"
    );

    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    assert_eq!(
        sandbox.server_line(),
        "server:   stopped",
        "A was the last one out"
    );

    sandbox.run_ok(&["db", "start"]);
    sandbox.run_ok(&["migrate"]);
    let line = sandbox.server_line();
    assert!(
        line.contains("running") && line.ends_with("kept running"),
        "{line}"
    );
    let url = sandbox.run_ok(&["db", "url"]);
    let through_url = sandbox
        .command(&["db", "status"])
        .env("DATABASE_URL", url.trim())
        .output()
        .unwrap();
    let through_url = String::from_utf8_lossy(&through_url.stdout);
    assert!(
        through_url.contains("server:   reachable"),
        "the URL of `db url` works as DATABASE_URL: {url}\n{through_url}"
    );
    assert!(sandbox.run_ok(&["db", "stop"]).contains("has stopped"));
    assert_eq!(sandbox.server_line(), "server:   stopped");
}

#[test]
fn the_default_run_brings_up_a_cluster_with_the_demo() {
    let sandbox = Sandbox::new();
    let output = sandbox.run_ok(&[]);
    assert!(
        output.contains("Created a new embedded PostgreSQL cluster"),
        "{output}"
    );
    assert!(output.contains("Demo data loaded"), "{output}");
    assert!(
        output.contains("Demo accounts (password for all: prakan-demo)"),
        "{output}"
    );
    for username in [
        "anong", "wichai", "somchai", "thana", "malee", "napat", "sudarat",
    ] {
        assert!(output.contains(username), "{username} is listed");
    }
    let counts = output
        .lines()
        .find(|l| l.starts_with("data:"))
        .expect("a data line");
    assert!(
        counts.contains(" customers") && !counts.starts_with("data:     0 customers"),
        "{counts}"
    );

    let psql = sandbox
        .command(&[
            "db",
            "psql",
            "--",
            "-tAc",
            "SELECT count(*) > 250 FROM customers",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&psql.stdout).trim(),
        "t",
        "prakan db psql shows the demo data"
    );

    let again = sandbox.run_ok(&["seed", "--demo"]);
    assert!(again.contains("already loaded"), "{again}");
}

#[test]
fn a_pg_bin_without_a_server_gets_one_clear_sentence() {
    let sandbox = Sandbox::new();
    let empty = tempfile::tempdir().unwrap();
    let output = sandbox
        .command(&["db", "status"])
        .env("PG_BIN", empty.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim(),
        format!(
            "prakan: PG_BIN is set to {}, which does not hold postgres, initdb and pg_ctl. Point PG_BIN at a \
             PostgreSQL bin directory, or unset it.",
            empty.path().display()
        )
    );
}
