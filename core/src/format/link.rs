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
//! Linear: the text is searched for `:` and `.` with `memchr`, each link is walked once,
//! and the delimiter ranges are looked up by binary search on their (sorted) ends.

use super::chars::{before, is_space, is_word};
use super::scan::{Candidates, Kind, Range, at, pos};

/// Finds every link candidate, given the other constructs' candidates.
pub(crate) fn find(src: &str, c: &Candidates) -> Vec<Range> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut free_from = 0usize;
    for hit in memchr::memchr2_iter(b':', b'.', bytes) {
        if hit < free_from {
            continue;
        }
        let Some((start, host)) = start_at(bytes, hit) else {
            continue;
        };
        if start < free_from {
            continue;
        }
        let www = host == start;
        let blocked = before(src, start)
            .is_some_and(|p| is_word(p) || (www && matches!(p, '.' | '@' | '/' | '-')));
        if blocked {
            continue;
        }
        let raw_end = host + extent(src.get(host..).unwrap_or_default());
        free_from = raw_end;
        let end = trim(src, start, host, raw_end, c);
        let host_text = src.get(host..end).unwrap_or_default();
        if !valid_host(host_text, www) {
            continue;
        }
        out.push(Range {
            start: pos(start),
            open_end: pos(start),
            close_start: pos(end),
            end: pos(end),
            kind: Kind::Link,
        });
    }
    out
}

/// The length of the link text at the start of `tail`: up to whitespace, `<`, `>`, `"` or a
/// control character. ASCII is decided by the byte, only other characters are decoded.
fn extent(tail: &str) -> usize {
    let bytes = tail.as_bytes();
    let mut i = 0;
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
    let name_end = host
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(host.len());
    let name = host.get(..name_end).unwrap_or_default();
    if !www {
        return name.chars().next().is_some_and(is_word);
    }
    let Some(rest) = name.get(4..) else {
        return false;
    };
    let name = rest.split(':').next().unwrap_or_default();
    let mut labels = name.split('.');
    let first_ok = labels
        .next()
        .is_some_and(|l| l.chars().next().is_some_and(is_word));
    first_ok && labels.any(|l| l.chars().next().is_some_and(is_word))
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

/// Trims trailing punctuation and closing delimiters from a link `[start, end)`.
fn trim(src: &str, start: usize, host: usize, mut end: usize, c: &Candidates) -> usize {
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
            for list in [&c.bold, &c.italic, &c.strike, &c.code, &c.mono] {
                let i = list.partition_point(|r| at(r.end) < end);
                if let Some(r) = list.get(i)
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
