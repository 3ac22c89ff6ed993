//! A send payload against its template definition (`reference/platform-rules.md` §5):
//! language (deterministic, no fallback: 132001), parameter counts per component (132000),
//! header format vs parameter type (132012), buttons by index and kind, buttons that need a
//! parameter (131008), named parameters, hydrated lengths (132005), the whitespace rule
//! (132018). Diagnostics point into the message.
//!
//! The message's own shape (fields, types, limits without the definition) is the message
//! validator's; its diagnostics are merged in, and a send-check finding on the same value
//! with the same Meta code is left out so nothing is said twice.

use std::borrow::Cow;

use crate::check::check_value;
use crate::diagnostic::{DocumentKind, Report, meta};
use crate::json::{self, Span, Value};
use crate::limits;
use crate::options::Options;
use crate::shape::{self, Ctx, Path};

use super::model::{ButtonKind, Components, Def, HeaderFormat};
use super::placeholder::{Key, Scan, hydrate};
use super::*;

/// Checks the template send payload `message_src` against the definition
/// `definition_src` (one definition, a `{"data": [...]}` list as the API returns it, or an
/// array; the entry matching the message's name and language is used). The report's
/// diagnostics point into the message and include the message's own shape diagnostics.
#[must_use]
pub fn check_send(message_src: &str, definition_src: &str, opts: &Options) -> Report {
    let arena = json::Arena::for_source(message_src.len());
    let parsed = json::parse(message_src, &arena, &opts.parse);
    let mut ctx = Ctx::with_source(opts, message_src);
    ctx.diags = parsed.diagnostics;
    if let Some(msg) = &parsed.value {
        check_value(&mut ctx, msg, DocumentKind::Message);
        let shape_end = ctx.diags.len();
        let def_arena = json::Arena::for_source(definition_src.len());
        let def_parsed = json::parse(definition_src, &def_arena, &opts.parse);
        against(
            &mut ctx,
            msg,
            def_parsed.value.as_ref(),
            !def_parsed.diagnostics.iter().any(|d| d.is_error()),
        );
        dedup(&mut ctx.diags, shape_end);
    }
    shape::finish(message_src, opts, DocumentKind::Message, ctx.diags)
}

/// Drops send findings (after `from`) that repeat a shape finding on the same value with the
/// same Meta code.
pub(crate) fn dedup(diags: &mut Vec<crate::Diagnostic>, from: usize) {
    // A set, not a pairwise scan: hostile input can produce many diagnostics on both sides.
    let shape: std::collections::HashSet<(String, Option<u32>, crate::Severity)> = diags
        .iter()
        .take(from)
        .map(|s| (s.path.to_string(), s.meta_error, s.severity))
        .collect();
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        i <= from || !shape.contains(&(d.path.to_string(), d.meta_error, d.severity))
    });
}

