//! Character classes of WhatsApp's formatting rules, written to match the JavaScript regexes
//! of WhatsApp Web (the reference client): `\s` is JavaScript's whitespace set, and "a word
//! character" (what blocks an opening or closing marker) is a Unicode letter or number.

use crate::swar::{HIGHS, ONES, zero_bytes};

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

/// Bytes of the word `w` that may matter to the formatting (high bit set;
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

/// The high bit of byte `i` set if byte `i` of `block` may matter: two words of
/// [`maybe_significant`].
#[inline]
fn block_mask(block: [u8; 16]) -> u128 {
    let x = u128::from_le_bytes(block);
    u128::from(maybe_significant(x as u64)) | u128::from(maybe_significant((x >> 64) as u64)) << 64
}

/// The sweep's cursor over the bytes of a text that may change the formatting: `*` `_` `~`
/// `` ` `` and the newline, and `:` and `.` (where a link prefix ends), plus a few bytes that
/// never matter (`>` `^` DEL, three control codes, and now and then the byte right after a
/// candidate) which the caller passes over. Sixteen
/// bytes are tested at a time, and every candidate of a block is returned before the next
/// block is read, so plain text costs about two operations per byte.
pub(crate) struct Sweep<'a> {
    bytes: &'a [u8],
    /// The offset of the block in `hits`.
    base: usize,
    /// Candidate bytes of that block not yet returned (high bit of each).
    hits: u128,
}

/// Bytes per block of [`Sweep`].
const BLOCK: usize = 16;

impl<'a> Sweep<'a> {
    /// A sweep over `bytes`.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        let mut sweep = Self {
            bytes,
            base: 0,
            hits: 0,
        };
        sweep.hits = sweep.mask(0);
        sweep
    }

    /// The candidate bytes of the block at `at`; past the end, the block is padded with a
    /// byte that is no candidate.
    #[inline]
    fn mask(&self, at: usize) -> u128 {
        match self.bytes.get(at..).and_then(<[u8]>::first_chunk::<BLOCK>) {
            Some(b) => block_mask(*b),
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

    /// Moves the sweep on to `from`, past the bytes returned so far.
    #[inline]
    pub(crate) fn skip_to(&mut self, from: usize) {
        if from >= self.base + BLOCK {
            self.base = from;
            self.hits = self.mask(from);
        } else if let Some(before) = from.checked_sub(self.base) {
            self.hits &= u128::MAX << (before * 8);
        }
    }

    /// The next candidate byte.
    #[inline]
    pub(crate) fn next(&mut self) -> Option<usize> {
        while self.hits == 0 {
            self.base += BLOCK;
            if self.base >= self.bytes.len() {
                return None;
            }
            self.hits = self.mask(self.base);
        }
        let at = self.base + (self.hits.trailing_zeros() / 8) as usize;
        self.hits &= self.hits - 1;
        (at < self.bytes.len()).then_some(at)
    }
}

/// The first byte of `bytes` that is one of `set`: eight bytes at a time (a word-wide test
/// for each of the five), so plain text costs a few operations per byte.
#[inline]
pub(crate) fn find_any(bytes: &[u8], set: [u8; 5]) -> Option<usize> {
    let [a, b, c, d, e] = set;
    // Spelled out rather than `set.map(..)`: at the WebAssembly engine's opt-level "z" the
    // array map stays a call (4% of `formatToHtml`, which searches once per escaped run).
    let spread = [
        ONES * u64::from(a),
        ONES * u64::from(b),
        ONES * u64::from(c),
        ONES * u64::from(d),
        ONES * u64::from(e),
    ];
    let (words, tail) = bytes.as_chunks::<8>();
    let mut base = 0;
    for word in words {
        let w = u64::from_le_bytes(*word);
        let hits = spread.iter().fold(0, |m, &s| m | zero_bytes(w ^ s)) & HIGHS;
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
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

    /// What the sweep stops at, as characters.
    fn all(s: &str) -> String {
        let mut sweep = Sweep::new(s.as_bytes());
        let mut out = String::new();
        while let Some(at) = sweep.next() {
            out.push(char::from(s.as_bytes()[at]));
        }
        out
    }

    #[test]
    fn sweeps_the_bytes_that_may_matter() {
        assert_eq!(all(""), "");
        assert_eq!(all("abcdefghijklmnop"), "");
        assert_eq!(all("abcdefghij*lmnop"), "*");
        assert_eq!(all("abcdefghijklmnopqrstuvwxyz\n"), "\n");
        assert_eq!(all("ab~_`x"), "~_`");
        assert_eq!(all("ééééé_"), "_");
        // A byte right after a candidate may come too (a borrow of the word test): `/`.
        assert_eq!(all("at 9:00. http://x www.y"), ":.://.");
        // A few bytes that never matter get through; the scan passes over them.
        assert_eq!(all("a>^\u{7f}\u{1a}bcdefgh`"), ">^\u{7f}\u{1a}`");
        assert_eq!(all("+-/;?<=!@#$%&'()[]{}|\\\"0123456789 \t\r"), "");
    }

    #[test]
    fn the_sweep_skips_ahead() {
        let text = "*a*b*c*d*e*f*g*h*i*j";
        let mut sweep = Sweep::new(text.as_bytes());
        assert_eq!(sweep.next(), Some(0));
        sweep.skip_to(3);
        assert_eq!(sweep.next(), Some(4));
        assert_eq!(sweep.next(), Some(6));
        sweep.skip_to(13);
        assert_eq!(sweep.next(), Some(14));
        sweep.skip_to(40);
        assert_eq!(sweep.next(), None);
    }

    #[test]
    fn the_word_test_misses_no_byte() {
        for b in 0..=255u8 {
            let matters = b"*_~`\n:.".contains(&b);
            let hit = maybe_significant(u64::from_le_bytes([b'a', b'a', b, 0, 0, 0, 0, 0]));
            if matters {
                assert_eq!(hit.trailing_zeros(), 23, "byte {b:#x}");
                assert_eq!(block_mask([b; 16]).trailing_zeros(), 7, "byte {b:#x}");
            }
            for at in [9, 25, 38] {
                let mut text = [b'a'; 40];
                text[at] = b;
                for from in [0, 3, at] {
                    let mut sweep = Sweep::new(&text);
                    sweep.skip_to(from);
                    let got = sweep.next();
                    if matters {
                        assert_eq!(got, Some(at), "byte {b:#x} at {at} from {from}");
                    } else {
                        assert!(got.is_none_or(|g| g == at), "byte {b:#x}");
                    }
                }
            }
        }
        assert_eq!(block_mask([b'a'; 16]), 0);
    }

    #[test]
    fn neighbours() {
        assert_eq!(before("aé*", 3), Some('é'));
        assert_eq!(before("x", 0), None);
        assert_eq!(after("*é", 1), Some('é'));
        assert_eq!(after("*", 1), None);
    }
}
