//! Drawing: the title bar, the screen, the key hints, the status bar, and any overlay.
//! Drawing reads the state and never waits for anything.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::access;
use super::app::{App, ConfirmAction, Connection, Overlay, Screen, Tone};
use super::keymap::{Action, Context};
use super::screens::Ui;
use super::widgets::{modal, spinner, text};
use crate::db::replica::ReadState;
use crate::tr;

pub fn draw(app: &mut App, frame: &mut Frame) {
    let [title, body, hints, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    if matches!(app.overlay, Some(Overlay::Lock(_))) {
        draw_lock(app, frame, body);
    } else {
        draw_screen(app, frame, body);
    }
    draw_title(app, frame, title);
    draw_hints(app, frame, hints);
    draw_status(app, frame, status);
    match &app.overlay {
        Some(Overlay::Help) => draw_help(app, frame),
        Some(Overlay::About) => draw_about(app, frame),
        Some(Overlay::Palette(_)) => draw_palette(app, frame),
        Some(Overlay::Confirm(action)) => draw_confirm(app, frame, *action),
        Some(Overlay::History(_)) => draw_history(app, frame, body),
        Some(Overlay::Lock(_)) | None => {}
    }
    text::split_sara_am(frame.buffer_mut());
}

fn draw_screen(app: &mut App, frame: &mut Frame, area: Rect) {
    let area = area.inner(ratatui::layout::Margin::new(1, 0));
    let active = app.overlay.is_none();
    let lang = app.lang;
    let ui = Ui {
        lang,
        calendar: app.calendar,
        today: app.today(),
        theme: &app.theme,
        tick: app.tick,
    };
    match (&mut app.screen, &app.session) {
        (Screen::Login(login), _) => login.render(frame, area, &ui, app.demo_accounts, active),
        (Screen::Home(home), Some(session)) => home.render(frame, area, &ui, &session.staff),
        (Screen::Account(account), Some(session)) => {
            account.render(frame, area, &ui, &session.staff, lang, active)
        }
        (Screen::Health(health), Some(_)) => health.render(frame, area, &ui),
        (Screen::Audit(audit), Some(_)) => audit.render(frame, area, &ui),
        (Screen::Charts(charts), Some(_)) => charts.render(frame, area, &ui),
        (Screen::Customers(customers), Some(_)) => customers.render(frame, area, &ui, active),
        (Screen::Policies(policies), Some(_)) => policies.render(frame, area, &ui),
        (Screen::Claims(claims), Some(_)) => claims.render(frame, area, &ui),
        (Screen::Reconcile(reconcile), Some(_)) => reconcile.render(frame, area, &ui),
        (Screen::Staff(staff), Some(_)) => staff.render(frame, area, &ui),
        (Screen::Settings(settings), Some(_)) => settings.render(frame, area, &ui),
        _ => {}
    }
}

fn screen_title(app: &App) -> String {
    match app.screen.id() {
        Some(screen) => crate::i18n::text(app.lang, access::entry(screen).title, &[]),
        None => tr!(app.lang, "login-title"),
    }
}

fn draw_title(app: &App, frame: &mut Frame, area: Rect) {
    let left = format!(" {} · {}", tr!(app.lang, "app-name"), screen_title(app));
    let key = |action| {
        app.keymap
            .first_key(Context::Global, action)
            .map(|k| k.to_string())
            .unwrap_or_default()
    };
    let right = format!(
        "{} {}  {} {}  {} {} ",
        key(Action::Help),
        tr!(app.lang, "title-help"),
        key(Action::Palette),
        tr!(app.lang, "title-palette"),
        key(Action::ToggleLanguage),
        tr!(app.lang, "title-other-language")
    );
    let width = area.width as usize;
    let right = if text::width(&left) + text::width(&right) + 1 > width {
        String::new()
    } else {
        right
    };
    let gap = width.saturating_sub(text::width(&left) + text::width(&right));
    let line = Line::from(vec![
        Span::styled(text::truncate(&left, width), app.theme.title()),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, app.theme.muted()),
    ]);
    frame.render_widget(Paragraph::new(line).style(app.theme.bar()), area);
}

/// The most useful keys of the screen, from the live keymap.
/// The shared history pane over the screen's body.
fn draw_history(app: &mut App, frame: &mut Frame, body: Rect) {
    let today = app.today();
    let ui = Ui {
        lang: app.lang,
        calendar: app.calendar,
        today,
        theme: &app.theme,
        tick: app.tick,
    };
    if let Some(Overlay::History(pane)) = &mut app.overlay {
        let area = body.inner(ratatui::layout::Margin::new(1, 0));
        pane.render(
            frame,
            crate::tui::widgets::modal::centered(area, 100, area.height),
            &ui,
        );
    }
}

fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let context = app.context();
    let wanted: Vec<Action> = match &app.screen {
        _ if context == crate::tui::keymap::Context::History => {
            vec![Action::Up, Action::Down, Action::Back]
        }
        Screen::Login(_) => vec![Action::Submit, Action::NextField, Action::Quit],
        Screen::Home(_) => vec![Action::Open, Action::Refresh, Action::Quit],
        Screen::Account(_) => vec![
            Action::Submit,
            Action::NextField,
            Action::SaveLanguage,
            Action::Back,
        ],
        Screen::Health(_) => vec![Action::Filter, Action::Sort, Action::Refresh, Action::Back],
        Screen::Customers(customers) => customers.hints(),
        Screen::Policies(policies) => policies.hints(),
        Screen::Claims(claims) => claims.hints(),
        Screen::Reconcile(reconcile) => reconcile.hints(),
        Screen::Staff(staff) => staff.hints(),
        Screen::Audit(audit) => audit.hints(),
        Screen::Charts(charts) => charts.hints(),
        Screen::Settings(settings) => settings.hints(),
    };

    let mut spans = Vec::new();
    if matches!(app.screen, Screen::Home(_)) {
        spans.push(Span::styled("1–9 ", app.theme.title()));
        spans.push(Span::styled(
            format!("{}  ", tr!(app.lang, "hint-open-numbered")),
            app.theme.muted(),
        ));
    }
    for action in &wanted {
        if let Some(key) = app.keymap.first_key(context, *action) {
            spans.push(Span::styled(format!("{key} "), app.theme.title()));
            spans.push(Span::styled(
                format!("{}  ", crate::i18n::text(app.lang, action.hint(), &[])),
                app.theme.muted(),
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)),
        area.inner(ratatui::layout::Margin::new(1, 0)),
    );
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let who = match &app.session {
        Some(session) => {
            let roles: Vec<String> = session
                .staff
                .groups
                .iter()
                .map(|g| crate::i18n::role_name(app.lang, *g))
                .collect();
            format!(" {} · {}", session.staff.username, roles.join(", "))
        }
        None => format!(" {}", tr!(app.lang, "status-not-logged-in")),
    };
    let database = if app.target.embedded {
        tr!(app.lang, "status-database-embedded")
    } else {
        tr!(
            app.lang,
            "status-database-server",
            server = app.target.described.as_str()
        )
    };
    let (connection, connection_style) = match app.connection {
        Connection::NotConnected => (String::new(), app.theme.muted()),
        Connection::Online => (
            format!("● {}", tr!(app.lang, "status-online")),
            app.theme.success(),
        ),
        Connection::Lost => (
            format!("● {}", tr!(app.lang, "status-connection-lost")),
            app.theme.error(),
        ),
    };
    let mut spans = vec![
        Span::raw(who),
        Span::styled(" │ ", app.theme.muted()),
        Span::raw(database),
    ];
    if !connection.is_empty() {
        spans.push(Span::styled(" │ ", app.theme.muted()));
        spans.push(Span::styled(connection, connection_style));
    }
    if let Some(router) = app.read_router() {
        let (note, style) = replica_note(app, &router.state());
        if !note.is_empty() {
            spans.push(Span::styled(" │ ", app.theme.muted()));
            spans.push(Span::styled(note, style));
        }
    }
    if app.quitting {
        spans.push(Span::styled(" │ ", app.theme.muted()));
        spans.push(Span::styled(
            format!(
                "{} {}",
                spinner(app.tick),
                tr!(app.lang, "status-ending-session")
            ),
            app.theme.muted(),
        ));
    } else if let Some(toast) = &app.toast {
        let style = match toast.tone {
            Tone::Info => Style::new(),
            Tone::Success => app.theme.success(),
            Tone::Error => app.theme.error(),
        };
        spans.push(Span::styled(" │ ", app.theme.muted()));
        spans.push(Span::styled(toast.message.text(app.lang), style));
    }
    let line = fit(spans, area.width as usize);
    frame.render_widget(Paragraph::new(line).style(app.theme.bar()), area);
}

/// Where reads go when replicas are configured; a fallback is said as a warning.
fn replica_note(app: &App, state: &ReadState) -> (String, Style) {
    let lang = app.lang;
    match state {
        ReadState::Unused => (String::new(), app.theme.muted()),
        ReadState::Replica { .. } => (tr!(lang, "replica-status-reading"), app.theme.muted()),
        ReadState::CatchingUp { .. } => {
            (tr!(lang, "replica-status-catching-up"), app.theme.muted())
        }
        ReadState::Lagging { seconds, .. } => (
            tr!(lang, "replica-status-lagging", seconds = *seconds),
            app.theme.warning(),
        ),
        ReadState::Unavailable { .. } => {
            (tr!(lang, "replica-status-unavailable"), app.theme.warning())
        }
    }
}

/// Keeps a line within `width` columns, cutting its last spans at grapheme boundaries.
fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = text::width(&span.content);
        if used + w <= width {
            used += w;
            kept.push(span);
        } else {
            let room = width.saturating_sub(used);
            if room > 1 {
                kept.push(Span::styled(
                    text::truncate(&span.content, room),
                    span.style,
                ));
            }
            break;
        }
    }
    Line::from(kept)
}

