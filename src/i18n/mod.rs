//! Every word prakan shows a person, in Thai and English, from the Fluent catalogues in
//! `assets/i18n/` (docs/i18n.md says why Fluent). Code names a message by key through the
//! `tr!` and `msg!` macros (or `key!` for tables of keys), never by its text.

pub mod format;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

pub use format::{Calendar, date, date_long, date_time, money, money_words_suffix};

/// The catalogue files of each language, one per area of the program.
pub const CATALOGUES: [(Lang, &[(&str, &str)]); 2] = [
    (
        Lang::Th,
        &[
            ("common", include_str!("../../assets/i18n/th/common.ftl")),
            ("errors", include_str!("../../assets/i18n/th/errors.ftl")),
            ("tui", include_str!("../../assets/i18n/th/tui.ftl")),
            ("cli", include_str!("../../assets/i18n/th/cli.ftl")),
            (
                "customers",
                include_str!("../../assets/i18n/th/customers.ftl"),
            ),
            ("premium", include_str!("../../assets/i18n/th/premium.ftl")),
            (
                "policies",
                include_str!("../../assets/i18n/th/policies.ftl"),
            ),
            (
                "renewals",
                include_str!("../../assets/i18n/th/renewals.ftl"),
            ),
            (
                "policy_view",
                include_str!("../../assets/i18n/th/policy_view.ftl"),
            ),
            ("claims", include_str!("../../assets/i18n/th/claims.ftl")),
            (
                "claim_forms",
                include_str!("../../assets/i18n/th/claim_forms.ftl"),
            ),
            (
                "claim_rules",
                include_str!("../../assets/i18n/th/claim_rules.ftl"),
            ),
            (
                "statements",
                include_str!("../../assets/i18n/th/statements.ftl"),
            ),
            (
                "reconcile",
                include_str!("../../assets/i18n/th/reconcile.ftl"),
            ),
            (
                "reconcile_rules",
                include_str!("../../assets/i18n/th/reconcile_rules.ftl"),
            ),
            (
                "documents",
                include_str!("../../assets/i18n/th/documents.ftl"),
            ),
            (
                "maintenance",
                include_str!("../../assets/i18n/th/maintenance.ftl"),
            ),
            ("admin", include_str!("../../assets/i18n/th/admin.ftl")),
            (
                "oversight",
                include_str!("../../assets/i18n/th/oversight.ftl"),
            ),
            ("fields", include_str!("../../assets/i18n/th/fields.ftl")),
            (
                "replicas",
                include_str!("../../assets/i18n/th/replicas.ftl"),
            ),
        ],
    ),
    (
        Lang::En,
        &[
            ("common", include_str!("../../assets/i18n/en/common.ftl")),
            ("errors", include_str!("../../assets/i18n/en/errors.ftl")),
            ("tui", include_str!("../../assets/i18n/en/tui.ftl")),
            ("cli", include_str!("../../assets/i18n/en/cli.ftl")),
            (
                "customers",
                include_str!("../../assets/i18n/en/customers.ftl"),
            ),
            ("premium", include_str!("../../assets/i18n/en/premium.ftl")),
            (
                "policies",
                include_str!("../../assets/i18n/en/policies.ftl"),
            ),
            (
                "renewals",
                include_str!("../../assets/i18n/en/renewals.ftl"),
            ),
            (
                "policy_view",
                include_str!("../../assets/i18n/en/policy_view.ftl"),
            ),
            ("claims", include_str!("../../assets/i18n/en/claims.ftl")),
            (
                "claim_forms",
                include_str!("../../assets/i18n/en/claim_forms.ftl"),
            ),
            (
                "claim_rules",
                include_str!("../../assets/i18n/en/claim_rules.ftl"),
            ),
            (
                "statements",
                include_str!("../../assets/i18n/en/statements.ftl"),
            ),
            (
                "reconcile",
                include_str!("../../assets/i18n/en/reconcile.ftl"),
            ),
            (
                "reconcile_rules",
                include_str!("../../assets/i18n/en/reconcile_rules.ftl"),
            ),
            (
                "documents",
                include_str!("../../assets/i18n/en/documents.ftl"),
            ),
            (
                "maintenance",
                include_str!("../../assets/i18n/en/maintenance.ftl"),
            ),
            ("admin", include_str!("../../assets/i18n/en/admin.ftl")),
            (
                "oversight",
                include_str!("../../assets/i18n/en/oversight.ftl"),
            ),
            ("fields", include_str!("../../assets/i18n/en/fields.ftl")),
            (
                "replicas",
                include_str!("../../assets/i18n/en/replicas.ftl"),
            ),
        ],
    ),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Th,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Th, Lang::En];

    /// The code stored as `preferred_language`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Th => "th",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "th" | "thai" | "ไทย" => Some(Lang::Th),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Th => Lang::En,
            Lang::En => Lang::Th,
        }
    }

    /// Thai when the locale environment asks for it, else English: the language before
    /// anyone has said which they prefer.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .map(|value| {
                if value.starts_with("th") {
                    Lang::Th
                } else {
                    Lang::En
                }
            })
            .unwrap_or(Lang::En)
    }
}

/// The name of a group role in `lang`.
pub fn role_name(lang: Lang, role: crate::domain::staff::GroupRole) -> String {
    crate::tr!(lang, "role-name", role = role.short_name())
}

