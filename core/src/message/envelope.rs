//! The request envelope (platform-rules §1): `messaging_product`, `recipient_type`, `to` /
//! `recipient`, `type` (default `text`), `context`, `biz_opaque_callback_data`; the
//! mark-as-read / typing-indicator payloads that share the endpoint; the On-Premises flavour
//! (no `messaging_product`, top-level `preview_url`, legacy `hsm`).

use super::util::{self, opt_obj, opt_text};
use super::{contacts, interactive, location, media, reaction, template, text};
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::options::Api;
use crate::shape::{Ctx, Path, VALUE_NOT_ALLOWED};
use crate::suggest;

/// `type` is not a message type the API sends.
pub const TYPE_UNSUPPORTED: Code = Code::new("message.type.unsupported");
/// A content object for another type than `type` says (ignored by the platform).
pub const CONTENT_EXTRA: Code = Code::new("message.content.extra");
/// `to` is not a phone number / WhatsApp id.
pub const TO_INVALID: Code = Code::new("message.to.invalid");
/// `to` has fewer digits than any full international number.
pub const TO_UNUSUAL: Code = Code::new("message.to.unusual");
/// `recipient` does not look like a business-scoped user id.
pub const RECIPIENT_FORMAT: Code = Code::new("message.recipient.format");
/// A field only the On-Premises API knows, sent to the Cloud API.
pub const ON_PREM_ONLY: Code = Code::new("field.on_prem_only");
/// A field only the Cloud API knows, sent to the On-Premises API.
pub const CLOUD_ONLY: Code = Code::new("field.cloud_only");
/// The legacy `hsm` object (removed in On-Premises v2.39).
pub const HSM_REMOVED: Code = Code::new("message.hsm.removed");

/// The message types of `POST /messages` (REF-OLD; OAS `MessageRequest.type`).
pub const MESSAGE_TYPES: &[&str] = &[
    "text",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "template",
    "reaction",
];

/// Every top-level field of a send payload, both flavours; the flavour-specific ones are
/// reported by [`check_message`] itself.
const MESSAGE_FIELDS: &[&str] = &[
    "messaging_product",
    "recipient_type",
    "to",
    "recipient",
    "type",
    "context",
    "biz_opaque_callback_data",
    "text",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "location",
    "contacts",
    "interactive",
    "template",
    "reaction",
    // Marketing Messages API (`/marketing_messages`, OAS examples): same body plus these.
    "product_policy",
    "message_activity_sharing",
    // On-Premises only.
    "preview_url",
    "hsm",
];

/// Fields of a mark-as-read / typing-indicator payload (OAS `MarkMessageRequestPayload`).
const STATUS_FIELDS: &[&str] = &[
    "messaging_product",
    "status",
    "message_id",
    "typing_indicator",
];

/// Validates the whole document.
pub(super) fn check(ctx: &mut Ctx<'_>, value: &Value<'_>) {
    let root = Path::ROOT;
    let Some(m) = ctx.object(value, &root) else {
        return;
    };
    // A mark-as-read or typing indicator reuses the endpoint and has no `type`; a payload
    // with `status` but also message fields is taken as a message (and `status` reported).
    let has = |k: &str| json::get(m, k).is_some();
    if has("status") && !has("type") && !has("to") && !has("recipient") {
        check_status(ctx, value, m);
    } else {
        check_message(ctx, value, m);
    }
}

