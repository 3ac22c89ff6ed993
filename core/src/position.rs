//! Byte offsets to line/column, and to UTF-16 offsets for JavaScript.
//!
//! Both conversions sort the offsets first and sweep the text once, so a report with many
//! diagnostics on a one-line megabyte document stays linear.

use crate::diagnostic::Diagnostic;

/// How columns and offsets are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Units {
    /// Unicode scalar values (columns) and bytes (spans): the Rust and CLI default.
    #[default]
    Scalars,
    /// UTF-16 code units for both: what JavaScript strings index by.
    Utf16,
}

/// Fills in `line` and `column` of every diagnostic from its span start. With
/// [`Units::Utf16`] the spans are also rewritten from bytes to UTF-16 offsets.
pub fn resolve(src: &str, diags: &mut [Diagnostic], units: Units) {
    if diags.is_empty() {
        return;
    }
    // (offset, index into diags, is_end)
    let mut wanted: Vec<(usize, usize, bool)> = Vec::with_capacity(diags.len() * 2);
    for (i, d) in diags.iter().enumerate() {
        wanted.push((d.span.start as usize, i, false));
        if units == Units::Utf16 {
            wanted.push((d.span.end as usize, i, true));
        }
    }
    wanted.sort_unstable();
    let mut line: u32 = 1;
    let mut col: u32 = 1; // in the chosen units, 1-based
    let mut utf16: u32 = 0;
    // A byte sweep in bulk: a character is counted at its first byte (not 10xxxxxx), a
    // four-byte character is two UTF-16 units; counting with `filter().count()` vectorizes.
    // Offsets inside a character count that character, as a character-wise sweep would.
    let bytes = src.as_bytes();
    let lead = |s: &[u8]| count(s.len() - count_bytes(s, |w| w & !(w << 1), |b| b & 0xC0 == 0x80));
    let wide = |s: &[u8]| {
        count(count_bytes(
            s,
            |w| w & (w << 1) & (w << 2) & (w << 3),
            |b| b >= 0xF0,
        ))
    };
    let width = |s: &[u8]| {
        if units == Units::Utf16 {
            lead(s) + wide(s)
        } else {
            lead(s)
        }
    };
    let mut pos = 0usize;
    for (offset, i, is_end) in wanted {
        let offset = offset.min(src.len());
        if offset > pos {
            let seg = bytes.get(pos..offset).unwrap_or_default();
            // memchr's vectorized search: a byte-wise backward scan for a line break that
            // compact (one-line) documents do not have was most of this sweep.
            // In UTF-16 the column width of a segment is its UTF-16 length: a segment without
            // a newline is counted once for both.
            let seg_width = match memchr::memrchr(b'\n', seg) {
                Some(nl) => {
                    line += count(memchr::memchr_iter(b'\n', seg).count());
                    col = 1 + width(seg.get(nl + 1..).unwrap_or_default());
                    None
                }
                None => {
                    let w = width(seg);
                    col += w;
                    Some(w)
                }
            };
            if units == Units::Utf16 {
                utf16 += seg_width.unwrap_or_else(|| lead(seg) + wide(seg));
            }
            pos = offset;
        }
        if let Some(d) = diags.get_mut(i) {
            if is_end {
                d.span.end = utf16;
            } else {
                d.line = line;
                d.column = col;
                if units == Units::Utf16 {
                    d.span.start = utf16;
                }
            }
        }
    }
}

