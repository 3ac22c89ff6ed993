//! Offsets inside a decoded string mapped back to the source text.
//!
//! A diagnostic about part of a string (a malformed `{{1 }}` in a template body) should point
//! at that part. Strings without escapes map one to one; a string with escapes (`"Hi\n{{1 }}"`,
//! which is most template bodies) needs its literal walked, since each escape is longer in the
//! source than in the text. The walk is resumable so that diagnostics found left to right in
//! one string cost one pass over it in total, not one pass each.

use super::parse::hex4;
use super::{Kind, Value};

/// A position in one string literal: where the walk stopped, in the source and in the
/// decoded text. `Default` starts nowhere; the first [`StrOffsets::map`] starts the walk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrOffsets {
    /// Source offset of the literal's opening quote, naming the string walked.
    literal: u32,
    /// Source offset reached.
    src: usize,
    /// Decoded offset reached.
    decoded: usize,
}

impl StrOffsets {
    /// The source offset of byte `at` of the decoded string `v` (parsed from `src`). An
    /// offset inside what an escape stands for maps to the escape's first byte; one past
    /// the end maps to the closing quote. `None` when `v` is not a string.
    pub fn map(&mut self, src: &str, v: &Value<'_>, at: usize) -> Option<usize> {
        let Kind::String(text) = v.kind else {
            return None;
        };
        let start = v.span.start as usize + 1;
        let end = (v.span.end as usize).saturating_sub(1).min(src.len());
        if self.literal != v.span.start || self.src < start || at < self.decoded {
            *self = Self {
                literal: v.span.start,
                src: start,
                decoded: 0,
            };
        }
        let bytes = src.as_bytes();
        let at = at.min(text.len());
        while self.decoded < at && self.src < end {
            let (src_len, decoded_len) = step(bytes, self.src);
            if self.decoded + decoded_len > at {
                break;
            }
            self.src += src_len;
            self.decoded += decoded_len;
        }
        Some(self.src.min(end))
    }
}

/// Source and decoded length of the character or escape at `i`, as the parser decodes it
/// (`json::parse`: lone surrogates become U+FFFD).
fn step(bytes: &[u8], i: usize) -> (usize, usize) {
    let Some(&b) = bytes.get(i) else {
        return (1, 1);
    };
    if b != b'\\' {
        let n = match b {
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        return (n, n);
    }
    if bytes.get(i + 1) != Some(&b'u') {
        return (2, 1);
    }
    let Some(hi) = hex4(bytes, i + 2) else {
        return (2, 1);
    };
    if (0xD800..0xDC00).contains(&hi)
        && bytes.get(i + 6..i + 8) == Some(b"\\u")
        && hex4(bytes, i + 8).is_some_and(|lo| (0xDC00..0xE000).contains(&lo))
    {
        return (12, 4);
    }
    let decoded = char::from_u32(hi).map_or(3, char::len_utf8);
    (6, decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{Arena, ParseOptions, parse};

    /// Maps every decoded offset of the string value of `src` and checks that the source text
    /// from the mapped start decodes to the same suffix (for offsets on character starts).
    fn roundtrip(src: &str) {
        let arena = Arena::for_source(src.len());
        let parsed = parse(src, &arena, &ParseOptions::default());
        let v = parsed.value.unwrap();
        let Kind::String(text) = v.kind else {
            panic!("not a string: {src}")
        };
        let mut cur = StrOffsets::default();
        let mut last = 0;
        for at in 0..=text.len() {
            let s = cur.map(src, &v, at).unwrap();
            assert!(s >= last, "{src}: offsets go back at {at}");
            last = s;
            if text.is_char_boundary(at) {
                // The rest of the literal from `s` decodes to the rest of the text.
                let rest = format!("\"{}", &src[s..]);
                let arena2 = Arena::for_source(rest.len());
                let p2 = parse(&rest, &arena2, &ParseOptions::default());
                let Some(Value {
                    kind: Kind::String(t2),
                    ..
                }) = p2.value
                else {
                    panic!("{rest:?} is not a string")
                };
                assert_eq!(t2, &text[at..], "{src} at {at}");
            }
        }
        // A fresh cursor gives the same answers out of order.
        let mut fresh = StrOffsets::default();
        for at in (0..=text.len()).rev() {
            let mut c = StrOffsets::default();
            assert_eq!(fresh.map(src, &v, at), c.map(src, &v, at));
        }
    }

    #[test]
    fn escapes_map_back_to_their_source() {
        for src in [
            r#""plain {{1}} text""#,
            r#""Hi\n{{1 }}\tthere""#,
            r#""\u00e9t\u00E9 {{x}} \ud83d\ude00 end""#,
            r#""é \" \\ \/ \b\f\r {{2}}""#,
            r#""lone \ud800 half {{1}}""#,
            r#""€\u20ac😀""#,
            r#""""#,
        ] {
            roundtrip(src);
        }
    }

    #[test]
    fn a_mid_escape_offset_maps_to_the_escape() {
        let src = r#""a\u00e9b""#; // decoded "aéb": é is bytes 1..3
        let arena = Arena::for_source(src.len());
        let v = parse(src, &arena, &ParseOptions::default()).value.unwrap();
        let mut c = StrOffsets::default();
        assert_eq!(c.map(src, &v, 1), Some(2));
        assert_eq!(c.map(src, &v, 2), Some(2));
        assert_eq!(c.map(src, &v, 3), Some(8));
        assert_eq!(c.map(src, &v, 4), Some(9)); // one past the end: the closing quote
    }
}
