//! The rule table: what may be sent and what it costs, by message class and window state.
//!
//! Meta changes pricing often; every rule lives in [`RULES`] and every date in a constant
//! here, so a change is one edit. Sources (see `docs/window.md` for the long form):
//! - 24-hour customer service window, opened by a message from the user; outside it only
//!   templates may be sent, free-form messages fail with 131047 (Cloud API) / 470
//!   (On-Premises API) — Meta "Error codes" page; Vonage "WhatsApp" concept page (seed 003).
//! - Per-message pricing from 2025-07-01: templates are billed per delivered message by
//!   category (marketing, utility, authentication); utility templates sent inside an open
//!   customer service window are free; non-template messages (only possible inside the
//!   window) are free — Meta "Pricing" page (updates of 2025-07-01); seed 003.
//! - Free entry point window: 72 hours after the user writes through a click-to-WhatsApp ad or
//!   a Facebook page call-to-action, all messages are free — Meta "Pricing" page.
//! - Reactions, read receipts and typing indicators are never billed — Meta status webhook
//!   reference (reactions only produce `sent` statuses, without pricing).

/// Length of the customer service window: 24 hours.
pub const CUSTOMER_SERVICE_WINDOW_SECONDS: i64 = 24 * 60 * 60;
/// Length of the free entry point window: 72 hours.
pub const FREE_ENTRY_POINT_SECONDS: i64 = 72 * 60 * 60;
/// 2025-07-01T00:00:00Z: per-message pricing (PMP) replaces conversation-based pricing (CBP).
pub const PER_MESSAGE_PRICING_START: i64 = 1_751_328_000;

/// What is being sent, as far as the window and billing care.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// A template message of a known category.
    Template(Category),
    /// A template message whose definition (and so category) was not given.
    TemplateUnknownCategory,
    /// Any other message: text, media, interactive, location, contacts, ...
    FreeForm,
    /// A reaction to a message.
    Reaction,
    /// Mark-as-read or typing indicator: not a message at all.
    StatusUpdate,
}

/// Template categories, as billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// MARKETING templates.
    Marketing,
    /// UTILITY templates.
    Utility,
    /// AUTHENTICATION templates (international rates apply per recipient country; a
    /// pre-flight check cannot know the country's rate card, so this is not distinguished).
    Authentication,
}

/// What the rule says for one window state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Sent and billed in this category.
    Charged(Category),
    /// Sent and free, as the pricing `type` Meta reports in status webhooks.
    Free(FreeReason),
    /// Sent, and no pricing applies at all (not a billable message).
    NotBilled,
    /// Sent and billed, but the category is not known without the template definition.
    ChargedUnknownCategory,
    /// Refused by the platform.
    Rejected,
}

/// Why a message is free.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FreeReason {
    /// Inside the customer service window (`free_customer_service`).
    FreeCustomerService,
    /// Inside a free entry point window (`free_entry_point`).
    FreeEntryPoint,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    /// What is sent.
    pub class: Class,
    /// Outcome inside an open customer service window.
    pub inside: Outcome,
    /// Outcome with no open window.
    pub outside: Outcome,
}

/// The table (per-message pricing, since [`PER_MESSAGE_PRICING_START`]).
pub const RULES: &[Rule] = &[
    Rule {
        class: Class::Template(Category::Marketing),
        inside: Outcome::Charged(Category::Marketing),
        outside: Outcome::Charged(Category::Marketing),
    },
    Rule {
        class: Class::Template(Category::Utility),
        inside: Outcome::Free(FreeReason::FreeCustomerService),
        outside: Outcome::Charged(Category::Utility),
    },
    Rule {
        class: Class::Template(Category::Authentication),
        inside: Outcome::Charged(Category::Authentication),
        outside: Outcome::Charged(Category::Authentication),
    },
    Rule {
        class: Class::TemplateUnknownCategory,
        inside: Outcome::ChargedUnknownCategory,
        outside: Outcome::ChargedUnknownCategory,
    },
    Rule {
        class: Class::FreeForm,
        inside: Outcome::Free(FreeReason::FreeCustomerService),
        outside: Outcome::Rejected,
    },
    Rule {
        class: Class::Reaction,
        inside: Outcome::NotBilled,
        outside: Outcome::Rejected,
    },
    Rule {
        class: Class::StatusUpdate,
        inside: Outcome::NotBilled,
        outside: Outcome::NotBilled,
    },
];

/// The rule for `class` (every class has exactly one row; a test checks it).
#[must_use]
pub fn rule(class: Class) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.class == class)
}