fn messaging_product(ctx: &mut Ctx<'_>, value: &Value<'_>, m: &[Member<'_>]) {
    let root = Path::ROOT;
    match ctx.opts.api {
        Api::Cloud => {
            if let Some(v) = ctx.required(m, value.span, &root, "messaging_product") {
                ctx.one_of(v, &root.key("messaging_product"), &["whatsapp"]);
            }
        }
        Api::OnPrem => {
            // Decision: the On-Prem reference only marks it "Cloud API only"; nothing says the
            // On-Prem API rejects it, so a warning.
            if let Some(mm) = json::get_member(m, "messaging_product") {
                cloud_only(ctx, mm, &root);
            }
        }
    }
}

fn cloud_only(ctx: &mut Ctx<'_>, m: &Member<'_>, path: &Path<'_>) {
    let p = path.key(m.key);
    ctx.warn(
        CLOUD_ONLY,
        None,
        &p,
        m.key_span,
        format!(
            "`{}` is a Cloud API field; the On-Premises API does not use it",
            m.key
        ),
    );
}

/// Reports an On-Premises-only field sent to the Cloud API.
pub(super) fn on_prem_only(ctx: &mut Ctx<'_>, m: &Member<'_>, path: &Path<'_>, hint: &str) {
    let p = path.key(m.key);
    ctx.error(
        ON_PREM_ONLY,
        Some(meta::INVALID_PARAMETER),
        &p,
        m.key_span,
        format!(
            "`{}` is only used by the On-Premises API; the Cloud API rejects it{hint}",
            m.key
        ),
    );
}

fn check_status(ctx: &mut Ctx<'_>, value: &Value<'_>, m: &[Member<'_>]) {
    let root = Path::ROOT;
    ctx.unknown_fields(m, &root, STATUS_FIELDS);
    messaging_product(ctx, value, m);
    if let Some(v) = json::get(m, "status") {
        ctx.one_of(v, &root.key("status"), &["read"]);
    }
    // Cloud: `message_id` in the body (OAS requires all three). On-Prem marks as read with
    // `PUT /v1/messages/{id}`, the id in the URL.
    match ctx.opts.api {
        Api::Cloud => {
            util::req_text(ctx, m, value.span, &root, "message_id", limits::WAMID);
        }
        Api::OnPrem => {
            opt_text(ctx, m, &root, "message_id", limits::WAMID);
        }
    }
    if let Some(mm) = json::get_member(m, "typing_indicator") {
        if ctx.opts.api == Api::OnPrem {
            cloud_only(ctx, mm, &root);
        }
        let p = root.key("typing_indicator");
        if let Some(tm) = ctx.object(&mm.value, &p) {
            ctx.unknown_fields(tm, &p, &["type"]);
            if let Some(t) = ctx.required(tm, mm.value.span, &p, "type") {
                ctx.one_of(t, &p.key("type"), &["text"]);
            }
        }
    }
}

fn check_message(ctx: &mut Ctx<'_>, value: &Value<'_>, m: &[Member<'_>]) {
    let root = Path::ROOT;
    let api = ctx.opts.api;
    ctx.unknown_fields(m, &root, MESSAGE_FIELDS);
    messaging_product(ctx, value, m);

    // recipient_type: OAS allows `group` as well as the default `individual`.
    let recipient_type = json::get(m, "recipient_type")
        .and_then(|v| ctx.one_of(v, &root.key("recipient_type"), &["individual", "group"]));
    let group = recipient_type == Some("group");

    // `to` or, new with business-scoped user ids, `recipient` (D-BSUID: `to` wins when both
    // are sent).
    let recipient = json::get_member(m, "recipient");
    if let Some(r) = recipient {
        check_recipient(ctx, r);
    }
    match json::get(m, "to") {
        Some(v) => {
            if let Some(s) = ctx.string(v, &root.key("to")) {
                check_to(ctx, s, v, group);
            }
        }
        None if recipient.is_none() => {
            ctx.required(m, value.span, &root, "to");
        }
        None => {}
    }

    if let Some((cv, cm)) = opt_obj(ctx, m, &root, "context") {
        let p = root.key("context");
        ctx.unknown_fields(cm, &p, &["message_id"]);
        util::req_text(ctx, cm, cv.span, &p, "message_id", limits::WAMID);
    }
    if let Some(mm) = json::get_member(m, "biz_opaque_callback_data") {
        if api == Api::OnPrem {
            cloud_only(ctx, mm, &root);
        }
        let p = root.key("biz_opaque_callback_data");
        if let Some(s) = ctx.string(&mm.value, &p) {
            ctx.max_chars(
                s,
                &mm.value,
                &p,
                limits::BIZ_OPAQUE_CALLBACK_DATA,
                meta::INVALID_VALUE,
            );
        }
    }
    if let Some(v) = json::get(m, "product_policy") {
        ctx.one_of(
            v,
            &root.key("product_policy"),
            &["CLOUD_API_FALLBACK", "STRICT"],
        );
    }
    util::opt_bool(ctx, m, &root, "message_activity_sharing");

    // The On-Premises API's own fields.
    if let Some(mm) = json::get_member(m, "preview_url") {
        match api {
            Api::Cloud => on_prem_only(ctx, mm, &root, "; put it inside `text`"),
            Api::OnPrem => {
                ctx.boolean(&mm.value, &root.key("preview_url"));
            }
        }
    }
    if let Some(mm) = json::get_member(m, "hsm") {
        hsm(ctx, mm);
    }

    // `type`: optional, "If omitted, defaults to text" (REF-OLD).
    let ty = match json::get_member(m, "type") {
        None => Some("text"),
        Some(tm) => message_type(ctx, tm),
    };
    let Some(ty) = ty else {
        return;
    };
    if ty == "hsm" {
        return;
    }
    let tp = root.key(ty);
    match json::get(m, ty) {
        None => {
            let _ = ctx.required(m, value.span, &root, ty);
            // Say what `type` defaulted to when it was left out and another object is there.
            if json::get(m, "type").is_none()
                && let Some(other) = m
                    .iter()
                    .find(|x| x.key != "text" && MESSAGE_TYPES.contains(&x.key))
                && let Some(last) = ctx.diags.last_mut()
            {
                last.message.push_str(&format!(
                    "; `type` is missing and defaults to \"text\" — add \"type\": \"{}\"",
                    other.key
                ));
            }
        }
        Some(v) => match ty {
            "text" => text::check(ctx, v, &tp),
            "image" | "audio" | "video" | "document" | "sticker" => {
                media::check(ctx, v, &tp, media::Kind::from_type(ty), media::Use::Message);
            }
            "location" => location::check(ctx, v, &tp),
            "contacts" => contacts::check(ctx, v, &tp),
            "interactive" => interactive::check(ctx, v, &tp),
            "template" => template::check(ctx, v, &tp),
            "reaction" => reaction::check(ctx, v, &tp),
            _ => {}
        },
    }
    // Content objects for other types: the platform reads only the one `type` names.
    for x in m {
        if !json::key_eq(x.key, ty) && MESSAGE_TYPES.iter().any(|t| json::key_eq(t, x.key)) {
            let p = root.key(x.key);
            ctx.warn(
                CONTENT_EXTRA,
                None,
                &p,
                x.key_span,
                format!(
                    "`{}` is ignored: `type` is \"{ty}\"{}",
                    x.key,
                    if json::get(m, "type").is_none() {
                        " (the default, because `type` is missing)"
                    } else {
                        ""
                    }
                ),
            );
        }
    }
}

/// Checks `type`; returns the content key to validate, or `None` when unusable.
fn message_type<'c>(ctx: &mut Ctx<'_>, tm: &'c Member<'_>) -> Option<&'c str> {
    let p = Path::ROOT.key("type");
    let s = ctx.string(&tm.value, &p)?;
    if let Some(t) = MESSAGE_TYPES.iter().find(|t| **t == s) {
        return Some(t);
    }
    if s == "hsm" {
        // Reported with the `hsm` object (or here when it is missing).
        let msg = "`type` \"hsm\" was removed in v2.39 of the On-Premises API; send \"template\" with a `template` object";
        ctx.error(HSM_REMOVED, None, &p, tm.value.span, msg);
        return Some("hsm");
    }
    let hint = suggest::hint(s, MESSAGE_TYPES);
    ctx.error(
        TYPE_UNSUPPORTED,
        Some(meta::UNSUPPORTED_TYPE),
        &p,
        tm.value.span,
        format!(
            "`type` \"{}\" is not a message type; supported: {}{hint}",
            crate::shape::truncate(s, 40),
            MESSAGE_TYPES.join(", ")
        ),
    );
    None
}

fn hsm(ctx: &mut Ctx<'_>, mm: &Member<'_>) {
    let p = Path::ROOT.key("hsm");
    match ctx.opts.api {
        Api::Cloud => ctx.error(
            HSM_REMOVED,
            Some(meta::INVALID_PARAMETER),
            &p,
            mm.key_span,
            "`hsm` is the legacy On-Premises template object (removed in v2.39); the Cloud API \
             sends templates as \"type\": \"template\" with a `template` object",
        ),
        Api::OnPrem => ctx.error(
            HSM_REMOVED,
            None,
            &p,
            mm.key_span,
            "`hsm` was deprecated and removed in v2.39 of the On-Premises API; use the \
             `template` object instead",
        ),
    }
}

fn check_recipient(ctx: &mut Ctx<'_>, r: &Member<'_>) {
    let p = Path::ROOT.key("recipient");
    if ctx.opts.api == Api::OnPrem {
        cloud_only(ctx, r, &Path::ROOT);
    }
    let Some(s) = ctx.string(&r.value, &p) else {
        return;
    };
    if !ctx.non_blank(s, &r.value, &p) {
        return;
    }
    // A BSUID is `CC.digits`, a parent BSUID `CC.ENT.digits` (D-BSUID examples; PYWA
    // `BSUID_RE` covers the first). Only SDK evidence for the format: a warning.
    if !is_bsuid(s) {
        ctx.warn(
            RECIPIENT_FORMAT,
            None,
            &p,
            r.value.span,
            format!(
                "`recipient` \"{}\" does not look like a business-scoped user id \
                 (e.g. \"US.13491208655302741918\")",
                crate::shape::truncate(s, 40)
            ),
        );
    }
}

fn is_bsuid(s: &str) -> bool {
    let mut parts = s.split('.');
    let cc = parts.next().unwrap_or("");
    let mut last = parts.next().unwrap_or("");
    if last == "ENT" {
        last = parts.next().unwrap_or("");
    }
    parts.next().is_none()
        && cc.len() == 2
        && cc.bytes().all(|b| b.is_ascii_uppercase())
        && !last.is_empty()
        && last.bytes().all(|b| b.is_ascii_digit())
}

/// `to`: a phone number (with or without `+` and the usual separators) or a WhatsApp id; a
/// group id when `recipient_type` is `group`.
fn check_to(ctx: &mut Ctx<'_>, s: &str, v: &Value<'_>, group: bool) {
    let p = Path::ROOT.key("to");
    if !ctx.non_blank(s, v, &p) {
        return;
    }
    if group {
        return;
    }
    let mut digits = 0usize;
    let mut bad = false;
    // Bytes, not characters: every allowed character is ASCII, so any byte of a multi-byte
    // character is as wrong as the character (and a per-character walk stayed calls in the
    // WebAssembly build, for the one field every message has).
    for (i, b) in s.trim().bytes().enumerate() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'+' if i == 0 => {}
            b' ' | b'-' | b'(' | b')' | b'.' => {}
            _ => bad = true,
        }
    }
    if bad || digits == 0 || digits > limits::PHONE_DIGITS_MAX {
        let why = if digits > limits::PHONE_DIGITS_MAX {
            format!(
                "has {digits} digits; a phone number has at most {}",
                limits::PHONE_DIGITS_MAX
            )
        } else {
            "is not a phone number or WhatsApp id (digits, optionally with a leading + and \
             spaces, dashes or parentheses)"
                .to_string()
        };
        ctx.error(
            TO_INVALID,
            Some(meta::INVALID_VALUE),
            &p,
            v.span,
            format!("`to` \"{}\" {why}", crate::shape::truncate(s, 40)),
        );
    } else if digits < limits::PHONE_DIGITS_MIN {
        ctx.warn(
            TO_UNUSUAL,
            None,
            &p,
            v.span,
            format!(
                "`to` has only {digits} digits; a full international number (country code \
                 first) has at least {}",
                limits::PHONE_DIGITS_MIN
            ),
        );
    }
}

/// Reports `v` at `path` as not one of `allowed`, with a did-you-mean.
pub(super) fn not_allowed(
    ctx: &mut Ctx<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
    s: &str,
    allowed: &[&str],
) {
    let name = crate::shape::field_name(path);
    let hint = suggest::hint(s, allowed);
    ctx.error(
        VALUE_NOT_ALLOWED,
        Some(meta::INVALID_VALUE),
        path,
        v.span,
        format!(
            "{name} is \"{}\"; allowed: {}{hint}",
            crate::shape::truncate(s, 40),
            allowed
                .iter()
                .map(|a| format!("\"{a}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsuids() {
        assert!(is_bsuid("US.13491208655302741918"));
        assert!(is_bsuid("US.ENT.11815799212886844830"));
        assert!(!is_bsuid("us.1"));
        assert!(!is_bsuid("US."));
        assert!(!is_bsuid("US.ENT."));
        assert!(!is_bsuid("16505551234"));
    }
}
