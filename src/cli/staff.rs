//! `prakan staff …`: accounts are PostgreSQL login roles plus a staff directory row.

use std::io::BufRead;

use anyhow::bail;
use clap::Subcommand;
use rust_decimal::Decimal;

use prakan::config::Settings;
use prakan::db::staff::{self as staff_db, NewStaff};
use prakan::domain::staff::{GroupRole, password_problem, username_problem};

use super::{OpenOptions, open, sentence};

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create a staff account (asks for the password, or reads it with --password-stdin).
    Add {
        username: String,
        /// agent, underwriter, adjuster, surveyor, finance, auditor or admin.
        #[arg(long)]
        role: String,
        /// Full name, e.g. "สมชาย ใจดี".
        #[arg(long)]
        name: String,
        /// The largest amount in THB this person may approve.
        #[arg(long, value_name = "THB", default_value = "0")]
        authority_limit: Decimal,
        #[arg(long)]
        email: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List staff accounts.
    List,
    /// Stop an account from logging in.
    Disable { username: String },
    /// Let a disabled account log in again.
    Enable { username: String },
    /// Move an account to another group role.
    SetRole { username: String, role: String },
    /// Set an account's password.
    Passwd {
        username: String,
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run(
    command: StaffCommand,
    settings: &Settings,
    options: OpenOptions,
) -> anyhow::Result<()> {
    let (_target, pool) = open(settings, options).await?;
    let result = match command {
        StaffCommand::Add {
            username,
            role,
            name,
            authority_limit,
            email,
            password_stdin,
        } => {
            add(
                &pool,
                &username,
                &role,
                &name,
                authority_limit,
                email.as_deref(),
                password_stdin,
            )
            .await
        }
        StaffCommand::List => list(&pool).await,
        StaffCommand::Disable { username } => set_active(&pool, &username, false).await,
        StaffCommand::Enable { username } => set_active(&pool, &username, true).await,
        StaffCommand::SetRole { username, role } => set_role(&pool, &username, &role).await,
        StaffCommand::Passwd {
            username,
            password_stdin,
        } => passwd(&pool, &username, password_stdin).await,
    };
    pool.close().await;
    result
}

fn parse_role(role: &str) -> anyhow::Result<GroupRole> {
    GroupRole::parse(role).ok_or_else(|| {
        let known: Vec<&str> = GroupRole::ALL.iter().map(|r| r.short_name()).collect();
        anyhow::anyhow!(
            "'{role}' is not a group role; use one of {}",
            known.join(", ")
        )
    })
}

async fn add(
    pool: &sqlx::PgPool,
    username: &str,
    role: &str,
    name: &str,
    authority_limit: Decimal,
    email: Option<&str>,
    password_stdin: bool,
) -> anyhow::Result<()> {
    let group = parse_role(role)?;
    if let Some(problem) = username_problem(username) {
        bail!("'{username}' cannot be a username: {problem}.");
    }
    if authority_limit < Decimal::ZERO {
        bail!("The authority limit cannot be negative.");
    }
    let (first_name, last_name) = name.trim().split_once(' ').unwrap_or((name.trim(), ""));
    if first_name.is_empty() {
        bail!("A name is needed, e.g. --name \"สมชาย ใจดี\".");
    }
    let password = read_password(username, password_stdin)?;
    let mut tx = pool.begin().await.map_err(sentence)?;
    staff_db::create(
        &mut tx,
        &NewStaff {
            username,
            group,
            first_name,
            last_name: last_name.trim(),
            password: &password,
            authority_limit,
            email,
        },
    )
    .await
    .map_err(sentence)?;
    tx.commit().await.map_err(sentence)?;
    println!("Created {username} ({group}). They can log in now.");
    Ok(())
}

async fn list(pool: &sqlx::PgPool) -> anyhow::Result<()> {
    let staff = staff_db::list(pool).await.map_err(sentence)?;
    let rows: Vec<Vec<String>> = staff
        .iter()
        .map(|s| {
            vec![
                s.username.clone(),
                s.group_role.trim_start_matches("prakan_").to_string(),
                format!("{} {}", s.first_name, s.last_name)
                    .trim()
                    .to_string(),
                format!("{:.2}", s.authority_limit),
                if s.can_log_in {
                    s.account_status.clone()
                } else {
                    format!("{} (no login)", s.account_status)
                },
                s.last_login_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "never".into()),
            ]
        })
        .collect();
    super::table::print(
        &[
            "username",
            "role",
            "name",
            "authority THB",
            "status",
            "last login",
        ],
        &rows,
    );
    Ok(())
}

async fn set_active(pool: &sqlx::PgPool, username: &str, active: bool) -> anyhow::Result<()> {
    if !staff_db::set_active(pool, username, active)
        .await
        .map_err(sentence)?
    {
        bail!("There is no staff account named {username}.");
    }
    println!(
        "{username} {}.",
        if active {
            "can log in again"
        } else {
            "can no longer log in"
        }
    );
    Ok(())
}

async fn set_role(pool: &sqlx::PgPool, username: &str, role: &str) -> anyhow::Result<()> {
    let group = parse_role(role)?;
    if !staff_db::set_group(pool, username, group)
        .await
        .map_err(sentence)?
    {
        bail!("There is no staff account named {username}.");
    }
    println!("{username} is now in the {group} group.");
    Ok(())
}

async fn passwd(pool: &sqlx::PgPool, username: &str, password_stdin: bool) -> anyhow::Result<()> {
    let password = read_password(username, password_stdin)?;
    staff_db::set_password(pool, username, &password)
        .await
        .map_err(sentence)?;
    println!("The password of {username} has been changed.");
    Ok(())
}

/// Reads a new password without echo (twice, to catch typos), or from standard input.
fn read_password(username: &str, from_stdin: bool) -> anyhow::Result<String> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first = rpassword::prompt_password(format!("New password for {username}: "))?;
        let second = rpassword::prompt_password("Again: ")?;
        if first != second {
            bail!("The two passwords differ; nothing was changed.");
        }
        first
    };
    if let Some(problem) = password_problem(username, &password) {
        bail!("That password will not do: {problem}.");
    }
    Ok(password)
}
