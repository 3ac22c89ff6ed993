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
/// the lowest is exact). Three masked comparisons cover the seven bytes: `(b & 0xcb) == 0x0a`
/// is `\n * . :` (and the rare `>`, three control codes), `(b & 0xde) == 0x5e` is `_ ~` (and
/// `^`, DEL), and `` ` `` alone. No byte of a multi-byte character matches.
#[inline]
fn maybe_significant(w: u64) -> u64 {
    let a = (w & (ONES * 0xcb)) ^ (ONES * 0x0a);
    let b = (w & (ONES * 0xde)) ^ (ONES * 0x5e);
    let c = w ^ (ONES * 0x60);
    (zero_bytes(a) | zero_bytes(b) | zero_bytes(c)) & HIGHS
}

/// The first byte at or after `from` that is not [`Class::Plain`], with its class: eight
/// bytes at a time, so plain text costs a few operations per byte.
#[inline]
pub(crate) fn next_significant(bytes: &[u8], mut from: usize) -> Option<(usize, Class)> {
    while let Some(chunk) = bytes.get(from..from + 8) {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let hits = maybe_significant(w);
        if hits == 0 {
            from += 8;
            continue;
        }
        let at = from + (hits.trailing_zeros() / 8) as usize;
        let c = bytes.get(at).map_or(Class::Plain, |&b| class(b));
        if c != Class::Plain {
            return Some((at, c));
        }
        from = at + 1;
    }
    let tail = bytes.get(from..)?;
    tail.iter().enumerate().find_map(|(i, &b)| {
        let c = class(b);
        (c != Class::Plain).then_some((from + i, c))
    })
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

    #[test]
    fn finds_the_next_significant_byte() {
        let next = |s: &str, from| next_significant(s.as_bytes(), from);
        assert_eq!(next("", 0), None);
        assert_eq!(next("abcdefghijklmnop", 0), None);
        assert_eq!(next("abcdefghij*lmnop", 0), Some((10, Class::Star)));
        assert_eq!(next("abcdefgh\n", 0), Some((8, Class::Newline)));
        assert_eq!(next("ab~", 0), Some((2, Class::Tilde)));
        assert_eq!(next("ab~", 3), None);
        assert_eq!(next("ééééé_", 0), Some((10, Class::Underscore)));
        // Bytes the word test lets through are checked against the table.
        assert_eq!(
            next("a>^\u{7f}\u{1a}bcdefgh`", 0),
            Some((12, Class::Backtick))
        );
        assert_eq!(next("x>>>>>>>>>>>.", 1), Some((12, Class::Dot)));
        assert_eq!(next("http://", 0), Some((4, Class::Colon)));
    }

    #[test]
    fn every_byte_is_classified_by_the_word_test_and_the_table() {
        for b in 0..=255u8 {
            let mut text = [b'a'; 16];
            text[9] = b;
            let expect = (class(b) != Class::Plain).then_some((9, class(b)));
            assert_eq!(next_significant(&text, 0), expect, "byte {b:#x}");
            assert_eq!(next_significant(&text, 3), expect, "byte {b:#x}");
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