/// Runs the send-vs-definition checks on an already parsed message.
pub(crate) fn against(
    ctx: &mut Ctx<'_>,
    msg: &Value<'_>,
    def_root: Option<&Value<'_>>,
    def_ok: bool,
) {
    let root = Path::ROOT;
    let tp = root.key("template");
    let Some(tv) = msg.get("template").filter(|t| t.as_object().is_some()) else {
        return; // not a template message: the shape check says so
    };
    let name = tv.get("name").and_then(Value::as_str);
    let lang_v = tv.get("language").and_then(|l| l.get("code"));
    let lang = lang_v.and_then(Value::as_str);
    let Some(dv) = def_root
        .filter(|_| def_ok)
        .and_then(|r| model::pick(r, name, lang))
    else {
        ctx.error(
            SEND_DEFINITION,
            None,
            &tp,
            tv.span,
            "the template definition could not be read (not JSON, or no definition in it); check it with `wamsg check --as template`",
        );
        return;
    };
    let def = Def::read(dv);
    if let (Some(want), Some(got)) = (def.name, name)
        && want != got
    {
        let nv = tv.get("name").map_or(tv.span, |v| v.span);
        ctx.error(
            SEND_NAME,
            Some(meta::TEMPLATE_MISSING),
            &tp.key("name"),
            nv,
            format!(
                "the definition is \"{}\", the message names \"{}\"",
                shape::truncate(want, 60),
                shape::truncate(got, 60)
            ),
        );
    }
    if let (Some(want), Some(got), Some(lv)) = (def.language, lang, lang_v)
        && want != got
    {
        let hint = if want.eq_ignore_ascii_case(got)
            || want.split('_').next() == got.split('_').next()
        {
            " (the language policy is deterministic: there is no fallback between related codes)"
        } else {
            ""
        };
        ctx.error(
            SEND_LANGUAGE,
            Some(meta::TEMPLATE_MISSING),
            &tp.key("language").key("code"),
            lv.span,
            format!(
                "the template exists in \"{want}\", the message asks for \"{}\"{hint}",
                shape::truncate(got, 20)
            ),
        );
    }
    if let Some(status) = def.status {
        let code = match status.to_ascii_uppercase().as_str() {
            "APPROVED" => None,
            "PAUSED" => Some(132_015),
            "DISABLED" => Some(132_016),
            _ => Some(meta::TEMPLATE_MISSING),
        };
        if let Some(code) = code {
            let nv = tv.get("name").map_or(tv.span, |v| v.span);
            ctx.error(
                SEND_STATUS,
                Some(code),
                &tp.key("name"),
                nv,
                format!("the template's status is {status}; only APPROVED templates can be sent"),
            );
        }
    }
    let comps: &[Value<'_>] = tv
        .get("components")
        .and_then(Value::as_array)
        .unwrap_or(&[]);
    let anchor = tv.get("components").map_or(tv.span, |c| c.span);
    let scope = Scope {
        named: def.named,
        auth: def.is_auth(),
        anchor,
    };
    let cp = tp.key("components");
    let comps_path = if tv.get("components").is_some() {
        cp
    } else {
        tp
    };
    match_components(ctx, &def.components, comps, &comps_path, &scope);

    // Carousel cards.
    for (ci, c) in comps.iter().enumerate() {
        let kind = c.get("type").and_then(Value::as_str).unwrap_or("");
        let p = comps_path.index(ci);
        if kind.eq_ignore_ascii_case("carousel") {
            let Some(cards) = c.get("cards").and_then(Value::as_array) else {
                continue;
            };
            if def.components.cards.is_empty() {
                ctx.error(
                    SEND_COMPONENT,
                    Some(meta::PARAM_COUNT),
                    &p.key("type"),
                    c.get("type").map_or(c.span, |t| t.span),
                    "the template has no carousel",
                );
                continue;
            }
            if cards.len() != def.components.cards.len() {
                ctx.error(
                    SEND_PARAM_COUNT,
                    Some(meta::PARAM_COUNT),
                    &p.key("cards"),
                    c.get("cards").map_or(c.span, |v| v.span),
                    format!(
                        "the template's carousel has {} cards, the message {}",
                        def.components.cards.len(),
                        cards.len()
                    ),
                );
            }
            let cardsp = p.key("cards");
            for (k, card) in cards.iter().enumerate() {
                let idx = card.get("card_index").and_then(index_of).unwrap_or(k);
                let kp = cardsp.index(k);
                let Some(dc) = def.components.cards.get(idx) else {
                    ctx.error(
                        SEND_COMPONENT,
                        Some(meta::INVALID_VALUE),
                        &kp,
                        card.span,
                        format!("the carousel has no card {idx}"),
                    );
                    continue;
                };
                let items: &[Value<'_>] = card
                    .get("components")
                    .and_then(Value::as_array)
                    .unwrap_or(&[]);
                let cs = Scope {
                    anchor: card.get("components").map_or(card.span, |v| v.span),
                    ..scope
                };
                match_components(ctx, dc, items, &kp.key("components"), &cs);
            }
        } else if kind.eq_ignore_ascii_case("limited_time_offer")
            && !def.components.limited_time_offer
        {
            ctx.error(
                SEND_COMPONENT,
                Some(meta::PARAM_COUNT),
                &p.key("type"),
                c.get("type").map_or(c.span, |t| t.span),
                "the template has no limited-time offer",
            );
        }
    }
}

#[derive(Clone, Copy)]
struct Scope {
    named: bool,
    auth: bool,
    /// Where to point when a component is missing: the components array (or template).
    anchor: Span,
}

/// The index of a button component: an integer or a string of digits.
pub(crate) fn index_of(v: &Value<'_>) -> Option<usize> {
    match v.as_str() {
        Some(s) => s.parse().ok(),
        None => v.as_i64().and_then(|n| usize::try_from(n).ok()),
    }
}

/// The `type` of a parameter, lower-cased (borrowed when it already is, as nearly always).
pub(crate) fn param_type<'a>(p: &Value<'a>) -> Cow<'a, str> {
    let t = p.get("type").and_then(Value::as_str).unwrap_or("");
    if t.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(t.to_ascii_lowercase())
    } else {
        Cow::Borrowed(t)
    }
}

