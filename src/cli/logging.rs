//! Logs go to a file in the data directory, never to the terminal.

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

use prakan::config::Settings;

/// Starts logging to `<data dir>/logs/prakan.log`. Returns None (and logs nothing) when
/// that directory cannot be written.
pub fn init(settings: &Settings, level: Option<&str>) -> Option<WorkerGuard> {
    let dir = settings.data_dir.join("logs");
    std::fs::create_dir_all(&dir).ok()?;
    let file = tracing_appender::rolling::never(&dir, "prakan.log");
    let (writer, guard) = tracing_appender::non_blocking(file);
    let filter = EnvFilter::try_new(level.unwrap_or(&settings.log_level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
