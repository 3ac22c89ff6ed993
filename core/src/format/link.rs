//! Links: `http://`, `https://` and `www.` URLs, found as WhatsApp Web's linkifier would
//! (`WAWebLinkify.findLinks` is not a regex; these rules follow common linkifier behaviour):
//!
//! - a link starts at `http://`, `https://` (any letter case) or `www.`, not preceded by a
//!   letter or digit (nor by `.`, `@`, `/` or `-` for `www.`, so `a.www.b` and e-mail
//!   addresses are not links), and needs a host: a letter or digit after `//`, and for
//!   `www.` a dotted name (`www.example.com`);
//! - it runs to the next whitespace, `<`, `>`, `"` or control character;
//! - trailing `.,:;!?'"` are not part of it, nor a closing `)`, `]` or `}` without its
//!   opening partner inside the link (`(see https://x.y/a_(b))` keeps one `)`);
//! - WhatsApp Web's conflict resolver: when the link ends exactly where a bold, italic,
//!   strike, inline-code or monospace range that opened before the link ends, the closing
//!   delimiter is not part of the link, so `*https://x.y*` is a bold link. (Decision: only
//!   for a range that opened before the link; a URL that merely ends in `_a_` keeps it.)
//!
//! The link's `url` is the text itself, with `https://` put before a `www.` link.
//!
//! Linear: the candidate sweep ([`super::scan`]) stops at `:` and `.` anyway and hands them
//! to [`Finder::hit`]; each link is walked once more to find its end. The delimited ranges
//! that may end it are the ones open when it starts (at most one per delimiter), so the link
//! is finished once the sweep has passed its end and they are known: at the next link, or
//! at the end of the text (a range closing after the link's text cannot end it).

use super::chars::{after, before, is_space, is_word};
use super::code::Fences;
use super::inline::{Delim, Matchers};
use super::scan::{Kind, Range, at, close, drop_slot, open};
use crate::swar::{HIGHS, ONES, bytes_below, zero_bytes};

/// Link starts seen by the sweep, and the one link whose end is not settled yet.
#[derive(Default)]
pub(crate) struct Finder {
    /// The end of the last link's text: `:` and `.` before it are inside that link.
    free_from: usize,
    pending: Option<Pending>,
}

/// A link whose text is known but whose end waits for the delimiters inside it.
struct Pending {
    slot: usize,
    start: usize,
    host: usize,
    raw_end: usize,
    www: bool,
    /// The slots of the ranges open when the link started that may end inside it, in the
    /// order they are tried: bold, italic, strike, inline code, monospace.
    open: [Option<usize>; 5],
}

impl Finder {
    /// The `:` or `.` at byte `hit`: a link starts here if it ends a link prefix.
    pub(crate) fn hit(
        &mut self,
        src: &str,
        hit: usize,
        inline: &Matchers,
        fences: &Fences,
        out: &mut Vec<Range>,
    ) {
        if hit < self.free_from {
            return;
        }
        let Some((start, host)) = start_at(src.as_bytes(), hit) else {
            return;
        };
        if start < self.free_from {
            return;
        }
        let www = host == start;
        let blocked = before(src, start)
            .is_some_and(|p| is_word(p) || (www && matches!(p, '.' | '@' | '/' | '-')));
        if blocked {
            return;
        }
        let raw_end = host + extent(src.get(host..).unwrap_or_default());
        self.free_from = raw_end;
        self.settle(src, out);
        self.pending = Some(Pending {
            slot: open(out, start, start, Kind::Link),
            start,
            host,
            raw_end,
            www,
            open: [
                inline.pending_slot(Delim::Bold),
                inline.pending_slot(Delim::Italic),
                inline.pending_slot(Delim::Strike),
                inline.pending_slot(Delim::Code),
                fences.pending_slot(),
            ],
        });
    }

