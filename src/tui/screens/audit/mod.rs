//! The audit trail, for auditors and administrators: every recorded change, newest
//! first, filtered by table, record, staff member, operation and time range (`/`), read a
//! page at a time as the cursor nears the end; Enter shows one entry with the row before
//! and after side by side; `h` the whole history of the entry's record.

pub mod entry;
pub mod filter;
pub mod work;

use crossterm::event::{Event, KeyEvent};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::db::audit_trail::{AuditEntry, AuditFilter, Cursor, StaffChoice};
use crate::i18n::{Calendar, Lang, date_time};
use crate::tr;
use crate::tui::keymap::{Action, Context};
use crate::tui::remote::{Remote, RequestCounter};
use crate::tui::screens::Ui;
use crate::tui::screens::customers::labels;
use crate::tui::widgets::history::RecordRef;
use crate::tui::widgets::table::{DataTable, TableRow};

use entry::EntryView;
use filter::FilterForm;
use work::{AuditCmd, AuditMsg};

/// Load the next page when the cursor comes this close to the last entry loaded.
const LOAD_AHEAD: usize = 10;

/// What a key or a result asks of the application.
#[derive(Debug, Default)]
pub struct Outcome {
    pub cmds: Vec<AuditCmd>,
    pub lost_connection: bool,
}

impl Outcome {
    fn cmds(cmds: Vec<AuditCmd>) -> Outcome {
        Outcome {
            cmds,
            ..Outcome::default()
        }
    }
}

#[derive(Debug, Clone)]
pub struct AuditScreen {
    pub filter: AuditFilter,
    /// The entries loaded so far, newest first.
    pub entries: Remote<Vec<AuditEntry>>,
    /// Where the next page starts; None: all loaded.
    pub next: Option<Cursor>,
    pub loading_more: bool,
    pub table: DataTable,
    pub request: RequestCounter,
    pub tables: Vec<String>,
    pub staff: Vec<StaffChoice>,
    choices_request: RequestCounter,
    pub filter_form: Option<FilterForm>,
    pub entry: Option<EntryView>,
    labelled_for: Option<(Lang, Calendar, usize)>,
}

impl Default for AuditScreen {
    fn default() -> Self {
        AuditScreen::new()
    }
}

impl AuditScreen {
    pub fn new() -> AuditScreen {
        AuditScreen {
            filter: AuditFilter::default(),
            entries: Remote::Idle,
            next: None,
            loading_more: false,
            table: DataTable::new(vec![
                crate::key!("audit-column-when"),
                crate::key!("audit-column-table"),
                crate::key!("audit-column-operation"),
                crate::key!("audit-column-who"),
                crate::key!("audit-column-changed"),
            ])
            .keep_whole(&[0]),
            request: RequestCounter::default(),
            tables: Vec::new(),
            staff: Vec::new(),
            choices_request: RequestCounter::default(),
            filter_form: None,
            entry: None,
            labelled_for: None,
        }
    }

    pub fn context(&self) -> Context {
        if self.filter_form.is_some() {
            Context::AuditFilter
        } else if self.entry.is_some() {
            Context::AuditEntry
        } else {
            Context::AuditList
        }
    }

    pub fn is_typing(&self) -> bool {
        self.filter_form.is_some()
    }

    pub fn takes_back(&self) -> bool {
        self.filter_form.is_some() || self.entry.is_some()
    }

    pub fn is_busy(&self) -> bool {
        self.entries.is_loading()
            || self.loading_more
            || self.entry.as_ref().is_some_and(|e| e.detail.is_loading())
    }

    pub fn hints(&self) -> Vec<Action> {
        if self.filter_form.is_some() {
            vec![Action::NextField, Action::Submit, Action::Back]
        } else if self.entry.is_some() {
            vec![
                Action::Down,
                Action::PageDown,
                Action::History,
                Action::Back,
            ]
        } else {
            vec![
                Action::Open,
                Action::Filter,
                Action::History,
                Action::Refresh,
                Action::Back,
            ]
        }
    }

    /// Loads the choices and the first page of the filter in force.
    pub fn reload(&mut self) -> Outcome {
        let mut cmds = vec![self.first_page()];
        if self.tables.is_empty() {
            cmds.push(AuditCmd::LoadChoices {
                request: self.choices_request.issue(),
            });
        }
        Outcome::cmds(cmds)
    }

    fn first_page(&mut self) -> AuditCmd {
        self.entries = Remote::Loading;
        self.next = None;
        self.loading_more = false;
        self.labelled_for = None;
        AuditCmd::LoadPage {
            request: self.request.issue(),
            filter: self.filter.clone(),
            after: None,
        }
    }

