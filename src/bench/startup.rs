//! `prakan bench startup`: how fast the interface comes up and answers, and what it costs
//! while idle. The screens are drawn on ratatui's TestBackend (the terminal itself is left
//! out: it is not prakan's work).
//!
//! - warm: the cluster already runs → login screen drawn (open, migration check, demo
//!   check, first frame);
//! - cold: a new data directory → initdb, migrations, demo data, first frame;
//! - key → frame: `update` plus a full draw, for the keys of everyday work;
//! - idle CPU and resident memory of the process while logged in, with the real tick and
//!   connection check running.

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::Summary;
use crate::config::Settings;
use crate::db::target::Target;
use crate::i18n::Lang;
use crate::tui::app::{App, AppConfig, Screen};
use crate::tui::keymap::Keymap;
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use crate::tui::{Runtime, TICK};

#[derive(Debug, Clone, serde::Serialize)]
pub struct StartupReport {
    pub warm_to_login_screen: Summary,
    pub cold_to_login_screen: Summary,
    pub key_to_frame: Summary,
    pub rss_after_login_mb: f64,
    pub idle_cpu_percent: f64,
    pub idle_seconds: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Target(#[from] crate::db::target::TargetError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error("{0}")]
    Other(String),
}

impl StartupError {
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            StartupError::Target(error) => error.message(),
            StartupError::Database(error) => crate::db::error::message(error),
            StartupError::Other(detail) => {
                crate::msg!("bench-startup-failed", detail = detail.as_str())
            }
        }
    }
}

pub async fn run(
    settings: &Settings,
    warm_runs: usize,
    cold_runs: usize,
    idle_seconds: u64,
) -> Result<StartupReport, StartupError> {
    if settings.database_url.is_some() {
        return Err(StartupError::Other(
            "the startup benchmark needs the embedded cluster".into(),
        ));
    }
    // Keep the cluster up for the warm runs, as a running prakan would.
    let holder = Target::open(settings, false).await?;
    holder.prepare_embedded().await?;

    let mut warm = Vec::new();
    for _ in 0..warm_runs {
        let started = Instant::now();
        let (target, app) = open_to_login(settings).await?;
        warm.push(started.elapsed());
        drop(app);
        drop(target);
    }
    let warm_to_login_screen = Summary::of(warm.clone(), warm.iter().sum());

    let mut app = log_in_as_demo_adjuster(&holder).await?;
    let key_to_frame = key_latencies(&mut app);
    let rss_after_login_mb = resident_megabytes();
    let idle_cpu_percent = idle_cpu(app, idle_seconds).await?;
    drop(holder);

    let mut cold = Vec::new();
    for _ in 0..cold_runs {
        cold.push(cold_start(settings).await?);
    }
    let cold_to_login_screen = Summary::of(cold.clone(), cold.iter().sum());
    Ok(StartupReport {
        warm_to_login_screen,
        cold_to_login_screen,
        key_to_frame,
        rss_after_login_mb,
        idle_cpu_percent,
        idle_seconds,
    })
}

/// What `prakan` does from its start to the first frame of the login screen.
async fn open_to_login(settings: &Settings) -> Result<(Target, App), StartupError> {
    let target = Target::open(settings, false).await?;
    target.prepare_embedded().await?;
    let pool = crate::db::admin_pool(target.admin_options(), 1).await?;
    let demo_accounts = crate::seed::demo::demo_present(&pool).await?;
    pool.close().await;
    let mut app = new_app(&target, demo_accounts);
    draw(&mut app);
    Ok((target, app))
}

fn new_app(target: &Target, demo_accounts: bool) -> App {
    App::new(AppConfig {
        lang: Lang::Th,
        theme: Theme::default(),
        keymap: Keymap::default(),
        target: target.login_target(),
        demo_accounts,
        idle_lock_after: Duration::from_secs(15 * 60),
        data_dir: std::env::temp_dir().join("prakan-bench-data"),
        now: Instant::now(),
    })
}

fn draw(app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let _ = terminal.draw(|frame| crate::tui::view::draw(app, frame));
}

