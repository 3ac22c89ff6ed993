//! The JSON parser: RFC 8259, one linear pass, explicit nesting limit.
//!
//! Hand-written because no maintained crate gives spans for every value and key together
//! with duplicate-key detection while borrowing strings from the input (serde_json's
//! `RawValue` gives neither key spans nor duplicates). It is a plain recursive descent with
//! the depth capped by [`ParseOptions::max_depth`], so the stack stays bounded.

use std::borrow::Cow;
use std::collections::HashSet;

use super::{Kind, Member, Span, Value};
use crate::diagnostic::{Code, Diagnostic, Pointer, Segment};

/// Invalid JSON; the message says what was expected.
pub const SYNTAX: Code = Code::new("json.syntax");
/// The same key twice in one object; the platform keeps the last one.
pub const DUPLICATE_KEY: Code = Code::new("json.duplicate_key");
/// Nesting deeper than [`ParseOptions::max_depth`].
pub const TOO_DEEP: Code = Code::new("json.too_deep");
/// Input larger than [`ParseOptions::max_bytes`].
pub const TOO_LARGE: Code = Code::new("json.too_large");
/// A `\uD800`-style escape without its other half.
pub const LONE_SURROGATE: Code = Code::new("json.lone_surrogate");
/// Input bytes that are not UTF-8.
pub const INVALID_UTF8: Code = Code::new("json.invalid_utf8");
/// A byte order mark before the JSON text.
pub const BYTE_ORDER_MARK: Code = Code::new("json.byte_order_mark");

/// Hard ceiling for [`ParseOptions::max_depth`], whatever the caller asks for, so that the
/// recursive parser (and the recursive drop of the tree) cannot exhaust a 1 MiB wasm stack.
pub const DEPTH_CEILING: usize = 512;

/// Size and nesting limits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    /// Largest accepted input in bytes (default 4 MiB; at most 4 GiB − 1).
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects (default 64, at most [`DEPTH_CEILING`]).
    pub max_depth: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        Self {
            max_bytes: 4 * 1024 * 1024,
            max_depth: 64,
        }
    }
}

/// The result of [`parse`]: the tree (absent on a syntax or limit error) and the
/// diagnostics (warnings for duplicate keys, an error for anything fatal).
#[derive(Clone, Debug)]
pub struct Parsed<'a> {
    /// The tree, when the input is JSON.
    pub value: Option<Value<'a>>,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses `src` as one JSON text.
#[must_use]
pub fn parse<'a>(src: &'a str, opts: &ParseOptions) -> Parsed<'a> {
    let max_bytes = opts.max_bytes.min(u32::MAX as usize - 1);
    if src.len() > max_bytes {
        let d = Diagnostic::error(
            TOO_LARGE,
            Pointer::root(),
            Span::new(0, 0),
            format!(
                "the input is {} bytes, more than the limit of {max_bytes}",
                src.len()
            ),
        );
        return Parsed {
            value: None,
            diagnostics: vec![d],
        };
    }
    let mut p = Parser {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth: opts.max_depth.min(DEPTH_CEILING),
        diags: Vec::new(),
        path: Vec::new(),
        seen: HashSet::new(),
        member_stack: Vec::new(),
        item_stack: Vec::new(),
    };
    if src.starts_with('\u{feff}') {
        p.pos = 3;
        p.diags.push(Diagnostic::warning(
            BYTE_ORDER_MARK,
            Pointer::root(),
            Span::new(0, 3),
            "the input starts with a byte order mark; JSON senders must not add one",
        ));
    }
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        let at = p.pos;
        p.fatal(
            SYNTAX,
            at,
            at,
            "the input is empty; expected a JSON value".to_string(),
        );
        return Parsed {
            value: None,
            diagnostics: p.diags,
        };
    }
    let value = match p.value() {
        Ok(v) => v,
        Err(Fatal) => {
            return Parsed {
                value: None,
                diagnostics: p.diags,
            };
        }
    };
    p.skip_ws();
    if p.pos < p.bytes.len() {
        let at = p.pos;
        p.fatal(
            SYNTAX,
            at,
            at + 1,
            format!("unexpected {} after the JSON value", p.describe_at(at)),
        );
        return Parsed {
            value: None,
            diagnostics: p.diags,
        };
    }
    Parsed {
        value: Some(value),
        diagnostics: p.diags,
    }
}

