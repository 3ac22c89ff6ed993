//! Character classes of WhatsApp's formatting rules, written to match the JavaScript regexes
//! of WhatsApp Web (the reference client): `\s` is JavaScript's whitespace set, and "a word
//! character" (what blocks an opening or closing marker) is a Unicode letter or number.

/// JavaScript's `\s`: what `(?=\S)` after an opening marker and `\S` before a closing one
/// refer to. Differs from [`char::is_whitespace`] in two code points: U+FEFF is JavaScript
/// whitespace, U+0085 is not.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    match c {
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' => true,
        c if c.is_ascii() => false,
        '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}'
        | '\u{feff}' => true,
        _ => false,
    }
}

/// A letter or digit: an opening marker may not follow one, a closing marker may not be
/// followed by one (so `a*b*c` and `snake_case_name` stay plain).
///
/// Decision (reference §3, medium confidence): Unicode letters and numbers, as WAHA's
/// `\p{L}\p{N}`, rather than mautrix's ASCII class: `é*x*é` is intraword too. We use
/// [`char::is_alphanumeric`], which also counts combining vowel signs of Indic scripts as
/// part of the word, so a marker after one is intraword as a reader would expect.
#[inline]
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// What a byte does to the sweep of [`super::scan`]: the markers, the newline, and the two
/// bytes at which a link prefix ends (`:` of `http://`, `.` of `www.`). Everything else is
/// skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Plain,
    Star,
    Underscore,
    Tilde,
    Backtick,
    Newline,
    Colon,
    Dot,
}

/// [`Class`] of every byte value.
// Evaluated at compile time: an index out of bounds would fail the build, not panic.
#[allow(clippy::indexing_slicing)]
static CLASSES: [Class; 256] = {
    let mut t = [Class::Plain; 256];
    t[b'*' as usize] = Class::Star;
    t[b'_' as usize] = Class::Underscore;
    t[b'~' as usize] = Class::Tilde;
    t[b'`' as usize] = Class::Backtick;
    t[b'\n' as usize] = Class::Newline;
    t[b':' as usize] = Class::Colon;
    t[b'.' as usize] = Class::Dot;
    t
};

/// The class of byte `b`.
#[inline]
pub(crate) fn class(b: u8) -> Class {
    CLASSES.get(usize::from(b)).copied().unwrap_or(Class::Plain)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Zero bytes of `x` as their high bit, before the `& HIGHS`: the lowest one is exact, bits
/// above it may be borrows (only the lowest is used).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x
}

/// Bytes of the word `w` that may be of a class other than [`Class::Plain`] (high bit set;
/// the lowest is exact, higher ones may be false but none is missed). Three masked
/// comparisons cover the seven bytes: `(b & 0xcb) == 0x0a` is `\n * . :` (and the rare `>`,
/// three control codes), `(b & 0xde) == 0x5e` is `_ ~` (and `^`, DEL), and `` ` `` alone. No
/// byte of a multi-byte character matches.
#[inline]
fn maybe_significant(w: u64) -> u64 {
    let a = (w & (ONES * 0xcb)) ^ (ONES * 0x0a);
    let b = (w & (ONES * 0xde)) ^ (ONES * 0x5e);
    let c = w ^ (ONES * 0x60);
    (zero_bytes(a) | zero_bytes(b) | zero_bytes(c)) & HIGHS
}

/// Bit `i` set if byte `i` of `block` may be of a class other than [`Class::Plain`]: two
/// words of [`maybe_significant`], high bits gathered into one byte each.
#[inline]
fn block_mask(block: [u8; 16]) -> u32 {
    let x = u128::from_le_bytes(block);
    let gather = |h: u64| (h.wrapping_mul(0x0002_0408_1020_4081) >> 56) as u32;
    gather(maybe_significant(x as u64)) | gather(maybe_significant((x >> 64) as u64)) << 8
}

/// The sweep's cursor over the significant bytes of a text: sixteen bytes are tested at a
/// time, and every candidate byte of a block is checked against [`class`] before the next
/// block is read, so plain text costs about one operation per byte.
pub(crate) struct Sweep<'a> {
    bytes: &'a [u8],
    /// The offset of the block in `hits`.
    base: usize,
    /// Candidate bytes of that block not yet looked at (bit per byte).
    hits: u32,
    /// Whether `:` and `.` matter (links are recognised).
    links: bool,
}