/// The text a parameter hydrates to without localization: `text`, or the `fallback_value`
/// of a currency / date_time.
pub(crate) fn fallback_text<'v>(p: &'v Value<'_>) -> Option<Cow<'v, str>> {
    match &*param_type(p) {
        "text" => match p.get("text") {
            Some(t) => t
                .as_str()
                .map(Cow::Borrowed)
                // `to_string`, not `Display`: the same compact JSON, without the `fmt`-to-`io`
                // adapter whose error type alone drags 4 KB of Unicode tables into the
                // WebAssembly engine.
                .or_else(|| serde_json::to_string(&t.to_serde()).ok().map(Cow::Owned)),
            None => None,
        },
        "currency" => p
            .get("currency")?
            .get("fallback_value")?
            .as_str()
            .map(Cow::Borrowed),
        "date_time" => p
            .get("date_time")?
            .get("fallback_value")?
            .as_str()
            .map(Cow::Borrowed),
        "payload" => p.get("payload")?.as_str().map(Cow::Borrowed),
        "coupon_code" => p.get("coupon_code")?.as_str().map(Cow::Borrowed),
        _ => None,
    }
}

/// The parameter for `key` among `params`: position `n` (1-based) or `parameter_name`.
pub(crate) fn lookup<'v, 'a>(params: &'v [Value<'a>], key: Key<'_>) -> Option<&'v Value<'a>> {
    match key {
        Key::Positional(n) => params.get((n as usize).checked_sub(1)?),
        Key::Named(name) => params
            .iter()
            .find(|p| p.get("parameter_name").and_then(Value::as_str) == Some(name)),
    }
}

/// The message's component of `kind` (header/body), with its index.
pub(crate) fn component<'v, 'a>(
    items: &'v [Value<'a>],
    kind: &str,
) -> Option<(usize, &'v Value<'a>)> {
    items.iter().enumerate().find(|(_, c)| {
        c.get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case(kind))
    })
}

pub(crate) fn params<'v, 'a>(c: &'v Value<'a>) -> &'v [Value<'a>] {
    c.get("parameters").and_then(Value::as_array).unwrap_or(&[])
}

