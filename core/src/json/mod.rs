//! A JSON tree that remembers where every value came from.
//!
//! Validation needs what `serde_json::Value` throws away: the byte span of every value and
//! key (for line/column diagnostics), duplicate keys (reported, not silently merged), and the
//! raw text of numbers (`1.0` and `1` are different to a validator that checks "integer").
//! Strings borrow from the input unless they contain escapes, which makes parsing cheaper
//! than building a `serde_json::Value`.
//!
//! The tree lives in an [`Arena`] the caller owns: every array, object and unescaped string
//! is one bump allocation, values are `Copy`, and dropping the tree is freeing a few chunks
//! (no per-container allocation, no recursive drop, which together were a third of the cost
//! of validating a typical message).

mod offsets;
mod parse;

use std::cell::Cell;

pub use offsets::StrOffsets;
pub use parse::{
    BYTE_ORDER_MARK, DEPTH_CEILING, DUPLICATE_KEY, INVALID_UTF8, LONE_SURROGATE, ParseOptions,
    Parsed, SYNTAX, TOO_DEEP, TOO_LARGE, parse,
};

/// A byte range `[start, end)` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from byte offsets.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        // Inputs are capped far below 4 GiB by `ParseOptions::max_bytes`.
        Self {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    /// The span as a `usize` range.
    #[must_use]
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The memory of parsed trees: `let arena = Arena::new(); let parsed = parse(src, &arena,
/// &opts);` — the tree borrows from both `src` and the arena.
///
/// A wrapper around [`bumpalo::Bump`] rather than a hand-rolled typed arena: the tree needs
/// slices of three element types (values, members, string bytes) of sizes known only when a
/// container closes, which a typed arena per type would need `unsafe` (forbidden here) or
/// index-based handles (an API change for every validator) to provide. bumpalo is small,
/// maintained, `no_std` and works on wasm32; its `unsafe` stays inside it.
#[derive(Debug, Default)]
pub struct Arena {
    bump: bumpalo::Bump,
}

impl Arena {
    /// An empty arena; it allocates its first chunk on first use.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An arena with room for `bytes` bytes of tree before it needs another chunk.
    #[must_use]
    pub fn with_capacity(bytes: usize) -> Self {
        Self {
            bump: bumpalo::Bump::with_capacity(bytes),
        }
    }

    /// An arena sized for parsing a `src_len`-byte document in one chunk: the trees of the
    /// benchmark's compact messages take 0.7–3.3 bytes per source byte (median 1.9), plus
    /// the parser's working stacks. Memory reserved but not used is never touched.
    ///
    /// The thread's spare arena (the last one dropped, see [`POOL_MAX`]) is reused when its
    /// chunk is large enough: the `malloc` and `free` of a fresh multi-kilobyte chunk cost
    /// thousands of instructions in glibc when the heap is busy, as much as parsing a small
    /// message's keys.
    #[must_use]
    pub fn for_source(src_len: usize) -> Self {
        let want = src_len.saturating_mul(4).saturating_add(1024).min(1 << 20);
        if let Some(mut bump) = SPARE.with(Cell::take) {
            bump.reset();
            if bump.chunk_capacity() >= want {
                return Self { bump };
            }
        }
        Self::with_capacity(want)
    }

    /// Frees every tree parsed into this arena (kept: the largest chunk, for reuse).
    pub fn reset(&mut self) {
        self.bump.reset();
    }

    /// Bytes held by the arena's chunks.
    #[must_use]
    pub fn allocated_bytes(&self) -> usize {
        self.bump.allocated_bytes()
    }
}

/// Arenas of at most this many bytes go back to their thread when dropped, for the next
/// [`Arena::for_source`]; larger ones (from big documents) are freed. Each thread keeps at
/// most one spare.
pub const POOL_MAX: usize = 256 * 1024;

thread_local! {
    static SPARE: Cell<Option<bumpalo::Bump>> = const { Cell::new(None) };
}

impl Drop for Arena {
    fn drop(&mut self) {
        if self.bump.allocated_bytes() <= POOL_MAX {
            let bump = std::mem::take(&mut self.bump);
            // During thread teardown the slot may be gone; then the arena is simply freed.
            let _ = SPARE.try_with(|s| s.set(Some(bump)));
        }
    }
}

/// A JSON value with its span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value<'a> {
    /// Where the value is in the source.
    pub span: Span,
    /// What it is.
    pub kind: Kind<'a>,
}

/// The kinds of JSON values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, kept as its source text (already checked against the JSON grammar).
    Number(&'a str),
    /// A string, unescaped: borrowed from the source, or from the arena when it had escapes.
    String(&'a str),
    /// An array.
    Array(&'a [Value<'a>]),
    /// An object, members in source order; duplicates are kept (and reported by the parser).
    Object(&'a [Member<'a>]),
}

