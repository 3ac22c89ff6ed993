//! Validation of template definitions: the body of `POST /{WABA-ID}/message_templates`, and
//! definitions read back from the API (`id`, `status`, OTP buttons returned as URL buttons,
//! lower-case types), alone or as the `{"data": [...]}` list the API returns.
//!
//! Every rule of `reference/platform-rules.md` §4 with its source. The platform answers
//! template creation problems with `(#100) Invalid parameter` and a subcode, so every error
//! found here predicts Meta error 100.

use crate::diagnostic::meta;
use crate::json::{self, Kind, Member, Span, Value};
use crate::languages;
use crate::limits;
use crate::shape::{self, Ctx, Path};
use crate::suggest;

use super::model::{ButtonKind, Category, HeaderFormat};
use super::placeholder::{self, Key, Problem, Scan, Syntax, Token};
use super::*;

const TOP_FIELDS: &[&str] = &[
    "name",
    "language",
    "category",
    "parameter_format",
    "components",
    "message_send_ttl_seconds",
    "allow_category_change",
    // Read back from the API (GET).
    "id",
    "status",
    "previous_category",
    "rejected_reason",
    "quality_score",
    "correct_category",
];

const COMPONENT_TYPES: &[&str] = &[
    "HEADER",
    "BODY",
    "FOOTER",
    "BUTTONS",
    "CAROUSEL",
    "LIMITED_TIME_OFFER",
];

/// Retired categories and what replaced them.
const LEGACY_CATEGORIES: &[(&str, &str)] = &[
    ("TRANSACTIONAL", "UTILITY"),
    ("OTP", "AUTHENTICATION"),
    ("ACCOUNT_UPDATE", "UTILITY"),
    ("ALERT_UPDATE", "UTILITY"),
    ("APPOINTMENT_UPDATE", "UTILITY"),
    ("AUTO_REPLY", "UTILITY"),
    ("ISSUE_RESOLUTION", "UTILITY"),
    ("PAYMENT_UPDATE", "UTILITY"),
    ("PERSONAL_FINANCE_UPDATE", "UTILITY"),
    ("RESERVATION_UPDATE", "UTILITY"),
    ("SHIPPING_UPDATE", "UTILITY"),
    ("TICKET_UPDATE", "UTILITY"),
    ("TRANSPORTATION_UPDATE", "UTILITY"),
];

/// Validates one template definition tree (or a list of them).
pub(crate) fn check_definition(ctx: &mut Ctx<'_>, value: &Value<'_>) {
    let start = ctx.diags.len();
    let root = Path::ROOT;
    match &value.kind {
        Kind::Object(m)
            if json::get(m, "components").is_none() && json::get(m, "name").is_none() =>
        {
            if let Some(items) = json::get(m, "data").and_then(Value::as_array) {
                let p = root.key("data");
                for (i, d) in items.iter().enumerate() {
                    check_one(ctx, d, &p.index(i));
                }
            } else {
                check_one(ctx, value, &root);
            }
        }
        Kind::Array(items) => {
            for (i, d) in items.iter().enumerate() {
                check_one(ctx, d, &root.index(i));
            }
        }
        _ => check_one(ctx, value, &root),
    }
    // Template creation answers every problem with (#100) and a subcode.
    for d in ctx.diags.iter_mut().skip(start) {
        if d.is_error() {
            d.meta_error = Some(meta::INVALID_PARAMETER);
        }
    }
}

/// What the component checks need to know about the whole template.
struct State {
    category: Option<Category>,
    readback: bool,
    /// Declared `parameter_format`: `Some(true)` named, `Some(false)` positional.
    named_format: Option<bool>,
    format_span: Option<(Span, crate::Pointer)>,
    /// Every well-formed placeholder: positional?, pointer, span.
    placeholders: Vec<(bool, crate::Pointer, Span)>,
}

impl State {
    fn auth(&self) -> bool {
        self.category == Some(Category::Authentication)
    }

    fn named(&self) -> bool {
        self.named_format.unwrap_or_else(|| {
            self.placeholders
                .first()
                .is_some_and(|(positional, _, _)| !positional)
        })
    }
}

fn check_one(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, TOP_FIELDS);
    let readback = json::get(m, "id").is_some() || json::get(m, "status").is_some();

    if let Some((name, nv)) = ctx.required_str(m, v.span, path, "name") {
        check_name(ctx, name, nv, &path.key("name"));
    }
    if let Some((lang, lv)) = ctx.required_str(m, v.span, path, "language")
        && !languages::is_supported(lang)
    {
        let hint = languages::suggest(lang)
            .map_or_else(String::new, |c| format!("; did you mean \"{c}\"?"));
        ctx.error(
            LANGUAGE_UNSUPPORTED,
            None,
            &path.key("language"),
            lv.span,
            format!(
                "\"{}\" is not one of Meta's template languages (codes are case-sensitive, with an underscore){hint}",
                shape::truncate(lang, 40)
            ),
        );
    }
    let category = ctx
        .required(m, v.span, path, "category")
        .and_then(|cv| check_category(ctx, cv, &path.key("category")));

    let mut st = State {
        category,
        readback,
        named_format: None,
        format_span: None,
        placeholders: Vec::new(),
    };
    if let Some(fv) = json::get(m, "parameter_format") {
        let p = path.key("parameter_format");
        if let Some(f) = enum_ci(ctx, fv, &p, &["NAMED", "POSITIONAL"]) {
            st.named_format = Some(f == "NAMED");
            st.format_span = Some((fv.span, p.pointer()));
        }
    }
    if let Some(tv) = json::get(m, "message_send_ttl_seconds") {
        check_ttl(ctx, tv, &path.key("message_send_ttl_seconds"), category);
    }
    if let Some(b) = json::get(m, "allow_category_change") {
        ctx.boolean(b, &path.key("allow_category_change"));
    }
    for key in [
        "status",
        "id",
        "previous_category",
        "rejected_reason",
        "correct_category",
    ] {
        if let Some(x) = json::get(m, key) {
            ctx.string(x, &path.key(key));
        }
    }
    let Some(cv) = ctx.required(m, v.span, path, "components") else {
        return;
    };
    let cp = path.key("components");
    let Some(items) = ctx.array(cv, &cp) else {
        return;
    };
    check_components(ctx, items, cv.span, &cp, &mut st, false);
    check_format(ctx, &st);
}

