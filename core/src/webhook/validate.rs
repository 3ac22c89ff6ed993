//! The rules a webhook notification is checked against (platform-rules §8, seed 004).
//!
//! Severity policy for webhooks. Nobody sends a webhook to Meta, so "what the platform
//! rejects" becomes "what Meta's newest reference says the platform never sends, in a way a
//! receiver cannot process": a missing or ill-typed required field, an unknown `status`, a
//! timestamp that is not Unix seconds. Those are errors. Values outside a list Meta keeps
//! extending (pricing categories, origin types, webhook fields, incoming message types) and
//! values only older pages document are warnings, and so are unknown fields: receivers must
//! tolerate fields Meta adds, and the did-you-mean still catches typos in hand-written
//! fixtures. No webhook diagnostic carries `metaError`: the platform does not answer a
//! webhook, so there is no Graph API error to predict.
//!
//! Incoming-message notifications (`value.messages[]`) get their envelope checked: `id`,
//! `timestamp`, `type` (known types), `from` (or the BSUID `from_user_id`), the presence and
//! JSON type of the member named by `type`, `context`, `errors`. The content of each message
//! type (`text.body`, `interactive.button_reply`, ...) and unknown fields inside a message are
//! not checked. Changes of other fields (template status, account updates, groups, echoes)
//! are checked for `field` and an object `value`, plus `messaging_product` and `metadata`
//! where present.
//!
//! The disagreements of platform-rules §11 that concern webhooks are decided next to their
//! rules: #16 (status values) at [`MESSAGE_STATUSES`], #17 (parent BSUID spelling) and #18
//! (`recipient_id` optional) in `status`, #19 (category spelling) at `category`. #20 (a D-STAT
//! example described as "read" whose payload says "sent") is about prose only: the payload's
//! `status` is what counts.

use crate::diagnostic::meta;
use crate::json::{self, Kind, Member, Span, Value};
use crate::limits;
use crate::options::Api;
use crate::shape::{Ctx, Path, field_name, truncate};
use crate::suggest;

use super::model::{Category, PricingModel, PricingType, parse_timestamp};
use super::{
    BSUID_CONFLICT, CONTACT_WITHOUT_ID, FAILED_WITHOUT_ERRORS, LEGACY, TIMESTAMP, UNKNOWN_VALUE,
};

/// The only `object` of a WhatsApp Business webhook (D-STAT, OAS `WebhookPayload`).
const OBJECT: &str = "whatsapp_business_account";

/// Webhook fields of a WhatsApp Business Account subscription, for the did-you-mean. Both
/// `group_participant_update` (OAS enum) and `group_participants_update` (OAS example) are
/// listed: the spec disagrees with itself.
const FIELDS: &[&str] = &[
    "account_alerts",
    "account_review_update",
    "account_settings_update",
    "account_update",
    "automatic_events",
    "business_capability_update",
    "business_status_update",
    "calls",
    "flows",
    "group_lifecycle_update",
    "group_participant_update",
    "group_participants_update",
    "group_settings_update",
    "group_status_update",
    "history",
    "message_echoes",
    "message_template_components_update",
    "message_template_quality_update",
    "message_template_status_update",
    "messages",
    "messaging_handovers",
    "partner_solutions",
    "payment_configuration_update",
    "phone_number_name_update",
    "phone_number_quality_update",
    "security",
    "smb_app_state_sync",
    "smb_message_echoes",
    "template_category_update",
    "template_correct_category_detection",
    "tracking_events",
    "user_preferences",
];

/// Statuses of a message (D-STAT: sent, delivered, read, failed, played; PM adds deleted;
/// GS-STATUS adds deleted and warning). §11 #16: the OAS enum has only the first four; the
/// newest page adds `played`, so OAS is not stricter in a way that matters — all seven are
/// accepted, `deleted` and `warning` with a `webhook.legacy` warning on the Cloud API because
/// only older pages list them.
const MESSAGE_STATUSES: &[&str] = &[
    "sent",
    "delivered",
    "read",
    "played",
    "failed",
    "deleted",
    "warning",
];
/// Statuses only older pages list (PM, GS-STATUS, On-Premises).
const LEGACY_STATUSES: &[&str] = &["deleted", "warning"];
/// Statuses of a payment status update (`type: "payment"`, PM "Payment Object").
const PAYMENT_STATUSES: &[&str] = &["captured", "failed", "pending"];

