//! The JSON parser: RFC 8259, one linear pass, explicit nesting limit.
//!
//! Hand-written because no maintained crate gives spans for every value and key together
//! with duplicate-key detection while borrowing strings from the input (serde_json's
//! `RawValue` gives neither key spans nor duplicates). It is a plain recursive descent with
//! the depth capped by [`ParseOptions::max_depth`], so the stack stays bounded.

use std::collections::HashSet;

use bumpalo::collections::Vec as BumpVec;

use super::{Arena, Kind, Member, Span, Value};
use crate::diagnostic::{Code, Diagnostic, Pointer, Segment};
use crate::swar::{HIGHS, bytes_below, splat, zero_bytes};

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
/// recursive parser (and the recursive walks of validators) cannot exhaust a 1 MiB wasm stack.
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

/// Parses `src` as one JSON text into `arena` (see [`Arena::for_source`] for a good size).
#[must_use]
pub fn parse<'a>(src: &'a str, arena: &'a Arena, opts: &ParseOptions) -> Parsed<'a> {
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
    let mut p = Parser::new(src, arena, opts.max_depth.min(DEPTH_CEILING));
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
            diagnostics: p.finish(),
        };
    }
    let value = match p.value() {
        Ok(v) => v,
        Err(Fatal) => {
            return Parsed {
                value: None,
                diagnostics: p.finish(),
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
            diagnostics: p.finish(),
        };
    }
    Parsed {
        value: Some(value),
        diagnostics: p.finish(),
    }
}

/// Marker for an error already recorded in `diags`.
struct Fatal;

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    arena: &'a bumpalo::Bump,
    pos: usize,
    depth: usize,
    max_depth: usize,
    diags: Vec<Diagnostic>,
    /// Diagnostics (indices into `diags`) whose JSON Pointer is still being completed: each
    /// array item and object member the parser returns through appends its segment to the
    /// ones raised inside it (innermost first) and [`Parser::finish`] reverses them. Keeping
    /// a path on the way down instead cost a push and a pop per value, a tenth of parsing.
    unrooted: Vec<usize>,
    /// Reused set for duplicate detection in large objects.
    seen: HashSet<&'a str>,
    /// Members and items of the objects and arrays being parsed, innermost last: each
    /// container copies its own off the top into an exactly sized arena slice when it
    /// closes, so the tree's slices never grow or move. The stacks live in the arena too:
    /// two `malloc`/`free` pairs less per document, a measurable share for small ones.
    member_stack: BumpVec<'a, Member<'a>>,
    item_stack: BumpVec<'a, Value<'a>>,
    /// Reused buffer for unescaping strings before they are copied into the arena.
    scratch: String,
}

/// Objects up to this size are checked for duplicates by comparing keys pairwise; that is
/// faster than hashing for the small objects messages are made of, and bounded (≤ 16²/2).
const SMALL_OBJECT: usize = 16;