fn check_name(ctx: &mut Ctx<'_>, name: &str, v: &Value<'_>, path: &Path<'_>) {
    let bad = name
        .bytes()
        .find(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_'));
    let len = crate::text::scalar_len(name);
    let msg = if name.is_empty() {
        Some("the template name must not be empty".to_string())
    } else if len > limits::TEMPLATE_NAME {
        Some(format!(
            "the template name is {len} characters long; the limit is {}",
            limits::TEMPLATE_NAME
        ))
    } else {
        bad.map(|_| {
            let fixed: String = name
                .chars()
                .map(|c| match c {
                    'A'..='Z' => c.to_ascii_lowercase(),
                    'a'..='z' | '0'..='9' | '_' => c,
                    _ => '_',
                })
                .collect();
            format!(
                "template names hold only lowercase letters, digits and underscores; try \"{}\"",
                shape::truncate(&fixed, 60)
            )
        })
    };
    if let Some(msg) = msg {
        ctx.error(NAME_INVALID, None, path, v.span, msg);
    }
}

fn check_category(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) -> Option<Category> {
    let s = ctx.string(v, path)?;
    if let Some(c) = Category::parse(s) {
        return Some(c);
    }
    let upper = s.to_ascii_uppercase();
    if let Some((old, new)) = LEGACY_CATEGORIES.iter().find(|(old, _)| *old == upper) {
        ctx.error(
            CATEGORY_LEGACY,
            None,
            path,
            v.span,
            format!("the category {old} was retired; templates are AUTHENTICATION, MARKETING or UTILITY now (use {new})"),
        );
        return None;
    }
    enum_ci(ctx, v, path, &["AUTHENTICATION", "MARKETING", "UTILITY"]);
    None
}

fn check_ttl(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>, category: Option<Category>) {
    ctx.number(v, path);
    let Some(n) = v.as_i64() else {
        if v.as_number_text().is_some() {
            ctx.error(
                shape::TYPE_MISMATCH,
                None,
                path,
                v.span,
                "`message_send_ttl_seconds` must be a whole number of seconds",
            );
        }
        return;
    };
    let (range, default_ok) = match category {
        Some(Category::Authentication) => (limits::TEMPLATE_TTL_AUTHENTICATION, true),
        Some(Category::Utility) => (limits::TEMPLATE_TTL_UTILITY, true),
        Some(Category::Marketing) => (limits::TEMPLATE_TTL_MARKETING, false),
        None => return,
    };
    if (default_ok && n == limits::TEMPLATE_TTL_DEFAULT) || range.contains(&n) {
        if category == Some(Category::Marketing) {
            ctx.warn(
                TTL_MARKETING,
                None,
                path,
                v.span,
                "a time-to-live on MARKETING templates applies only to sends through the Marketing Messages API",
            );
        }
        return;
    }
    let also = if default_ok {
        " (or -1 for the default)"
    } else {
        ""
    };
    ctx.error(
        TTL_RANGE,
        None,
        path,
        v.span,
        format!(
            "`message_send_ttl_seconds` is {n}; this category allows {} to {}{also}",
            range.start(),
            range.end()
        ),
    );
}

/// Case-insensitive enum: returns the canonical (upper-case) entry.
fn enum_ci(
    ctx: &mut Ctx<'_>,
    v: &Value<'_>,
    path: &Path<'_>,
    allowed: &[&'static str],
) -> Option<&'static str> {
    let s = ctx.string(v, path)?;
    if let Some(a) = allowed.iter().find(|a| a.eq_ignore_ascii_case(s)) {
        return Some(a);
    }
    let list = allowed.join(", ");
    let hint = suggest::hint(&s.to_ascii_uppercase(), allowed);
    ctx.error(
        shape::VALUE_NOT_ALLOWED,
        None,
        path,
        v.span,
        format!(
            "{} is \"{}\"; allowed: {list}{hint}",
            shape::field_name(path),
            shape::truncate(s, 60)
        ),
    );
    None
}

fn check_components(
    ctx: &mut Ctx<'_>,
    items: &[Value<'_>],
    span: Span,
    path: &Path<'_>,
    st: &mut State,
    card: bool,
) {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut has_buttons = false;
    for (i, c) in items.iter().enumerate() {
        let p = path.index(i);
        let Some(m) = ctx.object(c, &p) else {
            continue;
        };
        let Some(tv) = ctx.required(m, c.span, &p, "type") else {
            continue;
        };
        let Some(kind) = enum_ci(ctx, tv, &p.key("type"), COMPONENT_TYPES) else {
            continue;
        };
        if seen.contains(&kind) {
            ctx.error(
                COMPONENT_DUPLICATE,
                None,
                &p.key("type"),
                tv.span,
                format!("a template has at most one {kind} component"),
            );
            continue;
        }
        seen.push(kind);
        match kind {
            "HEADER" => check_header(ctx, c, m, &p, st),
            "BODY" => check_body(ctx, c, m, &p, st, card),
            "FOOTER" => check_footer(ctx, c, m, &p, st),
            "BUTTONS" => {
                has_buttons = true;
                check_buttons(ctx, c, m, &p, st);
            }
            "CAROUSEL" => check_carousel(ctx, c, m, &p, st),
            _ => check_lto(ctx, c, m, &p),
        }
    }
    if !card && !seen.contains(&"BODY") {
        ctx.error(
            BODY_MISSING,
            None,
            path,
            span,
            "a template needs a BODY component",
        );
    }
    if !card && st.auth() && !has_buttons {
        ctx.error(
            AUTH_RULE,
            None,
            path,
            span,
            "an AUTHENTICATION template needs a BUTTONS component with one OTP button",
        );
    }
}

/// Lexes a text, reports malformed placeholders and set problems, records placeholders for
/// the template-wide format check. Returns the scan.
fn variables<'t>(
    ctx: &mut Ctx<'_>,
    text: &'t str,
    v: &Value<'_>,
    path: &Path<'_>,
    st: &mut State,
) -> Scan<'t> {
    let scan = Scan::of(text);
    for m in &scan.malformed {
        let code = match m.problem {
            Problem::Empty => PLACEHOLDER_EMPTY,
            Problem::Whitespace => PLACEHOLDER_WHITESPACE,
            Problem::Unclosed => PLACEHOLDER_UNCLOSED,
            Problem::MismatchedDelimiters => PLACEHOLDER_MISMATCHED,
            Problem::InvalidName => PLACEHOLDER_INVALID_NAME,
            Problem::InvalidNumber => PLACEHOLDER_INVALID_NUMBER,
            Problem::StrayDelimiter => PLACEHOLDER_STRAY,
        };
        let quoted = text.get(m.span.clone()).unwrap_or("");
        let fix = m
            .suggestion
            .as_ref()
            .map_or_else(String::new, |s| format!("; write {s}"));
        ctx.error(
            code,
            None,
            path,
            ctx.sub_span(v, &m.span),
            format!(
                "\"{}\": {}{fix}",
                shape::truncate(quoted, 40),
                m.problem.describe()
            ),
        );
    }
    let first_syntax = scan
        .placeholders
        .first()
        .map_or(Syntax::Curly, |f| f.syntax);
    if let Some(p) = scan.placeholders.iter().find(|p| p.syntax != first_syntax) {
        ctx.warn(
            PLACEHOLDER_MIXED_SYNTAX,
            None,
            path,
            ctx.sub_span(v, &p.span),
            "this text mixes {{…}} and <<…>> placeholders; use one syntax",
        );
    }
    for gap in scan.gaps() {
        let missing = if gap.end - gap.start == 1 {
            format!("{{{{{}}}}} is", gap.start)
        } else {
            format!("{{{{{}}}}} to {{{{{}}}}} are", gap.start, gap.end - 1)
        };
        let at = scan
            .placeholders
            .iter()
            .find(|p| p.key == Key::Positional(gap.end))
            .map_or(v.span, |p| ctx.sub_span(v, &p.span));
        ctx.error(
            PLACEHOLDER_GAP,
            None,
            path,
            at,
            format!("variables must be numbered 1 to n without gaps: {missing} missing"),
        );
    }
    if let Some(p) = scan.first_out_of_order() {
        ctx.warn(
            PLACEHOLDER_OUT_OF_ORDER,
            None,
            path,
            ctx.sub_span(v, &p.span),
            format!(
                "{} is used before a lower-numbered variable; Meta's review lists out-of-order variables as not sequential",
                p.key
            ),
        );
    }
    for p in &scan.placeholders {
        if let Key::Named(n) = p.key
            && n.bytes().any(|b| b.is_ascii_digit())
        {
            // §11.15: Meta's page says "lowercase characters and underscores"; third-party
            // validators allow digits. Not an error until Meta says it refuses them.
            ctx.warn(
                PLACEHOLDER_NAME_DIGITS,
                None,
                path,
                ctx.sub_span(v, &p.span),
                format!("\"{n}\": Meta's page describes variable names as lowercase letters and underscores; digits may be refused"),
            );
        }
        st.placeholders.push((
            p.key.is_positional(),
            path.pointer(),
            ctx.sub_span(v, &p.span),
        ));
    }
    scan
}