const STATUS_FIELDS: &[&str] = &[
    "id",
    "status",
    "timestamp",
    "recipient_id",
    "recipient_type",
    "group_id",
    "recipient_user_id",
    "parent_recipient_user_id",
    "parent_user_id",
    "recipient_participant_id",
    "recipient_participant_user_id",
    "recipient_participant_parent_user_id",
    "recipient_identity_key_hash",
    "biz_opaque_callback_data",
    "conversation",
    "pricing",
    "errors",
    "type",
    "message",
    "from",
    "payment",
];

/// Incoming message types whose content sits in a member named like the type, with the
/// JSON type of that member (`contacts` is an array, every other one an object).
const PAYLOAD_TYPES: &[(&str, bool)] = &[
    ("text", false),
    ("image", false),
    ("audio", false),
    ("video", false),
    ("document", false),
    ("sticker", false),
    ("location", false),
    ("contacts", true),
    ("reaction", false),
    ("button", false),
    ("interactive", false),
    ("order", false),
    ("system", false),
];
/// Incoming message types without a member of their own.
const BARE_TYPES: &[&str] = &["unsupported", "unknown", "request_welcome"];

/// Validates one webhook tree.
pub(crate) fn check(ctx: &mut Ctx<'_>, value: &Value<'_>) {
    let start = ctx.diags.len();
    root(ctx, value);
    // The shared helpers speak for outbound payloads; see the module doc for why webhooks
    // differ (no metaError; unknown fields are warnings).
    for d in ctx.diags.iter_mut().skip(start) {
        d.meta_error = None;
        if d.code == crate::shape::FIELD_UNKNOWN {
            d.severity = crate::Severity::Warning;
        }
    }
}

fn root(ctx: &mut Ctx<'_>, v: &Value<'_>) {
    let p = Path::ROOT;
    let Some(m) = ctx.object(v, &p) else { return };
    ctx.unknown_fields(m, &p, &["object", "entry"]);
    if let Some(o) = ctx.required(m, v.span, &p, "object") {
        ctx.one_of(o, &p.key("object"), &[OBJECT]);
    }
    if let Some(e) = ctx.required(m, v.span, &p, "entry") {
        let pe = p.key("entry");
        for (i, item) in ctx.array(e, &pe).unwrap_or_default().iter().enumerate() {
            entry(ctx, item, &pe.index(i));
        }
    }
}

fn entry(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["id", "time", "changes"]);
    required_id(ctx, m, v.span, p, "id");
    if let Some(t) = json::get(m, "time") {
        timestamp(ctx, t, &p.key("time"));
    }
    if let Some(c) = ctx.required(m, v.span, p, "changes") {
        let pc = p.key("changes");
        for (i, item) in ctx.array(c, &pc).unwrap_or_default().iter().enumerate() {
            change(ctx, item, &pc.index(i));
        }
    }
}

fn change(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["field", "value"]);
    let field = ctx.required_str(m, v.span, p, "field");
    if let Some((f, fv)) = field
        && !FIELDS.contains(&f)
    {
        ctx.warn(
            UNKNOWN_VALUE,
            None,
            &p.key("field"),
            fv.span,
            format!(
                "webhook field \"{}\" is not one Meta documents for WhatsApp Business Accounts{}",
                truncate(f, 80),
                suggest::hint(f, FIELDS)
            ),
        );
    }
    let Some(value) = ctx.required(m, v.span, p, "value") else {
        return;
    };
    let pv = p.key("value");
    let Some(vm) = ctx.object(value, &pv) else {
        return;
    };
    if field.is_some_and(|(f, _)| f == "messages") {
        messages_value(ctx, vm, value.span, &pv);
    } else {
        // Other fields: only what every phone-number-scoped payload shares.
        if let Some(mp) = json::get(vm, "messaging_product") {
            ctx.one_of(mp, &pv.key("messaging_product"), &["whatsapp"]);
        }
        if let Some(md) = json::get(vm, "metadata") {
            metadata(ctx, md, &pv.key("metadata"));
        }
    }
}

