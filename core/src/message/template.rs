//! Template send payloads (`type: template`, platform-rules §3), as far as they can be
//! checked without the template definition: `name`, `language` (code on Meta's list, policy
//! `deterministic`), components header / body / button (+ carousel, limited-time offer),
//! parameter types and their fields, button `sub_type` and `index`, the whitespace rule
//! (error 132018), parameter lengths, named vs positional parameters.
//!
//! The public helpers ([`read`], [`button_index`], [`whitespace_problem`],
//! [`text_param_limit`]) are what a send-vs-definition check needs to walk the same payload.

use super::envelope::{not_allowed, on_prem_only};
use super::interactive::product_sections;
use super::util::{self, not_here};
use super::{location, media};
use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Span, Value};
use crate::languages;
use crate::limits;
use crate::options::Api;
use crate::shape::{Ctx, Path};

/// A template name no template can have (not lowercase letters, digits and underscores).
pub const NAME_INVALID: Code = Code::new("template.name.invalid");
/// A language code not on Meta's list of template languages.
pub const LANGUAGE_UNSUPPORTED: Code = Code::new("template.language.unsupported");
/// `language.policy` left out (REF-OLD and OAS mark it required).
pub const POLICY_MISSING: Code = Code::new("template.language.policy_missing");
/// A second header or body component.
pub const COMPONENT_DUPLICATE: Code = Code::new("template.component.duplicate");
/// `sub_type` / `index` on a component that is not a button.
pub const COMPONENT_FIELD_UNUSED: Code = Code::new("template.component.field_unused");
/// More than one header parameter.
pub const HEADER_PARAMS: Code = Code::new("template.header.params");
/// A parameter type the component (or button sub-type) does not take.
pub const PARAM_TYPE_NOT_ALLOWED: Code = Code::new("template.param.type_not_allowed");
/// A value field of another parameter type (`"type": "text"` with `"image"`).
pub const PARAM_EXTRA_FIELD: Code = Code::new("template.param.extra_field");
/// A text parameter with a newline, a tab or more than four spaces in a row.
pub const PARAM_WHITESPACE: Code = Code::new("template.param.whitespace");
/// Some parameters of a component named, others not.
pub const PARAM_MIXED_NAMING: Code = Code::new("template.param.mixed_naming");
/// The same `parameter_name` twice in a component.
pub const PARAM_DUPLICATE_NAME: Code = Code::new("template.param.duplicate_name");
/// A `parameter_name` no template placeholder can have.
pub const PARAM_NAME_INVALID: Code = Code::new("template.param.name_invalid");
/// A button `index` outside 0–9.
pub const BUTTON_INDEX: Code = Code::new("template.button.index");
/// Two button components with the same `index`.
pub const BUTTON_DUPLICATE_INDEX: Code = Code::new("template.button.duplicate_index");
/// More parameters than a button takes.
pub const BUTTON_PARAMS: Code = Code::new("template.button.params");
/// A quick-reply button parameter sent as `text` (an official sample does) instead of
/// `payload`.
pub const BUTTON_QUICK_REPLY_TEXT: Code = Code::new("template.button.quick_reply_text");
/// A URL button suffix that is not percent-encoded.
pub const BUTTON_URL_ENCODING: Code = Code::new("template.button.url_encoding");
/// A currency `code` that is not an ISO 4217 code.
pub const CURRENCY_CODE: Code = Code::new("template.currency.code");
/// `amount_1000` not an integer in the int32 range.
pub const CURRENCY_AMOUNT: Code = Code::new("template.currency.amount");
/// `amount_1000` zero or negative.
pub const CURRENCY_AMOUNT_NONPOSITIVE: Code = Code::new("template.currency.amount_nonpositive");
/// A `date_time` component (year, month, ...) of the wrong type or out of range.
pub const DATE_TIME_COMPONENT: Code = Code::new("template.date_time.component");

/// Every parameter type a send payload can carry (REF-OLD; D-COMP; PYWA / WAJS for
/// `payload`, `coupon_code`, `action`, `product`, `gif`, `limited_time_offer`).
pub const PARAM_TYPES: &[&str] = &[
    "text",
    "currency",
    "date_time",
    "image",
    "document",
    "video",
    "location",
    "payload",
    "coupon_code",
    "action",
    "product",
    "gif",
    "limited_time_offer",
];

/// Every field of a parameter object.
const PARAM_FIELDS: &[&str] = &[
    "type",
    "parameter_name",
    "text",
    "currency",
    "date_time",
    "image",
    "document",
    "video",
    "location",
    "payload",
    "coupon_code",
    "action",
    "product",
    "gif",
    "limited_time_offer",
];

/// Button sub-types (REF-OLD quick_reply/url/catalog; WAJS mpm, copy_code, flow).
pub const BUTTON_SUB_TYPES: &[&str] =
    &["quick_reply", "url", "catalog", "mpm", "copy_code", "flow"];

