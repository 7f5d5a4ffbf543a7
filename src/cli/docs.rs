//! `prakan docs …`: print a policy's documents or a receipt as a staff member.
//!
//! - `policy NUMBER --as USER`: the schedule, and the CMI certificate of a CMI policy
//!   (underwriters).
//! - `receipt NUMBER --as USER`: the receipt / tax invoice (finance, administrators); the
//!   first print is the original, later ones copies.
//!
//! Documents are printed as the person, never as the owner connection: the owner bypasses
//! the grants and row-level security that say who may print what, and the audit trail and
//! `created_by` would not name anyone. So, as `prakan reconcile import`, the command logs
//! in with the staff member's password (prompted, or the first line of standard input with
//! `--password-stdin`). Files go to the data directory's `documents/`.

use clap::Subcommand;

use prakan::config::Settings;
use prakan::db::documents::{self, PrintError};

use super::{Ctx, Failure, Outcome};

#[derive(Debug, Subcommand)]
pub enum DocsCommand {
    /// Print a policy's schedule (and its CMI certificate) to the data directory.
    Policy {
        /// The policy number, e.g. C1-2569-0000123.
        number: String,
        /// The staff account to act as (PRAKAN_USER): an underwriter.
        #[arg(long = "as", env = "PRAKAN_USER", value_name = "USERNAME")]
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Print a receipt / tax invoice (a copy when printed before).
    Receipt {
        /// The receipt number, e.g. RC-2569-0000001.
        number: String,
        /// The staff account to act as (PRAKAN_USER): finance.
        #[arg(long = "as", env = "PRAKAN_USER", value_name = "USERNAME")]
        username: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run(command: DocsCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    let lang = ctx.lang;
    match command {
        DocsCommand::Policy {
            number,
            username,
            password_stdin,
        } => {
            let pool = super::log_in(settings, ctx, &username, password_stdin).await?;
            let printed = documents::print_policy(&pool, &settings.data_dir, &number).await;
            pool.close().await;
            println!("{}", printed.map_err(failure)?.sentence(lang));
            Ok(())
        }
        DocsCommand::Receipt {
            number,
            username,
            password_stdin,
        } => {
            let pool = super::log_in(settings, ctx, &username, password_stdin).await?;
            let printed = documents::print_receipt(&pool, &settings.data_dir, &number).await;
            pool.close().await;
            println!("{}", printed.map_err(failure)?.sentence(lang));
            Ok(())
        }
    }
}

fn failure(error: PrintError) -> Failure {
    tracing::error!("{error}");
    Failure(error.message())
}
