//! Webhook notifications: validate the envelope and status objects, read them into a typed
//! model, and fold status events into each message's state.
//!
//! - `check` (run by [`crate::check`] with `DocumentKind::Webhook` or auto-detection) reports
//!   every problem; the rules and the severity policy are in `validate.rs`'s documentation.
//! - [`parse`] gives the typed [`Notification`] with the report.
//! - [`Reducer`] / [`reduce`] fold [`Status`] events into [`MessageState`]s.

mod model;
mod reduce;
mod validate;

pub use model::{
    Category, Change, ChangeValue, Contact, Conversation, Entry, ErrorData, ErrorObject,
    IncomingMessage, MessagesValue, Metadata, Notification, Origin, Payment, Pricing, PricingModel,
    PricingType, Profile, Status, StatusKind, Timestamp, TimestampError, parse_timestamp,
};
pub use reduce::{
    Applied, IgnoreReason, Ignored, MessageState, Progress, Reducer, Stamp, StatusEvent, reduce,
};

use crate::diagnostic::{Code, Diagnostic, DocumentKind, Pointer, Report};
use crate::json::{self, Span, Value};
use crate::options::Options;
use crate::shape::{self, Ctx};

/// A timestamp that is not a Unix time in seconds (placeholder, fraction, milliseconds).
pub const TIMESTAMP: Code = Code::new("webhook.timestamp");
/// A value or field only older pages (Postman collection, On-Premises API, conversation-based
/// pricing) document.
pub const LEGACY: Code = Code::new("webhook.legacy");
/// A value outside a list Meta keeps extending (pricing category, webhook field, ...).
pub const UNKNOWN_VALUE: Code = Code::new("webhook.unknown_value");
/// `parent_user_id` and `parent_recipient_user_id` with different values.
pub const BSUID_CONFLICT: Code = Code::new("webhook.bsuid_conflict");
/// A `failed` status that does not say why.
pub const FAILED_WITHOUT_ERRORS: Code = Code::new("webhook.failed_without_errors");
/// A contact with neither `wa_id` nor `user_id`.
pub const CONTACT_WITHOUT_ID: Code = Code::new("webhook.contact_without_id");
/// The validator accepted a document the typed model could not read: a bug in wamsg.
pub const MODEL_MISMATCH: Code = Code::new("webhook.model_mismatch");

/// Validates one webhook tree.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &Value<'_>) {
    validate::check(ctx, value);
}

/// Validates `src` as a webhook and, when it has no error, reads it into the typed model.
///
/// The model is `Some` exactly when the report is valid (warnings allowed).
#[must_use]
pub fn parse(src: &str, opts: &Options) -> (Option<Notification>, Report) {
    let arena = json::Arena::for_source(src.len());
    let parsed = json::parse(src, &arena, &opts.parse);
    let mut ctx = Ctx::with_source(opts, src);
    ctx.diags = parsed.diagnostics;
    let mut model = None;
    if let Some(value) = &parsed.value {
        check(&mut ctx, value);
        if ctx.error_count() == 0 {
            match serde_json::from_value::<Notification>(value.to_serde()) {
                Ok(n) => model = Some(n),
                Err(e) => ctx.push(Diagnostic::error(
                    MODEL_MISMATCH,
                    Pointer::root(),
                    Span::new(value.span.start as usize, value.span.start as usize + 1),
                    format!("internal error, please report: the checks passed but the model could not be read: {e}"),
                )),
            }
        }
    }
    let report = shape::finish(src, opts, DocumentKind::Webhook, ctx.diags);
    (model, report)
}
