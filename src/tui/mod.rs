//! The terminal interface: The Elm Architecture with commands. `update` turns messages
//! (keys, ticks, database results) into new state and commands; commands run in tasks and
//! come back as messages; `view` draws the state. Nothing on the drawing path waits for
//! the database.

pub mod access;
pub mod app;
pub mod cmd;
pub mod keymap;
pub mod msg;
pub mod remote;
pub mod screens;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io;
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream, KeyEventKind};
use futures::StreamExt;
use ratatui::Terminal;
use ratatui::backend::Backend;
use sqlx::postgres::PgConnectOptions;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

use app::App;
use msg::Msg;

/// How prakan reaches the database for a person logging in: the server, without a user.
#[derive(Debug, Clone)]
pub struct LoginTarget {
    pub base: PgConnectOptions,
    /// The server as a person reads it, for status lines and "could not reach …".
    pub described: String,
    pub embedded: bool,
    /// Read replicas each login may read from (none by default).
    pub replicas: crate::db::replica::Replicas,
}

impl LoginTarget {
    pub fn options(&self, username: &str, password: &str) -> PgConnectOptions {
        self.base.clone().username(username).password(password)
    }
}

/// Ticks drive spinners, the idle lock and the connection check.
pub const TICK: Duration = Duration::from_millis(250);

/// The loop: draw when something changed, wait for one message, update, start commands.
pub struct Runtime {
    pub app: App,
    tx: UnboundedSender<Msg>,
    rx: UnboundedReceiver<Msg>,
    /// Loads started for the screen on show; leaving it aborts them.
    screen_tasks: Vec<tokio::task::AbortHandle>,
    /// The task in each slot (see `Cmd::slot`): a newer command aborts it.
    slots: std::collections::HashMap<&'static str, tokio::task::AbortHandle>,
}

impl Runtime {
    pub fn new(app: App) -> Runtime {
        let (tx, rx) = mpsc::unbounded_channel();
        Runtime {
            app,
            tx,
            rx,
            screen_tasks: Vec::new(),
            slots: std::collections::HashMap::new(),
        }
    }

    pub fn sender(&self) -> UnboundedSender<Msg> {
        self.tx.clone()
    }

    /// Runs until the application quits, or `done` holds, or `limit` passes. Returns
    /// whether it stopped because `done` held.
    pub async fn run_until<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        done: impl Fn(&App) -> bool,
        limit: Option<Duration>,
    ) -> io::Result<bool>
    where
        B::Error: Send + Sync + 'static,
    {
        let deadline = limit.map(|l| tokio::time::Instant::now() + l);
        loop {
            if self.app.take_dirty() {
                terminal
                    .draw(|frame| view::draw(&mut self.app, frame))
                    .map_err(io::Error::other)?;
            }
            if done(&self.app) {
                return Ok(true);
            }
            if self.app.quit {
                return Ok(false);
            }
            let msg = match deadline {
                Some(deadline) => match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                    Ok(msg) => msg,
                    Err(_) => return Ok(false),
                },
                None => self.rx.recv().await,
            };
            let Some(msg) = msg else {
                return Ok(false);
            };
            let screen_before = self.app.screen.id();
            let cmds = self.app.update(msg);
            if self.app.screen.id() != screen_before {
                for task in self.screen_tasks.drain(..) {
                    task.abort();
                }
            }
            self.screen_tasks.retain(|task| !task.is_finished());
            for cmd in cmds {
                let belongs_to_screen = cmd.belongs_to_screen();
                let slot = cmd.slot();
                let task = cmd.spawn(self.tx.clone(), self.app.read_router());
                if let Some(slot) = slot
                    && let Some(older) = self.slots.insert(slot, task.clone())
                {
                    older.abort();
                }
                if belongs_to_screen {
                    self.screen_tasks.push(task);
                }
            }
        }
    }
}

/// Runs the interface on the real terminal until the person quits. The terminal is
/// restored however this ends (the panic hook of `ratatui::init` covers panics).
pub async fn run(app: App) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let _restore = RestoreTerminal;
    let _ = crossterm::execute!(io::stdout(), crossterm::event::EnableBracketedPaste);
    let mut runtime = Runtime::new(app);
    spawn_terminal_events(runtime.sender());
    spawn_ticks(runtime.sender());
    spawn_signals(runtime.sender());
    runtime.run_until(&mut terminal, |_| false, None).await?;
    let _ = crossterm::execute!(io::stdout(), crossterm::event::DisableBracketedPaste);
    Ok(())
}

struct RestoreTerminal;

impl Drop for RestoreTerminal {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

fn spawn_terminal_events(tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let mut events = EventStream::new();
        while let Some(event) = events.next().await {
            let msg = match event {
                Ok(Event::Key(key)) if key.kind != KeyEventKind::Release => Msg::Key(key),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(Event::Resize(_, _)) => Msg::Resize,
                Ok(_) => continue,
                Err(error) => {
                    tracing::error!("reading the terminal: {error}");
                    Msg::Terminate
                }
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

fn spawn_ticks(tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            interval.tick().await;
            if tx.send(Msg::Tick(Instant::now())).is_err() {
                break;
            }
        }
    });
}

fn spawn_signals(tx: UnboundedSender<Msg>) {
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hangup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::hangup()),
        ) else {
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = hangup.recv() => {}
        }
        let _ = tx.send(Msg::Terminate);
    });
}

#[cfg(test)]
mod tests;