fn messages_value(ctx: &mut Ctx<'_>, m: &[Member<'_>], span: Span, p: &Path<'_>) {
    ctx.unknown_fields(
        m,
        p,
        &[
            "messaging_product",
            "metadata",
            "contacts",
            "statuses",
            "messages",
            "errors",
        ],
    );
    if let Some(mp) = ctx.required(m, span, p, "messaging_product") {
        ctx.one_of(mp, &p.key("messaging_product"), &["whatsapp"]);
    }
    if let Some(md) = ctx.required(m, span, p, "metadata") {
        metadata(ctx, md, &p.key("metadata"));
    }
    each(ctx, m, p, "contacts", contact);
    each(ctx, m, p, "statuses", status);
    each(ctx, m, p, "messages", incoming);
    each(ctx, m, p, "errors", error_object);
    if ["statuses", "messages", "errors"]
        .iter()
        .all(|k| json::get(m, k).is_none())
    {
        ctx.error(
            crate::shape::FIELD_MISSING,
            None,
            &p.key("statuses"),
            Span::new(span.start as usize, span.start as usize + 1),
            "a `messages` change carries `statuses`, `messages` or `errors`; this one has none",
        );
    }
}

/// Runs `f` on every item of the optional array `key`.
fn each(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    p: &Path<'_>,
    key: &str,
    f: fn(&mut Ctx<'_>, &Value<'_>, &Path<'_>),
) {
    let Some(a) = json::get(m, key) else { return };
    let pa = p.key(key);
    for (i, item) in ctx.array(a, &pa).unwrap_or_default().iter().enumerate() {
        f(ctx, item, &pa.index(i));
    }
}

fn metadata(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["display_phone_number", "phone_number_id"]);
    required_id(ctx, m, v.span, p, "display_phone_number");
    required_id(ctx, m, v.span, p, "phone_number_id");
}

fn contact(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["profile", "wa_id", "user_id", "parent_user_id"]);
    if let Some(pr) = json::get(m, "profile") {
        let pp = p.key("profile");
        if let Some(pm) = ctx.object(pr, &pp) {
            ctx.unknown_fields(pm, &pp, &["name", "username"]);
            ctx.optional_str(pm, &pp, "name");
            ctx.optional_str(pm, &pp, "username");
        }
    }
    for key in ["wa_id", "user_id", "parent_user_id"] {
        ctx.optional_str(m, p, key);
    }
    // D-BSUID: `wa_id` is left out when the phone cannot be shared, `user_id` is then there.
    // OAS requires only `profile`, so neither is an error; but a contact without either
    // cannot be tied to anyone.
    if json::get(m, "wa_id").is_none() && json::get(m, "user_id").is_none() {
        ctx.warn(
            CONTACT_WITHOUT_ID,
            None,
            p,
            v.span,
            "the contact has neither `wa_id` nor `user_id`: it cannot be tied to a user",
        );
    }
}

