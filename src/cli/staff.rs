//! `prakan staff …`: accounts are PostgreSQL login roles plus a staff directory row.

use std::io::BufRead;

use clap::Subcommand;
use rust_decimal::Decimal;

use prakan::config::Settings;
use prakan::db::staff::{self as staff_db, NewStaff};
use prakan::domain::staff::{GroupRole, password_problem, username_problem};
use prakan::i18n::{Lang, Message, money};
use prakan::{msg, tr};

use super::{Ctx, Outcome, open};

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

pub async fn run(command: StaffCommand, settings: &Settings, ctx: Ctx) -> Outcome {
    let (_target, pool) = open(settings, ctx).await?;
    let lang = ctx.lang;
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
                lang,
                &username,
                &role,
                &name,
                authority_limit,
                email.as_deref(),
                password_stdin,
            )
            .await
        }
        StaffCommand::List => list(&pool, lang).await,
        StaffCommand::Disable { username } => set_active(&pool, lang, &username, false).await,
        StaffCommand::Enable { username } => set_active(&pool, lang, &username, true).await,
        StaffCommand::SetRole { username, role } => set_role(&pool, lang, &username, &role).await,
        StaffCommand::Passwd {
            username,
            password_stdin,
        } => passwd(&pool, lang, &username, password_stdin).await,
    };
    pool.close().await;
    result
}

fn parse_role(role: &str) -> Result<GroupRole, Message> {
    GroupRole::parse(role).ok_or_else(|| {
        let known: Vec<&str> = GroupRole::ALL.iter().map(|r| r.short_name()).collect();
        msg!("cli-staff-bad-role", role = role, known = known.join(", "))
    })
}

#[allow(clippy::too_many_arguments)]
async fn add(
    pool: &sqlx::PgPool,
    lang: Lang,
    username: &str,
    role: &str,
    name: &str,
    authority_limit: Decimal,
    email: Option<&str>,
    password_stdin: bool,
) -> Outcome {
    let group = parse_role(role)?;
    if let Some(problem) = username_problem(username) {
        let why = problem.message();
        return Err(msg!(
            "cli-staff-bad-username",
            username = username,
            why = why.text(lang)
        )
        .into());
    }
    if authority_limit < Decimal::ZERO {
        return Err(msg!("cli-staff-negative-limit").into());
    }
    let (first_name, last_name) = name.trim().split_once(' ').unwrap_or((name.trim(), ""));
    if first_name.is_empty() {
        return Err(msg!("cli-staff-need-name").into());
    }
    let password = read_password(lang, username, password_stdin)?;
    let mut tx = pool.begin().await?;
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
    .await?;
    tx.commit().await?;
    println!(
        "{}",
        tr!(
            lang,
            "cli-staff-created",
            username = username,
            role = prakan::i18n::role_name(lang, group)
        )
    );
    Ok(())
}

async fn list(pool: &sqlx::PgPool, lang: Lang) -> Outcome {
    let staff = staff_db::list(pool).await?;
    let rows: Vec<Vec<String>> = staff
        .iter()
        .map(|s| {
            vec![
                s.username.clone(),
                GroupRole::parse(&s.group_role)
                    .map(|group| prakan::i18n::role_name(lang, group))
                    .unwrap_or_else(|| s.group_role.clone()),
                format!("{} {}", s.first_name, s.last_name)
                    .trim()
                    .to_string(),
                money(s.authority_limit),
                tr!(
                    lang,
                    "cli-staff-status",
                    status = s.account_status.as_str(),
                    login = if s.can_log_in { "yes" } else { "no" }
                ),
                s.last_login_at
                    .map(|t| {
                        prakan::i18n::date_time(lang, prakan::i18n::Calendar::default_for(lang), t)
                    })
                    .unwrap_or_else(|| tr!(lang, "account-never")),
            ]
        })
        .collect();
    let headers = [
        "username",
        "role",
        "name",
        "authority",
        "status",
        "last-login",
    ]
    .map(|column| tr!(lang, "cli-staff-column", column = column));
    super::table::print(&headers, &rows);
    Ok(())
}

async fn set_active(pool: &sqlx::PgPool, lang: Lang, username: &str, active: bool) -> Outcome {
    if !staff_db::set_active(pool, username, active).await? {
        return Err(msg!("cli-staff-not-found", username = username).into());
    }
    let said = if active {
        tr!(lang, "cli-staff-enabled", username = username)
    } else {
        tr!(lang, "cli-staff-disabled", username = username)
    };
    println!("{said}");
    Ok(())
}

async fn set_role(pool: &sqlx::PgPool, lang: Lang, username: &str, role: &str) -> Outcome {
    let group = parse_role(role)?;
    if !staff_db::set_group(pool, username, group).await? {
        return Err(msg!("cli-staff-not-found", username = username).into());
    }
    println!(
        "{}",
        tr!(
            lang,
            "cli-staff-role-set",
            username = username,
            role = prakan::i18n::role_name(lang, group)
        )
    );
    Ok(())
}

async fn passwd(pool: &sqlx::PgPool, lang: Lang, username: &str, password_stdin: bool) -> Outcome {
    let password = read_password(lang, username, password_stdin)?;
    staff_db::set_password(pool, username, &password).await?;
    println!(
        "{}",
        tr!(lang, "cli-staff-password-changed", username = username)
    );
    Ok(())
}

/// Reads a new password without echo (twice, to catch typos), or from standard input.
fn read_password(lang: Lang, username: &str, from_stdin: bool) -> Outcome<String> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first =
            rpassword::prompt_password(tr!(lang, "cli-password-prompt", username = username))?;
        let second = rpassword::prompt_password(tr!(lang, "cli-password-again"))?;
        if first != second {
            return Err(msg!("cli-password-differ").into());
        }
        first
    };
    if let Some(problem) = password_problem(username, &password) {
        let why = problem.message();
        return Err(msg!("cli-password-bad", why = why.text(lang)).into());
    }
    Ok(password)
}
