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

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// High bit set in each byte of `w` that is zero, and possibly in bytes above a zero byte
/// (borrows): the lowest set bit is always exact, which is all that is used.
#[inline]
fn zero_bytes(w: u64) -> u64 {
    w.wrapping_sub(ONES) & !w & HIGHS
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
        let hits = spread.iter().fold(0, |m, &s| m | zero_bytes(w ^ s));
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
        let set = *b"*_~`\n";
        assert_eq!(find_any(b"", set), None);
        assert_eq!(find_any(b"abcdefghijklmnop", set), None);
        assert_eq!(find_any(b"abcdefghij*lmnop", set), Some(10));
        assert_eq!(find_any(b"abcdefgh\n", set), Some(8));
        assert_eq!(find_any(b"ab~", set), Some(2));
        assert_eq!(find_any("ééééé_".as_bytes(), set), Some(10));
    }

    #[test]
    fn neighbours() {
        assert_eq!(before("aé*", 3), Some('é'));
        assert_eq!(before("x", 0), None);
        assert_eq!(after("*é", 1), Some('é'));
        assert_eq!(after("*", 1), None);
    }
}
