//! The `prakan` command.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let settings = match prakan::config::Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("prakan: {error}");
            return ExitCode::FAILURE;
        }
    };
    let _log_guard = cli::logging::init(&settings, args.log_level.as_deref());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("prakan: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args, settings)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error:#}");
            eprintln!("prakan: {error}");
            ExitCode::FAILURE
        }
    }
}
