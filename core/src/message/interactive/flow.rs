//! Flow messages (`interactive.type: flow`, REF-OLD, OAS): `action.name` "flow" and its
//! `parameters` — version "3", `flow_id` xor `flow_name`, `flow_cta`, `mode`,
//! `flow_action`, `flow_action_payload` (navigate only; `data` a non-empty object).

use unicode_properties::UnicodeEmoji;

use super::super::util;
use super::action_name;
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Value};
use crate::limits;
use crate::shape::{Ctx, Path};

/// Both `flow_id` and `flow_name`, or neither.
pub const ID_CONFLICT: Code = Code::new("interactive.flow.id_conflict");
/// `flow_cta` longer than sources advise, or with emoji.
pub const CTA_ADVICE: Code = Code::new("interactive.flow.cta_advice");
/// `flow_action_payload` with `flow_action: data_exchange`.
pub const PAYLOAD_NOT_ALLOWED: Code = Code::new("interactive.flow.payload_not_allowed");
/// `flow_action_payload.data` is an empty object.
pub const DATA_EMPTY: Code = Code::new("interactive.flow.data_empty");
/// No `flow_token` (defaults to "unused" on Cloud; required by the On-Prem reference).
pub const TOKEN_MISSING: Code = Code::new("interactive.flow.token_missing");

const FIELDS: &[&str] = &[
    "flow_message_version",
    "flow_token",
    "flow_id",
    "flow_name",
    "flow_cta",
    "mode",
    "flow_action",
    "flow_action_payload",
];

pub(super) fn check(ctx: &mut Ctx<'_>, av: &Value<'_>, am: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(am, path, &["name", "parameters"]);
    action_name(ctx, av, am, path, "flow");
    let Some((pv, m)) = util::req_obj(ctx, am, av.span, path, "parameters") else {
        return;
    };
    let p = path.key("parameters");
    ctx.unknown_fields(m, &p, FIELDS);
    if let Some(v) = ctx.required(m, pv.span, &p, "flow_message_version") {
        ctx.one_of(v, &p.key("flow_message_version"), &["3"]);
    }
    match util::opt_text(ctx, m, &p, "flow_token", usize::MAX) {
        Some(_) => {}
        None if json::get(m, "flow_token").is_none() => ctx.warn(
            TOKEN_MISSING,
            Some(meta::MISSING_PARAMETER),
            &p.key("flow_token"),
            json::Span::new(pv.span.start as usize, pv.span.start as usize + 1),
            "no `flow_token`: the Cloud API uses \"unused\", but the On-Premises reference \
             requires one and your endpoint cannot tell sessions apart without it",
        ),
        None => {}
    }
    let id = json::get_member(m, "flow_id");
    let name = json::get_member(m, "flow_name");
    match (id, name) {
        (Some(_), Some(n)) => ctx.error(
            ID_CONFLICT,
            Some(meta::INVALID_PARAMETER),
            &p.key("flow_name"),
            n.key_span,
            "send either `flow_id` or `flow_name`, not both",
        ),
        (None, None) => ctx.error(
            ID_CONFLICT,
            Some(meta::MISSING_PARAMETER),
            &p.key("flow_id"),
            json::Span::new(pv.span.start as usize, pv.span.start as usize + 1),
            "`flow_id` or `flow_name` is required",
        ),
        _ => {}
    }
    util::opt_text(ctx, m, &p, "flow_id", usize::MAX);
    util::opt_text(ctx, m, &p, "flow_name", usize::MAX);
    if let Some(cta) = util::req_text(ctx, m, pv.span, &p, "flow_cta", usize::MAX) {
        cta_advice(ctx, cta, m, &p);
    }
    if let Some(v) = json::get(m, "mode") {
        ctx.one_of(v, &p.key("mode"), &["draft", "published"]);
    }
    let action = match json::get(m, "flow_action") {
        Some(v) => ctx.one_of(v, &p.key("flow_action"), &["navigate", "data_exchange"]),
        None => Some("navigate"),
    };
    let Some(pm) = json::get_member(m, "flow_action_payload") else {
        return;
    };
    let pp = p.key("flow_action_payload");
    if action == Some("data_exchange") {
        ctx.error(
            PAYLOAD_NOT_ALLOWED,
            Some(meta::INVALID_PARAMETER),
            &pp,
            pm.key_span,
            "`flow_action_payload` is only used with `flow_action` \"navigate\"; with \
             \"data_exchange\" your endpoint provides the first screen",
        );
    }
    let Some(fm) = ctx.object(&pm.value, &pp) else {
        return;
    };
    ctx.unknown_fields(fm, &pp, &["screen", "data"]);
    util::opt_text(ctx, fm, &pp, "screen", usize::MAX);
    if let Some((dv, dm)) = util::opt_obj(ctx, fm, &pp, "data")
        && dm.is_empty()
    {
        ctx.error(
            DATA_EMPTY,
            Some(meta::INVALID_VALUE),
            &pp.key("data"),
            dv.span,
            "`data` must be a non-empty object; leave it out when the first screen needs no data",
        );
    }
}

/// §11.4: REF-OLD and the Flows docs advise ≤ 30 characters and no emoji (OAS `maxLength
/// 30`); the On-Prem reference, WAJS and PYWA say 20. None of it is a documented rejection
/// on the newest pages → warnings.
fn cta_advice(ctx: &mut Ctx<'_>, cta: &str, m: &[Member<'_>], p: &Path<'_>) {
    let Some(v) = json::get(m, "flow_cta") else {
        return;
    };
    let cp = p.key("flow_cta");
    let n = crate::text::scalar_len(cta);
    if n > limits::FLOW_CTA_STRICT {
        let why = if n > limits::FLOW_CTA_ADVISED {
            format!(
                "Meta advises at most {} (the OpenAPI spec's limit)",
                limits::FLOW_CTA_ADVISED
            )
        } else {
            format!(
                "the On-Premises reference and SDKs allow only {}",
                limits::FLOW_CTA_STRICT
            )
        };
        ctx.warn(
            CTA_ADVICE,
            None,
            &cp,
            v.span,
            format!("`flow_cta` is {n} characters: {why}"),
        );
    }
    if cta.chars().any(|c| !c.is_ascii() && c.is_emoji_char()) {
        ctx.warn(
            CTA_ADVICE,
            None,
            &cp,
            v.span,
            "`flow_cta` contains an emoji; Meta advises a CTA without emoji",
        );
    }
}