fn match_components(
    ctx: &mut Ctx<'_>,
    def: &Components<'_>,
    items: &[Value<'_>],
    cp: &Path<'_>,
    scope: &Scope,
) {
    let header = component(items, "header");
    let body = component(items, "body");
    let has_others = def.header.is_some() || def.footer.is_some() || !def.buttons.is_empty();

    // Header.
    match (&def.header, header) {
        (None, Some((i, c))) => {
            if !params(c).is_empty() {
                ctx.error(
                    SEND_COMPONENT,
                    Some(meta::PARAM_COUNT),
                    &cp.index(i),
                    c.span,
                    "the template has no header; remove this component",
                );
            }
        }
        (Some(h), hc) if h.format == HeaderFormat::Text => {
            let text = h.text.unwrap_or("");
            let scan = Scan::of(text);
            text_params(
                ctx,
                "header",
                text,
                &scan,
                hc,
                cp,
                scope,
                limits::TEMPLATE_SEND_HEADER_TEXT,
            );
        }
        (Some(h), None) => {
            ctx.error(
                SEND_PARAM_FORMAT,
                Some(meta::PARAM_FORMAT),
                cp,
                scope.anchor,
                format!(
                    "the template has a {} header: send a header component with one {} parameter",
                    h.format.upper(),
                    h.format.param_type()
                ),
            );
        }
        (Some(h), Some((i, c))) => {
            let ps = params(c);
            let ci = cp.index(i);
            let pp = ci.key("parameters");
            if ps.len() != 1 {
                ctx.error(
                    SEND_PARAM_COUNT,
                    Some(meta::PARAM_COUNT),
                    &pp,
                    c.get("parameters").map_or(c.span, |v| v.span),
                    format!(
                        "header: {} parameters where the template expects 1 ({})",
                        ps.len(),
                        h.format.param_type()
                    ),
                );
            }
            if let Some(p) = ps.first() {
                let t = param_type(p);
                if t != h.format.param_type() {
                    ctx.error(
                        SEND_PARAM_FORMAT,
                        Some(meta::PARAM_FORMAT),
                        &pp.index(0).key("type"),
                        p.get("type").map_or(p.span, |v| v.span),
                        format!(
                            "header: format mismatch, expected {}, received {}",
                            h.format.upper(),
                            if t.is_empty() {
                                "UNKNOWN".to_string()
                            } else {
                                t.to_ascii_uppercase()
                            }
                        ),
                    );
                }
            }
        }
        (None, None) => {}
    }

    // Body.
    let auth_body;
    let body_text = if scope.auth && def.body.is_none() {
        // D-AUTH: the preset body takes the code as its one variable.
        auth_body = "{{1}} is your verification code.";
        Some(auth_body)
    } else {
        def.body
    };
    if let Some(text) = body_text {
        let scan = Scan::of(text);
        let limit = if has_others {
            limits::TEMPLATE_SEND_BODY
        } else {
            limits::TEMPLATE_SEND_BODY_ALONE
        };
        text_params(ctx, "body", text, &scan, body, cp, scope, limit);
    } else if let Some((i, c)) = body
        && !params(c).is_empty()
        && def.has_body
    {
        ctx.error(
            SEND_PARAM_COUNT,
            Some(meta::PARAM_COUNT),
            &cp.index(i),
            c.span,
            "the template's body has no variables",
        );
    }

    // Buttons.
    buttons(ctx, def, items, cp, scope, body);
}

/// Parameters of a text component (header or body): count, names, types, whitespace,
/// hydrated length.
#[allow(clippy::too_many_arguments)]
fn text_params(
    ctx: &mut Ctx<'_>,
    what: &str,
    text: &str,
    scan: &Scan<'_>,
    comp: Option<(usize, &Value<'_>)>,
    cp: &Path<'_>,
    scope: &Scope,
    limit: usize,
) {
    let keys = scan.distinct();
    let (ps, at, pp_owner): (&[Value<'_>], Span, Option<usize>) = match comp {
        Some((i, c)) => (
            params(c),
            c.get("parameters").map_or(c.span, |v| v.span),
            Some(i),
        ),
        None => (&[], scope.anchor, None),
    };
    let cip;
    let ppath;
    let pp: &Path<'_> = match pp_owner {
        Some(i) => {
            cip = cp.index(i);
            ppath = cip.key("parameters");
            &ppath
        }
        None => cp,
    };
    if ps.len() != keys.len() {
        let details = format!(
            "{what}: number of parameters ({}) does not match the expected number of params ({})",
            ps.len(),
            keys.len()
        );
        ctx.error(SEND_PARAM_COUNT, Some(meta::PARAM_COUNT), pp, at, details);
    }
    let named = keys.iter().any(|k| !k.is_positional()) || scope.named && !keys.is_empty();
    let mut seen: Vec<&str> = Vec::new();
    for (j, p) in ps.iter().enumerate() {
        let jp = pp.index(j);
        let pname = p.get("parameter_name");
        if named {
            match pname.and_then(Value::as_str) {
                None => ctx.error(
                    SEND_NAMED_PARAM,
                    Some(meta::MISSING_PARAMETER),
                    &jp,
                    p.span,
                    format!("{what}: the template uses named variables; give each parameter its `parameter_name`"),
                ),
                Some(n) => {
                    let nv = pname.map_or(p.span, |v| v.span);
                    if !keys.contains(&Key::Named(n)) {
                        let names: Vec<&str> = keys.iter().filter_map(|k| match k { Key::Named(s) => Some(*s), Key::Positional(_) => None }).collect();
                        let hint = crate::suggest::hint(n, &names);
                        ctx.error(SEND_NAMED_PARAM, Some(meta::PARAM_COUNT), &jp.key("parameter_name"), nv, format!("{what}: \"{}\" is not a variable of the template{hint}", shape::truncate(n, 40)));
                    } else if seen.contains(&n) {
                        ctx.error(SEND_NAMED_PARAM, Some(meta::PARAM_COUNT), &jp.key("parameter_name"), nv, format!("{what}: \"{n}\" is given twice"));
                    }
                    seen.push(n);
                }
            }
        } else if let Some(nv) = pname {
            ctx.warn(SEND_POSITIONAL_NAMED, None, &jp.key("parameter_name"), nv.span, format!("{what}: the template uses positional variables; `parameter_name` is ignored and values go by position"));
        }
        let t = param_type(p);
        if !matches!(&*t, "text" | "currency" | "date_time") && !t.is_empty() {
            ctx.error(
                SEND_PARAM_FORMAT,
                Some(meta::PARAM_FORMAT),
                &jp.key("type"),
                p.get("type").map_or(p.span, |v| v.span),
                format!(
                    "{what}: text variables take text, currency or date_time parameters, not {t}"
                ),
            );
        }
        if t == "text"
            && let Some(tv) = p.get("text")
            && let Some(s) = tv.as_str()
        {
            whitespace_rule(ctx, s, tv, &jp.key("text"), what);
        }
    }
    if named && ps.len() == keys.len() {
        for k in &keys {
            if let Key::Named(n) = k
                && !seen.contains(n)
            {
                ctx.error(
                    SEND_NAMED_PARAM,
                    Some(meta::MISSING_PARAMETER),
                    pp,
                    at,
                    format!("{what}: no parameter named \"{n}\""),
                );
            }
        }
    }
    // Hydrated length (132005).
    let hydrated = hydrate(text, |k| lookup(ps, k).and_then(fallback_text));
    let len = crate::text::scalar_len(&hydrated);
    if len > limit {
        ctx.error(
            SEND_HYDRATED_TOO_LONG,
            Some(meta::HYDRATED_TOO_LONG),
            pp,
            at,
            format!(
                "the {what} is {len} characters long with its parameters; the limit is {limit}"
            ),
        );
    }
}

/// 132018: "Param text cannot have new-line/tab characters or more than 4 consecutive
/// spaces". Meta's docs do not state it; the API's own answer, quoted by several
/// integrations, does, so it is an error.
fn whitespace_rule(ctx: &mut Ctx<'_>, s: &str, v: &Value<'_>, path: &Path<'_>, what: &str) {
    let mut run = 0usize;
    let mut bad = None;
    for c in s.chars() {
        match c {
            '\n' | '\r' => bad = bad.or(Some("a line break")),
            '\t' => bad = bad.or(Some("a tab")),
            ' ' => {
                run += 1;
                if run > limits::TEMPLATE_PARAM_MAX_SPACES {
                    bad = bad.or(Some("more than 4 spaces in a row"));
                }
                continue;
            }
            _ => {}
        }
        run = 0;
    }
    if let Some(what_bad) = bad {
        ctx.error(
            SEND_PARAM_WHITESPACE,
            Some(meta::PARAM_WHITESPACE),
            path,
            v.span,
            format!("{what}: a text parameter cannot hold {what_bad} (no line breaks, tabs or more than 4 consecutive spaces)"),
        );
    }
}

fn buttons(
    ctx: &mut Ctx<'_>,
    def: &Components<'_>,
    items: &[Value<'_>],
    cp: &Path<'_>,
    scope: &Scope,
    body: Option<(usize, &Value<'_>)>,
) {
    let mut used: Vec<usize> = Vec::new();
    for (i, c) in items.iter().enumerate() {
        let is_button = c
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| t.eq_ignore_ascii_case("button"));
        if !is_button {
            continue;
        }
        let p = cp.index(i);
        let Some(iv) = c.get("index") else {
            continue; // shape: index is required
        };
        let Some(idx) = index_of(iv) else {
            continue; // shape: bad index
        };
        if used.contains(&idx) {
            ctx.error(
                SEND_BUTTON,
                Some(meta::INVALID_VALUE),
                &p.key("index"),
                iv.span,
                format!("a second component for the button at index {idx}"),
            );
            continue;
        }
        used.push(idx);
        let Some(b) = def.buttons.get(idx) else {
            let n = def.buttons.len();
            ctx.error(
                SEND_BUTTON,
                Some(meta::INVALID_VALUE),
                &p.key("index"),
                iv.span,
                format!(
                    "the template has {n} button{}; there is no button at index {idx}",
                    if n == 1 { "" } else { "s" }
                ),
            );
            continue;
        };
        let otp_like = scope.auth && matches!(b.kind, ButtonKind::Url | ButtonKind::Otp);
        let sub = c.get("sub_type");
        let expected = if otp_like {
            Some("url")
        } else {
            b.kind.sub_type()
        };
        let Some(expected) = expected else {
            ctx.error(
                SEND_BUTTON,
                Some(meta::INVALID_VALUE),
                &p.key("index"),
                iv.span,
                format!(
                    "the button at index {idx} is {}: it takes no parameters",
                    b.kind.upper()
                ),
            );
            continue;
        };
        if let Some(sv) = sub
            && let Some(s) = sv.as_str()
            && !s.eq_ignore_ascii_case(expected)
        {
            ctx.error(
                SEND_BUTTON,
                Some(meta::INVALID_VALUE),
                &p.key("sub_type"),
                sv.span,
                format!("the button at index {idx} is {}: `sub_type` must be \"{expected}\", not \"{}\"", b.kind.upper(), shape::truncate(s, 30)),
            );
            continue;
        }
        let ps = params(c);
        let pp = p.key("parameters");
        let at = c.get("parameters").map_or(c.span, |v| v.span);
        let want = if otp_like { 1 } else { b.variables() };
        match b.kind {
            ButtonKind::Url | ButtonKind::Otp => {
                if ps.len() != want {
                    ctx.error(
                        SEND_PARAM_COUNT,
                        Some(meta::PARAM_COUNT),
                        &pp,
                        at,
                        format!(
                            "button {idx}: {} parameters where the URL takes {want}",
                            ps.len()
                        ),
                    );
                }
                if let Some(x) = ps.first() {
                    expect_type(ctx, x, &pp.index(0), &["text"], idx);
                }
                if otp_like {
                    otp_match(ctx, ps.first(), &pp.index(0), body);
                }
            }
            ButtonKind::QuickReply if ps.len() > 1 => {
                ctx.error(
                    SEND_PARAM_COUNT,
                    Some(meta::PARAM_COUNT),
                    &pp,
                    at,
                    format!(
                        "button {idx}: a quick reply takes one payload, not {}",
                        ps.len()
                    ),
                );
            }
            ButtonKind::CopyCode => {
                if ps.len() != 1 {
                    ctx.error(SEND_PARAM_COUNT, Some(meta::PARAM_COUNT), &pp, at, format!("button {idx}: a copy-code button takes one coupon_code parameter, not {}", ps.len()));
                }
                if let Some(x) = ps.first() {
                    expect_type(ctx, x, &pp.index(0), &["coupon_code"], idx);
                }
            }
            ButtonKind::Flow | ButtonKind::Catalog | ButtonKind::Mpm | ButtonKind::Spm => {
                if ps.len() > 1 {
                    ctx.error(
                        SEND_PARAM_COUNT,
                        Some(meta::PARAM_COUNT),
                        &pp,
                        at,
                        format!("button {idx}: one action parameter, not {}", ps.len()),
                    );
                }
                if let Some(x) = ps.first() {
                    expect_type(ctx, x, &pp.index(0), &["action"], idx);
                }
                if b.kind == ButtonKind::Mpm && ps.is_empty() {
                    ctx.error(
                        SEND_BUTTON_PARAM,
                        Some(meta::MISSING_PARAMETER),
                        &pp,
                        at,
                        format!("buttons: Button at index {idx} of type Mpm requires a parameter"),
                    );
                }
            }
            _ => {}
        }
    }
    // Buttons that need a parameter but got no component (131008).
    for (idx, b) in def.buttons.iter().enumerate() {
        let otp_like = scope.auth && matches!(b.kind, ButtonKind::Url | ButtonKind::Otp);
        if (otp_like || b.requires_param()) && !used.contains(&idx) {
            let kind = if otp_like {
                "Url (OTP)"
            } else {
                b.kind.preview_kind()
            };
            ctx.error(
                SEND_BUTTON_PARAM,
                Some(meta::MISSING_PARAMETER),
                cp,
                scope.anchor,
                format!("buttons: Button at index {idx} of type {kind} requires a parameter"),
            );
        }
    }
}

fn expect_type(ctx: &mut Ctx<'_>, p: &Value<'_>, path: &Path<'_>, allowed: &[&str], idx: usize) {
    let t = param_type(p);
    if !t.is_empty() && !allowed.contains(&&*t) {
        ctx.error(
            SEND_PARAM_FORMAT,
            Some(meta::PARAM_FORMAT),
            &path.key("type"),
            p.get("type").map_or(p.span, |v| v.span),
            format!(
                "button {idx}: expected a {} parameter, received {t}",
                allowed.join(" or ")
            ),
        );
    }
}

/// D-COPY: the code "must appear twice in the payload": body parameter and button parameter.
fn otp_match(
    ctx: &mut Ctx<'_>,
    button_param: Option<&Value<'_>>,
    path: &Path<'_>,
    body: Option<(usize, &Value<'_>)>,
) {
    let code = body
        .and_then(|(_, c)| params(c).first())
        .and_then(|p| p.get("text"))
        .and_then(Value::as_str);
    let Some(bp) = button_param else {
        return;
    };
    let Some(bv) = bp.get("text") else {
        return;
    };
    if let Some(s) = bv.as_str() {
        let n = crate::text::scalar_len(s);
        if n > limits::TEMPLATE_OTP_CODE {
            ctx.error(
                shape::TEXT_TOO_LONG,
                Some(meta::INVALID_VALUE),
                &path.key("text"),
                bv.span,
                format!(
                    "the code is {n} characters; at most {}",
                    limits::TEMPLATE_OTP_CODE
                ),
            );
        }
        if let Some(code) = code
            && code != s
        {
            ctx.warn(
                SEND_OTP_MISMATCH,
                None,
                &path.key("text"),
                bv.span,
                "the button's code differs from the body's; the same code goes in both",
            );
        }
    }
}