impl<'a> Parser<'a> {
    fn new(src: &'a str, arena: &'a Arena, max_depth: usize) -> Self {
        Self {
            src,
            bytes: src.as_bytes(),
            arena: &arena.bump,
            pos: 0,
            depth: 0,
            max_depth,
            diags: Vec::new(),
            unrooted: Vec::new(),
            seen: HashSet::new(),
            // Room for a typical message's open containers, so the stacks rarely grow.
            member_stack: BumpVec::with_capacity_in(16, &arena.bump),
            item_stack: BumpVec::with_capacity_in(8, &arena.bump),
            scratch: String::new(),
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        // One comparison decides the common case (compact JSON: no whitespace at all).
        if self.peek().is_some_and(|b| b > b' ') {
            return;
        }
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Records a diagnostic raised at the current position; its pointer gets the segments of
    /// the enclosing items and members as the parser returns through them.
    #[cold]
    #[inline(never)]
    fn push_unrooted(&mut self, d: Diagnostic) {
        self.unrooted.push(self.diags.len());
        self.diags.push(d);
    }

    /// Appends `seg` to the pointers of the diagnostics raised since `mark` (a length of
    /// `unrooted`): all of them lie inside the item or member that `seg` names.
    #[cold]
    #[inline(never)]
    fn locate(&mut self, mark: usize, seg: &dyn Fn() -> Segment) {
        for &i in self.unrooted.get(mark..).unwrap_or_default() {
            if let Some(d) = self.diags.get_mut(i) {
                d.path.0.push(seg());
            }
        }
    }

    /// The diagnostics, with their pointers in root-to-leaf order.
    fn finish(mut self) -> Vec<Diagnostic> {
        for &i in &self.unrooted {
            if let Some(d) = self.diags.get_mut(i) {
                d.path.0.reverse();
            }
        }
        self.diags
    }

    #[cold]
    #[inline(never)]
    fn fatal(&mut self, code: Code, start: usize, end: usize, msg: String) {
        let end = end.min(self.bytes.len()).max(start.min(self.bytes.len()));
        let start = start.min(end);
        let d = Diagnostic::error(code, Pointer::root(), Span::new(start, end), msg);
        self.push_unrooted(d);
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

    /// Parses a string starting at the opening quote; borrows from the source when there are
    /// no escapes, else unescapes into the arena.
    #[inline(always)]
    fn string(&mut self) -> Result<&'a str, Fatal> {
        let open = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: find the first byte that ends the plain run, eight bytes at a time;
        // unescape from the first `\`.
        match find_special(self.bytes.get(self.pos..).unwrap_or_default()) {
            Some(i) => self.pos += i,
            None => {
                self.pos = self.bytes.len();
                return self.unterminated(open);
            }
        }
        match self.peek() {
            Some(b'"') => {
                let s = self.src.get(content_start..self.pos).unwrap_or("");
                self.pos += 1;
                return Ok(s);
            }
            Some(b'\\') => {}
            _ => return self.control_in_string(open),
        }
        self.escaped_string(open, content_start)
    }

    /// The rest of a string with escapes, from the first `\`, unescaped into the scratch
    /// buffer and then copied into the arena.
    #[inline(never)]
    fn escaped_string(&mut self, open: usize, content_start: usize) -> Result<&'a str, Fatal> {
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        out.push_str(self.src.get(content_start..self.pos).unwrap_or(""));
        let result = self.unescape_into(open, &mut out);
        let s = result.map(|()| &*self.arena.alloc_str(&out));
        self.scratch = out;
        s
    }

    fn unescape_into(&mut self, open: usize, out: &mut String) -> Result<(), Fatal> {
        loop {
            let run_start = self.pos;
            self.pos = find_special(self.bytes.get(self.pos..).unwrap_or_default())
                .map_or(self.bytes.len(), |i| self.pos + i);
            out.push_str(self.src.get(run_start..self.pos).unwrap_or(""));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => self.escape(out)?,
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
        let v = hex4(self.bytes, self.pos)?;
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
            Pointer::root(),
            Span::new(at, at + 6),
            format!(
                "`\\u{unit:04X}` is half of a UTF-16 surrogate pair without its other half; it cannot be sent as text"
            ),
        );
        self.push_unrooted(d);
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
                kind: Kind::Array(&[]),
            });
        }
        loop {
            let index = self.item_stack.len() - base;
            let mark = self.unrooted.len();
            self.skip_ws();
            let v = self.value();
            if self.unrooted.len() > mark {
                self.locate(mark, &|| Segment::Index(index));
            }
            self.item_stack.push(v?);
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
        let items = copy_small(self.arena, self.item_stack.get(base..).unwrap_or_default());
        self.item_stack.truncate(base);
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
                kind: Kind::Object(&[]),
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
                return self.expected_colon(key);
            }
            self.pos += 1;
            self.skip_ws();
            let mark = self.unrooted.len();
            // Strings are most values: parsed here, without a call through `value()`.
            let value = if self.peek() == Some(b'"') {
                let vstart = self.pos;
                match self.string() {
                    Ok(s) => Ok(Value {
                        span: Span::new(vstart, self.pos),
                        kind: Kind::String(s),
                    }),
                    Err(e) => Err(e),
                }
            } else {
                self.value()
            };
            if self.unrooted.len() > mark {
                self.locate(mark, &|| Segment::Key(key.to_owned()));
            }
            self.member_stack.push(Member {
                key,
                key_span,
                value: value?,
            });
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
        let members = copy_small(
            self.arena,
            self.member_stack.get(base..).unwrap_or_default(),
        );
        self.member_stack.truncate(base);
        self.check_duplicates(members);
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
    fn expected_colon(&mut self, key: &str) -> Result<Value<'a>, Fatal> {
        let at = self.pos;
        let what = self.describe_at(at);
        self.fatal(
            SYNTAX,
            at,
            at + 1,
            format!("expected `:` after the key, found {what}"),
        );
        // The error is about this member: its key ends the pointer.
        if let Some(d) = self.diags.last_mut() {
            d.path.0.push(Segment::Key(key.to_owned()));
        }
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

    fn check_duplicates(&mut self, members: &'a [Member<'a>]) {
        if members.len() <= SMALL_OBJECT {
            // Length and first byte first (`key_eq`): most keys differ there, without a
            // memcmp call.
            let mut rest = members;
            while let Some((m, tail)) = rest.split_last() {
                if tail.iter().any(|o| super::key_eq(o.key, m.key)) {
                    return self.report_duplicates_small(members);
                }
                rest = tail;
            }
            return;
        }
        let mut seen = std::mem::take(&mut self.seen);
        seen.clear();
        let mut dups: Vec<usize> = Vec::new();
        for (i, m) in members.iter().enumerate() {
            if !seen.insert(m.key) {
                dups.push(i);
            }
        }
        self.seen = seen;
        self.report_duplicates(members, &dups);
    }

    /// The duplicates of a small object, found pairwise, in source order.
    #[cold]
    #[inline(never)]
    fn report_duplicates_small(&mut self, members: &'a [Member<'a>]) {
        let dups: Vec<usize> = members
            .iter()
            .enumerate()
            .filter(|&(i, m)| members.iter().take(i).any(|o| super::key_eq(o.key, m.key)))
            .map(|(i, _)| i)
            .collect();
        self.report_duplicates(members, &dups);
    }

    fn report_duplicates(&mut self, members: &'a [Member<'a>], dups: &[usize]) {
        for &i in dups {
            if let Some(m) = members.get(i) {
                let d = Diagnostic::warning(
                    DUPLICATE_KEY,
                    Pointer(vec![Segment::Key(m.key.to_owned())]),
                    m.key_span,
                    format!(
                        "the key \"{}\" appears more than once in this object; the platform keeps only the last value",
                        m.key
                    ),
                );
                self.push_unrooted(d);
            }
        }
    }
}

