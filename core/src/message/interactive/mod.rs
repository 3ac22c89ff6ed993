//! `type: interactive` (platform-rules §2.1): the common frame — `type`, `header`, `body`,
//! `footer`, `action` — and one file per interactive type for its `action`.

mod button;
mod catalog_message;
mod cta_url;
mod flow;
mod list;
mod other;
mod parts;
mod product;
mod product_list;

pub(in crate::message) use product_list::sections as product_sections;

use super::envelope::not_allowed;
use crate::diagnostic::Code;
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// An interactive type only third-party documentation mentions.
pub const TYPE_UNDOCUMENTED: Code = Code::new("interactive.type.undocumented");

/// The interactive types of REF-OLD / OAS / the newest pages (Payments API and location
/// request included).
const TYPES: &[&str] = &[
    "button",
    "list",
    "product",
    "product_list",
    "catalog_message",
    "flow",
    "cta_url",
    "call_permission_request",
    "location_request_message",
    "order_details",
    "order_status",
    "voice_call",
];

const FIELDS: &[&str] = &["type", "header", "body", "footer", "action"];

/// Which header types an interactive type takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Headers {
    /// Text, image, video or document.
    Any,
    /// Text only (list, product_list: D-LIST, REF-OLD).
    TextOnly,
    /// Text; media headers only in SDK disagreement (flow: WAJS, §11.22) → a warning.
    TextPreferred,
    /// No header: an error (product: "You cannot set a header if your interactive object is
    /// of product type").
    Forbidden,
    /// No header documented: a warning.
    Undocumented,
}

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, FIELDS);
    let ty = interactive_type(ctx, m, v, path);
    let (headers, header_required, body_required, body_max) = match ty {
        Some("button" | "cta_url" | "order_details") => {
            (Headers::Any, false, true, limits::INTERACTIVE_BODY)
        }
        Some("list") => (
            Headers::TextOnly,
            false,
            true,
            limits::INTERACTIVE_LIST_BODY,
        ),
        Some("product") => (Headers::Forbidden, false, false, limits::INTERACTIVE_BODY),
        Some("product_list") => (Headers::TextOnly, true, true, limits::INTERACTIVE_BODY),
        Some("flow") => (
            Headers::TextPreferred,
            false,
            true,
            limits::INTERACTIVE_BODY,
        ),
        Some(_) => (Headers::Undocumented, false, true, limits::INTERACTIVE_BODY),
        None => (Headers::Any, false, false, limits::INTERACTIVE_BODY),
    };
    if let Some(hm) = json::get_member(m, "header") {
        parts::header(ctx, hm, path, headers, ty.unwrap_or("interactive"));
    } else if header_required {
        let _ = ctx.required(m, v.span, path, "header");
    }
    parts::body(ctx, m, v, path, body_required, body_max, ty == Some("list"));
    parts::footer(ctx, m, path);
    let Some(ty) = ty else {
        // Without a known type the action cannot be checked; say only that it is missing.
        if json::get(m, "action").is_none() {
            let _ = ctx.required(m, v.span, path, "action");
        }
        return;
    };
    let Some(av) = ctx.required(m, v.span, path, "action") else {
        return;
    };
    let ap = path.key("action");
    let Some(am) = ctx.object(av, &ap) else {
        return;
    };
    match ty {
        "button" => button::check(ctx, av, am, &ap),
        "list" => list::check(ctx, av, am, &ap),
        "product" => product::check(ctx, av, am, &ap),
        "product_list" => product_list::check(ctx, av, am, &ap),
        "catalog_message" => catalog_message::check(ctx, av, am, &ap),
        "flow" => flow::check(ctx, av, am, &ap),
        "cta_url" => cta_url::check(ctx, av, am, &ap),
        _ => other::check(ctx, ty, av, am, &ap),
    }
}

fn interactive_type(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    v: &Value<'_>,
    path: &Path<'_>,
) -> Option<&'static str> {
    let tv = ctx.required(m, v.span, path, "type")?;
    let p = path.key("type");
    let s = ctx.string(tv, &p)?;
    let Some(t) = TYPES.iter().find(|t| **t == s) else {
        // Upper-case types (`"BUTTON"`) are an SDK artefact; the did-you-mean names the fix.
        not_allowed(ctx, tv, &p, s, TYPES);
        return None;
    };
    if *t == "voice_call" {
        ctx.warn(
            TYPE_UNDOCUMENTED,
            None,
            &p,
            tv.span,
            "interactive type \"voice_call\" appears only in third-party documentation, not on Meta's pages",
        );
    }
    Some(t)
}

/// Checks `action.name` against the one value an interactive type expects.
pub(super) fn action_name(
    ctx: &mut Ctx<'_>,
    av: &Value<'_>,
    am: &[Member<'_>],
    path: &Path<'_>,
    expected: &'static str,
) {
    if let Some(nv) = ctx.required(am, av.span, path, "name") {
        ctx.one_of(nv, &path.key("name"), &[expected]);
    }
}
