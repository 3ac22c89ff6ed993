//! Small field helpers shared by the message validators, on top of [`crate::shape`].

use std::collections::HashMap;

use crate::diagnostic::{Code, meta};
use crate::json::{self, Member, Span, Value};
use crate::shape::{Ctx, Path, field_name};

/// A required object field: its value and members.
pub(super) fn req_obj<'v, 'a>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'a>],
    parent: Span,
    path: &Path<'_>,
    key: &str,
) -> Option<(&'v Value<'a>, &'v [Member<'a>])> {
    let v = ctx.required(m, parent, path, key)?;
    let members = ctx.object(v, &path.key(key))?;
    Some((v, members))
}

/// An optional object field (type-checked when present).
pub(super) fn opt_obj<'v, 'a>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'a>],
    path: &Path<'_>,
    key: &str,
) -> Option<(&'v Value<'a>, &'v [Member<'a>])> {
    let v = json::get(m, key)?;
    let members = ctx.object(v, &path.key(key))?;
    Some((v, members))
}

/// A required array field.
pub(super) fn req_array<'v, 'a>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'a>],
    parent: Span,
    path: &Path<'_>,
    key: &str,
) -> Option<(&'v Value<'a>, &'v [Value<'a>])> {
    let v = ctx.required(m, parent, path, key)?;
    let items = ctx.array(v, &path.key(key))?;
    Some((v, items))
}

/// An optional array field.
pub(super) fn opt_array<'v, 'a>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'a>],
    path: &Path<'_>,
    key: &str,
) -> Option<(&'v Value<'a>, &'v [Value<'a>])> {
    let v = json::get(m, key)?;
    let items = ctx.array(v, &path.key(key))?;
    Some((v, items))
}

/// A required, non-blank text of at most `max` characters. Returns the text even when it is
/// too long, so callers can run further checks (uniqueness) on it.
pub(super) fn req_text<'v>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'_>],
    parent: Span,
    path: &Path<'_>,
    key: &str,
    max: usize,
) -> Option<&'v str> {
    let (s, v) = ctx.required_str(m, parent, path, key)?;
    let p = path.key(key);
    if ctx.non_blank(s, v, &p) {
        ctx.max_chars(s, v, &p, max, meta::INVALID_VALUE);
    }
    Some(s)
}

/// An optional text of at most `max` characters; when present it must not be blank.
pub(super) fn opt_text<'v>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'_>],
    path: &Path<'_>,
    key: &str,
    max: usize,
) -> Option<&'v str> {
    let (s, v) = ctx.optional_str(m, path, key)?;
    let p = path.key(key);
    if ctx.non_blank(s, v, &p) {
        ctx.max_chars(s, v, &p, max, meta::INVALID_VALUE);
    }
    Some(s)
}

/// An optional string of any length (type-checked only).
pub(super) fn opt_string<'v>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'_>],
    path: &Path<'_>,
    key: &str,
) -> Option<&'v str> {
    ctx.optional_str(m, path, key).map(|(s, _)| s)
}

/// Type-checks each listed optional string field.
pub(super) fn opt_strings(ctx: &mut Ctx<'_>, m: &[Member<'_>], path: &Path<'_>, keys: &[&str]) {
    for k in keys {
        let _ = ctx.optional_str(m, path, k);
    }
}

/// An optional boolean field.
pub(super) fn opt_bool(
    ctx: &mut Ctx<'_>,
    m: &[Member<'_>],
    path: &Path<'_>,
    key: &str,
) -> Option<bool> {
    let v = json::get(m, key)?;
    ctx.boolean(v, &path.key(key))
}

/// A required array of 1..=`max` items (sections, buttons): the array, with `code` reported
/// when it is empty or too long (the items are returned either way, to be checked too).
#[allow(clippy::too_many_arguments)]
pub(super) fn req_counted<'v, 'a>(
    ctx: &mut Ctx<'_>,
    m: &'v [Member<'a>],
    parent: Span,
    path: &Path<'_>,
    key: &str,
    code: Code,
    max: usize,
    what: &str,
) -> Option<(&'v Value<'a>, &'v [Value<'a>])> {
    let (v, items) = req_array(ctx, m, parent, path, key)?;
    count(ctx, code, items.len(), v, &path.key(key), 1, max, what);
    Some((v, items))
}