/// Bytes per block of [`Sweep`].
const BLOCK: usize = 16;

impl<'a> Sweep<'a> {
    /// A sweep over `bytes`; `links`: whether link prefixes are looked for.
    pub(crate) fn new(bytes: &'a [u8], links: bool) -> Self {
        let mut sweep = Self {
            bytes,
            base: 0,
            hits: 0,
            links,
        };
        sweep.hits = sweep.mask(0);
        sweep
    }

    /// The candidate bytes of the block at `at`; past the end, the block is padded with a
    /// byte of no class.
    #[inline]
    fn mask(&self, at: usize) -> u32 {
        match self.bytes.get(at..at + BLOCK) {
            Some(b) => block_mask(<[u8; BLOCK]>::try_from(b).unwrap_or([b'a'; BLOCK])),
            None => {
                let mut b = [b'a'; BLOCK];
                let rest = self.bytes.get(at..).unwrap_or_default();
                for (d, s) in b.iter_mut().zip(rest) {
                    *d = *s;
                }
                block_mask(b)
            }
        }
    }

    /// The first byte at or after `from` that may change the formatting, with its class;
    /// `from` is past the byte returned before. A `:` is returned only before `/` and a `.` only after `w` or `W` (else neither can end
    /// a link prefix), and neither without links.
    #[inline]
    pub(crate) fn next(&mut self, from: usize) -> Option<(usize, Class)> {
        if from >= self.base + BLOCK || from < self.base {
            self.base = from;
            self.hits = self.mask(from);
        } else {
            // Forget the bytes before `from`.
            self.hits &= u32::MAX << (from - self.base);
        }
        loop {
            while self.hits == 0 {
                self.base += BLOCK;
                if self.base >= self.bytes.len() {
                    return None;
                }
                self.hits = self.mask(self.base);
            }
            let at = self.base + self.hits.trailing_zeros() as usize;
            self.hits &= self.hits - 1;
            let b = self.bytes.get(at)?;
            let c = class(*b);
            let keep = match c {
                Class::Plain => false,
                Class::Colon => self.links && self.bytes.get(at + 1) == Some(&b'/'),
                Class::Dot => {
                    self.links
                        && at
                            .checked_sub(1)
                            .and_then(|p| self.bytes.get(p))
                            .is_some_and(|&p| p | 0x20 == b'w')
                }
                _ => true,
            };
            if keep {
                return Some((at, c));
            }
        }
    }
}

/// The first byte of `bytes` that is one of `set`: eight bytes at a time (a word-wide test
/// for each of the five), so plain text costs a few operations per byte.
#[inline]
pub(crate) fn find_any(bytes: &[u8], set: [u8; 5]) -> Option<usize> {
    let spread = set.map(|b| ONES * u64::from(b));
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let hits = spread.iter().fold(0, |m, &s| m | zero_bytes(w ^ s)) & HIGHS;
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|b| set.iter().any(|s| s == b))
        .map(|p| base + p)
}

/// The character ending just before byte `at` of `s`, or `None` at the start.
#[inline]
pub(crate) fn before(s: &str, at: usize) -> Option<char> {
    // Most neighbours are ASCII: read the byte, decode only otherwise.
    match at.checked_sub(1).and_then(|i| s.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(..at)?.chars().next_back(),
    }
}

