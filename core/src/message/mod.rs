//! Outbound messages: every send shape of the Cloud and On-Premises API.
//!
//! One file per shape: [`envelope`] (top-level fields, mark-as-read and typing indicator,
//! On-Prem flavour), text, media, contacts, location, reaction, interactive (one file per
//! interactive type) and template send payloads. Each validator walks the positioned
//! [`Value`] tree once, reports every problem it finds and carries on. Rules follow
//! `reference/platform-rules.md` §1–3; where sources disagree (§11) the decision is written
//! next to the rule. [`model`] is a typed serde model of the same shapes for building
//! messages in Rust.

mod contacts;
mod envelope;
mod interactive;
mod location;
mod media;
pub mod model;
mod placeholder;
mod reaction;
pub mod template;
mod text;
mod util;

use crate::json::Value;
use crate::shape::Ctx;

pub use envelope::{
    CLOUD_ONLY, CONTENT_EXTRA, HSM_REMOVED, MESSAGE_TYPES, ON_PREM_ONLY, RECIPIENT_FORMAT,
    TO_INVALID, TO_UNUSUAL, TYPE_UNSUPPORTED,
};
pub use placeholder::PLACEHOLDER;

/// Validates one outbound message tree (a send payload, a mark-as-read or a typing
/// indicator), as the API flavour in `ctx.opts.api` expects it.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &Value<'_>) {
    let before = ctx.diags.len();
    envelope::check(ctx, value);
    placeholder::scan(ctx, value, before);
}
