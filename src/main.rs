//! The `prakan` command.

mod cli;

use std::process::ExitCode;

use clap::Parser;
use prakan::i18n::Lang;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    let settings = match prakan::config::Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            let lang = args
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_else(Lang::from_environment);
            eprintln!("prakan: {}", error.message().text(lang));
            return ExitCode::FAILURE;
        }
    };
    let lang = args
        .lang
        .as_deref()
        .and_then(Lang::parse)
        .or(settings.lang)
        .unwrap_or_else(Lang::from_environment);
    let _log_guard = cli::logging::init(&settings, args.log_level.as_deref());
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("prakan: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args, settings, lang)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(cli::Failure(message)) => {
            eprintln!("prakan: {}", message.text(lang));
            ExitCode::FAILURE
        }
    }
}
