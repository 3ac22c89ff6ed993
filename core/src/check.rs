//! One entry point for any document: detect whether it is a message, a template definition
//! or a webhook by its shape, then validate it as that.

use crate::diagnostic::{Diagnostic, DocumentKind, Pointer, Report};
use crate::json::{self, Span, Value};
use crate::options::Options;
use crate::shape::{self, Ctx};
use crate::{message, template, webhook};

/// Validates `src` as `kind`, or as whatever its shape says when `kind` is `None`.
#[must_use]
pub fn check(src: &str, kind: Option<DocumentKind>, opts: &Options) -> Report {
    let arena = json::Arena::for_source(src.len());
    let parsed = json::parse(src, &arena, &opts.parse);
    let kind = kind.unwrap_or_else(|| parsed.value.as_ref().map_or(DocumentKind::Message, detect));
    let mut ctx = Ctx::with_source(opts, src);
    ctx.diags = parsed.diagnostics;
    if let Some(value) = &parsed.value {
        check_value(&mut ctx, value, kind);
    }
    shape::finish(src, opts, kind, ctx.diags)
}

/// Validates raw bytes: input that is not UTF-8 gets a `json.invalid_utf8` error at the first
/// bad byte instead of a panic or a lossy conversion.
#[must_use]
pub fn check_bytes(bytes: &[u8], kind: Option<DocumentKind>, opts: &Options) -> Report {
    // simdutf8 validates several times faster than `std::str::from_utf8` on text with
    // non-ASCII characters; the standard library then locates the error on the rare failure.
    if let Ok(src) = simdutf8::basic::from_utf8(bytes) {
        return check(src, kind, opts);
    }
    match std::str::from_utf8(bytes) {
        Ok(src) => check(src, kind, opts),
        Err(e) => {
            let at = e.valid_up_to();
            let valid =
                std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or_default();
            let d = Diagnostic::error(
                json::INVALID_UTF8,
                Pointer::root(),
                Span::new(at, at + 1),
                format!(
                    "the input is not UTF-8: invalid byte 0x{:02X} at offset {at}",
                    bytes.get(at).copied().unwrap_or(0)
                ),
            );
            shape::finish(valid, opts, kind.unwrap_or(DocumentKind::Message), vec![d])
        }
    }
}

/// Validates an already parsed tree as `kind`.
pub(crate) fn check_value(ctx: &mut Ctx<'_>, value: &Value<'_>, kind: DocumentKind) {
    match kind {
        DocumentKind::Message => message::check(ctx, value),
        DocumentKind::Template => template::check_definition(ctx, value),
        DocumentKind::Webhook => webhook::check(ctx, value),
    }
}

/// Tells a webhook (`object` / `entry`), a template definition (`category`, or `components`
/// without any send-envelope field) and a message (everything else) apart.
#[must_use]
pub fn detect(value: &Value<'_>) -> DocumentKind {
    let has = |k: &str| value.get(k).is_some();
    if has("object") || has("entry") {
        return DocumentKind::Webhook;
    }
    let envelope =
        has("messaging_product") || has("to") || has("type") || has("recipient") || has("status");
    if has("category") || (has("components") && !envelope) {
        return DocumentKind::Template;
    }
    DocumentKind::Message
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ParseOptions, parse};

    fn kind(src: &str) -> DocumentKind {
        let arena = json::Arena::new();
        detect(&parse(src, &arena, &ParseOptions::default()).value.unwrap())
    }

    #[test]
    fn detection_by_shape() {
        assert_eq!(
            kind(r#"{"object":"whatsapp_business_account","entry":[]}"#),
            DocumentKind::Webhook
        );
        assert_eq!(
            kind(r#"{"name":"x","language":"en","category":"UTILITY","components":[]}"#),
            DocumentKind::Template
        );
        assert_eq!(
            kind(r#"{"name":"x","components":[]}"#),
            DocumentKind::Template
        );
        assert_eq!(
            kind(
                r#"{"messaging_product":"whatsapp","to":"1","type":"template","template":{"name":"x","components":[]}}"#
            ),
            DocumentKind::Message
        );
        assert_eq!(
            kind(r#"{"messaging_product":"whatsapp","status":"read","message_id":"x"}"#),
            DocumentKind::Message
        );
        assert_eq!(kind("[]"), DocumentKind::Message);
    }

    #[test]
    fn invalid_utf8_is_a_diagnostic() {
        let r = check_bytes(b"{\n\"a\": \"\xff\"}", None, &Options::default());
        assert!(!r.valid);
        let d = &r.diagnostics[0];
        assert_eq!(d.code, json::INVALID_UTF8);
        assert_eq!((d.line, d.column), (2, 7));
    }
}