    /// The next page, when the cursor is near the end of what is loaded.
    fn more_if_near_end(&mut self) -> Option<AuditCmd> {
        let loaded = self.entries.loaded()?.len();
        let at = self.table.selected_index().unwrap_or(0);
        let after = self.next?;
        if self.loading_more || at + LOAD_AHEAD < loaded {
            return None;
        }
        self.loading_more = true;
        Some(AuditCmd::LoadPage {
            request: self.request.issue(),
            filter: self.filter.clone(),
            after: Some(after),
        })
    }

    fn selected_entry(&self) -> Option<&AuditEntry> {
        let index = self.table.selected_index()?;
        self.entries.loaded()?.get(index)
    }

    /// The record of the entry under the cursor (or open), for the shared history pane.
    pub fn selected_record(&self) -> Option<RecordRef> {
        if self.filter_form.is_some() {
            return None;
        }
        let entry = match &self.entry {
            Some(view) => &view.detail.loaded()?.entry,
            None => self.selected_entry()?,
        };
        let title = format!("{} {}", entry.table_name, short_id(entry));
        Some(RecordRef::of_table(
            &entry.table_name,
            entry.record_id,
            title,
        ))
    }

    /// Esc: closes the filter form or the entry.
    pub fn back(&mut self) {
        if self.filter_form.take().is_none() {
            self.entry = None;
        }
    }

    pub fn key(
        &mut self,
        _key: &KeyEvent,
        action: Option<Action>,
        lang: Lang,
        calendar: Calendar,
    ) -> Outcome {
        let Some(action) = action else {
            return Outcome::default();
        };
        if action == Action::Back {
            self.back();
            return Outcome::default();
        }
        if let Some(form) = &mut self.filter_form {
            match action {
                Action::NextField => form.form.next(),
                Action::PrevField => form.form.previous(),
                Action::Submit => return self.apply_filter(),
                _ => {}
            }
            return Outcome::default();
        }
        if let Some(view) = &mut self.entry {
            view.scroll(action);
            return Outcome::default();
        }
        match action {
            Action::Open => self.open_entry(),
            Action::Filter => {
                self.filter_form = Some(FilterForm::new(
                    &self.filter,
                    &self.tables,
                    &self.staff,
                    lang,
                    calendar,
                ));
                Outcome::default()
            }
            Action::Refresh => self.reload(),
            other => {
                self.table.act(other);
                Outcome::cmds(self.more_if_near_end().into_iter().collect())
            }
        }
    }

    /// Typing in the filter form.
    pub fn edit(&mut self, event: &Event) -> Outcome {
        if let Some(form) = &mut self.filter_form {
            form.form.edit(event);
        }
        Outcome::default()
    }

    fn apply_filter(&mut self) -> Outcome {
        let Some(form) = &mut self.filter_form else {
            return Outcome::default();
        };
        let Some(filter) = form.filter() else {
            return Outcome::default();
        };
        self.filter_form = None;
        self.filter = filter;
        self.table.select_index(0);
        Outcome::cmds(vec![self.first_page()])
    }

    fn open_entry(&mut self) -> Outcome {
        let Some(cursor) = self.selected_entry().map(AuditEntry::cursor) else {
            return Outcome::default();
        };
        let mut view = EntryView::loading();
        let request = view.request.issue();
        self.entry = Some(view);
        Outcome::cmds(vec![AuditCmd::LoadDetail { request, cursor }])
    }