/// How many bytes of `s` pass `byte`, counted eight at a time: `word` must leave bit 7 of
/// each byte of a little-endian word set exactly when that byte passes (bits 0–6 are
/// ignored). A byte-wise count did not vectorize and was most of resolving positions.
#[inline(always)]
fn count_bytes(s: &[u8], word: impl Fn(u64) -> u64, byte: impl Fn(u8) -> bool) -> usize {
    let (words, tail) = s.as_chunks::<8>();
    let mut n = 0;
    for w in words {
        n += (word(u64::from_le_bytes(*w)) & crate::swar::HIGHS).count_ones() as usize;
    }
    n + tail.iter().filter(|&&b| byte(b)).count()
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Converts sorted-or-not byte offsets into UTF-16 offsets, in place, in one sweep.
/// Offsets inside a multi-byte character map to that character's start.
pub fn bytes_to_utf16(src: &str, offsets: &mut [usize]) {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets.get(i).copied().unwrap_or(0));
    let mut utf16 = 0usize;
    let mut chars = src.char_indices().peekable();
    for i in order {
        let Some(slot) = offsets.get_mut(i) else {
            continue;
        };
        let target = (*slot).min(src.len());
        while let Some(&(at, c)) = chars.peek() {
            if at >= target || at + c.len_utf8() > target {
                break;
            }
            chars.next();
            utf16 += c.len_utf16();
        }
        *slot = utf16;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Pointer};
    use crate::json::Span;

    proptest::proptest! {
        #[test]
        fn word_counts_are_byte_counts(s in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40)) {
            let cont = count_bytes(&s, |w| w & !(w << 1), |b| b & 0xC0 == 0x80);
            proptest::prop_assert_eq!(cont, s.iter().filter(|&&b| b & 0xC0 == 0x80).count());
            let wide = count_bytes(&s, |w| w & (w << 1) & (w << 2) & (w << 3), |b| b >= 0xF0);
            proptest::prop_assert_eq!(wide, s.iter().filter(|&&b| b >= 0xF0).count());
        }
    }

    fn diag(start: usize, end: usize) -> Diagnostic {
        Diagnostic::error(
            Code::new("t.t"),
            Pointer::root(),
            Span::new(start, end),
            "m",
        )
    }

    #[test]
    fn lines_and_columns_in_scalars_and_utf16() {
        let src = "ab\n😀é{x}\n";
        // `{` is at byte 3 + 4 + 2 = 9
        let mut ds = vec![diag(9, 12), diag(0, 1), diag(3, 7)];
        resolve(src, &mut ds, Units::Scalars);
        assert_eq!((ds[0].line, ds[0].column), (2, 3));
        assert_eq!((ds[1].line, ds[1].column), (1, 1));
        assert_eq!((ds[2].line, ds[2].column), (2, 1));
        assert_eq!(ds[0].span, Span::new(9, 12));

        let mut ds = vec![diag(9, 12), diag(3, 7)];
        resolve(src, &mut ds, Units::Utf16);
        assert_eq!((ds[0].line, ds[0].column), (2, 4));
        assert_eq!(ds[0].span, Span::new(6, 9));
        assert_eq!(ds[1].span, Span::new(3, 5));
    }

    #[test]
    fn bulk_sweep_matches_a_character_walk() {
        // Every offset, including those inside multi-byte characters, against a plain
        // character-by-character count.
        let src = "a\né😀\r\n\u{10FFFF}x\n\n€ 𝄞end";
        for units in [Units::Scalars, Units::Utf16] {
            let mut ds: Vec<Diagnostic> = (0..=src.len()).map(|o| diag(o, o)).collect();
            resolve(src, &mut ds, units);
            for (o, d) in ds.iter().enumerate() {
                let (mut line, mut col, mut utf16) = (1u32, 1u32, 0u32);
                for (at, c) in src.char_indices() {
                    if at >= o {
                        break;
                    }
                    let w = c.len_utf16() as u32;
                    utf16 += w;
                    if c == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += if units == Units::Utf16 { w } else { 1 };
                    }
                }
                assert_eq!((d.line, d.column), (line, col), "offset {o} {units:?}");
                if units == Units::Utf16 {
                    assert_eq!(d.span.start, utf16, "offset {o}");
                }
            }
        }
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let mut ds = vec![diag(100, 200)];
        resolve("a\nb", &mut ds, Units::Utf16);
        assert_eq!((ds[0].line, ds[0].column), (2, 2));
        assert_eq!(ds[0].span, Span::new(3, 3));
    }

    #[test]
    fn byte_offsets_to_utf16() {
        let src = "a😀b";
        let mut offs = vec![6, 0, 1, 5, 3];
        bytes_to_utf16(src, &mut offs);
        assert_eq!(offs, vec![4, 0, 1, 3, 1]);
    }
}
