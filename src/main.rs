//! The `prakan` command.

mod cli;

use std::process::ExitCode;

use clap::FromArgMatches;
use prakan::i18n::Lang;

fn main() -> ExitCode {
    let lang_asked = lang_argument();
    let settings = match prakan::config::Settings::load() {
        Ok(settings) => settings,
        Err(error) => {
            let lang = lang_asked.unwrap_or_else(Lang::from_environment);
            eprintln!("prakan: {}", error.message().text(lang));
            return ExitCode::FAILURE;
        }
    };
    let lang = lang_asked
        .or(settings.lang)
        .unwrap_or_else(Lang::from_environment);
    let matches = cli::help::command(lang).get_matches();
    let args = cli::Args::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
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

/// `--lang th` or `--lang=en`, read before the command line is parsed, so that the help
/// itself can be in that language.
fn lang_argument() -> Option<Lang> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => args.get(i + 1).and_then(|code| Lang::parse(code)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::parse),
            None => None,
        })
}