fn draw_help(app: &App, frame: &mut Frame) {
    let context = app.context();
    let hidden = match &app.screen {
        Screen::Claims(claims) => claims.hidden_actions(),
        _ => Vec::new(),
    };
    let bindings = app.keymap.help(context);
    let rows: Vec<(String, String)> = bindings
        .iter()
        .filter(|(action, _)| !hidden.contains(action))
        .map(|(action, keys)| {
            (
                keys.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                crate::i18n::text(app.lang, action.description(), &[]),
            )
        })
        .chain(
            matches!(app.screen, Screen::Home(_))
                .then(|| ("1–9".to_string(), tr!(app.lang, "hint-open-numbered"))),
        )
        .chain(
            matches!(&app.screen, Screen::Claims(claims)
                if context == Context::ClaimQueue && claims.queue.tabs.len() > 1)
            .then(|| ("1–5".to_string(), tr!(app.lang, "claims-help-tab-digits"))),
        )
        .chain(
            matches!(&app.screen, Screen::Reconcile(reconcile) if reconcile.digits_open_tabs())
                .then(|| {
                    (
                        "1–4".to_string(),
                        tr!(app.lang, "reconcile-help-tab-digits"),
                    )
                }),
        )
        .collect();
    let key_width = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(text::pad(&keys, key_width + 2), app.theme.title()),
                Span::raw(what),
            ])
        })
        .collect();
    modal::framed(
        frame,
        &tr!(app.lang, "help-title", screen = screen_title(app)),
        lines,
        &app.theme,
    );
}

fn draw_about(app: &App, frame: &mut Frame) {
    let lines = vec![
        Line::styled(tr!(app.lang, "about-what"), app.theme.title()),
        Line::from(tr!(
            app.lang,
            "about-version",
            version = env!("CARGO_PKG_VERSION")
        )),
        Line::from(tr!(
            app.lang,
            "about-database",
            database = app.target.described.as_str()
        )),
        Line::default(),
        Line::from(tr!(app.lang, "about-geothai")),
        Line::styled(tr!(app.lang, "about-geothai-licence"), app.theme.muted()),
    ];
    modal::framed(frame, &tr!(app.lang, "about-title"), lines, &app.theme);
}

fn draw_palette(app: &App, frame: &mut Frame) {
    let Some(Overlay::Palette(palette)) = &app.overlay else {
        return;
    };
    let area = frame.area();
    let height =
        (palette.picker.matches().len() as u16 + 4).clamp(5, area.height.saturating_sub(2));
    let width = area.width.saturating_sub(8).clamp(20, 70);
    let rect = Rect::new(area.x + (area.width - width) / 2, area.y + 1, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(Line::styled(
        format!(" {} ", tr!(app.lang, "palette-title")),
        app.theme.title(),
    ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [list, error] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    palette.picker.render(frame, list, &app.theme, ": ");
    if let Some(message) = &palette.error {
        frame.render_widget(
            Paragraph::new(Line::styled(
                text::truncate(&message.text(app.lang), error.width as usize),
                app.theme.error(),
            )),
            error,
        );
    }
}

fn draw_confirm(app: &App, frame: &mut Frame, action: ConfirmAction) {
    let question = match action {
        ConfirmAction::Quit => tr!(app.lang, "confirm-quit"),
        ConfirmAction::Logout => tr!(app.lang, "confirm-logout"),
        ConfirmAction::LeaveScreen => tr!(app.lang, "confirm-leave"),
    };
    let lines = vec![
        Line::from(question),
        Line::default(),
        Line::styled(tr!(app.lang, "confirm-keys"), app.theme.muted()),
    ];
    modal::framed(frame, &tr!(app.lang, "confirm-title"), lines, &app.theme);
}

/// The lock covers the screen (what was on it stays in memory, unseen) and asks for the
/// password of the person who is logged in.
fn draw_lock(app: &App, frame: &mut Frame, area: Rect) {
    let Some(Overlay::Lock(lock)) = &app.overlay else {
        return;
    };
    let Some(session) = &app.session else {
        return;
    };
    let minutes = app.idle_lock_after.as_secs().div_ceil(60);
    let inner = area.inner(ratatui::layout::Margin::new(2, 1));
    let [heading, form, status] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(lock.form.height()),
        Constraint::Min(1),
    ])
    .areas(inner);
    let lines = vec![
        Line::styled(tr!(app.lang, "lock-title"), app.theme.title()),
        Line::from(tr!(
            app.lang,
            "lock-explain",
            minutes = minutes,
            username = session.staff.username.as_str()
        )),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), heading);
    lock.form.render(
        frame,
        Rect {
            width: form.width.min(50),
            ..form
        },
        app.lang,
        &app.theme,
        true,
    );
    let line = if lock.checking {
        Line::styled(
            format!(
                "{} {}",
                spinner(app.tick),
                tr!(app.lang, "login-connecting")
            ),
            app.theme.muted(),
        )
    } else if let Some(error) = &lock.error {
        Line::styled(error.text(app.lang), app.theme.error())
    } else {
        Line::styled(tr!(app.lang, "lock-keys"), app.theme.muted())
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), status);
}