/// Named and positional variables must not mix, and must match `parameter_format`.
fn check_format(ctx: &mut Ctx<'_>, st: &State) {
    let Some((first_positional, _, _)) = st.placeholders.first() else {
        return;
    };
    if let Some((_, ptr, span)) = st
        .placeholders
        .iter()
        .find(|(p, _, _)| p != first_positional)
    {
        let mut d = crate::Diagnostic::error(
            PLACEHOLDER_MIXED_KINDS,
            ptr.clone(),
            *span,
            "a template uses either positional ({{1}}) or named ({{name}}) variables, not both",
        );
        d.meta_error = Some(meta::INVALID_PARAMETER);
        ctx.push(d);
        return;
    }
    let named = !first_positional;
    let declared = st.named_format.unwrap_or(false);
    if named == declared {
        return;
    }
    let (span, ptr) = match &st.format_span {
        Some((span, ptr)) => (*span, ptr.clone()),
        None => (
            st.placeholders.first().map_or(Span::default(), |x| x.2),
            st.placeholders
                .first()
                .map_or_else(crate::Pointer::root, |x| x.1.clone()),
        ),
    };
    let msg = if named {
        "the template uses named variables ({{name}}); set \"parameter_format\": \"named\""
    } else {
        "\"parameter_format\" is \"named\" but the template uses positional variables ({{1}})"
    };
    ctx.push(crate::Diagnostic::error(PARAMETER_FORMAT, ptr, span, msg));
}

