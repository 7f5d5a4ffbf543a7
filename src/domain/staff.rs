//! The group roles that carry every right in the database (docs/security.md).

use std::fmt;

use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupRole {
    Agent,
    Underwriter,
    Adjuster,
    Surveyor,
    Finance,
    Auditor,
    Admin,
}

impl GroupRole {
    pub const ALL: [GroupRole; 7] = [
        GroupRole::Agent,
        GroupRole::Underwriter,
        GroupRole::Adjuster,
        GroupRole::Surveyor,
        GroupRole::Finance,
        GroupRole::Auditor,
        GroupRole::Admin,
    ];

    /// The PostgreSQL group role.
    pub fn role_name(self) -> &'static str {
        match self {
            GroupRole::Agent => "prakan_agent",
            GroupRole::Underwriter => "prakan_underwriter",
            GroupRole::Adjuster => "prakan_adjuster",
            GroupRole::Surveyor => "prakan_surveyor",
            GroupRole::Finance => "prakan_finance",
            GroupRole::Auditor => "prakan_auditor",
            GroupRole::Admin => "prakan_admin",
        }
    }

    /// The short name used on the command line ("adjuster").
    pub fn short_name(self) -> &'static str {
        &self.role_name()["prakan_".len()..]
    }

    /// Accepts the short name or the role name, in any case.
    pub fn parse(text: &str) -> Option<GroupRole> {
        let wanted = text.trim().to_ascii_lowercase();
        GroupRole::ALL
            .into_iter()
            .find(|role| wanted == role.short_name() || wanted == role.role_name())
    }
}

impl fmt::Display for GroupRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UsernameProblem {
    /// Not 2–63 lower-case letters, digits, '.' or '_' starting with a letter.
    Shape,
    /// prakan_…, pg_… and postgres belong to the database.
    Reserved,
}

impl UsernameProblem {
    pub fn message(self) -> Message {
        match self {
            UsernameProblem::Shape => msg!("constraint-username"),
            UsernameProblem::Reserved => msg!("cli-username-reserved"),
        }
    }
}

/// Why a username cannot become a staff login role, if it cannot.
pub fn username_problem(username: &str) -> Option<UsernameProblem> {
    let valid_chars = username
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    let starts_with_letter = username
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase());
    if !(2..=63).contains(&username.len()) || !valid_chars || !starts_with_letter {
        return Some(UsernameProblem::Shape);
    }
    if username.starts_with("prakan_") || username.starts_with("pg_") || username == "postgres" {
        return Some(UsernameProblem::Reserved);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than 8 characters.
    TooShort,
    SameAsUsername,
}

impl PasswordProblem {
    pub fn message(self) -> Message {
        match self {
            PasswordProblem::TooShort => msg!("account-password-too-short"),
            PasswordProblem::SameAsUsername => msg!("account-password-is-username"),
        }
    }
}

/// Why a password is not acceptable, if it is not.
pub fn password_problem(username: &str, password: &str) -> Option<PasswordProblem> {
    if password.chars().count() < 8 {
        return Some(PasswordProblem::TooShort);
    }
    if password.eq_ignore_ascii_case(username) {
        return Some(PasswordProblem::SameAsUsername);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_short_and_full_names() {
        assert_eq!(GroupRole::parse("adjuster"), Some(GroupRole::Adjuster));
        assert_eq!(GroupRole::parse("prakan_finance"), Some(GroupRole::Finance));
        assert_eq!(GroupRole::parse(" Admin "), Some(GroupRole::Admin));
        assert_eq!(GroupRole::parse("superuser"), None);
        for role in GroupRole::ALL {
            assert_eq!(GroupRole::parse(role.short_name()), Some(role));
        }
    }

    #[test]
    fn usernames_follow_the_directory_rule() {
        assert_eq!(username_problem("somchai"), None);
        assert_eq!(username_problem("adj.somchai_2"), None);
        assert!(username_problem("Somchai").is_some());
        assert!(username_problem("1abc").is_some());
        assert!(username_problem("a").is_some());
        assert_eq!(
            username_problem("prakan_admin"),
            Some(UsernameProblem::Reserved)
        );
        assert_eq!(
            username_problem("postgres"),
            Some(UsernameProblem::Reserved)
        );
        assert!(username_problem("สมชาย").is_some());
    }

    #[test]
    fn passwords_need_length_and_differ_from_the_username() {
        assert_eq!(
            password_problem("somchai", "short"),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            password_problem("somchai12", "SOMCHAI12"),
            Some(PasswordProblem::SameAsUsername)
        );
        assert_eq!(password_problem("somchai", "ใจดีมากมาย"), None);
    }
}
