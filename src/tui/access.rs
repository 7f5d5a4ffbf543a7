//! Which group roles may open which screen: one table drives the home menu, the command
//! palette and every key that opens a screen. The database enforces the same rules; this
//! table only keeps people from screens that would refuse them.

use crate::domain::staff::GroupRole;
use crate::key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScreenId {
    Home,
    Customers,
    Issue,
    Quotes,
    Renewals,
    Claims,
    Reconcile,
    /// One policy, opened from a list or a customer: not a menu entry of its own.
    Policy,
    Account,
    Health,
    /// Staff accounts (administrators).
    Staff,
    /// Settings and rating tables (administrators edit, auditors read).
    Settings,
    /// The audit trail viewer (auditors and administrators).
    Audit,
    /// Charts: each team its own, auditors and administrators all.
    Charts,
}

pub struct ScreenAccess {
    pub screen: ScreenId,
    /// Message key of the screen's title.
    pub title: &'static str,
    /// Words that open it from the command palette (besides its title).
    pub aliases: &'static [&'static str],
    pub groups: &'static [GroupRole],
}

const EVERYONE: &[GroupRole] = &GroupRole::ALL;

pub static ACCESS: &[ScreenAccess] = &[
    ScreenAccess {
        screen: ScreenId::Home,
        title: key!("screen-home"),
        aliases: &["home"],
        groups: EVERYONE,
    },
    ScreenAccess {
        screen: ScreenId::Customers,
        title: key!("screen-customers"),
        aliases: &["customers", "customer", "lookup", "find"],
        groups: EVERYONE,
    },
    ScreenAccess {
        screen: ScreenId::Issue,
        title: key!("screen-issue"),
        aliases: &["issue", "quote", "policy", "new policy", "ออก", "เสนอราคา"],
        groups: &[GroupRole::Underwriter, GroupRole::Agent],
    },
    ScreenAccess {
        screen: ScreenId::Quotes,
        title: key!("screen-quotes"),
        aliases: &["quotes", "referrals", "approve", "ใบเสนอราคา", "อนุมัติ"],
        groups: &[GroupRole::Underwriter, GroupRole::Agent],
    },
    ScreenAccess {
        screen: ScreenId::Renewals,
        title: key!("screen-renewals"),
        aliases: &["renewals", "renew", "ต่ออายุ"],
        groups: &[GroupRole::Underwriter],
    },
    ScreenAccess {
        screen: ScreenId::Claims,
        title: key!("screen-claims"),
        aliases: &["claims", "claim", "queue", "เคลม", "สินไหม"],
        groups: &[GroupRole::Adjuster, GroupRole::Surveyor],
    },
    ScreenAccess {
        screen: ScreenId::Reconcile,
        title: key!("screen-reconcile"),
        aliases: &[
            "reconcile",
            "payments",
            "finance",
            "statement",
            "การเงิน",
            "กระทบยอด",
        ],
        groups: &[GroupRole::Finance, GroupRole::Admin],
    },
    ScreenAccess {
        screen: ScreenId::Policy,
        title: key!("screen-policy"),
        aliases: &[],
        groups: EVERYONE,
    },
    ScreenAccess {
        screen: ScreenId::Account,
        title: key!("screen-account"),
        aliases: &["account", "me", "password"],
        groups: EVERYONE,
    },
    ScreenAccess {
        screen: ScreenId::Health,
        title: key!("screen-health"),
        aliases: &["health", "db"],
        groups: &[GroupRole::Admin],
    },
    ScreenAccess {
        screen: ScreenId::Staff,
        title: key!("screen-staff"),
        aliases: &["staff", "users", "accounts", "พนักงาน", "ผู้ใช้"],
        groups: &[GroupRole::Admin],
    },
    ScreenAccess {
        screen: ScreenId::Settings,
        title: key!("screen-settings"),
        aliases: &["settings", "config", "rating", "rates", "ตั้งค่า", "อัตราเบี้ย"],
        groups: &[GroupRole::Admin, GroupRole::Auditor],
    },
    ScreenAccess {
        screen: ScreenId::Audit,
        title: key!("screen-audit"),
        aliases: &["audit", "trail", "log", "ตรวจสอบ", "ประวัติ"],
        groups: &[GroupRole::Auditor, GroupRole::Admin],
    },
    ScreenAccess {
        screen: ScreenId::Charts,
        title: key!("screen-charts"),
        aliases: &["charts", "chart", "graphs", "กราฟ", "แผนภูมิ"],
        groups: &[
            GroupRole::Adjuster,
            GroupRole::Underwriter,
            GroupRole::Finance,
            GroupRole::Auditor,
            GroupRole::Admin,
        ],
    },
];

pub fn entry(screen: ScreenId) -> &'static ScreenAccess {
    ACCESS
        .iter()
        .find(|a| a.screen == screen)
        .expect("every screen has an access row")
}

/// Screens the menu and the palette offer: not home (Esc goes there) nor one policy (it
/// needs a policy to show).
pub fn opens_from_menu(screen: ScreenId) -> bool {
    !matches!(screen, ScreenId::Home | ScreenId::Policy)
}

pub fn may_open(groups: &[GroupRole], screen: ScreenId) -> bool {
    entry(screen).groups.iter().any(|g| groups.contains(g))
}