/// A value for a placeable in a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg(FluentValue<'static>);

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg(FluentValue::from(value.to_string()))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg(FluentValue::from(value))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg(FluentValue::from(value.clone()))
    }
}

macro_rules! numeric_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg(FluentValue::from(value as f64))
            }
        }
    )*};
}
numeric_arg!(i32, i64, u32, u64, usize);

/// A message to be shown later, in whatever language is current then (errors found in a
/// layer that does not know the language).
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub key: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(key: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { key, args }
    }

    pub fn text(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        text(lang, self.key, &args)
    }
}

/// `tr!(lang, "key")` or `tr!(lang, "key", name = value, …)`: the text of a message now.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $crate::i18n::text($lang, $key, &[])
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($lang, $key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// `msg!("key", name = value, …)`: a message to translate later.
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        $crate::i18n::Message::new($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::Message::new($key, vec![$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// `key!(…)`: a message key kept in a table, translated where it is shown.
#[macro_export]
macro_rules! key {
    ($key:literal) => {
        $key
    };
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle(Lang::Th), bundle(Lang::En)])
}

fn bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().expect("a language identifier");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) would upset terminal column widths.
    bundle.set_use_isolating(false);
    for (name, source) in catalogue_files(lang) {
        let resource =
            FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
                tracing::error!(
                    "the {} catalogue {name} has errors: {errors:?}",
                    lang.code()
                );
                resource
            });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(
                "the {} catalogue {name} repeats messages: {errors:?}",
                lang.code()
            );
        }
    }
    bundle
}

/// The catalogue files of one language: (area, Fluent source).
pub fn catalogue_files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    CATALOGUES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, files)| *files)
        .unwrap_or(&[])
}

/// The text of message `key` in `lang`. A missing key shows as `⟦key⟧` (and the
/// catalogue test fails), never as a crash.
pub fn text(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = &bundles()[match lang {
        Lang::Th => 0,
        Lang::En => 1,
    }];
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!("no message {key} in the {} catalogue", lang.code());
        return format!("⟦{key}⟧");
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.0.clone());
    }
    let mut errors = Vec::new();
    let formatted = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!("formatting {key}: {errors:?}");
    }
    formatted.into_owned()
}

/// The message keys a catalogue defines.
pub fn catalogue_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_file_parses_without_errors() {
        for lang in Lang::ALL {
            for (name, source) in catalogue_files(lang) {
                if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                    panic!("{}/{name}.ftl does not parse: {errors:?}", lang.code());
                }
            }
        }
    }

    /// A message defined twice keeps its first text only: an error sentence could show a
    /// label's words.
    #[test]
    fn no_message_is_defined_twice_in_a_language() {
        for lang in Lang::ALL {
            let id: LanguageIdentifier = lang.code().parse().unwrap();
            let mut bundle: Bundle = FluentBundle::new_concurrent(vec![id]);
            for (name, source) in catalogue_files(lang) {
                let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|e| e.0);
                if let Err(errors) = bundle.add_resource(resource) {
                    panic!("{}/{name}.ftl repeats messages: {errors:?}", lang.code());
                }
            }
        }
    }

    /// Every key named in the code through `tr!`, `msg!` or `key!` (doc comments aside).
    fn keys_used_in_code() -> std::collections::BTreeSet<String> {
        let pattern =
            regex_lite::Regex::new(r#"(?:tr!\([^,]+,\s*|msg!\(|key!\()\s*"([a-z][a-z0-9-]*)""#)
                .unwrap();
        let mut keys = std::collections::BTreeSet::new();
        let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
                        keys.extend(pattern.captures_iter(line).map(|c| c[1].to_string()));
                    }
                }
            }
        }
        keys
    }

    fn catalogue(lang: Lang) -> std::collections::BTreeSet<String> {
        catalogue_files(lang)
            .iter()
            .flat_map(|(_, source)| catalogue_keys(source))
            .collect()
    }

    #[test]
    fn thai_and_english_have_the_same_keys() {
        let thai = catalogue(Lang::Th);
        let english = catalogue(Lang::En);
        let only_thai: Vec<_> = thai.difference(&english).collect();
        let only_english: Vec<_> = english.difference(&thai).collect();
        assert!(only_thai.is_empty(), "only in Thai: {only_thai:?}");
        assert!(only_english.is_empty(), "only in English: {only_english:?}");
    }

    #[test]
    fn every_key_used_in_the_code_is_in_both_catalogues() {
        let used = keys_used_in_code();
        assert!(
            used.len() > 200,
            "the scan found {} keys: is the pattern still right?",
            used.len()
        );
        for lang in Lang::ALL {
            let defined = catalogue(lang);
            let missing: Vec<_> = used.difference(&defined).collect();
            assert!(
                missing.is_empty(),
                "missing from the {} catalogue: {missing:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn every_role_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            for role in crate::domain::staff::GroupRole::ALL {
                let name = tr!(lang, "role-name", role = role.short_name());
                assert_ne!(
                    name,
                    role.short_name(),
                    "{} has no {} name",
                    role,
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn placeables_are_filled_without_isolation_marks() {
        let text = tr!(Lang::En, "login-signed-in-as", name = "somchai");
        assert!(text.contains("somchai"));
        assert!(!text.contains('\u{2068}'));
    }

    #[test]
    fn a_missing_key_is_visible_not_fatal() {
        assert_eq!(text(Lang::Th, "no-such-key", &[]), "⟦no-such-key⟧");
    }
}