fn press(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Logs in through the screens as the demo adjuster and waits for the home figures.
async fn log_in_as_demo_adjuster(target: &Target) -> Result<App, StartupError> {
    let mut runtime = Runtime::new(new_app(target, true));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let keys = runtime.sender();
    for c in "somchai".chars() {
        let _ = keys.send(press(KeyCode::Char(c)));
    }
    let _ = keys.send(press(KeyCode::Tab));
    for c in crate::seed::demo::DEMO_PASSWORD.chars() {
        let _ = keys.send(press(KeyCode::Char(c)));
    }
    let _ = keys.send(press(KeyCode::Enter));
    let home =
        |app: &App| matches!(&app.screen, Screen::Home(home) if home.figures.loaded().is_some());
    let reached = runtime
        .run_until(&mut terminal, home, Some(Duration::from_secs(20)))
        .await
        .map_err(|e| StartupError::Other(e.to_string()))?;
    if !reached {
        return Err(StartupError::Other(
            "the demo adjuster could not log in (is the demo loaded?)".into(),
        ));
    }
    Ok(runtime.app)
}

/// Update plus a full redraw for the keys of everyday work, many times over.
fn key_latencies(app: &mut App) -> Summary {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let keys = [
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Char('?'),
        KeyCode::Esc,
        KeyCode::Char('1'),
        KeyCode::Char('ก'),
        KeyCode::Char('ิ'),
        KeyCode::Char('a'),
        KeyCode::Backspace,
        KeyCode::Backspace,
        KeyCode::Backspace,
        KeyCode::F(2),
        KeyCode::F(2),
        KeyCode::Esc,
        KeyCode::Char(':'),
        KeyCode::Char('a'),
        KeyCode::Esc,
    ];
    let mut latencies = Vec::new();
    let started = Instant::now();
    for _ in 0..100 {
        for code in keys {
            let begun = Instant::now();
            let _commands = app.update(press(code));
            let _ = terminal.draw(|frame| crate::tui::view::draw(app, frame));
            latencies.push(begun.elapsed());
        }
    }
    Summary::of(latencies, started.elapsed())
}

/// The process's CPU use over `seconds` of the real loop with nobody typing.
async fn idle_cpu(app: App, seconds: u64) -> Result<f64, StartupError> {
    let mut runtime = Runtime::new(app);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    let ticks = runtime.sender();
    let ticker = tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        loop {
            interval.tick().await;
            if ticks.send(Msg::Tick(Instant::now())).is_err() {
                break;
            }
        }
    });
    let cpu_before = cpu_time();
    let wall = Instant::now();
    runtime
        .run_until(&mut terminal, |_| false, Some(Duration::from_secs(seconds)))
        .await
        .map_err(|e| StartupError::Other(e.to_string()))?;
    ticker.abort();
    let used = cpu_time().saturating_sub(cpu_before);
    Ok(100.0 * used.as_secs_f64() / wall.elapsed().as_secs_f64())
}

/// A new data directory each time: initdb, migrations, demo data, first frame.
async fn cold_start(settings: &Settings) -> Result<Duration, StartupError> {
    let dir = std::env::temp_dir().join(format!("prakan-bench-cold-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| StartupError::Other(e.to_string()))?;
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755));
    }
    let cold_settings = Settings {
        data_dir: dir.clone(),
        ..settings.clone()
    };
    let started = Instant::now();
    let target = Target::open(&cold_settings, false).await?;
    target.prepare_embedded().await?;
    let pool = crate::db::admin_pool(target.admin_options(), 2).await?;
    crate::seed::demo::seed(&pool, chrono::Utc::now()).await?;
    pool.close().await;
    let mut app = new_app(&target, true);
    draw(&mut app);
    let elapsed = started.elapsed();
    drop(app);
    drop(target);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(elapsed)
}

fn cpu_time() -> Duration {
    let usage = nix::sys::resource::getrusage(nix::sys::resource::UsageWho::RUSAGE_SELF);
    match usage {
        Ok(usage) => {
            let user = usage.user_time();
            let system = usage.system_time();
            Duration::new(user.tv_sec() as u64, user.tv_usec() as u32 * 1000)
                + Duration::new(system.tv_sec() as u64, system.tv_usec() as u32 * 1000)
        }
        Err(_) => Duration::ZERO,
    }
}

/// Resident memory of this process, from /proc/self/status.
fn resident_megabytes() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