/// The screens a person may open from home, in menu order.
pub fn menu(groups: &[GroupRole]) -> Vec<ScreenId> {
    ACCESS
        .iter()
        .filter(|a| opens_from_menu(a.screen) && may_open(groups, a.screen))
        .map(|a| a.screen)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyone_looks_customers_up_and_only_administrators_see_the_health_screen() {
        assert!(may_open(&[GroupRole::Admin], ScreenId::Health));
        for group in GroupRole::ALL
            .into_iter()
            .filter(|g| *g != GroupRole::Admin)
        {
            assert!(!may_open(&[group], ScreenId::Health), "{group}");
        }
        assert_eq!(
            menu(&[GroupRole::Adjuster]),
            [
                ScreenId::Customers,
                ScreenId::Claims,
                ScreenId::Account,
                ScreenId::Charts
            ]
        );
        assert_eq!(
            menu(&[GroupRole::Admin]),
            [
                ScreenId::Customers,
                ScreenId::Reconcile,
                ScreenId::Account,
                ScreenId::Health,
                ScreenId::Staff,
                ScreenId::Settings,
                ScreenId::Audit,
                ScreenId::Charts
            ]
        );
    }

    #[test]
    fn auditors_and_administrators_read_the_audit_trail_and_teams_see_charts() {
        for group in GroupRole::ALL {
            let auditing = matches!(group, GroupRole::Auditor | GroupRole::Admin);
            assert_eq!(may_open(&[group], ScreenId::Audit), auditing, "{group}");
            let charts = !matches!(group, GroupRole::Agent | GroupRole::Surveyor);
            assert_eq!(may_open(&[group], ScreenId::Charts), charts, "{group}");
        }
    }

    #[test]
    fn only_administrators_manage_staff_and_auditors_read_the_settings() {
        assert!(may_open(&[GroupRole::Admin], ScreenId::Staff));
        assert!(may_open(&[GroupRole::Admin], ScreenId::Settings));
        assert!(may_open(&[GroupRole::Auditor], ScreenId::Settings));
        for group in GroupRole::ALL
            .into_iter()
            .filter(|g| *g != GroupRole::Admin)
        {
            assert!(!may_open(&[group], ScreenId::Staff), "{group}");
        }
        for group in [
            GroupRole::Agent,
            GroupRole::Underwriter,
            GroupRole::Adjuster,
            GroupRole::Surveyor,
            GroupRole::Finance,
        ] {
            assert!(!may_open(&[group], ScreenId::Settings), "{group}");
        }
    }

    #[test]
    fn underwriters_issue_and_renew_and_agents_only_quote() {
        assert_eq!(
            menu(&[GroupRole::Underwriter]),
            [
                ScreenId::Customers,
                ScreenId::Issue,
                ScreenId::Quotes,
                ScreenId::Renewals,
                ScreenId::Account,
                ScreenId::Charts
            ]
        );
        assert_eq!(
            menu(&[GroupRole::Agent]),
            [
                ScreenId::Customers,
                ScreenId::Issue,
                ScreenId::Quotes,
                ScreenId::Account
            ]
        );
        for group in [
            GroupRole::Adjuster,
            GroupRole::Surveyor,
            GroupRole::Finance,
            GroupRole::Auditor,
            GroupRole::Admin,
        ] {
            assert!(!may_open(&[group], ScreenId::Issue), "{group}");
            assert!(!may_open(&[group], ScreenId::Renewals), "{group}");
            assert!(
                may_open(&[group], ScreenId::Policy),
                "{group} reads a policy"
            );
        }
    }

    #[test]
    fn adjusters_and_surveyors_work_claims_and_no_one_else() {
        assert_eq!(
            menu(&[GroupRole::Surveyor]),
            [ScreenId::Customers, ScreenId::Claims, ScreenId::Account]
        );
        assert_eq!(
            menu(&[GroupRole::Adjuster]),
            [
                ScreenId::Customers,
                ScreenId::Claims,
                ScreenId::Account,
                ScreenId::Charts
            ]
        );
        for group in [
            GroupRole::Agent,
            GroupRole::Underwriter,
            GroupRole::Finance,
            GroupRole::Auditor,
            GroupRole::Admin,
        ] {
            assert!(!may_open(&[group], ScreenId::Claims), "{group}");
        }
    }

    #[test]
    fn finance_and_administrators_reconcile_and_no_one_else() {
        assert_eq!(
            menu(&[GroupRole::Finance]),
            [
                ScreenId::Customers,
                ScreenId::Reconcile,
                ScreenId::Account,
                ScreenId::Charts
            ]
        );
        assert!(may_open(&[GroupRole::Admin], ScreenId::Reconcile));
        for group in [
            GroupRole::Agent,
            GroupRole::Underwriter,
            GroupRole::Adjuster,
            GroupRole::Surveyor,
            GroupRole::Auditor,
        ] {
            assert!(!may_open(&[group], ScreenId::Reconcile), "{group}");
        }
        let entry = entry(ScreenId::Reconcile);
        assert_eq!(entry.title, "screen-reconcile");
        for alias in [
            "reconcile",
            "payments",
            "finance",
            "statement",
            "การเงิน",
            "กระทบยอด",
        ] {
            assert!(entry.aliases.contains(&alias), "{alias}");
        }
    }
}