    /// Settles the end of the pending link, if any: the sweep has passed its text.
    pub(crate) fn settle(&mut self, src: &str, out: &mut [Range]) {
        let Some(p) = self.pending.take() else { return };
        let end = trim(src, &p, out);
        if valid_host(src.get(p.host..end).unwrap_or_default(), p.www) {
            close(out, p.slot, end, end);
        } else {
            drop_slot(out, p.slot);
        }
    }
}

/// The length of the link text at the start of `tail`: up to whitespace, `<`, `>`, `"` or a
/// control character. ASCII is decided by the byte, only other characters are decoded.
fn extent(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    let mut i = 0;
    // Eight bytes at a time while none of them may end the link.
    while let Some(w) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or([0; 8]));
        if may_end(w) != 0 {
            break;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if b <= b' ' || b == 0x7f || matches!(b, b'<' | b'>' | b'"') {
                return i;
            }
            i += 1;
        } else {
            let Some(c) = tail.get(i..).and_then(|t| t.chars().next()) else {
                return i;
            };
            if is_space(c) || c.is_control() {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// Bytes of the word `w` that may end a link (high bit set; none is missed): below `!`
/// (space and control), DEL, `<`, `>`, `"`, and any byte of a multi-byte character (decoded
/// then).
#[inline]
fn may_end(w: u64) -> u64 {
    let below_bang = bytes_below(w, 0x21);
    let angle = zero_bytes((w & (ONES * 0xfd)) ^ (ONES * 0x3c));
    (below_bang | w | zero_bytes(w ^ (ONES * 0x7f)) | angle | zero_bytes(w ^ (ONES * 0x22))) & HIGHS
}

/// If the `:` or `.` at `hit` ends a link prefix: the link's start and where its host starts.
fn start_at(bytes: &[u8], hit: usize) -> Option<(usize, usize)> {
    let ends_with = |n: usize, word: &[u8]| {
        hit.checked_sub(n)
            .and_then(|s| bytes.get(s..hit))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    match bytes.get(hit)? {
        b':' => {
            if bytes.get(hit + 1..hit + 3)? != b"//" {
                return None;
            }
            let start = if ends_with(5, b"https") {
                hit - 5
            } else if ends_with(4, b"http") {
                hit - 4
            } else {
                return None;
            };
            Some((start, hit + 3))
        }
        _ => ends_with(3, b"www").then(|| (hit - 3, hit - 3)),
    }
}

/// A host that a linkifier accepts: a letter or digit first; for `www.` links a dotted name
/// after `www.`.
fn valid_host(host: &str, www: bool) -> bool {
    let bytes = host.as_bytes();
    let name_end = bytes
        .iter()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(bytes.len());
    // Whether a label starting at byte `i` (a character boundary) of the name up to `end`
    // starts with a letter or digit.
    let word_at = |i: usize, end: usize| i < end && after(host, i).is_some_and(is_word);
    if !www {
        return word_at(0, name_end);
    }
    // After `www.`, up to a port.
    let Some(name) = bytes.get(4..name_end) else {
        return false;
    };
    let end = 4 + name.iter().position(|&b| b == b':').unwrap_or(name.len());
    let mut dots = bytes
        .get(4..end)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'.');
    word_at(4, end) && dots.any(|(i, _)| word_at(4 + i + 1, end))
}

/// Bracket balance inside a link, updated as characters are trimmed off its end.
#[derive(Default)]
struct Brackets {
    round: isize,
    square: isize,
    curly: isize,
}

impl Brackets {
    fn count(text: &str) -> Self {
        let mut b = Self::default();
        for ch in text.bytes() {
            b.step(ch, 1);
        }
        b
    }

    fn step(&mut self, ch: u8, sign: isize) {
        match ch {
            b'(' => self.round += sign,
            b')' => self.round -= sign,
            b'[' => self.square += sign,
            b']' => self.square -= sign,
            b'{' => self.curly += sign,
            b'}' => self.curly -= sign,
            _ => {}
        }
    }

    /// Whether a closing bracket `ch` at the end has no partner (more closers than openers).
    fn unbalanced(&self, ch: u8) -> bool {
        match ch {
            b')' => self.round < 0,
            b']' => self.square < 0,
            b'}' => self.curly < 0,
            _ => false,
        }
    }
}

/// Trims trailing punctuation and closing delimiters from a link: where it ends.
fn trim(src: &str, link: &Pending, ranges: &[Range]) -> usize {
    let (start, host, mut end) = (link.start, link.host, link.raw_end);
    let bytes = src.as_bytes();
    // Bracket balance is only needed when a closing bracket ends the link (rare).
    let mut brackets: Option<Brackets> = None;
    loop {
        let before_round = end;
        while end > host {
            let Some(&last) = bytes.get(end - 1) else {
                break;
            };
            let trim = match last {
                b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'"' => true,
                b')' | b']' | b'}' => brackets
                    .get_or_insert_with(|| Brackets::count(src.get(start..end).unwrap_or_default()))
                    .unbalanced(last),
                _ => false,
            };
            if !trim {
                break;
            }
            if let Some(b) = &mut brackets {
                b.step(last, -1);
            }
            end -= 1;
        }
        // WhatsApp Web's conflict resolver: only a delimiter can end a delimited range.
        let delimiter = end > host
            && bytes
                .get(end - 1)
                .is_some_and(|b| matches!(b, b'*' | b'_' | b'~' | b'`'));
        if delimiter {
            for slot in link.open.iter().flatten() {
                if let Some(r) = ranges.get(*slot)
                    && at(r.end) == end
                    && at(r.start) < start
                    && at(r.close_start) > host
                {
                    if let Some(b) = &mut brackets {
                        for &ch in bytes.get(at(r.close_start)..end).unwrap_or_default() {
                            b.step(ch, -1);
                        }
                    }
                    end = at(r.close_start);
                }
            }
        }
        if end == before_round {
            return end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_test_misses_no_link_end() {
        for b in 0..=255u8 {
            let ends = b <= b' ' || b >= 0x7f || matches!(b, b'<' | b'>' | b'"');
            let w = u64::from_le_bytes([b'a', b'a', b'a', b, b'a', b'a', b'a', b'a']);
            if ends {
                assert_eq!(may_end(w).trailing_zeros(), 31, "byte {b:#x}");
            } else {
                assert_eq!(may_end(w), 0, "byte {b:#x}");
            }
        }
    }

    #[test]
    fn hosts() {
        assert!(valid_host("example.com/x", false));
        assert!(valid_host("é.com", false));
        assert!(!valid_host("/x", false));
        assert!(!valid_host("", false));
        assert!(!valid_host("-x", false));
        assert!(valid_host("www.example.com", true));
        assert!(valid_host("www.example.com:80/a", true));
        assert!(valid_host("www.a.b.c", true));
        assert!(valid_host("www.a..b", true));
        assert!(valid_host("www.ж.рф", true));
        assert!(!valid_host("www.example", true));
        assert!(!valid_host("www.example.", true));
        assert!(!valid_host("www.example./x.y", true));
        assert!(!valid_host("www..com", true));
        assert!(!valid_host("www.a:b.c", true));
        assert!(!valid_host("www.", true));
        assert!(!valid_host("www.a.-b", true));
    }

    #[test]
    fn link_text_ends_at_whitespace_and_brackets() {
        assert_eq!(extent("example.com/a_b?c=d ok"), 19);
        assert_eq!(extent("example.com/a_b?c=d<x"), 19);
        assert_eq!(extent("x.io/\"q\""), 5);
        assert_eq!(extent("x.io/é\u{a0}x"), 7);
        assert_eq!(extent("abcdefghijklmnopqrstuvwxyz"), 26);
        assert_eq!(extent("abcdefgh\u{3000}"), 8);
    }
}
