//! The candidate pass: one sweep over the text that finds, for every construct on its own,
//! the ranges WhatsApp Web's regex for that construct would match (its `WAWebFormatMatch`
//! step). Conflicts between constructs are settled afterwards by [`super::resolve`].
//!
//! Only five bytes can change anything: `*` `_` `~` `` ` `` and the newline. The sweep jumps
//! from one to the next (eight bytes at a time) and looks at neighbours only there, so plain
//! text costs a few operations per byte. Every construct keeps O(1) state (one pending opener per marker, one open
//! fence, the current line's kind), so the pass is linear with no backtracking.

use super::Options;
use super::block;
use super::chars::find_any;
use super::code::Fences;
use super::inline::{Delim, Matchers};

/// A byte offset. Inputs of 4 GiB or more are not scanned (see [`scan`]).
pub(crate) type Pos = u32;

/// What a candidate range is. The order of WhatsApp Web's mutator groups decides conflicts,
/// see [`Kind::group`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ```` ```x``` ````, may span lines.
    Mono,
    /// `` `x` ``.
    Code,
    /// A bulleted list line: `* `, `- ` or `• ` at column 0.
    Bullet(char),
    /// A numbered list line: `N. ` or `NN. ` at column 0.
    Numbered,
    /// An http(s) or www link.
    Link,
    /// `*x*`.
    Bold,
    /// `_x_`.
    Italic,
    /// `~x~`.
    Strike,
    /// A `> ` line.
    Quote,
}

impl Kind {
    /// The mutator group index in WhatsApp Web's bubble configuration (`WAWebFormatConfiguration`):
    /// lower wins when two ranges cross. Bold, italic and strike share a group, so between
    /// them the one opened first wins.
    pub(crate) fn group(self) -> u8 {
        match self {
            Kind::Mono => 1,
            Kind::Code => 2,
            Kind::Bullet('-') => 4,
            Kind::Bullet(_) => 3,
            Kind::Numbered => 6,
            Kind::Link => 8,
            Kind::Bold | Kind::Italic | Kind::Strike => 16,
            Kind::Quote => 18,
        }
    }

    /// Whether anything may be formatted inside (`format` of WhatsApp Web's mutators): not
    /// inside code, inline code or links.
    pub(crate) fn formats(self) -> bool {
        !matches!(self, Kind::Mono | Kind::Code | Kind::Link)
    }
}

/// A candidate: `[start, open_end)` is the opening delimiter (or line prefix),
/// `[open_end, close_start)` the content, `[close_start, end)` the closing delimiter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub start: Pos,
    pub open_end: Pos,
    pub close_start: Pos,
    pub end: Pos,
    pub kind: Kind,
}

/// Every construct's candidates, each list sorted by start (a construct's own ranges never
/// overlap).
#[derive(Debug, Default)]
pub(crate) struct Candidates {
    pub mono: Vec<Range>,
    pub code: Vec<Range>,
    /// List items and quotes: at most one per line.
    pub lines: Vec<Range>,
    pub bold: Vec<Range>,
    pub italic: Vec<Range>,
    pub strike: Vec<Range>,
    pub links: Vec<Range>,
    /// Every newline, in order (the tree splits text at them).
    pub newlines: Vec<Pos>,
}

impl Candidates {
    /// The lists in a fixed order, for merging.
    pub(crate) fn lists(&self) -> [&[Range]; 7] {
        [
            &self.mono,
            &self.code,
            &self.lines,
            &self.links,
            &self.bold,
            &self.italic,
            &self.strike,
        ]
    }
}

/// The bytes that can start, end or change a construct.
const SIGNIFICANT: [u8; 5] = *b"*_~`\n";

/// The first significant byte at or after `from`. Markup often comes in runs (`**`,
/// `_*`, a newline after a closer), so the very next byte is tried first.
#[inline]
fn next_significant(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rest
        .first()
        .is_some_and(|&b| matches!(b, b'*' | b'_' | b'~' | b'`' | b'\n'))
    {
        return Some(from);
    }
    find_any(rest, SIGNIFICANT).map(|p| from + p)
}

/// Finds every construct's candidate ranges in one sweep. Links are found afterwards by
/// [`super::link::find`], which needs the delimiter ranges to trim link ends.
pub(crate) fn scan(src: &str, opts: &Options) -> Candidates {
    let mut out = Candidates::default();
    // Offsets are u32 to keep candidates small; a preview of a 4 GiB text is not a use case,
    // so such a text is shown unformatted rather than scanned.
    if Pos::try_from(src.len()).is_err() {
        return out;
    }
    let bytes = src.as_bytes();
    let mut inline = Matchers::new(opts.inline_code);
    let mut fences = Fences::default();
    let mut line = block::Line::at(src, 0, opts);
    let mut i = 0usize;
    while let Some(next) = next_significant(bytes, i) {
        i = next;
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'\n' => {
                out.newlines.push(pos(i));
                fences.content(src, i + 1);
                line.finish(i, &mut out.lines);
                inline.newline();
                line = block::Line::at(src, i + 1, opts);
                i += 1;
            }
            b'`' => {
                let run = bytes
                    .get(i..)
                    .map_or(1, |r| r.iter().take_while(|&&c| c == b'`').count());
                fences.run(src, i, run, &mut out.mono);
                for at in i..i + run {
                    inline.marker(src, at, Delim::Code, &mut out.code);
                }
                i += run;
            }
            _ => {
                fences.content(src, i + 1);
                let (delim, list) = match b {
                    b'*' => (Delim::Bold, &mut out.bold),
                    b'_' => (Delim::Italic, &mut out.italic),
                    _ => (Delim::Strike, &mut out.strike),
                };
                inline.marker(src, i, delim, list);
                i += 1;
            }
        }
    }
    line.finish(src.len(), &mut out.lines);
    out
}

/// Converts a position that [`scan`] produced (always below 4 GiB) to a `usize`.
#[inline]
pub(crate) fn at(p: Pos) -> usize {
    p as usize
}

/// Converts an in-bounds byte offset of a scanned text (below 4 GiB) to a [`Pos`].
#[inline]
pub(crate) fn pos(p: usize) -> Pos {
    Pos::try_from(p).unwrap_or(Pos::MAX)
}
