//! Unfilled documentation placeholders (`<BUTTON_TEXT>`, `{{Recipient-Phone-Number}}`):
//! Meta's samples are full of them and they are easy to send by mistake. The platform accepts
//! most of them as text, so this is a warning, given once per value and only where no error
//! already points at the same value.

use crate::diagnostic::{Code, Diagnostic, Pointer, Segment, Severity};
use crate::json::{Kind, Value};
use crate::shape::Ctx;

/// A string value that looks like an unfilled placeholder from documentation.
pub const PLACEHOLDER: Code = Code::new("value.placeholder");

/// Walks every string in `value`; `first` is the index of the first diagnostic of this
/// document's validation (errors before it belong to the parser).
pub(super) fn scan(ctx: &mut Ctx<'_>, value: &Value<'_>, first: usize) {
    let mut hits: Vec<(u32, u32)> = Vec::new();
    collect(value, &mut hits);
    if hits.is_empty() {
        return;
    }
    let mut errors: Vec<u32> = ctx
        .diags
        .get(first..)
        .unwrap_or_default()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.span.start)
        .collect();
    errors.sort_unstable();
    for (start, end) in hits {
        if errors.binary_search(&start).is_ok() {
            continue;
        }
        // Find the path only for the (rare) hits.
        let mut segs = Vec::new();
        if find_path(value, start, &mut segs) {
            ctx.push(Diagnostic::warning(
                PLACEHOLDER,
                Pointer(segs),
                crate::json::Span { start, end },
                "this looks like an unfilled placeholder from documentation; replace it with a real value",
            ));
        }
    }
}

fn collect(v: &Value<'_>, out: &mut Vec<(u32, u32)>) {
    match &v.kind {
        Kind::String(s) if is_placeholder(s) => out.push((v.span.start, v.span.end)),
        Kind::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Kind::Object(members) => members.iter().for_each(|m| collect(&m.value, out)),
        _ => {}
    }
}

/// Descends to the string starting at `start`. Arrays and objects keep source order, so each
/// level is a binary search: finding every hit stays O(hits · depth · log width).
fn find_path(v: &Value<'_>, start: u32, segs: &mut Vec<Segment>) -> bool {
    if v.span.start == start && matches!(v.kind, Kind::String(_)) {
        return true;
    }
    match &v.kind {
        Kind::Array(items) => {
            let i = items.partition_point(|item| item.span.end <= start);
            match items.get(i) {
                Some(item) if item.span.start <= start => {
                    segs.push(Segment::Index(i));
                    find_path(item, start, segs)
                }
                _ => false,
            }
        }
        Kind::Object(members) => {
            let i = members.partition_point(|m| m.value.span.end <= start);
            match members.get(i) {
                Some(m) if m.value.span.start <= start => {
                    segs.push(Segment::Key(m.key.to_string()));
                    find_path(&m.value, start, segs)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// `<UPPER_CASE>`-style (with at least one capital letter) or `{{Postman-Variable}}`-style
/// (with a capital or a dash) whole values.
#[must_use]
pub fn is_placeholder(s: &str) -> bool {
    // Fast rejection: nearly every string starts with neither `<` nor `{`.
    let s = s.trim_ascii();
    if !matches!(s.as_bytes().first(), Some(b'<' | b'{')) {
        return false;
    }
    if s.len() < 3 || s.len() > 80 {
        return false;
    }
    if let Some(inner) = s.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        return !inner.is_empty()
            && inner
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
            && inner.bytes().any(|b| b.is_ascii_uppercase())
            && inner.bytes().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'|' | b' ' | b'.')
            });
    }
    if let Some(inner) = s.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) {
        return !inner.is_empty()
            && inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
            && inner.bytes().any(|b| b.is_ascii_uppercase() || b == b'-');
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "<BUTTON_TEXT>",
            "<HOME|WORK>",
            "{{Recipient-Phone-Number}}",
            "{{Flow-ID}}",
            " <EMOJI> ",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for n in [
            "<b>",
            "{{1}}",
            "{{first_name}}",
            "Hello <NAME>",
            "<http(s)://x>",
            "<>",
            "text",
        ] {
            assert!(!is_placeholder(n), "{n}");
        }
    }

    #[test]
    fn many_placeholders_are_found_fast_and_right() {
        let n = 20_000;
        let items = vec!["\"<ROW_ID>\""; n].join(",");
        let src = format!("{{\"text\":{{\"body\":\"x\"}},\"rows\":[{items}]}}");
        let opts = crate::Options::default();
        let r = crate::shape::run(&src, &opts, crate::DocumentKind::Message, |ctx, v| {
            scan(ctx, v, 0);
        });
        assert_eq!(r.diagnostics.len(), opts.max_diagnostics + 1);
        assert_eq!(r.diagnostics[999].path.to_string(), "/rows/999");
    }
}