const COMPONENT_TYPES: &[&str] = &["header", "body", "button", "carousel", "limited_time_offer"];
const HEADER_PARAM_TYPES: &[&str] = &[
    "text",
    "currency",
    "date_time",
    "image",
    "video",
    "document",
    "location",
    "product",
    "gif",
];
// "For text-based templates, the only supported parameter types are currency, date_time,
// and text" (REF-OLD) — and the body is text.
const BODY_PARAM_TYPES: &[&str] = &["text", "currency", "date_time"];

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, &["name", "language", "components", "namespace"]);
    if let Some(nm) = json::get_member(m, "namespace") {
        match ctx.opts.api {
            // REF-OLD: "Optional. Only used for On-Premises API".
            Api::Cloud => on_prem_only(ctx, nm, path, ""),
            Api::OnPrem => {
                util::opt_text(ctx, m, path, "namespace", usize::MAX);
            }
        }
    }
    if let Some((name, nv)) = ctx.required_str(m, v.span, path, "name") {
        let p = path.key("name");
        if ctx.non_blank(name, nv, &p) && !is_template_name(name) {
            ctx.error(
                NAME_INVALID,
                Some(meta::TEMPLATE_MISSING),
                &p,
                nv.span,
                format!(
                    "no template can be named \"{}\": names are at most {} lowercase letters, digits and underscores",
                    crate::shape::truncate(name, 40),
                    limits::TEMPLATE_NAME
                ),
            );
        }
    }
    language(ctx, m, v, path);
    if let Some((_, items)) = util::opt_array(ctx, m, path, "components") {
        components(ctx, items, &path.key("components"));
    }
}

/// True for a name a template can have (D-OVR: ≤ 512 lowercase alphanumerics and
/// underscores).
#[must_use]
pub fn is_template_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= limits::TEMPLATE_NAME
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn language(ctx: &mut Ctx<'_>, m: &[Member<'_>], v: &Value<'_>, path: &Path<'_>) {
    let Some(lv) = ctx.required(m, v.span, path, "language") else {
        return;
    };
    let p = path.key("language");
    let Some(lm) = lv.as_object() else {
        let hint = if lv.as_str().is_some() {
            "; write \"language\": {\"code\": \"…\"}"
        } else {
            ""
        };
        ctx.type_mismatch(lv, &p, "an object");
        if let Some(last) = ctx.diags.last_mut() {
            last.message.push_str(hint);
        }
        return;
    };
    ctx.unknown_fields(lm, &p, &["code", "policy"]);
    if let Some((code, cv)) = ctx.required_str(lm, lv.span, &p, "code") {
        check_language_code(ctx, code, cv, &p.key("code"));
    }
    match json::get(lm, "policy") {
        Some(pv) => {
            ctx.one_of(pv, &p.key("policy"), &["deterministic"]);
        }
        // §11.9: REF-OLD and OAS mark `policy` required; PM says optional with the default
        // `deterministic`, and 28 of 31 official examples omit it → a warning.
        None => ctx.warn(
            POLICY_MISSING,
            Some(meta::MISSING_PARAMETER),
            &p.key("policy"),
            Span::new(lv.span.start as usize, lv.span.start as usize + 1),
            "`language.policy` is left out: the platform defaults to \"deterministic\", but the \
             API reference marks it required; add \"policy\": \"deterministic\"",
        ),
    }
}

/// Reports a template language code that is not on Meta's list (error 132001: no template
/// exists in that language), with a suggestion.
pub fn check_language_code(ctx: &mut Ctx<'_>, code: &str, v: &Value<'_>, path: &Path<'_>) {
    if languages::is_supported(code) {
        return;
    }
    let mut msg = format!(
        "\"{}\" is not a template language code",
        crate::shape::truncate(code, 40)
    );
    if languages::SDK_ONLY.contains(&code) {
        msg.push_str(" (SDKs list it, Meta's current list does not)");
    }
    match languages::suggest(code) {
        Some(s) => msg.push_str(&format!("; did you mean \"{s}\"?")),
        None => msg.push_str("; codes look like \"en\", \"en_US\", \"pt_BR\""),
    }
    ctx.error(
        LANGUAGE_UNSUPPORTED,
        Some(meta::TEMPLATE_MISSING),
        path,
        v.span,
        msg,
    );
}

/// What kind of component a send payload component is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComponentKind {
    /// `header`
    Header,
    /// `body`
    Body,
    /// `button`
    Button,
    /// `carousel`
    Carousel,
    /// `limited_time_offer`
    LimitedTimeOffer,
}

impl ComponentKind {
    fn from_str(s: &str) -> Option<Self> {
        Some(match s {
            "header" => Self::Header,
            "body" => Self::Body,
            "button" => Self::Button,
            "carousel" => Self::Carousel,
            "limited_time_offer" => Self::LimitedTimeOffer,
            _ => return None,
        })
    }
}

