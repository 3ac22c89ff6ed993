//! Line constructs: list items and quotes, recognised at the start of each line with
//! WhatsApp Web's regexes (verbatim; probes in `tests/cases/format/corpus/wa_block_probes…`):
//!
//! - bulleted item `^[*•]( (?! +)[^\n]+$)` and hyphen item `^-( (?! +)[^\n]+$)`: the marker at
//!   column 0, **exactly one** space, then at least one character that is not a space;
//! - numbered item `^(\d{1,2}\.)( (?! +)[^\n]+$)`: one or two ASCII digits (`100. x` is not an
//!   item), shown as typed (no renumbering);
//! - quote `^>([^\S\n](?! +)[^\n]*$)` (the newer build): `>`, one whitespace character other
//!   than a newline, not followed by a space; the rest of the line may be empty.
//!
//! Consecutive item lines form one list in WhatsApp Web (`*`, `-` and `•` lines mix). The
//! list containers are not candidates here: [`super::tree`] groups consecutive kept items
//! instead. The containers' only extra effect in WhatsApp Web's filter (a list is not
//! nestable, an item only inside a list) cannot change the result, because nothing that
//! formats can contain a whole line (bold, italic and strike are single-line and cannot
//! start on a list marker). One deliberate difference: WhatsApp Web's numbered-list container
//! accepts continuation lines with two spaces (`2.  b`) that its item regex rejects; such a
//! line is plain text here, so a list holds only real items.
//!
//! Quotes are one per line (both builds' regexes match a single line); consecutive quote
//! lines are consecutive quote nodes.

use super::Options;
use super::chars::is_space;
use super::scan::{Kind, Range, close, open};

/// The construct a line starts with, known at its start (its slot is taken then), closed at
/// its end.
pub(crate) struct Line {
    slot: Option<usize>,
}

impl Line {
    /// Recognises the line starting at byte `start`.
    #[inline]
    pub(crate) fn at(src: &str, start: usize, opts: &Options, out: &mut Vec<Range>) -> Self {
        let rest = src.as_bytes().get(start..).unwrap_or_default();
        // Most lines start with none of `* - • > 0-9`: decided by the first byte.
        let kind = match rest.first() {
            Some(b'*' | b'-' | 0xe2 | b'0'..=b'9') if opts.lists => item(rest),
            Some(b'>') if opts.quotes => quote(src.get(start..).unwrap_or_default()),
            _ => None,
        };
        Self {
            slot: kind.map(|(k, prefix)| open(out, start, start + prefix, k)),
        }
    }

    /// The line ends at byte `end` (a newline or the end of the text).
    #[inline]
    pub(crate) fn finish(&self, end: usize, out: &mut [Range]) {
        if let Some(slot) = self.slot {
            close(out, slot, end, end);
        }
    }
}

/// Whether a line starting at column 0 would be a list item or a quote.
pub(crate) fn starts_block(line: &str) -> bool {
    item(line.as_bytes()).is_some() || quote(line).is_some()
}

/// After the marker: exactly one space, then a character that is neither a space nor the
/// end of the line.
fn one_space_then_text(after_marker: &[u8]) -> bool {
    matches!(after_marker, [b' ', c, ..] if *c != b' ' && *c != b'\n')
}

/// A list item at the start of `line`: its kind and prefix length (marker and space).
fn item(line: &[u8]) -> Option<(Kind, usize)> {
    const BULLET: &[u8] = "•".as_bytes();
    match line {
        [m @ (b'*' | b'-'), rest @ ..] if one_space_then_text(rest) => {
            Some((Kind::Bullet(char::from(*m)), 2))
        }
        [a, b, c, rest @ ..] if [*a, *b, *c] == BULLET && one_space_then_text(rest) => {
            Some((Kind::Bullet('•'), BULLET.len() + 1))
        }
        [d, b'.', rest @ ..] if d.is_ascii_digit() && one_space_then_text(rest) => {
            Some((Kind::Numbered, 3))
        }
        [d, e, b'.', rest @ ..]
            if d.is_ascii_digit() && e.is_ascii_digit() && one_space_then_text(rest) =>
        {
            Some((Kind::Numbered, 4))
        }
        _ => None,
    }
}

/// A quote at the start of `line`: its kind and prefix length (`>` and the whitespace).
fn quote(line: &str) -> Option<(Kind, usize)> {
    let rest = line.strip_prefix('>')?;
    let mut chars = rest.chars();
    let space = chars.next().filter(|&c| c != '\n' && is_space(c))?;
    if chars.next() == Some(' ') {
        return None;
    }
    Some((Kind::Quote, 1 + space.len_utf8()))
}
