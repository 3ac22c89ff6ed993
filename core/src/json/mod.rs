//! A JSON tree that remembers where every value came from.
//!
//! Validation needs what `serde_json::Value` throws away: the byte span of every value and
//! key (for line/column diagnostics), duplicate keys (reported, not silently merged), and the
//! raw text of numbers (`1.0` and `1` are different to a validator that checks "integer").
//! Strings borrow from the input unless they contain escapes, which makes parsing cheaper
//! than building a `serde_json::Value`.

mod parse;

use std::borrow::Cow;

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

/// A JSON value with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Value<'a> {
    /// Where the value is in the source.
    pub span: Span,
    /// What it is.
    pub kind: Kind<'a>,
}

/// The kinds of JSON values.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind<'a> {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, kept as its source text (already checked against the JSON grammar).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object, members in source order; duplicates are kept (and reported by the parser).
    Object(Vec<Member<'a>>),
}

/// One `"key": value` pair of an object.
#[derive(Clone, Debug, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: Cow<'a, str>,
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
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members, if this is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.kind {
            Kind::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The items, if this is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match &self.kind {
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
        self.as_number_text().and_then(|n| n.parse().ok())
    }

    /// The number as `i64`, if this is a number written as an integer that fits.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number_text().and_then(|n| n.parse().ok())
    }

    /// The value of `key` if this is an object; with duplicate keys the last one wins, as on
    /// the platform.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object().and_then(|m| get(m, key))
    }

    /// Converts to a `serde_json::Value` (duplicate keys: last wins).
    #[must_use]
    pub fn to_serde(&self) -> serde_json::Value {
        match &self.kind {
            Kind::Null => serde_json::Value::Null,
            Kind::Bool(b) => serde_json::Value::Bool(*b),
            Kind::Number(n) => serde_json::from_str(n).unwrap_or(serde_json::Value::Null),
            Kind::String(s) => serde_json::Value::String(s.to_string()),
            Kind::Array(items) => {
                serde_json::Value::Array(items.iter().map(Value::to_serde).collect())
            }
            Kind::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.key.to_string(), m.value.to_serde());
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
        .find(|m| key_eq(&m.key, key))
        .map(|m| &m.value)
}

/// String equality tuned for object keys and field names: short strings are compared inline
/// instead of through a `memcmp` call, which dominated lookups of 4–20 byte keys.
#[must_use]
#[inline]
pub fn key_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Length and first byte reject nearly every mismatch in two comparisons.
    a.len() == b.len() && a.first() == b.first() && a == b
}

/// Looks up `key` among `members` and returns the whole member; the last duplicate wins.
#[must_use]
pub fn get_member<'v, 'a>(members: &'v [Member<'a>], key: &str) -> Option<&'v Member<'a>> {
    members.iter().rev().find(|m| key_eq(&m.key, key))
}