fn components(ctx: &mut Ctx<'_>, items: &[Value<'_>], path: &Path<'_>) {
    // REF-OLD: body text parameters may be 32768 long when the body is the only component.
    let body_only = items.len() == 1
        && items
            .first()
            .and_then(|c| c.get("type"))
            .and_then(Value::as_str)
            == Some("body");
    // Header and body appear once; button indexes are 0–9.
    let (mut header, mut body) = (None::<usize>, None::<usize>);
    let mut indexes = [None::<usize>; 10];
    for (i, c) in items.iter().enumerate() {
        let p = path.index(i);
        let Some(m) = ctx.object(c, &p) else {
            continue;
        };
        let Some(tv) = ctx.required(m, c.span, &p, "type") else {
            ctx.unknown_fields(m, &p, &["type", "parameters", "sub_type", "index", "cards"]);
            continue;
        };
        let tp = p.key("type");
        let Some(ts) = ctx.string(tv, &tp) else {
            continue;
        };
        let Some(kind) = ComponentKind::from_str(ts) else {
            not_allowed(ctx, tv, &tp, ts, COMPONENT_TYPES);
            continue;
        };
        let once = match kind {
            ComponentKind::Header => Some(&mut header),
            ComponentKind::Body => Some(&mut body),
            _ => None,
        };
        if let Some(first) = once.and_then(|slot| first_or_set(slot, i)) {
            ctx.error(
                COMPONENT_DUPLICATE,
                Some(meta::INVALID_VALUE),
                &tp,
                tv.span,
                format!("a second {ts} component (the first is component {first}); send each once"),
            );
        }
        match kind {
            ComponentKind::Header | ComponentKind::Body | ComponentKind::LimitedTimeOffer => {
                ctx.unknown_fields(m, &p, &["type", "parameters", "sub_type", "index"]);
                unused_button_fields(ctx, m, &p, ts);
                let Some((pv, params)) = util::opt_array(ctx, m, &p, "parameters") else {
                    continue;
                };
                let pp = p.key("parameters");
                let role = match kind {
                    ComponentKind::Header => Role::Header,
                    ComponentKind::Body if body_only => Role::BodyOnly,
                    ComponentKind::Body => Role::Body,
                    _ => Role::LimitedTimeOffer,
                };
                if kind == ComponentKind::Header && params.len() > 1 {
                    // A header has one variable, one media or one location (D-COMP).
                    ctx.error(
                        HEADER_PARAMS,
                        Some(meta::PARAM_COUNT),
                        &pp,
                        pv.span,
                        format!(
                            "the header has {} parameters; a template header takes one (a text \
                             variable, a media or a location)",
                            params.len()
                        ),
                    );
                }
                parameters(ctx, params, &pp, role);
            }
            ComponentKind::Button => {
                ctx.unknown_fields(m, &p, &["type", "sub_type", "index", "parameters"]);
                button(ctx, c, m, &p, i, &mut indexes);
            }
            ComponentKind::Carousel => {
                ctx.unknown_fields(m, &p, &["type", "cards"]);
                carousel(ctx, c, m, &p);
            }
        }
    }
}

/// The position recorded in `slot`, or records `at` there and returns `None`.
fn first_or_set(slot: &mut Option<usize>, at: usize) -> Option<usize> {
    match *slot {
        Some(first) => Some(first),
        None => {
            *slot = Some(at);
            None
        }
    }
}

fn unused_button_fields(ctx: &mut Ctx<'_>, m: &[Member<'_>], p: &Path<'_>, ts: &str) {
    for x in m {
        if x.key == "sub_type" || x.key == "index" {
            ctx.warn(
                COMPONENT_FIELD_UNUSED,
                None,
                &p.key(&x.key),
                x.key_span,
                format!(
                    "`{}` is only used by button components; the {ts} ignores it",
                    x.key
                ),
            );
        }
    }
}