/// The character starting at byte `at` of `s`, or `None` at the end.
#[inline]
pub(crate) fn after(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(at..)?.chars().next(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_whitespace_not_rusts() {
        assert!(is_space('\u{feff}'));
        assert!(!is_space('\u{85}'));
        assert!(is_space('\u{a0}') && is_space('\u{3000}') && is_space('\t'));
        assert!(
            !is_space('\u{200b}'),
            "a zero-width space is not whitespace in JavaScript"
        );
    }

    #[test]
    fn words_are_unicode_letters_and_digits() {
        assert!(is_word('é') && is_word('7') && is_word('ж') && is_word('٣'));
        assert!(!is_word('_') && !is_word('*') && !is_word(' ') && !is_word('😀'));
    }

    #[test]
    fn finds_the_first_byte_of_a_set() {
        let set = *b"&<>\"'";
        assert_eq!(find_any(b"", set), None);
        assert_eq!(find_any(b"abcdefghijklmnop", set), None);
        assert_eq!(find_any(b"abcdefghij<lmnop", set), Some(10));
        assert_eq!(find_any(b"abcdefgh'", set), Some(8));
        assert_eq!(find_any("ééééé&".as_bytes(), set), Some(10));
    }

    fn all(s: &str, links: bool) -> Vec<(usize, Class)> {
        let mut sweep = Sweep::new(s.as_bytes(), links);
        let mut out = Vec::new();
        let mut from = 0;
        while let Some((at, c)) = sweep.next(from) {
            out.push((at, c));
            from = at + 1;
        }
        out
    }

    #[test]
    fn sweeps_the_significant_bytes() {
        assert_eq!(all("", true), vec![]);
        assert_eq!(all("abcdefghijklmnop", true), vec![]);
        assert_eq!(all("abcdefghij*lmnop", true), vec![(10, Class::Star)]);
        assert_eq!(all("abcdefgh\n", true), vec![(8, Class::Newline)]);
        assert_eq!(
            all("ab~_`x", true),
            vec![
                (2, Class::Tilde),
                (3, Class::Underscore),
                (4, Class::Backtick)
            ]
        );
        assert_eq!(all("ééééé_", true), vec![(10, Class::Underscore)]);
        // Bytes the word test lets through are checked against the table.
        assert_eq!(
            all("a>^\u{7f}\u{1a}bcdefgh`", true),
            vec![(12, Class::Backtick)]
        );
        // `:` and `.` only where a link prefix can end, and only with links.
        assert_eq!(
            all("at 9:00. http://x www.y WWW.z", true),
            vec![(13, Class::Colon), (21, Class::Dot), (27, Class::Dot)]
        );
        assert_eq!(all("at 9:00. http://x www.y", false), vec![]);
    }

    #[test]
    fn the_sweep_skips_ahead() {
        let text = "*a*b*c*d*e*f*g*h*i*j";
        let mut sweep = Sweep::new(text.as_bytes(), true);
        assert_eq!(sweep.next(0), Some((0, Class::Star)));
        assert_eq!(sweep.next(3), Some((4, Class::Star)));
        assert_eq!(sweep.next(13), Some((14, Class::Star)));
        assert_eq!(sweep.next(19), None);
    }

    #[test]
    fn the_word_test_misses_no_byte() {
        for b in 0..=255u8 {
            let hit = maybe_significant(u64::from_le_bytes([b'a', b'a', b, 0, 0, 0, 0, 0]));
            if class(b) != Class::Plain {
                assert_eq!(hit.trailing_zeros(), 23, "byte {b:#x}");
            }
            let block = [b; 16];
            if class(b) != Class::Plain {
                assert_eq!(block_mask(block), 0xffff, "byte {b:#x}");
            }
        }
        assert_eq!(block_mask([b'a'; 16]), 0);
        assert_eq!(
            block_mask(*b"\xc3\xa9ab>^\x7f\x1a*_~`\n:.x"),
            0b0111_1111_1111_0000
        );
    }

    #[test]
    fn every_byte_is_classified_by_the_word_test_and_the_table() {
        for b in 0..=255u8 {
            for at in [9, 25, 38] {
                let mut text = [b'w'; 40];
                text[at] = b;
                if at + 1 < text.len() {
                    text[at + 1] = b'/';
                }
                let expect = match class(b) {
                    Class::Plain => None,
                    // A `:` at the very end has no `/` after it.
                    Class::Colon if at + 1 == text.len() => None,
                    c => Some((at, c)),
                };
                for from in [0, 3, at] {
                    let mut sweep = Sweep::new(&text, true);
                    assert_eq!(sweep.next(from), expect, "byte {b:#x} at {at} from {from}");
                }
            }
        }
    }

    #[test]
    fn neighbours() {
        assert_eq!(before("aé*", 3), Some('é'));
        assert_eq!(before("x", 0), None);
        assert_eq!(after("*é", 1), Some('é'));
        assert_eq!(after("*", 1), None);
    }
}