fn status(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, STATUS_FIELDS);
    let on_prem = ctx.opts.api == Api::OnPrem;
    required_id(ctx, m, v.span, p, "id");

    // `type`: absent on the Cloud API; `payment` for payment updates; `message` On-Prem.
    let kind = ctx.optional_str(m, p, "type");
    let is_payment = kind.is_some_and(|(k, _)| k == "payment");
    match kind {
        Some(("message", kv)) if !on_prem => ctx.warn(
            LEGACY,
            None,
            &p.key("type"),
            kv.span,
            "`type: \"message\"` is sent by the On-Premises API only; Cloud API statuses have no `type`",
        ),
        Some((k, kv)) if k != "message" && k != "payment" => ctx.warn(
            UNKNOWN_VALUE,
            None,
            &p.key("type"),
            kv.span,
            format!(
                "status `type` \"{}\" is not documented (\"payment\" for payment updates){}",
                truncate(k, 80),
                suggest::hint(k, &["payment", "message"])
            ),
        ),
        _ => {}
    }

    let allowed = if is_payment {
        PAYMENT_STATUSES
    } else {
        MESSAGE_STATUSES
    };
    let st = ctx
        .required(m, v.span, p, "status")
        .and_then(|sv| ctx.one_of(sv, &p.key("status"), allowed).map(|s| (s, sv)));
    if let Some((s, sv)) = st
        && !is_payment
        && !on_prem
        && LEGACY_STATUSES.contains(&s)
    {
        ctx.warn(
            LEGACY,
            None,
            &p.key("status"),
            sv.span,
            format!(
                "status \"{s}\" is listed only by older pages (Postman collection, On-Premises); \
                 the current Cloud API reference lists sent, delivered, read, failed and played"
            ),
        );
    }

    if let Some(t) = ctx.required(m, v.span, p, "timestamp") {
        timestamp(ctx, t, &p.key("timestamp"));
    }

    for key in [
        "recipient_id",
        "group_id",
        "recipient_user_id",
        "recipient_participant_id",
        "recipient_participant_user_id",
        "recipient_participant_parent_user_id",
        "recipient_identity_key_hash",
        "from",
    ] {
        ctx.optional_str(m, p, key);
    }
    // §11 #18: OAS requires `recipient_id`; D-BSUID (newest) omits it when the message went
    // to a business-scoped user id whose phone cannot be shared. OAS v23 predates BSUIDs (it
    // is unaware of the case rather than stricter about it), so no warning: a status needs
    // one of the recipient ids, and only a status with none is an error.
    if !is_payment
        && ["recipient_id", "recipient_user_id", "group_id"]
            .iter()
            .all(|k| json::get(m, k).is_none())
    {
        ctx.error(
            crate::shape::FIELD_MISSING,
            None,
            &p.key("recipient_id"),
            Span::new(v.span.start as usize, v.span.start as usize + 1),
            "`recipient_id` is required in a status unless the message went to a business-scoped \
             user id (`recipient_user_id`) or a group (`group_id`)",
        );
    }
    if let Some(rt) = json::get(m, "recipient_type") {
        ctx.one_of(rt, &p.key("recipient_type"), &["individual", "group"]);
    }

    // §11 #17: the BSUID page spells the parent id `parent_recipient_user_id` (syntax,
    // example 1, whatsapp-api-js) and `parent_user_id` (field list, example 2). Both are
    // accepted silently; only two different values are worth a warning.
    let parent_long = ctx.optional_str(m, p, "parent_recipient_user_id");
    let parent_short = ctx.optional_str(m, p, "parent_user_id");
    if let (Some((a, _)), Some((b, bv))) = (parent_long, parent_short)
        && a != b
    {
        ctx.warn(
            BSUID_CONFLICT,
            None,
            &p.key("parent_user_id"),
            bv.span,
            "`parent_user_id` and `parent_recipient_user_id` are two spellings of the same field \
             but hold different values",
        );
    }

    if let Some((s, sv)) = ctx.optional_str(m, p, "biz_opaque_callback_data") {
        ctx.max_chars(
            s,
            sv,
            &p.key("biz_opaque_callback_data"),
            limits::BIZ_OPAQUE_CALLBACK_DATA,
            meta::INVALID_VALUE,
        );
    }
    if let Some(c) = json::get(m, "conversation") {
        conversation(ctx, c, &p.key("conversation"));
    }
    if let Some(pr) = json::get(m, "pricing") {
        pricing(ctx, pr, &p.key("pricing"));
    }
    each(ctx, m, p, "errors", error_object);
    let has_errors = json::get(m, "errors")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if let Some(("failed", sv)) = st
        && !has_errors
    {
        ctx.warn(
            FAILED_WITHOUT_ERRORS,
            None,
            &p.key("status"),
            sv.span,
            "a `failed` status without `errors`: nothing says why the message failed",
        );
    }

    if let Some(mv) = json::get(m, "message") {
        ctx.object(mv, &p.key("message"));
        if !on_prem {
            ctx.warn(
                LEGACY,
                None,
                &p.key("message"),
                mv.span,
                "`message` in a status is sent by the On-Premises API only",
            );
        }
    }
    let payment = if is_payment {
        ctx.required(m, v.span, p, "payment")
    } else {
        json::get(m, "payment")
    };
    if let Some(pv) = payment {
        let pp = p.key("payment");
        if let Some(pm) = ctx.object(pv, &pp) {
            ctx.unknown_fields(pm, &pp, &["reference_id"]);
            required_id(ctx, pm, pv.span, &pp, "reference_id");
        }
    }
}

