//! # wamsg
//!
//! WhatsApp Business messages without I/O: parse and validate every outbound message shape
//! (Cloud and On-Premises API), template definitions and status webhooks, reporting every
//! problem at once with a JSON Pointer, a line/column and the Meta error code the platform
//! would answer with; render WhatsApp formatting to a preview AST, HTML and plain text.
//!
//! ```
//! let report = wamsg::validate_message(r#"{"messaging_product":"whatsapp","to":"15551234567","text":{"body":"hi"}}"#);
//! assert!(report.valid);
//! ```
//!
//! Modules, one per concern: [`json`] (positioned JSON), [`diagnostic`] (what is reported),
//! [`shape`] (the toolkit validators are written with), [`message`], [`template`],
//! [`webhook`], [`format`] (WhatsApp markup), [`locale`] (CLDR formatting of currency and
//! dates), [`text`] (length measures), [`limits`] (every platform number with its source).

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]
#![warn(missing_docs)]

pub mod check;
pub mod diagnostic;
mod float;
pub mod format;
pub mod json;
pub mod languages;
pub mod limits;
pub mod locale;
pub mod message;
pub mod options;
pub mod position;
pub mod shape;
pub mod suggest;
mod swar;
pub mod template;
pub mod text;
pub mod webhook;
pub mod window;

pub use check::{check, check_bytes, detect};
pub use diagnostic::{Code, Diagnostic, DocumentKind, Pointer, Report, Severity};
pub use options::{Api, Options};
pub use position::Units;

/// Validates an outbound message with default options (Cloud API).
#[must_use]
pub fn validate_message(src: &str) -> Report {
    check(src, Some(DocumentKind::Message), &Options::default())
}

/// Validates a template definition with default options.
#[must_use]
pub fn validate_template(src: &str) -> Report {
    check(src, Some(DocumentKind::Template), &Options::default())
}

/// Validates a webhook notification with default options.
#[must_use]
pub fn validate_webhook(src: &str) -> Report {
    check(src, Some(DocumentKind::Webhook), &Options::default())
}