/// Marker for an error already recorded in `diags`.
struct Fatal;

#[derive(Clone, Copy)]
enum PathEntry {
    Key(Span),
    Index(usize),
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    max_depth: usize,
    diags: Vec<Diagnostic>,
    path: Vec<PathEntry>,
    /// Reused set for duplicate detection in large objects.
    seen: HashSet<&'a str>,
    /// Members and items of the objects and arrays being parsed, innermost last: each
    /// container moves its own off the top into an exactly sized `Vec` when it closes, so
    /// building the tree costs one allocation per container instead of a growing one.
    member_stack: Vec<Member<'a>>,
    item_stack: Vec<Value<'a>>,
}

/// Objects up to this size are checked for duplicates by comparing keys pairwise; that is
/// faster than hashing for the small objects messages are made of, and bounded (≤ 16²/2).
const SMALL_OBJECT: usize = 16;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    #[cold]
    #[inline(never)]
    fn pointer(&self) -> Pointer {
        let segs = self
            .path
            .iter()
            .map(|e| match *e {
                PathEntry::Index(i) => Segment::Index(i),
                PathEntry::Key(span) => {
                    // Re-read the key from the source; only on the error path.
                    let raw = self
                        .src
                        .get(span.start as usize + 1..(span.end as usize).saturating_sub(1))
                        .unwrap_or("");
                    Segment::Key(unescape_lossy(raw))
                }
            })
            .collect();
        Pointer(segs)
    }

    #[cold]
    #[inline(never)]
    fn fatal(&mut self, code: Code, start: usize, end: usize, msg: String) {
        let end = end.min(self.bytes.len()).max(start.min(self.bytes.len()));
        let start = start.min(end);
        let d = Diagnostic::error(code, self.pointer(), Span::new(start, end), msg);
        self.diags.push(d);
    }

    /// "end of input", "`}`", "`x`" for the character at `at`.
    #[cold]
    #[inline(never)]
    fn describe_at(&self, at: usize) -> String {
        match self.src.get(at..).and_then(|s| s.chars().next()) {
            None => "end of input".to_string(),
            Some(c) if c.is_control() => format!("control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn value(&mut self) -> Result<Value<'a>, Fatal> {
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Value {
                    span: Span::new(start, self.pos),
                    kind: Kind::String(s),
                })
            }
            Some(b't') => self.literal("true", Kind::Bool(true)),
            Some(b'f') => self.literal("false", Kind::Bool(false)),
            Some(b'n') => self.literal("null", Kind::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.expected_value(start),
        }
    }

    fn literal(&mut self, word: &'static str, kind: Kind<'a>) -> Result<Value<'a>, Fatal> {
        let start = self.pos;
        if self.bytes.get(start..start + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(Value {
                span: Span::new(start, self.pos),
                kind,
            })
        } else {
            let end = self
                .bytes
                .iter()
                .skip(start)
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(self.bytes.len(), |n| start + n);
            let found = self.src.get(start..end.max(start + 1)).unwrap_or("");
            self.fatal(
                SYNTAX,
                start,
                end,
                format!("expected a JSON value, found `{found}` (did you mean `{word}`?)"),
            );
            Err(Fatal)
        }
    }

    fn digits(&mut self) -> usize {
        let from = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - from
    }

    fn number(&mut self) -> Result<Value<'a>, Fatal> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let n = self.digits();
        if n == 0 {
            return self.bad_number(start);
        }
        if n > 1 && self.bytes.get(int_start) == Some(&b'0') {
            self.fatal(
                SYNTAX,
                start,
                self.pos,
                "numbers must not have leading zeros".to_string(),
            );
            return Err(Fatal);
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return self.bad_number(start);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return self.bad_number(start);
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or("0");
        Ok(Value {
            span: Span::new(start, self.pos),
            kind: Kind::Number(text),
        })
    }

    #[cold]
    #[inline(never)]
    fn bad_number(&mut self, start: usize) -> Result<Value<'a>, Fatal> {
        let what = self.describe_at(self.pos);
        self.fatal(
            SYNTAX,
            start,
            self.pos + 1,
            format!("malformed number: expected a digit, found {what}"),
        );
        Err(Fatal)
    }

    /// Parses a string starting at the opening quote; borrows when there are no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Fatal> {
        let open = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: skip eight plain bytes at a time, then find the first byte that ends
        // the plain run; unescape from the first `\`.
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let skip = plain_prefix(rest);
        let tail = rest.get(skip..).unwrap_or_default();
        match tail
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        {
            Some(i) => self.pos += skip + i,
            None => {
                self.pos = self.bytes.len();
                return self.unterminated(open);
            }
        }
        match self.peek() {
            Some(b'"') => {
                let s = self.src.get(content_start..self.pos).unwrap_or("");
                self.pos += 1;
                return Ok(Cow::Borrowed(s));
            }
            Some(b'\\') => {}
            _ => return self.control_in_string(open),
        }
        let mut out = String::with_capacity(self.pos - content_start + 16);
        out.push_str(self.src.get(content_start..self.pos).unwrap_or(""));
        loop {
            let run_start = self.pos;
            self.pos += plain_prefix(self.bytes.get(self.pos..).unwrap_or_default());
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.src.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return self.control_in_string(open),
                None => return self.unterminated(open),
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn control_in_string<T>(&mut self, open: usize) -> Result<T, Fatal> {
        let at = self.pos;
        let what = self.describe_at(at);
        let hint = if self.peek() == Some(b'\n') {
            "; write line breaks as \\n"
        } else {
            "; escape it"
        };
        let _ = open;
        self.fatal(SYNTAX, at, at + 1, format!("{what} inside a string{hint}"));
        Err(Fatal)
    }

    #[cold]
    #[inline(never)]
    fn unterminated<T>(&mut self, open: usize) -> Result<T, Fatal> {
        self.fatal(
            SYNTAX,
            open,
            self.bytes.len(),
            "unterminated string: the closing `\"` is missing".to_string(),
        );
        Err(Fatal)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.src.get(self.pos..self.pos + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(digits, 16).ok()?;
        self.pos += 4;
        Some(v)
    }

    fn escape(&mut self, out: &mut String) -> Result<(), Fatal> {
        let esc_start = self.pos;
        self.pos += 1; // the backslash
        let c = self.peek();
        self.pos += 1;
        let ch = match c {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let Some(hi) = self.hex4() else {
                    self.fatal(
                        SYNTAX,
                        esc_start,
                        self.pos + 4,
                        "`\\u` must be followed by four hex digits".to_string(),
                    );
                    return Err(Fatal);
                };
                if (0xD800..0xDC00).contains(&hi) {
                    let save = self.pos;
                    if self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u") {
                        self.pos += 2;
                        if let Some(lo) = self.hex4()
                            && (0xDC00..0xE000).contains(&lo)
                        {
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                            return Ok(());
                        }
                    }
                    self.pos = save;
                    self.lone_surrogate(esc_start, hi);
                    '\u{fffd}'
                } else if (0xDC00..0xE000).contains(&hi) {
                    self.lone_surrogate(esc_start, hi);
                    '\u{fffd}'
                } else {
                    char::from_u32(hi).unwrap_or('\u{fffd}')
                }
            }
            _ => {
                let what = self.describe_at(esc_start + 1);
                self.fatal(
                    SYNTAX,
                    esc_start,
                    esc_start + 2,
                    format!("invalid escape: `\\` followed by {what}"),
                );
                return Err(Fatal);
            }
        };
        out.push(ch);
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn lone_surrogate(&mut self, at: usize, unit: u32) {
        let d = Diagnostic::error(
            LONE_SURROGATE,
            self.pointer(),
            Span::new(at, at + 6),
            format!(
                "`\\u{unit:04X}` is half of a UTF-16 surrogate pair without its other half; it cannot be sent as text"
            ),
        );
        self.diags.push(d);
    }

    fn enter(&mut self, start: usize) -> Result<(), Fatal> {
        self.depth += 1;
        if self.depth > self.max_depth {
            let max = self.max_depth;
            self.fatal(
                TOO_DEEP,
                start,
                start + 1,
                format!("nesting deeper than {max} levels"),
            );
            return Err(Fatal);
        }
        Ok(())
    }

    fn array(&mut self) -> Result<Value<'a>, Fatal> {
        let start = self.pos;
        self.enter(start)?;
        self.pos += 1;
        let base = self.item_stack.len();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value {
                span: Span::new(start, self.pos),
                kind: Kind::Array(Vec::new()),
            });
        }
        loop {
            self.path
                .push(PathEntry::Index(self.item_stack.len() - base));
            self.skip_ws();
            let v = self.value()?;
            self.item_stack.push(v);
            self.path.pop();
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return self.expected_after_item(),
            }
        }
        self.depth -= 1;
        let items: Vec<Value<'a>> = self.item_stack.drain(base..).collect();
        Ok(Value {
            span: Span::new(start, self.pos),
            kind: Kind::Array(items),
        })
    }

    fn object(&mut self) -> Result<Value<'a>, Fatal> {
        let start = self.pos;
        self.enter(start)?;
        self.pos += 1;
        let base = self.member_stack.len();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(Value {
                span: Span::new(start, self.pos),
                kind: Kind::Object(Vec::new()),
            });
        }
        loop {
            self.skip_ws();
            let key_start = self.pos;
            if self.peek() != Some(b'"') {
                return self.expected_key(key_start);
            }
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.peek() != Some(b':') {
                return self.expected_colon(key_span);
            }
            self.pos += 1;
            self.skip_ws();
            self.path.push(PathEntry::Key(key_span));
            // Strings are most values: parsed here, the `Value` is built in place instead of
            // travelling back through `value()`'s `Result` (a measurable copy per member).
            if self.peek() == Some(b'"') {
                let vstart = self.pos;
                let s = self.string()?;
                let span = Span::new(vstart, self.pos);
                self.member_stack.push(Member {
                    key,
                    key_span,
                    value: Value {
                        span,
                        kind: Kind::String(s),
                    },
                });
            } else {
                let value = self.value()?;
                self.member_stack.push(Member {
                    key,
                    key_span,
                    value,
                });
            }
            self.path.pop();
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return self.expected_after_member(),
            }
        }
        self.depth -= 1;
        let members: Vec<Member<'a>> = self.member_stack.drain(base..).collect();
        self.check_duplicates(&members);
        Ok(Value {
            span: Span::new(start, self.pos),
            kind: Kind::Object(members),
        })
    }

    // The syntax errors of `value`, `array` and `object`, out of line: keeping their message
    // formatting out of the hot loops keeps those loops' stack frames small.

    #[cold]
    #[inline(never)]
    fn expected_value(&mut self, start: usize) -> Result<Value<'a>, Fatal> {
        let what = self.describe_at(start);
        let hint = match self.peek() {
            Some(b'\'') => "; JSON strings use double quotes",
            Some(b'}' | b']') => "; is there a trailing comma?",
            _ => "",
        };
        self.fatal(
            SYNTAX,
            start,
            start + 1,
            format!("expected a JSON value, found {what}{hint}"),
        );
        Err(Fatal)
    }

    #[cold]
    #[inline(never)]
    fn expected_after_item(&mut self) -> Result<Value<'a>, Fatal> {
        let at = self.pos;
        let what = self.describe_at(at);
        self.fatal(
            SYNTAX,
            at,
            at + 1,
            format!("expected `,` or `]` in the array, found {what}"),
        );
        Err(Fatal)
    }

    #[cold]
    #[inline(never)]
    fn expected_key(&mut self, key_start: usize) -> Result<Value<'a>, Fatal> {
        let what = self.describe_at(key_start);
        let hint = match self.peek() {
            Some(b'}') => "; is there a trailing comma?",
            Some(b'\'') => "; JSON keys use double quotes",
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => "; keys must be quoted",
            _ => "",
        };
        self.fatal(
            SYNTAX,
            key_start,
            key_start + 1,
            format!("expected a quoted key, found {what}{hint}"),
        );
        Err(Fatal)
    }

    #[cold]
    #[inline(never)]
    fn expected_colon(&mut self, key_span: Span) -> Result<Value<'a>, Fatal> {
        let at = self.pos;
        let what = self.describe_at(at);
        self.path.push(PathEntry::Key(key_span));
        self.fatal(
            SYNTAX,
            at,
            at + 1,
            format!("expected `:` after the key, found {what}"),
        );
        Err(Fatal)
    }

    #[cold]
    #[inline(never)]
    fn expected_after_member(&mut self) -> Result<Value<'a>, Fatal> {
        let at = self.pos;
        let what = self.describe_at(at);
        let hint = if self.peek() == Some(b'"') {
            "; is a comma missing?"
        } else {
            ""
        };
        self.fatal(
            SYNTAX,
            at,
            at + 1,
            format!("expected `,` or `}}` in the object, found {what}{hint}"),
        );
        Err(Fatal)
    }

    fn check_duplicates(&mut self, members: &[Member<'a>]) {
        let mut dups: Vec<usize> = Vec::new();
        if members.len() <= SMALL_OBJECT {
            for (i, m) in members.iter().enumerate() {
                // Length and first byte first: most keys differ there, without a memcmp call.
                let (k, kb) = (m.key.as_ref(), m.key.as_bytes().first());
                if members
                    .iter()
                    .take(i)
                    .any(|o| o.key.as_bytes().first() == kb && super::key_eq(&o.key, k))
                {
                    dups.push(i);
                }
            }
        } else {
            let mut seen = std::mem::take(&mut self.seen);
            seen.clear();
            for (i, m) in members.iter().enumerate() {
                // Keys with escapes are owned and cannot go in the borrowed set; they are rare,
                // so they are compared against the keys seen so far only when present.
                match &m.key {
                    Cow::Borrowed(k) => {
                        if !seen.insert(k) {
                            dups.push(i);
                        }
                    }
                    Cow::Owned(k) => {
                        if seen.contains(k.as_str())
                            || members.iter().take(i).any(|o| o.key == m.key)
                        {
                            dups.push(i);
                        }
                    }
                }
            }
            self.seen = seen;
        }
        for i in dups {
            if let Some(m) = members.get(i) {
                self.path.push(PathEntry::Key(m.key_span));
                let d = Diagnostic::warning(
                    DUPLICATE_KEY,
                    self.pointer(),
                    m.key_span,
                    format!(
                        "the key \"{}\" appears more than once in this object; the platform keeps only the last value",
                        m.key
                    ),
                );
                self.path.pop();
                self.diags.push(d);
            }
        }
    }
}