/// One `"key": value` pair of an object.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: &'a str,
    /// The span of the key including its quotes.
    pub key_span: Span,
    /// The value.
    pub value: Value<'a>,
}

/// The JSON type of a value, for messages such as "expected a string, found a number".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` / `false`
    Boolean,
    /// a number
    Number,
    /// a string
    String,
    /// an array
    Array,
    /// an object
    Object,
}

impl JsonType {
    /// "a string", "an object", ...
    #[must_use]
    pub fn with_article(self) -> &'static str {
        match self {
            Self::Null => "null",
            Self::Boolean => "a boolean",
            Self::Number => "a number",
            Self::String => "a string",
            Self::Array => "an array",
            Self::Object => "an object",
        }
    }
}

impl<'a> Value<'a> {
    /// The JSON type.
    #[must_use]
    pub fn json_type(&self) -> JsonType {
        match self.kind {
            Kind::Null => JsonType::Null,
            Kind::Bool(_) => JsonType::Boolean,
            Kind::Number(_) => JsonType::Number,
            Kind::String(_) => JsonType::String,
            Kind::Array(_) => JsonType::Array,
            Kind::Object(_) => JsonType::Object,
        }
    }

    /// The string, if this is one.
    #[must_use]
    #[inline]
    pub fn as_str(&self) -> Option<&'a str> {
        match self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this is a string written without escapes, so that its text is exactly the
    /// source between the quotes (byte offsets inside it map to the source one to one).
    /// Every escape is longer than what it stands for, so equal lengths tell.
    #[must_use]
    pub fn is_verbatim_str(&self) -> bool {
        match self.kind {
            Kind::String(s) => s.len() + 2 == (self.span.end - self.span.start) as usize,
            _ => false,
        }
    }

    /// The members, if this is an object.
    #[must_use]
    #[inline]
    pub fn as_object(&self) -> Option<&'a [Member<'a>]> {
        match self.kind {
            Kind::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if this is an array.
    #[must_use]
    #[inline]
    pub fn as_array(&self) -> Option<&'a [Value<'a>]> {
        match self.kind {
            Kind::Array(v) => Some(v),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            Kind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The raw number text, if this is a number.
    #[must_use]
    pub fn as_number_text(&self) -> Option<&'a str> {
        match self.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number as `f64`, if this is a number.
    #[must_use]
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number_text().and_then(crate::float::parse)
    }

    /// The number as `i64`, if this is a number written as an integer that fits.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number_text().and_then(|n| n.parse().ok())
    }

    /// The value of `key` if this is an object; with duplicate keys the last one wins, as on
    /// the platform.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&'a Value<'a>> {
        self.as_object().and_then(|m| get(m, key))
    }

    /// Converts to a `serde_json::Value` (duplicate keys: last wins).
    #[must_use]
    pub fn to_serde(&self) -> serde_json::Value {
        match self.kind {
            Kind::Null => serde_json::Value::Null,
            Kind::Bool(b) => serde_json::Value::Bool(b),
            Kind::Number(n) => serde_json::from_str(n).unwrap_or(serde_json::Value::Null),
            Kind::String(s) => serde_json::Value::String(s.to_string()),
            Kind::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_serde).collect())
            }
            Kind::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.key.to_owned(), m.value.to_serde());
                }
                serde_json::Value::Object(map)
            }
        }
    }
}

/// Looks up `key` among `members`; the last duplicate wins.
#[must_use]
pub fn get<'v, 'a>(members: &'v [Member<'a>], key: &str) -> Option<&'v Value<'a>> {
    members
        .iter()
        .rev()
        .find(|m| key_eq(m.key, key))
        .map(|m| &m.value)
}

/// String equality tuned for object keys and field names: length and first byte reject
/// nearly every mismatch in two comparisons, and a match of up to 16 bytes is confirmed with
/// two overlapping word comparisons instead of a `memcmp` call (those calls were a tenth of
/// the validators' time on typical messages).
#[must_use]
#[inline(always)]
pub fn key_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && same_len_eq(a, b)
}

/// `a == b` for slices of equal length.
#[inline(always)]
fn same_len_eq(a: &[u8], b: &[u8]) -> bool {
    match a.len() {
        8..=16 => {
            a.first_chunk::<8>() == b.first_chunk::<8>()
                && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        4..=7 => {
            a.first_chunk::<4>() == b.first_chunk::<4>()
                && a.last_chunk::<4>() == b.last_chunk::<4>()
        }
        0..=3 => a.iter().zip(b).all(|(x, y)| x == y),
        _ => a == b,
    }
}

/// Looks up `key` among `members` and returns the whole member; the last duplicate wins.
#[must_use]
pub fn get_member<'v, 'a>(members: &'v [Member<'a>], key: &str) -> Option<&'v Member<'a>> {
    members.iter().rev().find(|m| key_eq(m.key, key))
}

