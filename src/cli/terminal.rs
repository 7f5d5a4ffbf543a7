//! `prakan` without a subcommand: the terminal interface, or, when output is not a
//! terminal, a plain overview of the database.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use prakan::config::Settings;
use prakan::db::replica::Replicas;
use prakan::db::target::EMBEDDED_DATABASE;
use prakan::tui::app::{App, AppConfig};
use prakan::tui::keymap::Keymap;
use prakan::tui::theme::Theme;
use prakan::{msg, tr};

use super::{Ctx, Outcome, database, open};

pub async fn run(settings: &Settings, ctx: Ctx) -> Outcome {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return database::overview(settings, ctx).await;
    }
    let (target, pool) = open(settings, ctx).await?;
    let demo_accounts = prakan::seed::demo::demo_present(&pool).await?;
    pool.close().await;

    let (keymap, unreadable) = Keymap::with_overrides(&settings.keys);
    for entry in unreadable {
        eprintln!("{}", tr!(ctx.lang, "cli-config-bad-key", entry = entry));
    }
    let theme = Theme::with_overrides(&settings.theme).unwrap_or_else(|entry| {
        eprintln!("{}", tr!(ctx.lang, "cli-config-bad-colour", entry = entry));
        Theme::default()
    });
    let mut login_target = target.login_target();
    login_target.replicas = Replicas::from_settings(settings, target.cluster(), EMBEDDED_DATABASE)
        .map_err(|(url, detail)| msg!("replica-bad-url", url = url, detail = detail))?;
    let app = App::new(AppConfig {
        lang: ctx.lang,
        theme,
        keymap,
        target: login_target,
        demo_accounts,
        idle_lock_after: Duration::from_secs(settings.idle_lock_minutes * 60),
        data_dir: settings.data_dir.clone(),
        now: Instant::now(),
    });
    prakan::tui::run(app).await?;
    drop(target);
    Ok(())
}