/// The length of the longest prefix of `bytes`, in whole 8-byte words, without a `"`, a `\\`
/// or a control character (< 0x20): the bytes a string scan can skip. Word-at-a-time
/// ("SWAR") tests, because string contents are most of a message's bytes and a byte loop
/// with three comparisons per byte dominated parsing; `memchr` finds two of the three
/// bytes but not the control-character range.
fn plain_prefix(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        // A byte is zero / below 0x20 exactly when its high bit survives these masks (the
        // classic "has zero byte" / "has byte less than n" tests; exact as a yes/no).
        let special = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w);
        if special & HIGH != 0 {
            break;
        }
        n += 8;
    }
    n
}

/// Unescapes a key for a JSON Pointer on the error path; malformed escapes are kept as is.
fn unescape_lossy(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let quoted = format!("\"{raw}\"");
    let mut p = Parser {
        src: &quoted,
        bytes: quoted.as_bytes(),
        pos: 0,
        depth: 0,
        max_depth: 1,
        diags: Vec::new(),
        path: Vec::new(),
        seen: HashSet::new(),
        member_stack: Vec::new(),
        item_stack: Vec::new(),
    };
    match p.string() {
        Ok(s) => s.into_owned(),
        Err(Fatal) => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_prefix_stops_at_the_first_special_word() {
        let naive = |b: &[u8]| {
            let first = b
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(b.len());
            first / 8 * 8
        };
        let mut cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"abcdefg".to_vec(),
            b"abcdefgh".to_vec(),
            b"abcdefghijklmnop\"".to_vec(),
            "caf\u{e9} \u{1f600} na\u{ef}ve text \u{7f}\u{80}"
                .as_bytes()
                .to_vec(),
        ];
        for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for at in 0..20 {
                let mut v = vec![b'x'; 24];
                v[at] = special;
                cases.push(v);
            }
        }
        // Bytes just around the thresholds must not count as special.
        cases.push(vec![0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff, 0x20]);
        for c in &cases {
            assert_eq!(plain_prefix(c), naive(c), "{c:?}");
        }
    }

    fn ok(src: &str) -> Value<'_> {
        let p = parse(src, &ParseOptions::default());
        assert!(
            p.diagnostics.iter().all(|d| !d.is_error()),
            "{src}: {:?}",
            p.diagnostics
        );
        p.value.unwrap()
    }

    fn err(src: &str) -> Diagnostic {
        let p = parse(src, &ParseOptions::default());
        assert!(p.value.is_none(), "{src} parsed");
        p.diagnostics
            .into_iter()
            .find(Diagnostic::is_error)
            .unwrap()
    }

    #[test]
    fn values_and_spans() {
        let v = ok(r#" {"a": [1, -2.5e3, true, null], "b": "x\"y", "c": {}} "#);
        assert_eq!(v.span, Span::new(1, 53));
        let a = v.get("a").unwrap();
        assert_eq!(a.span, Span::new(7, 30));
        assert_eq!(a.as_array().unwrap()[1].as_number_text(), Some("-2.5e3"));
        let b = v.get("b").unwrap();
        assert_eq!(b.as_str(), Some("x\"y"));
        assert_eq!(b.span, Span::new(37, 43));
        let members = v.as_object().unwrap();
        assert_eq!(members[1].key_span, Span::new(32, 35));
    }

    #[test]
    fn strings_borrow_without_escapes() {
        let v = ok(r#""plain""#);
        assert!(matches!(v.kind, Kind::String(Cow::Borrowed("plain"))));
    }

    #[test]
    fn escapes_and_surrogate_pairs() {
        let v = ok(r#""\u00e9\n\ud83d\ude00\/""#);
        assert_eq!(v.as_str(), Some("é\n😀/"));
    }

    #[test]
    fn lone_surrogates_are_errors_but_parsing_goes_on() {
        let p = parse(
            r#"{"a": "x\ud800y", "b": "\udc00"}"#,
            &ParseOptions::default(),
        );
        assert_eq!(
            p.value.as_ref().unwrap().get("a").unwrap().as_str(),
            Some("x\u{fffd}y")
        );
        let codes: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.code, d.path.to_string()))
            .collect();
        assert_eq!(
            codes,
            vec![
                (LONE_SURROGATE, "/a".to_string()),
                (LONE_SURROGATE, "/b".to_string())
            ]
        );
    }

    #[test]
    fn duplicate_keys_are_warnings_with_paths() {
        let p = parse(
            r#"{"a": {"k": 1, "k": 2}, "a": 3}"#,
            &ParseOptions::default(),
        );
        let v = p.value.unwrap();
        assert_eq!(v.get("a").unwrap().as_number_text(), Some("3"));
        let found: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.severity, d.path.to_string(), d.span))
            .collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "/a/k");
        assert_eq!(found[1].1, "/a");
        assert_eq!(found[1].2, Span::new(24, 27));
    }

    #[test]
    fn duplicate_keys_in_large_objects() {
        let mut src = String::from("{");
        for i in 0..40 {
            src.push_str(&format!("\"k{i}\": {i},"));
        }
        src.push_str("\"k7\": 0, \"k\\u0037\": 1}");
        let p = parse(&src, &ParseOptions::default());
        assert_eq!(p.diagnostics.len(), 2, "{:?}", p.diagnostics);
        assert!(
            p.diagnostics
                .iter()
                .all(|d| d.code == DUPLICATE_KEY && d.path.to_string() == "/k7")
        );
    }

    #[test]
    fn syntax_errors_name_the_place() {
        let d = err(r#"{"a": [1, 2,]}"#);
        assert_eq!(d.code, SYNTAX);
        assert_eq!(d.path.to_string(), "/a/2");
        assert_eq!(d.span.start, 12);
        assert!(d.message.contains("trailing comma"), "{}", d.message);

        let d = err(r#"{"a": 1 "b": 2}"#);
        assert!(d.message.contains("comma missing"), "{}", d.message);
        let d = err("{'a': 1}");
        assert!(d.message.contains("double quotes"), "{}", d.message);
        let d = err(r#"{"a": tru}"#);
        assert!(d.message.contains("`true`"), "{}", d.message);
        let d = err(r#"{"a": "x"#);
        assert!(d.message.contains("unterminated"), "{}", d.message);
        let d = err("\"a\nb\"");
        assert!(d.message.contains("\\n"), "{}", d.message);
        assert_eq!(err("").code, SYNTAX);
        assert_eq!(err("   ").code, SYNTAX);
        assert!(err("1 2").message.contains("after the JSON value"));
        assert!(err("01").message.contains("leading zeros"));
        assert_eq!(err("-").code, SYNTAX);
        assert_eq!(err("1.").code, SYNTAX);
        assert_eq!(err("1e").code, SYNTAX);
        assert_eq!(err(r#""\x""#).code, SYNTAX);
        assert_eq!(err(r#""\u12""#).code, SYNTAX);
        assert_eq!(err(r#"{"a" 1}"#).path.to_string(), "/a");
        assert_eq!(err(r#"{"a\/b": [}"#).path.to_string(), "/a~1b/0");
    }

    #[test]
    fn limits() {
        let deep = "[".repeat(100) + &"]".repeat(100);
        let d = parse(&deep, &ParseOptions::default()).diagnostics;
        assert_eq!(d[0].code, TOO_DEEP);
        let opts = ParseOptions {
            max_depth: 1_000_000,
            ..ParseOptions::default()
        };
        let deeper = "[".repeat(DEPTH_CEILING + 1) + &"]".repeat(DEPTH_CEILING + 1);
        assert_eq!(parse(&deeper, &opts).diagnostics[0].code, TOO_DEEP);
        let ok_deep = "[".repeat(DEPTH_CEILING) + &"]".repeat(DEPTH_CEILING);
        assert!(parse(&ok_deep, &opts).value.is_some());
        let small = ParseOptions {
            max_bytes: 4,
            ..ParseOptions::default()
        };
        assert_eq!(parse("[1,2]", &small).diagnostics[0].code, TOO_LARGE);
    }

    #[test]
    fn byte_order_mark_is_skipped_with_a_warning() {
        let p = parse("\u{feff}{}", &ParseOptions::default());
        assert!(p.value.is_some());
        assert_eq!(p.diagnostics[0].code, BYTE_ORDER_MARK);
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        for src in [
            r#"{"a":[1,2,{"b":null}],"c":"\u0041\t","d":-0.5E-3}"#,
            "[]",
            "{}",
            "0",
            "\"\"",
            "[[[]]]",
        ] {
            let ours = ok(src).to_serde();
            let theirs: serde_json::Value = serde_json::from_str(src).unwrap();
            assert_eq!(ours, theirs, "{src}");
        }
    }
}