/// A button's `text`: required or optional, non-blank, at most 25 characters.
fn button_text(ctx: &mut Ctx<'_>, b: &Value<'_>, m: &[Member<'_>], p: &Path<'_>, required: bool) {
    let v = if required {
        ctx.required(m, b.span, p, "text")
    } else {
        json::get(m, "text")
    };
    let Some(v) = v else {
        return;
    };
    let tp = p.key("text");
    if let Some(s) = ctx.string(v, &tp) {
        ctx.non_blank(s, v, &tp);
        ctx.max_chars(
            s,
            v,
            &tp,
            limits::TEMPLATE_BUTTON_TEXT,
            meta::INVALID_PARAMETER,
        );
    }
}

fn check_header(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    st: &mut State,
) {
    ctx.unknown_fields(m, path, &["type", "format", "text", "example"]);
    if st.auth() {
        ctx.error(
            AUTH_RULE,
            None,
            path,
            c.span,
            "AUTHENTICATION templates have no header; WhatsApp shows a preset text with the code",
        );
    }
    let Some(fv) = ctx.required(m, c.span, path, "format") else {
        return;
    };
    let Some(format) =
        enum_ci(ctx, fv, &path.key("format"), HeaderFormat::ALL).and_then(HeaderFormat::parse)
    else {
        return;
    };
    let example = json::get(m, "example");
    let ep = path.key("example");
    if format != HeaderFormat::Text
        && let Some(tv) = json::get(m, "text")
    {
        ctx.error(
            shape::FIELD_UNKNOWN,
            None,
            &path.key("text"),
            tv.span,
            format!(
                "`text` belongs to TEXT headers, not {} ones",
                format.upper()
            ),
        );
    }
    match format {
        HeaderFormat::Text => {
            let Some((text, tv)) = ctx.required_str(m, c.span, path, "text") else {
                return;
            };
            let tp = path.key("text");
            ctx.non_blank(text, tv, &tp);
            ctx.max_chars(
                text,
                tv,
                &tp,
                limits::TEMPLATE_HEADER_TEXT,
                meta::INVALID_PARAMETER,
            );
            let scan = variables(ctx, text, tv, &tp, st);
            if scan.count() > limits::TEMPLATE_HEADER_VARIABLES {
                ctx.error(
                    TOO_MANY_VARIABLES,
                    None,
                    &tp,
                    tv.span,
                    format!(
                        "a header text takes at most one variable; this one has {}",
                        scan.count()
                    ),
                );
            }
            header_formatting(ctx, text, tv, &tp);
            check_examples(ctx, example, &ep, &scan, st, ExampleKind::Header, c.span);
        }
        HeaderFormat::Image | HeaderFormat::Video | HeaderFormat::Gif | HeaderFormat::Document => {
            if format == HeaderFormat::Gif {
                ctx.warn(
                    HEADER_LIMITED,
                    None,
                    &path.key("format"),
                    fv.span,
                    "GIF headers are only available through the Marketing Messages API",
                );
            }
            check_handle(ctx, example, &ep, c.span, path, st);
        }
        HeaderFormat::Location => {
            if st.category == Some(Category::Authentication) {
                return; // reported above
            }
            if st.category.is_some()
                && !matches!(st.category, Some(Category::Utility | Category::Marketing))
            {
                ctx.error(
                    HEADER_NOT_ALLOWED,
                    None,
                    &path.key("format"),
                    fv.span,
                    "LOCATION headers are for UTILITY and MARKETING templates",
                );
            }
            if let Some(e) = example {
                ctx.warn(
                    EXAMPLE_UNUSED,
                    None,
                    &ep,
                    e.span,
                    "a LOCATION header takes no example: the location is given when sending",
                );
            }
        }
        HeaderFormat::Product => {}
    }
}

fn header_formatting(ctx: &mut Ctx<'_>, text: &str, v: &Value<'_>, path: &Path<'_>) {
    // Placeholder names contain `_`; look only at literal text.
    for tok in placeholder::lex(text) {
        let Token::Text(r) = tok else {
            continue;
        };
        let lit = text.get(r.clone()).unwrap_or("");
        if let Some((i, ch)) = lit
            .char_indices()
            .find(|(_, c)| matches!(c, '*' | '_' | '~' | '`'))
        {
            let at = r.start + i;
            ctx.error(
                HEADER_FORMATTING,
                None,
                path,
                ctx.sub_span(v, &(at..at + 1)),
                format!("header texts cannot hold formatting characters (\"{ch}\")"),
            );
            return;
        }
        if let Some(i) = lit.find('\n') {
            let at = r.start + i;
            ctx.warn(
                HEADER_FORMATTING,
                None,
                path,
                ctx.sub_span(v, &(at..at + 1)),
                "a header is one line; WhatsApp does not show this line break",
            );
            return;
        }
    }
}

fn check_handle(
    ctx: &mut Ctx<'_>,
    example: Option<&Value<'_>>,
    ep: &Path<'_>,
    parent: Span,
    path: &Path<'_>,
    st: &State,
) {
    let Some(e) = example else {
        ctx.error(
            EXAMPLE_MISSING,
            None,
            ep,
            Span::new(parent.start as usize, parent.start as usize + 1),
            "a media header needs \"example\": {\"header_handle\": [\"<upload handle>\"]}",
        );
        return;
    };
    let _ = path;
    let Some(em) = ctx.object(e, ep) else {
        return;
    };
    ctx.unknown_fields(em, ep, &["header_handle"]);
    let Some(hv) = ctx.required(em, e.span, ep, "header_handle") else {
        return;
    };
    let hp = ep.key("header_handle");
    let Some(items) = ctx.array(hv, &hp) else {
        return;
    };
    if items.is_empty() {
        ctx.error(
            EXAMPLE_MISSING,
            None,
            &hp,
            hv.span,
            "`header_handle` needs one upload handle",
        );
    }
    for (i, h) in items.iter().enumerate() {
        let p = hp.index(i);
        if let Some(s) = ctx.string(h, &p)
            && !st.readback
            && (s.starts_with("http://") || s.starts_with("https://"))
        {
            ctx.warn(
                HEADER_HANDLE_URL,
                None,
                &p,
                h.span,
                "`header_handle` takes a handle from the Resumable Upload API, not a URL",
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ExampleKind {
    Header,
    Body,
}

/// `example.header_text` / `example.body_text` (positional) or `*_named_params` (named).
fn check_examples(
    ctx: &mut Ctx<'_>,
    example: Option<&Value<'_>>,
    ep: &Path<'_>,
    scan: &Scan<'_>,
    st: &State,
    kind: ExampleKind,
    parent: Span,
) {
    let (pos_key, named_key) = match kind {
        ExampleKind::Header => ("header_text", "header_text_named_params"),
        ExampleKind::Body => ("body_text", "body_text_named_params"),
    };
    let keys = scan.distinct();
    let Some(e) = example else {
        if !keys.is_empty() {
            let key = if st.named() { named_key } else { pos_key };
            ctx.error(
                EXAMPLE_MISSING,
                None,
                ep,
                Span::new(parent.start as usize, parent.start as usize + 1),
                format!("variables need example values: add \"example\": {{\"{key}\": …}}"),
            );
        }
        return;
    };
    let Some(em) = ctx.object(e, ep) else {
        return;
    };
    ctx.unknown_fields(em, ep, &[pos_key, named_key]);
    if keys.is_empty() {
        if !scan.malformed.is_empty() {
            return; // the broken placeholder is the problem, reported already
        }
        ctx.warn(
            EXAMPLE_UNUSED,
            None,
            ep,
            e.span,
            "example values for a text without variables",
        );
        return;
    }
    let named = keys.iter().any(|k| !k.is_positional());
    let (want, other) = if named {
        (named_key, pos_key)
    } else {
        (pos_key, named_key)
    };
    if let Some(ov) = json::get(em, other) {
        ctx.error(
            EXAMPLE_MISMATCH,
            None,
            &ep.key(other),
            ov.span,
            format!(
                "this text uses {} variables: give the examples as \"{want}\"",
                if named { "named" } else { "positional" }
            ),
        );
    }
    let Some(wv) = json::get(em, want) else {
        if json::get(em, other).is_none() {
            ctx.error(
                EXAMPLE_MISSING,
                None,
                &ep.key(want),
                Span::new(e.span.start as usize, e.span.start as usize + 1),
                format!("variables need example values in \"{want}\""),
            );
        }
        return;
    };
    let wp = ep.key(want);
    if named {
        check_named_examples(ctx, wv, &wp, &keys);
        return;
    }
    // Positional: header_text is [v]; body_text is [[v1, v2, …]].
    let Some(outer) = ctx.array(wv, &wp) else {
        return;
    };
    let (values, vp_owner, vspan): (&[Value<'_>], usize, Span) = match kind {
        ExampleKind::Header => (outer, usize::MAX, wv.span),
        ExampleKind::Body => {
            if outer.len() > 1 {
                ctx.warn(
                    EXAMPLE_MISMATCH,
                    None,
                    &wp,
                    wv.span,
                    "`body_text` holds one list of example values; the others are ignored",
                );
            }
            let Some(first) = outer.first() else {
                ctx.error(
                    EXAMPLE_MISMATCH,
                    None,
                    &wp,
                    wv.span,
                    format!(
                        "`body_text` needs one list of {} example values",
                        keys.len()
                    ),
                );
                return;
            };
            let Some(inner) = ctx.array(first, &wp.index(0)) else {
                return;
            };
            (inner, 0, first.span)
        }
    };
    let vp_inner;
    let vp = if vp_owner == 0 {
        vp_inner = wp.index(0);
        &vp_inner
    } else {
        &wp
    };
    if values.len() != keys.len() {
        ctx.error(
            EXAMPLE_MISMATCH,
            None,
            vp,
            vspan,
            format!(
                "{} example values for {} variables",
                values.len(),
                keys.len()
            ),
        );
    }
    for (i, x) in values.iter().enumerate() {
        let p = vp.index(i);
        if let Some(s) = ctx.string(x, &p) {
            ctx.non_blank(s, x, &p);
        }
    }
}

fn check_named_examples(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>, keys: &[Key<'_>]) {
    let Some(items) = ctx.array(v, path) else {
        return;
    };
    let mut given: Vec<String> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let p = path.index(i);
        let Some(m) = ctx.object(it, &p) else {
            continue;
        };
        ctx.unknown_fields(m, &p, &["param_name", "example"]);
        if let Some((ex, xv)) = ctx.required_str(m, it.span, &p, "example") {
            ctx.non_blank(ex, xv, &p.key("example"));
        }
        let Some((name, nv)) = ctx.required_str(m, it.span, &p, "param_name") else {
            continue;
        };
        let np = p.key("param_name");
        if !keys.contains(&Key::Named(name)) {
            ctx.error(
                EXAMPLE_MISMATCH,
                None,
                &np,
                nv.span,
                format!(
                    "\"{}\" is not a variable of this text",
                    shape::truncate(name, 40)
                ),
            );
        } else if given.iter().any(|g| g == name) {
            ctx.error(
                EXAMPLE_MISMATCH,
                None,
                &np,
                nv.span,
                format!("a second example for \"{name}\""),
            );
        }
        given.push(name.to_string());
    }
    let missing: Vec<String> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Named(n) if !given.iter().any(|g| g == n) => Some(format!("\"{n}\"")),
            _ => None,
        })
        .collect();
    if !missing.is_empty() {
        ctx.error(
            EXAMPLE_MISSING,
            None,
            path,
            v.span,
            format!("no example for {}", missing.join(", ")),
        );
    }
}

fn check_body(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    st: &mut State,
    card: bool,
) {
    ctx.unknown_fields(
        m,
        path,
        &["type", "text", "example", "add_security_recommendation"],
    );
    if let Some(a) = json::get(m, "add_security_recommendation") {
        let ap = path.key("add_security_recommendation");
        ctx.boolean(a, &ap);
        if !st.auth() && st.category.is_some() {
            ctx.error(
                AUTH_RULE,
                None,
                &ap,
                a.span,
                "`add_security_recommendation` belongs to AUTHENTICATION templates",
            );
        }
    }
    if st.auth() {
        // D-AUTH: the body text is preset; read-back definitions show it.
        if let Some(t) = json::get(m, "text")
            && !st.readback
        {
            ctx.error(
                AUTH_RULE,
                None,
                &path.key("text"),
                t.span,
                "AUTHENTICATION templates cannot have a custom body text; WhatsApp uses a preset text (\"<code> is your verification code.\")",
            );
        }
        return;
    }
    let Some((text, tv)) = ctx.required_str(m, c.span, path, "text") else {
        return;
    };
    let tp = path.key("text");
    ctx.non_blank(text, tv, &tp);
    ctx.max_chars(
        text,
        tv,
        &tp,
        limits::TEMPLATE_BODY,
        meta::INVALID_PARAMETER,
    );
    let scan = variables(ctx, text, tv, &tp, st);
    review_rules(ctx, text, tv, &tp, &scan);
    let _ = card;
    check_examples(
        ctx,
        json::get(m, "example"),
        &path.key("example"),
        &scan,
        st,
        ExampleKind::Body,
        c.span,
    );
}

/// D-REV rejection reasons for bodies (edges, adjacency, density).
fn review_rules(ctx: &mut Ctx<'_>, text: &str, v: &Value<'_>, path: &Path<'_>, scan: &Scan<'_>) {
    let (Some(first), Some(last)) = (scan.placeholders.first(), scan.placeholders.last()) else {
        return;
    };
    let lead = text.get(..first.span.start).unwrap_or("");
    let trail = text.get(last.span.end..).unwrap_or("");
    // D-REV: "cannot start or end with a parameter".
    if lead.trim().is_empty() {
        ctx.error(
            VARIABLE_AT_EDGE,
            None,
            path,
            ctx.sub_span(v, &first.span),
            "the body cannot start with a variable; put text before it",
        );
    }
    if trail.trim().is_empty() {
        ctx.error(
            VARIABLE_AT_EDGE,
            None,
            path,
            ctx.sub_span(v, &last.span),
            "the body cannot end with a variable; put text after it",
        );
    } else if trail
        .chars()
        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
    {
        // TW: a variable followed only by punctuation counts as ending with it.
        ctx.warn(
            VARIABLE_NEAR_END,
            None,
            path,
            ctx.sub_span(v, &last.span),
            "the body ends with a variable followed only by punctuation; reviewers may treat it as ending with the variable",
        );
    }
    // TW / BSP guides, not Meta's current review page (§11.14): a warning.
    for w in scan.placeholders.windows(2) {
        let [a, b] = w else { continue };
        if text
            .get(a.span.end..b.span.start)
            .is_some_and(|between| between.trim().is_empty())
        {
            ctx.warn(
                VARIABLES_ADJACENT,
                None,
                path,
                ctx.sub_span(v, &(a.span.start..b.span.end)),
                "variables separated only by spaces are often rejected in review; put words between them",
            );
        }
    }
    // D-REV "too many variables relative to the message length"; TW's measure: x variables
    // need at least 2x + 1 words besides them.
    let x = scan.placeholders.len();
    let mut words = 0usize;
    for tok in placeholder::lex(text) {
        if let Token::Text(r) = tok {
            words += text
                .get(r)
                .unwrap_or("")
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
        }
    }
    if words < 2 * x + 1 {
        ctx.warn(
            VARIABLES_TOO_DENSE,
            None,
            path,
            v.span,
            format!("{x} variables in {words} words: review asks for at least {} words around that many variables", 2 * x + 1),
        );
    }
}

fn check_footer(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    st: &mut State,
) {
    ctx.unknown_fields(m, path, &["type", "text", "code_expiration_minutes"]);
    if let Some(x) = json::get(m, "code_expiration_minutes") {
        let xp = path.key("code_expiration_minutes");
        if !st.auth() && st.category.is_some() {
            ctx.error(
                AUTH_RULE,
                None,
                &xp,
                x.span,
                "`code_expiration_minutes` belongs to AUTHENTICATION templates",
            );
        } else if ctx.number(x, &xp).is_some() {
            let ok = x
                .as_i64()
                .is_some_and(|n| limits::TEMPLATE_CODE_EXPIRATION_MINUTES.contains(&n));
            if !ok {
                ctx.error(
                    NUMBER_RANGE,
                    None,
                    &xp,
                    x.span,
                    "`code_expiration_minutes` is a whole number from 1 to 90",
                );
            }
        }
    }
    if st.auth() {
        if let Some(t) = json::get(m, "text")
            && !st.readback
        {
            ctx.error(
                AUTH_RULE,
                None,
                &path.key("text"),
                t.span,
                "AUTHENTICATION footers have no text; set `code_expiration_minutes` instead",
            );
        }
        return;
    }
    let Some((text, tv)) = ctx.required_str(m, c.span, path, "text") else {
        return;
    };
    let tp = path.key("text");
    ctx.non_blank(text, tv, &tp);
    ctx.max_chars(
        text,
        tv,
        &tp,
        limits::TEMPLATE_FOOTER,
        meta::INVALID_PARAMETER,
    );
    let scan = variables(ctx, text, tv, &tp, st);
    if let Some(p) = scan.placeholders.first() {
        ctx.error(
            TOO_MANY_VARIABLES,
            None,
            &tp,
            ctx.sub_span(tv, &p.span),
            "a footer takes no variables",
        );
    }
}

fn check_buttons(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    st: &mut State,
) {
    ctx.unknown_fields(m, path, &["type", "buttons"]);
    let Some(bv) = ctx.required(m, c.span, path, "buttons") else {
        return;
    };
    let bp = path.key("buttons");
    let Some(items) = ctx.array(bv, &bp) else {
        return;
    };
    if items.is_empty() {
        ctx.error(
            shape::FIELD_MISSING,
            None,
            &bp,
            bv.span,
            "`buttons` needs at least one button",
        );
    }
    if items.len() > limits::TEMPLATE_BUTTONS {
        ctx.error(
            BUTTONS_TOO_MANY,
            None,
            &bp,
            bv.span,
            format!(
                "{} buttons; a template has at most {}",
                items.len(),
                limits::TEMPLATE_BUTTONS
            ),
        );
    }
    let mut kinds: Vec<(ButtonKind, usize, Span)> = Vec::new();
    for (i, b) in items.iter().enumerate() {
        let p = bp.index(i);
        if let Some(k) = check_button(ctx, b, &p, st) {
            let span = b.get("type").map_or(b.span, |t| t.span);
            kinds.push((k, i, span));
        }
    }
    // Per-type caps (D-COMP).
    let caps: &[(ButtonKind, usize, bool)] = &[
        (
            ButtonKind::QuickReply,
            limits::TEMPLATE_QUICK_REPLY_BUTTONS,
            true,
        ),
        (ButtonKind::Url, limits::TEMPLATE_URL_BUTTONS, true),
        (
            ButtonKind::PhoneNumber,
            limits::TEMPLATE_PHONE_BUTTONS,
            true,
        ),
        (
            ButtonKind::CopyCode,
            limits::TEMPLATE_COPY_CODE_BUTTONS,
            true,
        ),
        (ButtonKind::Otp, 1, true),
        // Single buttons whose cap D-COMP does not state: a warning.
        (ButtonKind::Flow, 1, false),
        (ButtonKind::Mpm, 1, false),
        (ButtonKind::Spm, 1, false),
        (ButtonKind::Catalog, 1, false),
        (ButtonKind::VoiceCall, 1, false),
    ];
    for (kind, cap, hard) in caps {
        if let Some((_, i, span)) = kinds.iter().filter(|(k, _, _)| k == kind).nth(*cap) {
            let p = bp.index(*i);
            let msg = format!(
                "at most {cap} {} button{} per template",
                kind.upper(),
                if *cap == 1 { "" } else { "s" }
            );
            if *hard {
                ctx.error(BUTTONS_TOO_MANY, None, &p, *span, msg);
            } else {
                ctx.warn(BUTTON_REPEATED, None, &p, *span, msg);
            }
        }
    }
    // Quick replies together (D-COMP: QR,URL,QR is an invalid combination).
    let mut state = 0u8; // 0 before any QR, 1 inside the QR group, 2 after it
    for (k, i, span) in &kinds {
        let qr = *k == ButtonKind::QuickReply;
        state = match (state, qr) {
            (0, true) => 1,
            (1, false) => 2,
            (2, true) => {
                ctx.error(
                    BUTTONS_NOT_GROUPED,
                    None,
                    &bp.index(*i),
                    *span,
                    "quick-reply buttons must be kept together, before or after the other buttons",
                );
                3
            }
            (s, _) => s,
        };
    }
    if st.auth() && !st.readback && !kinds.iter().any(|(k, _, _)| *k == ButtonKind::Otp) {
        ctx.error(
            AUTH_RULE,
            None,
            &bp,
            bv.span,
            "an AUTHENTICATION template needs one OTP button",
        );
    }
}

fn check_button(
    ctx: &mut Ctx<'_>,
    b: &Value<'_>,
    p: &Path<'_>,
    st: &mut State,
) -> Option<ButtonKind> {
    let m = ctx.object(b, p)?;
    let tv = ctx.required(m, b.span, p, "type")?;
    let kind = enum_ci(ctx, tv, &p.key("type"), ButtonKind::ALL).and_then(ButtonKind::parse)?;
    let known: &[&str] = match kind {
        ButtonKind::QuickReply => &["type", "text"],
        ButtonKind::Url => &["type", "text", "url", "example"],
        ButtonKind::PhoneNumber => &["type", "text", "phone_number"],
        ButtonKind::CopyCode => &["type", "example", "text"],
        ButtonKind::Otp => &[
            "type",
            "otp_type",
            "text",
            "autofill_text",
            "package_name",
            "signature_hash",
            "supported_apps",
            "zero_tap_terms_accepted",
        ],
        ButtonKind::Flow => &[
            "type",
            "text",
            "flow_id",
            "flow_name",
            "flow_json",
            "flow_action",
            "navigate_screen",
            "icon",
        ],
        _ => &["type", "text"],
    };
    ctx.unknown_fields(m, p, known);
    // Button text: required except for COPY_CODE (fixed label) and OTP (default label).
    let required = !matches!(kind, ButtonKind::CopyCode | ButtonKind::Otp);
    button_text(ctx, b, m, p, required);
    if st.auth() && !matches!(kind, ButtonKind::Otp) {
        // Read back, the OTP button is a URL button (D-OTAP).
        let readback_otp = kind == ButtonKind::Url
            && (st.readback
                || b.get("url")
                    .and_then(Value::as_str)
                    .is_some_and(|u| u.starts_with("https://www.whatsapp.com/otp")));
        if !readback_otp {
            ctx.error(
                AUTH_RULE,
                None,
                &p.key("type"),
                tv.span,
                format!(
                    "AUTHENTICATION templates have one OTP button and nothing else, not {}",
                    kind.upper()
                ),
            );
        }
    }
    match kind {
        ButtonKind::Url => check_url_button(ctx, b, m, p, st),
        ButtonKind::PhoneNumber => {
            if let Some((s, v)) = ctx.required_str(m, b.span, p, "phone_number") {
                let pp = p.key("phone_number");
                ctx.non_blank(s, v, &pp);
                ctx.max_chars(
                    s,
                    v,
                    &pp,
                    limits::TEMPLATE_PHONE_NUMBER,
                    meta::INVALID_PARAMETER,
                );
            }
        }
        ButtonKind::CopyCode => {
            if let Some((s, v)) = ctx.required_str(m, b.span, p, "example") {
                let ep = p.key("example");
                ctx.non_blank(s, v, &ep);
                ctx.max_chars(
                    s,
                    v,
                    &ep,
                    limits::TEMPLATE_COPY_CODE_EXAMPLE,
                    meta::INVALID_PARAMETER,
                );
                if s.chars().any(|c| !c.is_ascii_alphanumeric()) {
                    ctx.warn(COPY_CODE_CHARSET, None, &ep, v.span, "coupon codes are letters and digits (pywa); other characters may be refused");
                }
            }
        }
        ButtonKind::Otp => check_otp(ctx, b, m, p, st),
        ButtonKind::Flow => {
            let targets: Vec<&str> = ["flow_id", "flow_name", "flow_json"]
                .into_iter()
                .filter(|k| json::get(m, k).is_some())
                .collect();
            if targets.len() != 1 {
                ctx.error(
                    FLOW_TARGET,
                    None,
                    p,
                    b.span,
                    format!("a FLOW button names its flow with exactly one of flow_id, flow_name, flow_json (found {})", targets.len()),
                );
            }
            for k in [
                "flow_id",
                "flow_name",
                "flow_json",
                "navigate_screen",
                "icon",
            ] {
                if let Some(x) = json::get(m, k) {
                    ctx.string(x, &p.key(k));
                }
            }
            if let Some(a) = json::get(m, "flow_action") {
                enum_ci(
                    ctx,
                    a,
                    &p.key("flow_action"),
                    &["NAVIGATE", "DATA_EXCHANGE"],
                );
            }
        }
        _ => {}
    }
    Some(kind)
}

fn check_url_button(
    ctx: &mut Ctx<'_>,
    b: &Value<'_>,
    m: &[Member<'_>],
    p: &Path<'_>,
    st: &mut State,
) {
    let example = json::get(m, "example");
    let ep = p.key("example");
    let Some((url, uv)) = ctx.required_str(m, b.span, p, "url") else {
        return;
    };
    let up = p.key("url");
    ctx.non_blank(url, uv, &up);
    ctx.max_chars(
        url,
        uv,
        &up,
        limits::TEMPLATE_BUTTON_URL,
        meta::INVALID_PARAMETER,
    );
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        ctx.warn(
            URL_SCHEME,
            None,
            &up,
            uv.span,
            "button URLs start with https:// (or http://)",
        );
    }
    let scan = variables(ctx, url, uv, &up, st);
    let n = scan.count();
    if scan.placeholders.len() > limits::TEMPLATE_URL_VARIABLES {
        ctx.error(
            TOO_MANY_VARIABLES,
            None,
            &up,
            uv.span,
            format!(
                "a button URL takes at most one variable; this one has {}",
                scan.placeholders.len()
            ),
        );
    }
    if let Some(last) = scan.placeholders.last()
        && last.span.end != url.len()
    {
        ctx.error(
            URL_VARIABLE_POSITION,
            None,
            &up,
            ctx.sub_span(uv, &last.span),
            "the URL variable is appended to the end of the URL; nothing may follow it",
        );
    }
    let Some(e) = example else {
        if n > 0 {
            ctx.error(
                EXAMPLE_MISSING,
                None,
                &ep,
                Span::new(b.span.start as usize, b.span.start as usize + 1),
                "a URL with a variable needs \"example\": [\"<value>\"]",
            );
        }
        return;
    };
    let Some(items) = ctx.array(e, &ep) else {
        return;
    };
    if n == 0 {
        if st.readback {
            return; // GET answers carry the OTP URL as its own example
        }
        ctx.warn(
            EXAMPLE_UNUSED,
            None,
            &ep,
            e.span,
            "an example for a URL without a variable",
        );
        return;
    }
    if items.len() != 1 {
        ctx.error(
            EXAMPLE_MISMATCH,
            None,
            &ep,
            e.span,
            format!(
                "a URL variable takes one example value, not {}",
                items.len()
            ),
        );
    }
    if let Some(x) = items.first()
        && let Some(s) = ctx.string(x, &ep.index(0))
    {
        ctx.non_blank(s, x, &ep.index(0));
        // §11.12: D-COMP's prose wants the full URL, its JSON and OAS only the suffix. Accept
        // both; a full URL must start like the template's URL.
        let prefix = scan
            .placeholders
            .first()
            .and_then(|p| url.get(..p.span.start))
            .unwrap_or("");
        let full = s.starts_with("http://") || s.starts_with("https://");
        let host = |u: &str| u.split('/').take(3).collect::<Vec<_>>().join("/");
        if full && host(s) != host(prefix) {
            ctx.warn(
                URL_EXAMPLE,
                None,
                &ep.index(0),
                x.span,
                "the example is a full URL on another site than the button's URL; give the suffix only",
            );
        }
    }
}

fn check_otp(ctx: &mut Ctx<'_>, b: &Value<'_>, m: &[Member<'_>], p: &Path<'_>, st: &State) {
    if !st.auth() && st.category.is_some() {
        ctx.error(
            OTP_OUTSIDE_AUTH,
            None,
            &p.key("type"),
            b.get("type").map_or(b.span, |t| t.span),
            "OTP buttons belong to AUTHENTICATION templates",
        );
    }
    if let Some((s, v)) = ctx.optional_str(m, p, "autofill_text") {
        let ap = p.key("autofill_text");
        ctx.non_blank(s, v, &ap);
        ctx.max_chars(
            s,
            v,
            &ap,
            limits::TEMPLATE_BUTTON_TEXT,
            meta::INVALID_PARAMETER,
        );
    }
    let Some(ov) = ctx.required(m, b.span, p, "otp_type") else {
        return;
    };
    let Some(otp) = enum_ci(
        ctx,
        ov,
        &p.key("otp_type"),
        &["COPY_CODE", "ONE_TAP", "ZERO_TAP"],
    ) else {
        return;
    };
    let legacy_pkg = json::get(m, "package_name");
    let legacy_hash = json::get(m, "signature_hash");
    if let Some(v) = legacy_pkg {
        check_package(ctx, v, &p.key("package_name"));
    }
    if let Some(v) = legacy_hash {
        check_hash(ctx, v, &p.key("signature_hash"));
    }
    let legacy = legacy_pkg.or(legacy_hash);
    if let Some(l) = legacy {
        ctx.warn(
            LEGACY_APP_FIELDS,
            None,
            p,
            l.span,
            "top-level `package_name` / `signature_hash` work only up to Graph API v20.0; use `supported_apps`",
        );
    }
    if otp == "COPY_CODE" {
        return;
    }
    if otp == "ZERO_TAP"
        && json::get(m, "zero_tap_terms_accepted").and_then(Value::as_bool) != Some(true)
    {
        let at = json::get(m, "zero_tap_terms_accepted").map_or(b.span, |v| v.span);
        ctx.error(
            ZERO_TAP_TERMS,
            None,
            &p.key("zero_tap_terms_accepted"),
            at,
            "zero-tap buttons need \"zero_tap_terms_accepted\": true",
        );
    }
    let Some(av) = json::get(m, "supported_apps") else {
        if legacy.is_none() {
            ctx.error(
                SUPPORTED_APPS,
                None,
                &p.key("supported_apps"),
                Span::new(b.span.start as usize, b.span.start as usize + 1),
                format!("{otp} buttons need `supported_apps`: [{{\"package_name\", \"signature_hash\"}}]"),
            );
        }
        return;
    };
    let ap = p.key("supported_apps");
    let Some(apps) = ctx.array(av, &ap) else {
        return;
    };
    if apps.is_empty() || apps.len() > limits::TEMPLATE_SUPPORTED_APPS {
        ctx.error(
            SUPPORTED_APPS,
            None,
            &ap,
            av.span,
            format!(
                "`supported_apps` lists 1 to {} apps, not {}",
                limits::TEMPLATE_SUPPORTED_APPS,
                apps.len()
            ),
        );
    }
    for (i, a) in apps.iter().enumerate() {
        let ip = ap.index(i);
        let Some(am) = ctx.object(a, &ip) else {
            continue;
        };
        ctx.unknown_fields(am, &ip, &["package_name", "signature_hash"]);
        if let Some(v) = ctx.required(am, a.span, &ip, "package_name") {
            check_package(ctx, v, &ip.key("package_name"));
        }
        if let Some(v) = ctx.required(am, a.span, &ip, "signature_hash") {
            check_hash(ctx, v, &ip.key("signature_hash"));
        }
    }
}

fn check_package(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(s) = ctx.string(v, p) else {
        return;
    };
    if !ctx.max_chars(
        s,
        v,
        p,
        limits::TEMPLATE_PACKAGE_NAME,
        meta::INVALID_PARAMETER,
    ) {
        return;
    }
    let segments: Vec<&str> = s.split('.').collect();
    let ok = segments.len() >= 2
        && segments.iter().all(|seg| {
            seg.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && seg.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if !ok {
        ctx.error(
            PACKAGE_NAME,
            None,
            p,
            v.span,
            "an Android package name has at least two dot-separated parts, each starting with a letter, of letters, digits and underscores (com.example.app)",
        );
    }
}

fn check_hash(ctx: &mut Ctx<'_>, v: &Value<'_>, p: &Path<'_>) {
    let Some(s) = ctx.string(v, p) else {
        return;
    };
    let ok = s.len() == limits::TEMPLATE_SIGNATURE_HASH
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    if !ok {
        let hint = if s.contains('%') {
            " (it looks URL-encoded: decode %2F to /)"
        } else {
            ""
        };
        ctx.error(
            SIGNATURE_HASH,
            None,
            p,
            v.span,
            format!(
                "an app signature hash is exactly 11 characters of A-Z, a-z, 0-9, +, /, ={hint}"
            ),
        );
    }
}

fn check_carousel(
    ctx: &mut Ctx<'_>,
    c: &Value<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    st: &mut State,
) {
    ctx.unknown_fields(m, path, &["type", "cards"]);
    let Some(cv) = ctx.required(m, c.span, path, "cards") else {
        return;
    };
    let cp = path.key("cards");
    let Some(cards) = ctx.array(cv, &cp) else {
        return;
    };
    for (i, card) in cards.iter().enumerate() {
        let p = cp.index(i);
        let Some(cm) = ctx.object(card, &p) else {
            continue;
        };
        ctx.unknown_fields(cm, &p, &["components"]);
        let Some(comps) = ctx.required(cm, card.span, &p, "components") else {
            continue;
        };
        let pc = p.key("components");
        if let Some(items) = ctx.array(comps, &pc) {
            check_components(ctx, items, comps.span, &pc, st, true);
        }
    }
}

fn check_lto(ctx: &mut Ctx<'_>, c: &Value<'_>, m: &[Member<'_>], path: &Path<'_>) {
    ctx.unknown_fields(m, path, &["type", "limited_time_offer"]);
    let Some(v) = ctx.required(m, c.span, path, "limited_time_offer") else {
        return;
    };
    let p = path.key("limited_time_offer");
    let Some(lm) = ctx.object(v, &p) else {
        return;
    };
    ctx.unknown_fields(lm, &p, &["text", "has_expiration"]);
    if let Some((s, tv)) = ctx.required_str(lm, v.span, &p, "text") {
        ctx.non_blank(s, tv, &p.key("text"));
    }
    if let Some(h) = json::get(lm, "has_expiration") {
        ctx.boolean(h, &p.key("has_expiration"));
    }
}
