//! `prakan customer …`: a customer's data for the PDPA right to portability, as the staff
//! member who asks (the database checks they may, and the audit trail records them).

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use uuid::Uuid;

use prakan::config::Settings;
use prakan::domain::lookup::{Classified, Lookup, LookupKind, parse_as};
use prakan::{msg, tr};

use super::{Ctx, Outcome};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Write everything about a customer as JSON (PDPA s.31), to standard output or a file.
    Export {
        /// The customer: its id, or its national or tax ID.
        customer: String,
        /// The staff account to act as (PRAKAN_USER).
        #[arg(long = "as", env = "PRAKAN_USER", value_name = "USERNAME")]
        username: String,
        /// Write to this file (created readable by its owner only) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run(command: CustomerCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    match command {
        CustomerCommand::Export {
            customer,
            username,
            output,
            password_stdin,
        } => export(settings, ctx, &customer, &username, output, password_stdin).await,
    }
}

async fn export(
    settings: &Settings,
    ctx: Ctx,
    customer: &str,
    username: &str,
    output: Option<PathBuf>,
    password_stdin: bool,
) -> Outcome {
    let lang = ctx.lang;
    let pool = super::log_in(settings, ctx, username, password_stdin).await?;
    let id = resolve(&pool, customer).await?;
    let document = prakan::db::pdpa::export(&pool, id).await?;
    pool.close().await;
    let text = serde_json::to_string_pretty(&document)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    match output {
        None => println!("{text}"),
        Some(path) => {
            write_private(&path, &text)?;
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "cli-customer-exported",
                    path = path.display().to_string()
                )
            );
        }
    }
    Ok(())
}

/// A customer id as given, or the customer with that national ID.
async fn resolve(pool: &sqlx::PgPool, customer: &str) -> Outcome<Uuid> {
    if let Ok(id) = customer.trim().parse::<Uuid>() {
        return Ok(id);
    }
    let lookup = match parse_as(LookupKind::NationalId, customer.trim()) {
        Classified::Ready(lookup @ Lookup::NationalId(_)) => lookup,
        _ => return Err(msg!("cli-customer-unknown-form", customer = customer).into()),
    };
    let page = prakan::db::lookup::search(pool, &lookup, true, 0).await?;
    match page.hits.as_slice() {
        [hit] => Ok(hit.customer_id),
        _ => Err(msg!("cli-customer-not-found", customer = customer).into()),
    }
}

fn write_private(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}