fn conversation(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["id", "expiration_timestamp", "origin", "type"]);
    required_id(ctx, m, v.span, p, "id");
    // D-STAT: a string; Postman samples leave an unquoted number placeholder. Both read.
    if let Some(t) = json::get(m, "expiration_timestamp") {
        timestamp(ctx, t, &p.key("expiration_timestamp"));
    }
    if let Some(o) = json::get(m, "origin") {
        let po = p.key("origin");
        if let Some(om) = ctx.object(o, &po) {
            ctx.unknown_fields(om, &po, &["type"]);
            if let Some(t) = ctx.required(om, o.span, &po, "type") {
                category(ctx, t, &po.key("type"));
            }
        }
    }
    if let Some(t) = json::get(m, "type") {
        ctx.warn(
            LEGACY,
            None,
            &p.key("type"),
            t.span,
            "`type` directly in `conversation` appears only in an old Postman sample; \
             the current reference nests it as `origin.type`",
        );
        category(ctx, t, &p.key("type"));
    }
}

fn pricing(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(m, p, &["billable", "pricing_model", "type", "category"]);
    if let Some(b) = json::get(m, "billable") {
        ctx.boolean(b, &p.key("billable"));
    }
    if let Some((s, sv)) = ctx.optional_str(m, p, "pricing_model") {
        let pp = p.key("pricing_model");
        if s == "NBP" {
            ctx.warn(
                LEGACY,
                None,
                &pp,
                sv.span,
                "pricing model \"NBP\" (notification-based) ended in 2022; current webhooks say \"PMP\"",
            );
        } else {
            open_value(ctx, s, sv, &pp, PricingModel::KNOWN);
        }
    }
    if let Some((s, sv)) = ctx.optional_str(m, p, "type") {
        open_value(ctx, s, sv, &p.key("type"), PricingType::KNOWN);
    }
    if let Some(c) = json::get(m, "category") {
        category(ctx, c, &p.key("category"));
    }
}

/// A conversation origin type or pricing category. §11 #19: D-STAT spells the international
/// authentication category with a hyphen under `pricing` and an underscore under `origin`;
/// both spellings are accepted in both places without a diagnostic, since the newest page
/// itself uses both. CBP-era values get a `webhook.legacy` warning; anything else a
/// `webhook.unknown_value` warning (Meta extends this list, e.g. `marketing_lite` in 2025).
fn category(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(s) = ctx.string(v, p) else { return };
    if Category::LEGACY.contains(&s) {
        ctx.warn(
            LEGACY,
            None,
            p,
            v.span,
            format!(
                "\"{s}\" is a conversation-based-pricing category; current webhooks use \
                 marketing, utility, authentication, service, ..."
            ),
        );
    } else {
        open_value(ctx, s, v, p, Category::KNOWN);
    }
}

/// Warns about a value outside a documented list Meta keeps extending.
fn open_value(ctx: &mut Ctx<'_>, s: &str, v: &Value<'_>, p: &Path<'_>, known: &[&str]) {
    if known.contains(&s) {
        return;
    }
    let name = field_name(p);
    let list = known
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>()
        .join(", ");
    ctx.warn(
        UNKNOWN_VALUE,
        None,
        p,
        v.span,
        format!(
            "{name} \"{}\" is not documented (known: {list}){}",
            truncate(s, 80),
            suggest::hint(s, known)
        ),
    );
}