fn carousel(ctx: &mut Ctx<'_>, c: &Value<'_>, m: &[Member<'_>], p: &Path<'_>) {
    let Some((_, cards)) = util::req_array(ctx, m, c.span, p, "cards") else {
        return;
    };
    let cp = p.key("cards");
    for (i, card) in cards.iter().enumerate() {
        let p = cp.index(i);
        let Some(cm) = ctx.object(card, &p) else {
            continue;
        };
        ctx.unknown_fields(cm, &p, &["card_index", "components"]);
        if let Some(iv) = ctx.required(cm, card.span, &p, "card_index")
            && iv.as_i64().is_none_or(|n| n < 0)
        {
            ctx.type_mismatch(iv, &p.key("card_index"), "a non-negative integer");
        }
        if let Some((_, items)) = util::req_array(ctx, cm, card.span, &p, "components") {
            components(ctx, items, &p.key("components"));
        }
    }
}

/// The `index` of a button component: an integer 0–9 or a string of one digit (REF-OLD
/// shows strings, the official OAS/PM samples integers; §11.8).
#[must_use]
pub fn button_index(v: &Value<'_>) -> Option<u32> {
    let n = if let Some(s) = v.as_str() {
        if s.len() != 1 {
            return None;
        }
        s.parse::<u32>().ok()?
    } else {
        u32::try_from(v.as_i64()?).ok()?
    };
    (n <= limits::TEMPLATE_BUTTON_INDEX_MAX).then_some(n)
}

fn button(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    p: &Path<'_>,
    position: usize,
    indexes: &mut [Option<usize>; 10],
) {
    let sub_type = ctx.required(m, c.span, p, "sub_type").and_then(|sv| {
        let sp = p.key("sub_type");
        let s = ctx.string(sv, &sp)?;
        // §11.10: lower case everywhere except the official catalog sample ("CATALOG") →
        // compared without case [inferred].
        match BUTTON_SUB_TYPES.iter().find(|t| t.eq_ignore_ascii_case(s)) {
            Some(t) => Some(*t),
            None => {
                not_allowed(ctx, sv, &sp, s, BUTTON_SUB_TYPES);
                None
            }
        }
    });
    if let Some(iv) = ctx.required(m, c.span, p, "index") {
        let ip = p.key("index");
        match button_index(iv) {
            Some(n) => {
                if let Some(first) = indexes
                    .get_mut(n as usize)
                    .and_then(|s| first_or_set(s, position))
                {
                    ctx.error(
                        BUTTON_DUPLICATE_INDEX,
                        Some(meta::INVALID_VALUE),
                        &ip,
                        iv.span,
                        format!("button index {n} is already used by component {first}"),
                    );
                }
            }
            None if iv.as_str().is_some() || iv.as_number_text().is_some() => ctx.error(
                BUTTON_INDEX,
                Some(meta::INVALID_VALUE),
                &ip,
                iv.span,
                "`index` must be the button's position 0–9 (as \"0\" or 0)",
            ),
            None => ctx.type_mismatch(iv, &ip, "an integer 0–9 or a string \"0\"–\"9\""),
        }
    }
    let Some((pv, params)) = util::req_array(ctx, m, c.span, p, "parameters") else {
        return;
    };
    let pp = p.key("parameters");
    let role = match sub_type {
        Some(t) => Role::Button(t),
        None => Role::Button(""),
    };
    let max = match sub_type {
        Some("quick_reply" | "url" | "copy_code" | "flow" | "catalog" | "mpm") => 1,
        _ => usize::MAX,
    };
    if params.is_empty() {
        util::count(ctx, BUTTON_PARAMS, 0, pv, &pp, 1, max, "parameters");
    } else if params.len() > max {
        ctx.error(
            BUTTON_PARAMS,
            Some(meta::PARAM_COUNT),
            &pp,
            pv.span,
            format!(
                "a {} button takes one parameter; found {}",
                sub_type.unwrap_or("button"),
                params.len()
            ),
        );
    }
    parameters(ctx, params, &pp, role);
}

/// Where parameters sit, for their allowed types and text limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role<'s> {
    Header,
    Body,
    BodyOnly,
    Button(&'s str),
    LimitedTimeOffer,
}

/// The length limit of a text parameter: header 60, body 1024 (32768 when the body is the
/// only component), `None` for buttons (REF-OLD, PM "Parameter Object").
#[must_use]
pub fn text_param_limit(component: ComponentKind, body_only: bool) -> Option<usize> {
    match component {
        ComponentKind::Header => Some(limits::TEMPLATE_HEADER_PARAM),
        ComponentKind::Body if body_only => Some(limits::TEMPLATE_BODY_ONLY_PARAM),
        ComponentKind::Body => Some(limits::TEMPLATE_BODY_PARAM),
        _ => None,
    }
}

fn parameters(ctx: &mut Ctx<'_>, params: &[Value<'_>], path: &Path<'_>, role: Role<'_>) {
    let mut named = 0usize;
    let mut names = util::Seen::default();
    for (i, pv) in params.iter().enumerate() {
        let p = path.index(i);
        let Some(m) = ctx.object(pv, &p) else {
            continue;
        };
        if let Some(nv) = json::get(m, "parameter_name") {
            named += 1;
            let np = p.key("parameter_name");
            if let Some(name) = ctx.string(nv, &np) {
                if !is_param_name(name) {
                    ctx.error(
                        PARAM_NAME_INVALID,
                        Some(meta::INVALID_VALUE),
                        &np,
                        nv.span,
                        format!(
                            "\"{}\" cannot be a template parameter name: names are lowercase letters, digits and underscores",
                            crate::shape::truncate(name, 40)
                        ),
                    );
                } else if let Some(first) = names.insert(name, i) {
                    ctx.error(
                        PARAM_DUPLICATE_NAME,
                        Some(meta::PARAM_COUNT),
                        &np,
                        nv.span,
                        format!("parameter \"{name}\" is already given by parameter {first}; give each name once"),
                    );
                }
            }
        }
        parameter(ctx, pv, m, &p, role);
    }
    // A named template needs every value named, a positional one none (D-OVR; WAJS checks
    // per component): a mix cannot match either.
    if named > 0 && named < params.len() {
        let at = params
            .iter()
            .position(|p| p.get("parameter_name").is_none())
            .unwrap_or(0);
        let span = params.get(at).map_or(Span::default(), |p| p.span);
        ctx.error(
            PARAM_MIXED_NAMING,
            Some(meta::PARAM_COUNT),
            &path.index(at),
            span,
            format!(
                "{named} of {} parameters have a `parameter_name` and this one has none; a named \
                 template needs a name on every parameter, a positional one on none",
                params.len()
            ),
        );
    }
}