/// Checks that an array has `min..=max` items; reports `code` at the array otherwise.
#[allow(clippy::too_many_arguments)]
pub(super) fn count(
    ctx: &mut Ctx<'_>,
    code: Code,
    n: usize,
    v: &Value<'_>,
    path: &Path<'_>,
    min: usize,
    max: usize,
    what: &str,
) -> bool {
    if n < min {
        let name = field_name(path);
        let msg = if n == 0 {
            format!("{name} is empty; at least {min} {what} required")
        } else {
            format!("{name} has {n} {what}; at least {min} required")
        };
        let meta_error = if n == 0 {
            meta::MISSING_PARAMETER
        } else {
            meta::INVALID_VALUE
        };
        ctx.error(code, Some(meta_error), path, v.span, msg);
        return false;
    }
    if n > max {
        let name = field_name(path);
        ctx.error(
            code,
            Some(meta::INVALID_VALUE),
            path,
            v.span,
            format!("{name} has {n} {what}; the limit is {max}"),
        );
        return false;
    }
    true
}

/// True for an absolute `http://` or `https://` URL with a host and no whitespace.
pub(super) fn is_http_url(s: &str) -> bool {
    let b = s.as_bytes();
    let scheme = |p: &[u8]| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = if scheme(b"https://") {
        b.get(8..)
    } else if scheme(b"http://") {
        b.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else {
        return false;
    };
    let end = rest
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or_default();
    // Strip user info and port for the host test.
    let host = authority.rsplit(|c| *c == b'@').next().unwrap_or_default();
    let host = host.split(|c| *c == b':').next().unwrap_or_default();
    let host_ok = !host.is_empty()
        && match std::str::from_utf8(host) {
            Ok(h) if h.is_ascii() => h.bytes().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'_' | b'[' | b']')
            }),
            Ok(h) => h
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']')),
            Err(_) => false,
        };
    let whitespace = if s.is_ascii() {
        b.iter().any(u8::is_ascii_whitespace)
    } else {
        s.chars().any(char::is_whitespace)
    };
    host_ok && !whitespace
}

/// Reports a field that does not belong where it is (a known field in the wrong place),
/// as the platform's "(#100) Invalid parameter".
pub(super) fn not_here(ctx: &mut Ctx<'_>, code: Code, m: &Member<'_>, path: &Path<'_>, why: &str) {
    let p = path.key(&m.key);
    ctx.error(
        code,
        Some(meta::INVALID_PARAMETER),
        &p,
        m.key_span,
        format!("`{}` {why}", m.key),
    );
}

/// Remembers strings to find repeats (button titles, row ids, parameter names). Messages hold
/// a handful, so a linear scan over a short list is fastest; past [`Seen::SMALL`] entries it
/// switches to a hash map, so hostile input with thousands of items stays linear.
#[derive(Debug, Default)]
pub(super) struct Seen<'s, T: Copy> {
    small: Vec<(&'s str, T)>,
    large: Option<HashMap<&'s str, T>>,
}

impl<'s, T: Copy> Seen<'s, T> {
    const SMALL: usize = 16;

    /// Records `key` with `at`; returns where it was seen first, if it was.
    pub(super) fn insert(&mut self, key: &'s str, at: T) -> Option<T> {
        if let Some(map) = &mut self.large {
            return match map.entry(key) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(at);
                    None
                }
            };
        }
        if let Some((_, first)) = self.small.iter().find(|(k, _)| *k == key) {
            return Some(*first);
        }
        self.small.push((key, at));
        if self.small.len() > Self::SMALL {
            self.large = Some(self.small.drain(..).collect());
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seen_small_and_large() {
        let keys: Vec<String> = (0..100).map(|i| format!("k{i}")).collect();
        let mut seen = Seen::default();
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(seen.insert(k, i), None);
        }
        assert_eq!(seen.insert("k3", 1000), Some(3));
        assert_eq!(seen.insert("k99", 1000), Some(99));
        let mut small = Seen::default();
        assert_eq!(small.insert("a", 0), None);
        assert_eq!(small.insert("a", 1), Some(0));
    }

    #[test]
    fn http_urls() {
        assert!(is_http_url("https://example.com/a.jpg"));
        assert!(is_http_url("HTTP://example.com"));
        assert!(is_http_url("https://user@host.example:8080/x?y#z"));
        assert!(!is_http_url("http(s)://image-url"));
        assert!(!is_http_url("<http(s)://audio-url>"));
        assert!(!is_http_url("ftp://example.com"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://exa mple.com"));
        assert!(!is_http_url("example.com"));
    }
}