    pub fn on_msg(&mut self, msg: AuditMsg, lang: Lang, calendar: Calendar) -> Outcome {
        let lost = |error: &sqlx::Error| crate::db::error::is_connection_problem(error);
        match msg {
            AuditMsg::ChoicesLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                if self.choices_request.is_latest(request)
                    && let Ok((tables, staff)) = result
                {
                    self.tables = tables;
                    self.staff = staff;
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            AuditMsg::PageLoaded {
                request,
                appended,
                result,
            } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                if self.request.is_latest(request) {
                    self.loading_more = false;
                    self.on_page(appended, result);
                    self.relabel(lang, calendar);
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
            AuditMsg::DetailLoaded { request, result } => {
                let lost_connection = result.as_ref().err().is_some_and(lost);
                if let Some(view) = &mut self.entry
                    && view.request.is_latest(request)
                {
                    view.detail = match result {
                        Ok(Some(detail)) => Remote::Loaded(*detail),
                        Ok(None) => Remote::Failed(crate::msg!("audit-entry-gone")),
                        Err(error) => Remote::Failed(crate::db::error::message(&error)),
                    };
                }
                Outcome {
                    lost_connection,
                    ..Outcome::default()
                }
            }
        }
    }

    fn on_page(
        &mut self,
        appended: bool,
        result: Result<crate::db::audit_trail::AuditPage, sqlx::Error>,
    ) {
        let page = match result {
            Ok(page) => page,
            Err(error) if appended => {
                tracing::warn!("the next page of the audit trail: {error}");
                return;
            }
            Err(error) => {
                self.entries = Remote::Failed(crate::db::error::message(&error));
                return;
            }
        };
        self.next = page.next;
        match (&mut self.entries, appended) {
            (Remote::Loaded(entries), true) => entries.extend(page.entries),
            (entries, _) => *entries = Remote::Loaded(page.entries),
        }
        self.labelled_for = None;
    }

    fn relabel(&mut self, lang: Lang, calendar: Calendar) {
        let Some(entries) = self.entries.loaded() else {
            return;
        };
        if self.labelled_for == Some((lang, calendar, entries.len())) {
            return;
        }
        let rows = entries.iter().map(|e| row(e, lang, calendar)).collect();
        let selected = self.table.selected_index();
        self.table.set_rows(rows);
        if let Some(index) = selected {
            self.table.select_index(index);
        }
        self.labelled_for = Some((lang, calendar, entries.len()));
    }

    pub fn render(&mut self, frame: &mut Frame, area: Rect, ui: &Ui) {
        if let Some(view) = &mut self.entry {
            view.render(frame, area, ui);
            return;
        }
        let summary = Rect { height: 1, ..area };
        frame.render_widget(Paragraph::new(self.summary(ui)), summary);
        let body = Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        };
        match ui.loaded(&self.entries, crate::key!("loading")) {
            Err(line) => frame.render_widget(Paragraph::new(line), body),
            Ok(entries) if entries.is_empty() => frame.render_widget(
                Paragraph::new(Line::styled(tr!(ui.lang, "audit-none"), ui.theme.muted())),
                body,
            ),
            Ok(_) => {
                self.relabel(ui.lang, ui.calendar);
                self.table.render(frame, body, ui.lang, ui.theme);
            }
        }
        if let Some(form) = &self.filter_form {
            form.render(frame, area, ui);
        }
    }

    /// The filters in force, in a line above the list.
    fn summary(&self, ui: &Ui) -> Line<'static> {
        let lang = ui.lang;
        let filter = &self.filter;
        let mut parts = Vec::new();
        if let Some(table) = &filter.table {
            parts.push(tr!(lang, "audit-table", table = table.as_str()));
        }
        if let Some(record) = filter.record {
            parts.push(format!("{} {record}", tr!(lang, "audit-record")));
        }
        if let Some(staff) = filter.staff {
            let name = self
                .staff
                .iter()
                .find(|s| s.id == staff)
                .map_or_else(|| staff.to_string(), |s| s.username.clone());
            parts.push(name);
        }
        if let Some(operation) = &filter.operation {
            parts.push(labels::audit_operation(operation).text(lang));
        }
        if let Some(from) = filter.from {
            let day = crate::i18n::date(lang, ui.calendar, from);
            parts.push(tr!(lang, "audit-since", date = day));
        }
        if let Some(to) = filter.to {
            let day = crate::i18n::date(lang, ui.calendar, to);
            parts.push(tr!(lang, "audit-until", date = day));
        }
        let shown = self.entries.loaded().map_or(0, Vec::len);
        let count = if self.next.is_some() {
            tr!(lang, "audit-count-more", count = shown)
        } else {
            tr!(lang, "audit-count", count = shown)
        };
        let filters = if parts.is_empty() {
            tr!(lang, "audit-no-filter")
        } else {
            tr!(lang, "audit-filtered", filters = parts.join(" · "))
        };
        Line::from(vec![
            Span::styled(filters, ui.theme.title()),
            Span::styled(format!("  {count}"), ui.theme.muted()),
        ])
    }
}

fn short_id(entry: &AuditEntry) -> String {
    entry.record_id.to_string()[..8].to_string()
}

fn row(entry: &AuditEntry, lang: Lang, calendar: Calendar) -> TableRow {
    let changed = entry
        .changed_fields
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|f| !crate::tui::widgets::history::HOUSEKEEPING.contains(&f.as_str()))
        .map(|f| labels::field_name(f).text(lang))
        .collect::<Vec<_>>()
        .join(", ");
    TableRow::new(vec![
        date_time(lang, calendar, entry.logged_at),
        tr!(lang, "audit-table", table = entry.table_name.as_str()),
        labels::audit_operation(&entry.operation).text(lang),
        entry.username.clone(),
        changed,
    ])
}