#[cfg(test)]
mod tests {
    use super::{Arena, ParseOptions, key_eq, parse};

    /// `(code, pointer)` of every diagnostic of `src`, in order.
    fn pointers(src: &str, max_depth: usize) -> Vec<(String, String)> {
        let arena = Arena::new();
        let opts = ParseOptions {
            max_depth,
            ..ParseOptions::default()
        };
        parse(src, &arena, &opts)
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str().to_string(), d.path.to_string()))
            .collect()
    }

    fn spare_bytes() -> Option<usize> {
        super::SPARE.with(|s| {
            let b = s.take();
            let n = b.as_ref().map(bumpalo::Bump::allocated_bytes);
            s.set(b);
            n
        })
    }

    #[test]
    fn dropped_arenas_are_reused_and_trees_stay_right() {
        let src = r#"{"a": ["x\n", {"b": 1, "c": "\u00e9"}], "d": null}"#;
        let opts = ParseOptions::default();
        let mut trees = Vec::new();
        for _ in 0..3 {
            let arena = Arena::for_source(src.len());
            trees.push(parse(src, &arena, &opts).value.map(|v| v.to_serde()));
        }
        assert!(spare_bytes().is_some());
        let expected: serde_json::Value = serde_json::from_str(src).unwrap();
        assert!(trees.iter().all(|t| t.as_ref() == Some(&expected)));
        // A big arena is freed, not kept.
        drop(Arena::with_capacity(2 * super::POOL_MAX));
        assert!(spare_bytes().is_none_or(|n| n <= super::POOL_MAX));
    }

    #[test]
    fn diagnostics_point_into_nested_documents() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                r#"{"a": [{"b": {"c": [1, 2, {"d": x}]}}]}"#,
                &[("json.syntax", "/a/0/b/c/2/d")],
            ),
            (
                r#"[[1], [2, [3, {"k": "\ud800"}]]]"#,
                &[("json.lone_surrogate", "/1/1/1/k")],
            ),
            (
                r#"{"x": [{"k": 1, "k": 2}, {"j": {"m": 1, "m": 2}}], "x": 0}"#,
                &[
                    ("json.duplicate_key", "/x/0/k"),
                    ("json.duplicate_key", "/x/1/j/m"),
                    ("json.duplicate_key", "/x"),
                ],
            ),
            (r#"{"a\"b~": {"c": tru}}"#, &[("json.syntax", "/a\"b~0/c")]),
            (r#"{"a": {"b" 1}}"#, &[("json.syntax", "/a/b")]),
            (r#"{"a": [1 2]}"#, &[("json.syntax", "/a")]),
            (r#"{"a": {"b": 1 "c": 2}}"#, &[("json.syntax", "/a")]),
            (r#"{"o": {"\ud800": 1}}"#, &[("json.lone_surrogate", "/o")]),
            (
                r#"{"a": "\ud800", "b": ["\udc00"], "c": {"d": "\ud800"}} x"#,
                &[
                    ("json.lone_surrogate", "/a"),
                    ("json.lone_surrogate", "/b/0"),
                    ("json.lone_surrogate", "/c/d"),
                    ("json.syntax", ""),
                ],
            ),
            (
                r#"[{"a": "\ud800", "a": 1}, {"b": [}]"#,
                &[
                    ("json.lone_surrogate", "/0/a"),
                    ("json.duplicate_key", "/0/a"),
                    ("json.syntax", "/1/b/0"),
                ],
            ),
        ];
        for (src, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(c, p)| (c.to_string(), p.to_string()))
                .collect();
            assert_eq!(pointers(src, 64), want, "{src}");
        }
        assert_eq!(
            pointers(r#"{"a": [[[1]]]}"#, 3),
            [("json.too_deep".to_string(), "/a/0/0".to_string())]
        );
    }

    #[test]
    fn key_eq_is_string_equality() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "abc",
            "abd",
            "type",
            "typo",
            "text",
            "image",
            "video",
            "header",
            "caption",
            "captions",
            "parameter",
            "parameters",
            "parameter_name",
            "parameter_nbme",
            "0123456789abcdef",
            "0123456789abcdeg",
            "1123456789abcdef",
            "0123456789abcdefg",
            "0123456789abcdefh",
            "message_activity_sharing",
            "message_activity_sharinh",
            "é",
            "ée",
            "😀",
            "😁",
        ];
        for a in words {
            for b in words {
                assert_eq!(key_eq(a, b), a == b, "{a:?} {b:?}");
            }
        }
    }
}