fn error_object(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    ctx.unknown_fields(
        m,
        p,
        &["code", "title", "message", "error_data", "href", "details"],
    );
    if let Some(c) = ctx.required(m, v.span, p, "code")
        && c.as_i64().is_none()
    {
        ctx.type_mismatch(c, &p.key("code"), "an integer");
    }
    for key in ["title", "message", "href"] {
        ctx.optional_str(m, p, key);
    }
    if let Some(ed) = json::get(m, "error_data") {
        let pe = p.key("error_data");
        if let Some(em) = ctx.object(ed, &pe) {
            ctx.unknown_fields(em, &pe, &["details"]);
            ctx.optional_str(em, &pe, "details");
        }
    }
    if let Some((_, dv)) = ctx.optional_str(m, p, "details") {
        ctx.warn(
            LEGACY,
            None,
            &p.key("details"),
            dv.span,
            "`details` directly in an error is the older shape; current webhooks put it in \
             `error_data.details`",
        );
    }
}

fn incoming(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else { return };
    required_id(ctx, m, v.span, p, "id");
    if let Some(t) = ctx.required(m, v.span, p, "timestamp") {
        timestamp(ctx, t, &p.key("timestamp"));
    }
    for key in ["from", "from_user_id", "from_parent_user_id", "group_id"] {
        ctx.optional_str(m, p, key);
    }
    // D-BSUID: `from` is left out when only the business-scoped user id can be shared.
    if json::get(m, "from").is_none() && json::get(m, "from_user_id").is_none() {
        ctx.error(
            crate::shape::FIELD_MISSING,
            None,
            &p.key("from"),
            Span::new(v.span.start as usize, v.span.start as usize + 1),
            "`from` is required in an incoming message unless `from_user_id` (the sender's \
             business-scoped user id) is there",
        );
    }
    if let Some((t, tv)) = ctx.required_str(m, v.span, p, "type") {
        if let Some((_, is_array)) = PAYLOAD_TYPES.iter().find(|(k, _)| *k == t) {
            if let Some(payload) = ctx.required(m, v.span, p, t) {
                let pp = p.key(t);
                if *is_array {
                    ctx.array(payload, &pp);
                } else {
                    ctx.object(payload, &pp);
                }
            }
        } else if !BARE_TYPES.contains(&t) {
            let known: Vec<&str> = PAYLOAD_TYPES
                .iter()
                .map(|(k, _)| *k)
                .chain(BARE_TYPES.iter().copied())
                .collect();
            ctx.warn(
                UNKNOWN_VALUE,
                None,
                &p.key("type"),
                tv.span,
                format!(
                    "incoming message type \"{}\" is not documented{}",
                    truncate(t, 80),
                    suggest::hint(t, &known)
                ),
            );
        }
    }
    if let Some(c) = json::get(m, "context") {
        ctx.object(c, &p.key("context"));
    }
    each(ctx, m, p, "errors", error_object);
}

/// A required, non-empty string id.
fn required_id(ctx: &mut Ctx<'_>, m: &[Member<'_>], span: Span, p: &Path<'_>, key: &str) {
    if let Some((s, sv)) = ctx.required_str(m, span, p, key) {
        ctx.non_blank(s, sv, &p.key(key));
    }
}

/// A Unix time in seconds: a string of digits (what Meta sends) or an integer (older
/// samples). Returns the seconds.
fn timestamp(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) -> Option<i64> {
    let raw = match &v.kind {
        Kind::String(s) => s.as_ref(),
        Kind::Number(n) => n,
        _ => {
            ctx.type_mismatch(v, p, "a Unix time (a string of digits or an integer)");
            return None;
        }
    };
    match parse_timestamp(raw) {
        Ok(t) => Some(t),
        Err(why) => {
            let name = field_name(p);
            ctx.error(
                TIMESTAMP,
                None,
                p,
                v.span,
                format!("{name} is \"{}\": {why}", truncate(raw, 40)),
            );
            None
        }
    }
}