/// True for a possible named-parameter name (`[a-z0-9_]+`; §11.15: Meta's page says
/// lowercase letters and underscores, third-party validators allow digits).
#[must_use]
pub fn is_param_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn allowed_types(role: Role<'_>) -> &'static [&'static str] {
    match role {
        Role::Header => HEADER_PARAM_TYPES,
        Role::Body | Role::BodyOnly => BODY_PARAM_TYPES,
        Role::LimitedTimeOffer => &["limited_time_offer"],
        // QR: `payload` (REF-OLD); `text` tolerated with a warning (official sample).
        Role::Button("quick_reply") => &["payload", "text"],
        Role::Button("url") => &["text"],
        Role::Button("copy_code") => &["coupon_code"],
        Role::Button("flow" | "catalog" | "mpm") => &["action"],
        Role::Button(_) => PARAM_TYPES,
    }
}

fn parameter(ctx: &mut Ctx<'_>, v: &Value<'_>, m: &[Member<'_>], p: &Path<'_>, role: Role<'_>) {
    ctx.unknown_fields(m, p, PARAM_FIELDS);
    let Some(tv) = ctx.required(m, v.span, p, "type") else {
        return;
    };
    let tp = p.key("type");
    let Some(ts) = ctx.string(tv, &tp) else {
        return;
    };
    let Some(ty) = PARAM_TYPES.iter().find(|t| **t == ts).copied() else {
        not_allowed(ctx, tv, &tp, ts, PARAM_TYPES);
        return;
    };
    let allowed = allowed_types(role);
    if !allowed.contains(&ty) {
        let place = match role {
            Role::Header => "a header".to_string(),
            Role::Body | Role::BodyOnly => "the body".to_string(),
            Role::LimitedTimeOffer => "a limited-time offer".to_string(),
            Role::Button(s) => format!("a {s} button"),
        };
        ctx.error(
            PARAM_TYPE_NOT_ALLOWED,
            Some(meta::PARAM_FORMAT),
            &tp,
            tv.span,
            format!(
                "{place} does not take a \"{ty}\" parameter; it takes {}",
                allowed
                    .iter()
                    .map(|a| format!("\"{a}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    } else if role == Role::Button("quick_reply") && ty == "text" {
        // §11.11: REF-OLD wants `payload`; the official `sample_issue_resolution` sends
        // `text` → a warning.
        ctx.warn(
            BUTTON_QUICK_REPLY_TEXT,
            Some(meta::PARAM_WHITESPACE),
            &tp,
            tv.span,
            "a quick-reply button parameter is documented as {\"type\": \"payload\", \"payload\": \"…\"}",
        );
    }
    // Value fields of other types.
    for x in m {
        let k = x.key.as_ref();
        if !json::key_eq(k, ty)
            && !json::key_eq(k, "type")
            && PARAM_TYPES.iter().any(|t| json::key_eq(t, k))
        {
            not_here(
                ctx,
                PARAM_EXTRA_FIELD,
                x,
                p,
                &format!("does not belong in a parameter of type \"{ty}\""),
            );
        }
    }
    let Some(val) = ctx.required(m, v.span, p, ty) else {
        return;
    };
    let vp = p.key(ty);
    match ty {
        "text" => {
            let limit = match role {
                Role::Header => Some(limits::TEMPLATE_HEADER_PARAM),
                Role::Body => Some(limits::TEMPLATE_BODY_PARAM),
                Role::BodyOnly => Some(limits::TEMPLATE_BODY_ONLY_PARAM),
                _ => None,
            };
            let Some(s) = ctx.string(val, &vp) else {
                return;
            };
            check_text_param(ctx, s, val, &vp, limit);
            if role == Role::Button("url") {
                url_suffix(ctx, s, val, &vp);
            }
        }
        "currency" => currency(ctx, val, &vp),
        "date_time" => date_time(ctx, val, &vp),
        "image" | "video" | "document" | "gif" => media::check(
            ctx,
            val,
            &vp,
            media::Kind::from_type(ty),
            media::Use::TemplateParam,
        ),
        "location" => location::check_as(ctx, val, &vp, location::Use::TemplateHeader),
        "payload" => {
            if let Some(s) = ctx.string(val, &vp) {
                ctx.non_blank(s, val, &vp);
            }
        }
        "coupon_code" => {
            if let Some(s) = ctx.string(val, &vp)
                && ctx.non_blank(s, val, &vp)
            {
                ctx.max_chars(
                    s,
                    val,
                    &vp,
                    limits::TEMPLATE_COUPON_CODE,
                    meta::INVALID_VALUE,
                );
            }
        }
        "action" => action(ctx, val, &vp, role),
        "product" => {
            if let Some(pm) = ctx.object(val, &vp) {
                ctx.unknown_fields(pm, &vp, &["product_retailer_id", "catalog_id"]);
                util::req_text(
                    ctx,
                    pm,
                    val.span,
                    &vp,
                    "product_retailer_id",
                    limits::PRODUCT_RETAILER_ID,
                );
                util::opt_text(ctx, pm, &vp, "catalog_id", usize::MAX);
            }
        }
        "limited_time_offer" => {
            if let Some(lm) = ctx.object(val, &vp) {
                ctx.unknown_fields(lm, &vp, &["expiration_time_ms"]);
                if let Some(ev) = ctx.required(lm, val.span, &vp, "expiration_time_ms")
                    && ev.as_i64().is_none()
                {
                    ctx.type_mismatch(
                        ev,
                        &vp.key("expiration_time_ms"),
                        "an integer (Unix milliseconds)",
                    );
                }
            }
        }
        _ => {}
    }
}

/// What is wrong with a text parameter's whitespace, if anything: a newline, a tab, or more
/// than four spaces in a row (error 132018, "Param text cannot have new-line/tab characters
/// or more than 4 consecutive spaces").
#[must_use]
pub fn whitespace_problem(s: &str) -> Option<&'static str> {
    let mut run = 0usize;
    for b in s.bytes() {
        match b {
            b'\n' | b'\r' => return Some("a line break"),
            b'\t' => return Some("a tab"),
            b' ' => {
                run += 1;
                if run > limits::TEMPLATE_PARAM_MAX_SPACES {
                    return Some("more than 4 spaces in a row");
                }
            }
            _ => run = 0,
        }
    }
    None
}

/// Checks a text parameter: not blank, the whitespace rule, and `limit` characters.
pub fn check_text_param(
    ctx: &mut Ctx<'_>,
    s: &str,
    v: &Value<'_>,
    path: &Path<'_>,
    limit: Option<usize>,
) {
    if !ctx.non_blank(s, v, path) {
        return;
    }
    if let Some(what) = whitespace_problem(s) {
        ctx.error(
            PARAM_WHITESPACE,
            Some(meta::PARAM_WHITESPACE),
            path,
            v.span,
            format!(
                "a text parameter cannot contain {what}: the platform rejects new lines, tabs \
                 and more than 4 consecutive spaces in parameters"
            ),
        );
    }
    if let Some(max) = limit {
        ctx.max_chars(s, v, path, max, meta::INVALID_VALUE);
    }
}

/// D-COMP "URL encoding": the suffix is appended to the template URL as sent, so spaces and
/// non-ASCII characters must be percent-encoded. Browsers often cope → a warning.
fn url_suffix(ctx: &mut Ctx<'_>, s: &str, v: &Value<'_>, path: &Path<'_>) {
    if let Some(c) = s
        .chars()
        .find(|c| !c.is_ascii() || c.is_ascii_whitespace() || matches!(c, '"' | '<' | '>' | '|'))
    {
        ctx.warn(
            BUTTON_URL_ENCODING,
            None,
            path,
            v.span,
            format!(
                "the URL suffix contains {c:?}; percent-encode it (space → %20, | → %7C, ç → %C3%A7)"
            ),
        );
    }
}

fn currency(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else {
        return;
    };
    ctx.unknown_fields(m, p, &["fallback_value", "code", "amount_1000"]);
    util::req_text(ctx, m, v.span, p, "fallback_value", usize::MAX);
    if let Some((code, cv)) = ctx.required_str(m, v.span, p, "code")
        && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
    {
        ctx.error(
            CURRENCY_CODE,
            Some(meta::INVALID_VALUE),
            &p.key("code"),
            cv.span,
            format!(
                "`code` \"{}\" is not an ISO 4217 currency code (three capital letters, e.g. \"USD\")",
                crate::shape::truncate(code, 20)
            ),
        );
    }
    let Some(av) = ctx.required(m, v.span, p, "amount_1000") else {
        return;
    };
    let ap = p.key("amount_1000");
    let Some(text) = av.as_number_text() else {
        ctx.type_mismatch(av, &ap, "an integer (the amount × 1000)");
        return;
    };
    match text.parse::<i64>() {
        Ok(n) if n.abs() <= limits::CURRENCY_AMOUNT_1000_MAX => {
            if n <= 0 {
                // WAJS rejects amounts ≤ 0; Meta says nothing → a warning.
                ctx.warn(
                    CURRENCY_AMOUNT_NONPOSITIVE,
                    None,
                    &ap,
                    av.span,
                    format!("`amount_1000` is {n}; SDKs reject amounts that are not positive"),
                );
            }
        }
        Ok(_) => ctx.error(
            CURRENCY_AMOUNT,
            Some(meta::INVALID_VALUE),
            &ap,
            av.span,
            format!(
                "`amount_1000` {text} does not fit the platform's 32-bit integer (max {})",
                limits::CURRENCY_AMOUNT_1000_MAX
            ),
        ),
        Err(_) => ctx.error(
            CURRENCY_AMOUNT,
            Some(meta::INVALID_VALUE),
            &ap,
            av.span,
            format!(
                "`amount_1000` {} must be an integer: the amount multiplied by 1000 (e.g. 100990 for 100.99)",
                crate::shape::truncate(text, 30)
            ),
        ),
    }
}

const DATE_TIME_FIELDS: &[(&str, i64, i64)] = &[
    ("day_of_week", 1, 7),
    ("year", 0, 9999),
    ("month", 1, 12),
    ("day_of_month", 1, 31),
    ("hour", 0, 23),
    ("minute", 0, 59),
];
const WEEKDAYS: &[&str] = &[
    "MONDAY",
    "TUESDAY",
    "WEDNESDAY",
    "THURSDAY",
    "FRIDAY",
    "SATURDAY",
    "SUNDAY",
];

fn date_time(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(m) = ctx.object(v, p) else {
        return;
    };
    ctx.unknown_fields(
        m,
        p,
        &[
            "fallback_value",
            "day_of_week",
            "year",
            "month",
            "day_of_month",
            "hour",
            "minute",
            "calendar",
            "timestamp",
        ],
    );
    util::req_text(ctx, m, v.span, p, "fallback_value", usize::MAX);
    // "For Cloud API, we always use the fallback value" (REF-OLD, OAS): the components are
    // ignored there (a warning when off), but localized by On-Prem (an error).
    let on_prem = ctx.opts.api == Api::OnPrem;
    let report = |ctx: &mut Ctx<'_>, key: &str, span: Span, what: String| {
        let path = p.key(key);
        let msg = if on_prem {
            what
        } else {
            format!("{what} (the Cloud API ignores it and shows `fallback_value`)")
        };
        if on_prem {
            ctx.error(
                DATE_TIME_COMPONENT,
                Some(meta::INVALID_VALUE),
                &path,
                span,
                msg,
            );
        } else {
            ctx.warn(DATE_TIME_COMPONENT, None, &path, span, msg);
        }
    };
    for (key, lo, hi) in DATE_TIME_FIELDS {
        let Some(fv) = json::get(m, key) else {
            continue;
        };
        if *key == "day_of_week"
            && let Some(s) = fv.as_str()
        {
            // On-Prem: "Both strings and numbers are accepted" (MONDAY … SUNDAY).
            if !WEEKDAYS.contains(&s) {
                report(
                    ctx,
                    key,
                    fv.span,
                    format!(
                        "`day_of_week` \"{}\" is not MONDAY … SUNDAY or 1–7",
                        crate::shape::truncate(s, 20)
                    ),
                );
            }
            continue;
        }
        match fv.as_i64() {
            Some(n) if (*lo..=*hi).contains(&n) => {}
            Some(n) => report(
                ctx,
                key,
                fv.span,
                format!("`{key}` {n} is outside {lo}–{hi}"),
            ),
            None => report(
                ctx,
                key,
                fv.span,
                format!("`{key}` must be an integer {lo}–{hi}"),
            ),
        }
    }
    if let Some(cv) = json::get(m, "calendar") {
        let ok = cv
            .as_str()
            .is_some_and(|s| s == "GREGORIAN" || s == "SOLAR_HIJRI");
        if !ok {
            report(
                ctx,
                "calendar",
                cv.span,
                "`calendar` must be \"GREGORIAN\" or \"SOLAR_HIJRI\"".to_string(),
            );
        }
    }
    if let Some(tv) = json::get(m, "timestamp")
        && tv.as_i64().is_none()
    {
        report(
            ctx,
            "timestamp",
            tv.span,
            "`timestamp` must be an integer (Unix seconds)".to_string(),
        );
    }
}

fn action(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>, role: Role<'_>) {
    let Some(m) = ctx.object(v, p) else {
        return;
    };
    match role {
        // OAS/PM "Send Flow Template Message"; WAJS `FlowComponent`.
        Role::Button("flow") => {
            ctx.unknown_fields(m, p, &["flow_token", "flow_action_data"]);
            util::opt_text(ctx, m, p, "flow_token", usize::MAX);
            util::opt_obj(ctx, m, p, "flow_action_data");
        }
        // OAS/PM "Send Catalog Template Message".
        Role::Button("catalog") => {
            ctx.unknown_fields(m, p, &["thumbnail_product_retailer_id"]);
            util::opt_text(
                ctx,
                m,
                p,
                "thumbnail_product_retailer_id",
                limits::PRODUCT_RETAILER_ID,
            );
        }
        // WAJS `MPMComponent`; D-COMP "up to 30 products … up to 10 sections".
        Role::Button("mpm") => {
            ctx.unknown_fields(m, p, &["thumbnail_product_retailer_id", "sections"]);
            util::req_text(
                ctx,
                m,
                v.span,
                p,
                "thumbnail_product_retailer_id",
                limits::PRODUCT_RETAILER_ID,
            );
            product_sections(ctx, v, m, p);
        }
        _ => {}
    }
}

/// One parameter of a send payload component, as a send-vs-definition check needs it.
#[derive(Clone, Copy, Debug)]
pub struct Param<'v, 'a> {
    /// Position in the component's `parameters` array.
    pub position: usize,
    /// `type` (`text`, `currency`, `image`, ...), if a string.
    pub kind: Option<&'v str>,
    /// `parameter_name`, if given.
    pub name: Option<&'v str>,
    /// The value a recipient sees for text-like parameters: `text`, `payload`,
    /// `coupon_code`, or the `fallback_value` of `currency` / `date_time`.
    pub text: Option<&'v str>,
    /// The whole parameter object.
    pub value: &'v Value<'a>,
}

/// One component of a send payload.
#[derive(Clone, Debug)]
pub struct Component<'v, 'a> {
    /// Position in `template.components`.
    pub position: usize,
    /// What it is (`None` for an unknown `type`).
    pub kind: Option<ComponentKind>,
    /// Button `sub_type`, lower-cased to the documented spelling.
    pub sub_type: Option<&'static str>,
    /// Button `index` (0–9), when valid.
    pub index: Option<u32>,
    /// Its parameters.
    pub parameters: Vec<Param<'v, 'a>>,
    /// The whole component object.
    pub value: &'v Value<'a>,
}

/// A read-only view of a template send payload (`template` object or whole message).
#[derive(Clone, Debug, Default)]
pub struct SendTemplate<'v, 'a> {
    /// `template.name`.
    pub name: Option<&'v str>,
    /// `template.language.code`.
    pub language: Option<&'v str>,
    /// `template.components`, in order (carousel cards are not flattened).
    pub components: Vec<Component<'v, 'a>>,
    /// True when the body is the only component (text parameter limit 32768).
    pub body_only: bool,
}

/// Reads the template of a message (the whole message or its `template` object) into a
/// [`SendTemplate`] without reporting anything; fields that are absent or of the wrong type
/// are `None`. Pair it with [`crate::message`] validation for the diagnostics. JSON Pointer
/// of a parameter: `/template/components/{component.position}/parameters/{param.position}`.
#[must_use]
pub fn read<'v, 'a>(value: &'v Value<'a>) -> SendTemplate<'v, 'a> {
    let t = value.get("template").unwrap_or(value);
    let mut out = SendTemplate {
        name: t.get("name").and_then(Value::as_str),
        language: t
            .get("language")
            .and_then(|l| l.get("code"))
            .and_then(Value::as_str),
        ..SendTemplate::default()
    };
    let Some(items) = t.get("components").and_then(Value::as_array) else {
        return out;
    };
    for (position, c) in items.iter().enumerate() {
        let kind = c
            .get("type")
            .and_then(Value::as_str)
            .and_then(ComponentKind::from_str);
        let sub_type = c.get("sub_type").and_then(Value::as_str).and_then(|s| {
            BUTTON_SUB_TYPES
                .iter()
                .find(|t| t.eq_ignore_ascii_case(s))
                .copied()
        });
        let parameters = c
            .get("parameters")
            .and_then(Value::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .map(|(position, p)| {
                let kind = p.get("type").and_then(Value::as_str);
                let text = match kind {
                    Some(k @ ("text" | "payload" | "coupon_code")) => {
                        p.get(k).and_then(Value::as_str)
                    }
                    Some(k @ ("currency" | "date_time")) => p
                        .get(k)
                        .and_then(|x| x.get("fallback_value"))
                        .and_then(Value::as_str),
                    _ => None,
                };
                Param {
                    position,
                    kind,
                    name: p.get("parameter_name").and_then(Value::as_str),
                    text,
                    value: p,
                }
            })
            .collect();
        out.components.push(Component {
            position,
            kind,
            sub_type,
            index: c.get("index").and_then(button_index),
            parameters,
            value: c,
        });
    }
    out.body_only = out.components.len() == 1
        && out
            .components
            .first()
            .is_some_and(|c| c.kind == Some(ComponentKind::Body));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{ParseOptions, parse};

    #[test]
    fn param_fields_are_the_types_plus_two() {
        assert_eq!(PARAM_FIELDS.get(..2), Some(&["type", "parameter_name"][..]));
        assert_eq!(PARAM_FIELDS.get(2..), Some(PARAM_TYPES));
    }

    #[test]
    fn whitespace_rule() {
        assert_eq!(whitespace_problem("a    b"), None);
        assert_eq!(
            whitespace_problem("a     b"),
            Some("more than 4 spaces in a row")
        );
        assert_eq!(whitespace_problem("a\nb"), Some("a line break"));
        assert_eq!(whitespace_problem("a\tb"), Some("a tab"));
        assert_eq!(whitespace_problem("a  b  c  d"), None);
    }

    #[test]
    fn indexes() {
        fn v(s: &str) -> Value<'_> {
            parse(s, &ParseOptions::default()).value.unwrap()
        }
        assert_eq!(button_index(&v("0")), Some(0));
        assert_eq!(button_index(&v("\"9\"")), Some(9));
        assert_eq!(button_index(&v("10")), None);
        assert_eq!(button_index(&v("\"10\"")), None);
        assert_eq!(button_index(&v("-1")), None);
        assert_eq!(button_index(&v("1.0")), None);
        assert_eq!(button_index(&v("true")), None);
    }

    #[test]
    fn names() {
        assert!(is_template_name("hello_world"));
        assert!(is_template_name("promo2024"));
        assert!(!is_template_name("template-name"));
        assert!(!is_template_name("<TEMPLATE_NAME>"));
        assert!(!is_template_name("Hello"));
    }

    #[test]
    fn read_view() {
        let src = r#"{"type":"template","template":{"name":"t","language":{"code":"en"},"components":[
            {"type":"body","parameters":[{"type":"text","text":"a","parameter_name":"x"},
              {"type":"currency","currency":{"fallback_value":"$1","code":"USD","amount_1000":1000}}]},
            {"type":"button","sub_type":"URL","index":"1","parameters":[{"type":"text","text":"s"}]}]}}"#;
        let v = parse(src, &ParseOptions::default()).value.unwrap();
        let t = read(&v);
        assert_eq!(t.name, Some("t"));
        assert_eq!(t.language, Some("en"));
        assert!(!t.body_only);
        assert_eq!(t.components.len(), 2);
        let body = &t.components[0];
        assert_eq!(body.kind, Some(ComponentKind::Body));
        assert_eq!(body.parameters[0].name, Some("x"));
        assert_eq!(body.parameters[1].text, Some("$1"));
        let b = &t.components[1];
        assert_eq!((b.sub_type, b.index), (Some("url"), Some(1)));
        assert_eq!(b.parameters[0].text, Some("s"));
    }
}