/// Copies `items` into the arena. Containers of one to four elements (most of them) are
/// copied as fixed-size arrays, which compile to plain moves; a `memcpy` call per container
/// cost more than the copy itself.
#[inline]
fn copy_small<'a, T: Copy>(arena: &'a bumpalo::Bump, items: &[T]) -> &'a [T] {
    match *items {
        [a] => arena.alloc([a]),
        [a, b] => arena.alloc([a, b]),
        [a, b, c] => arena.alloc([a, b, c]),
        [a, b, c, d] => arena.alloc([a, b, c, d]),
        _ => arena.alloc_slice_copy(items),
    }
}

/// The index of the first `"`, `\\` or control character (< 0x20) in `bytes`: where a
/// string's plain run ends. Word-at-a-time ("SWAR") tests, because string contents are most
/// of a message's bytes and a byte loop with three comparisons per byte dominated parsing
/// (`memchr` finds two of the three bytes but not the control-character range); the lowest
/// flagged byte of a word is exact, so short strings (most keys) take one word test.
#[inline(always)]
fn find_special(bytes: &[u8]) -> Option<usize> {
    // `as_chunks` hands out `[u8; 8]`s: a plain load, where copying each chunk into a word
    // stayed a `memcpy` call in the WebAssembly build (5% of validation there).
    let (words, tail) = bytes.as_chunks::<8>();
    let mut base = 0;
    for word in words {
        let mask = special_bytes(u64::from_le_bytes(*word));
        if mask != 0 {
            return Some(base + (mask.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    // The last few bytes of the document: rare (only a string at the very end gets here).
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|i| base + i)
}

/// The high bit of each byte of `w` that may be a `"`, a `\\` or below 0x20 (the classic
/// "has zero byte" / "has byte less than n" tests). Exact for the lowest flagged byte, and
/// zero exactly when no byte is special; bytes above the first special one may be flagged
/// spuriously (borrows), which callers ignore.
#[inline(always)]
fn special_bytes(w: u64) -> u64 {
    (zero_bytes(w ^ splat(b'"')) | zero_bytes(w ^ splat(b'\\')) | bytes_below(w, 0x20)) & HIGHS
}

/// The four hex digits at `i` of a `\u` escape, if they are there.
pub(super) fn hex4(bytes: &[u8], i: usize) -> Option<u32> {
    let digits = bytes.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |acc, &d| {
        let v = char::from(d).to_digit(16)?;
        Some(acc << 4 | v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An arena that lives as long as the test process, for trees returned by helpers.
    fn arena() -> &'static Arena {
        Box::leak(Box::default())
    }

    #[test]
    fn find_special_finds_the_first_special_byte() {
        let naive = |b: &[u8]| b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
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
                cases.push(v.clone());
                // A second special byte after the first must not be reported instead
                // (borrows can flag bytes above the first hit).
                for later in at + 1..24 {
                    let mut w = v.clone();
                    w[later] = [b'"', 0x00, 0x01, 0x21][later % 4];
                    cases.push(w);
                }
            }
        }
        // Bytes whose neighbours borrow: 0x00 next to 0x01 / 0x20 / 0x21.
        cases.push(vec![b'a', 0x01, 0x00, 0x20, b'"', 0x21, b'a', b'a', b'a']);
        // Bytes just around the thresholds must not count as special.
        cases.push(vec![0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff, 0x20]);
        for c in &cases {
            assert_eq!(find_special(c), naive(c), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn find_special_agrees_with_a_byte_loop(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'"', b'\\', 0, 1, 0x1f, 0x20, 0x21, 0x5c, 0x80, 0xff]),
                0..40,
            ),
            noise in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ) {
            for b in [&bytes, &noise] {
                let naive = b.iter().position(|&c| c == b'"' || c == b'\\' || c < 0x20);
                proptest::prop_assert_eq!(find_special(b), naive);
            }
        }
    }

    fn ok(src: &str) -> Value<'_> {
        let p = parse(src, arena(), &ParseOptions::default());
        assert!(
            p.diagnostics.iter().all(|d| !d.is_error()),
            "{src}: {:?}",
            p.diagnostics
        );
        p.value.unwrap()
    }

    fn err(src: &str) -> Diagnostic {
        let p = parse(src, arena(), &ParseOptions::default());
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
        assert!(matches!(v.kind, Kind::String("plain")));
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
            arena(),
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
            arena(),
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
        let p = parse(&src, arena(), &ParseOptions::default());
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
        let d = parse(&deep, arena(), &ParseOptions::default()).diagnostics;
        assert_eq!(d[0].code, TOO_DEEP);
        let opts = ParseOptions {
            max_depth: 1_000_000,
            ..ParseOptions::default()
        };
        let deeper = "[".repeat(DEPTH_CEILING + 1) + &"]".repeat(DEPTH_CEILING + 1);
        assert_eq!(parse(&deeper, arena(), &opts).diagnostics[0].code, TOO_DEEP);
        let ok_deep = "[".repeat(DEPTH_CEILING) + &"]".repeat(DEPTH_CEILING);
        assert!(parse(&ok_deep, arena(), &opts).value.is_some());
        let small = ParseOptions {
            max_bytes: 4,
            ..ParseOptions::default()
        };
        assert_eq!(
            parse("[1,2]", arena(), &small).diagnostics[0].code,
            TOO_LARGE
        );
    }

    #[test]
    fn byte_order_mark_is_skipped_with_a_warning() {
        let p = parse("\u{feff}{}", arena(), &ParseOptions::default());
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
