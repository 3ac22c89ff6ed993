//! The candidate pass: one sweep over the text that finds, for every construct on its own,
//! the ranges WhatsApp Web's regex for that construct would match (its `WAWebFormatMatch`
//! step), and link starts as well. Conflicts between constructs are settled afterwards by
//! [`super::resolve`].
//!
//! Only seven bytes can change anything: `*` `_` `~` `` ` `` and the newline, and `:` and `.`
//! where a link prefix ends. The sweep jumps from one to the next (sixteen bytes at a time,
//! see [`Sweep`]) and looks at neighbours only there, so plain text costs a few operations
//! per byte. Every construct keeps O(1) state (one pending opener per marker, one
//! open fence, the current line's kind, one pending link), so the pass is linear with no
//! backtracking.
//!
//! Output: one list of [`Range`]s **in order of start**, which is what the resolver and the
//! tree builder walk. A candidate's slot is taken when its opener is seen (openers come in
//! text order), filled in when it closes, and marked [`Kind::Dropped`] if it never does; a
//! [`Kind::Newline`] entry marks every newline. The one start two candidates can share is a
//! backtick that opens both inline code and a fence (see [`super::resolve`]).

use super::Options;
use super::block;
use super::chars::Sweep;
use super::code::Fences;
use super::inline::{Delim, Matchers};
use super::link;

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
    /// Not a candidate: a newline (the tree splits text there).
    Newline,
    /// Not a candidate (any more): an opener that never closed, or a range that lost.
    Dropped,
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
            Kind::Newline | Kind::Dropped => u8::MAX,
        }
    }

    /// Whether anything may be formatted inside (`format` of WhatsApp Web's mutators): not
    /// inside code, inline code or links.
    pub(crate) fn formats(self) -> bool {
        !matches!(self, Kind::Mono | Kind::Code | Kind::Link)
    }

    /// Whether this is a candidate range (not a newline or a dropped slot).
    #[inline]
    pub(crate) fn is_range(self) -> bool {
        !matches!(self, Kind::Newline | Kind::Dropped)
    }
}

/// A candidate: `[start, open_end)` is the opening delimiter (or line prefix),
/// `[open_end, close_start)` the content, `[close_start, end)` the closing delimiter.
/// While its closer is not found, `end` is 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub start: Pos,
    pub open_end: Pos,
    pub close_start: Pos,
    pub end: Pos,
    pub kind: Kind,
}

/// Takes a slot for a candidate whose opener `[start, open_end)` was just seen; its index.
#[inline]
pub(crate) fn open(out: &mut Vec<Range>, start: usize, open_end: usize, kind: Kind) -> usize {
    out.push(Range {
        start: pos(start),
        open_end: pos(open_end),
        close_start: 0,
        end: 0,
        kind,
    });
    out.len() - 1
}

/// Fills in the closer `[close_start, end)` of the candidate in slot `slot`.
#[inline]
pub(crate) fn close(out: &mut [Range], slot: usize, close_start: usize, end: usize) {
    if let Some(r) = out.get_mut(slot) {
        r.close_start = pos(close_start);
        r.end = pos(end);
    }
}

/// The candidate in slot `slot` never closed.
#[inline]
pub(crate) fn drop_slot(out: &mut [Range], slot: usize) {
    if let Some(r) = out.get_mut(slot) {
        r.kind = Kind::Dropped;
    }
}

/// Appends every construct's candidates of `src` to `out` (empty on entry), in order of
/// start, with a [`Kind::Newline`] entry per newline.
pub(crate) fn scan(src: &str, opts: &Options, out: &mut Vec<Range>) {
    // Offsets are u32 to keep candidates small; a preview of a 4 GiB text is not a use case,
    // so such a text is shown unformatted rather than scanned.
    if Pos::try_from(src.len()).is_err() {
        return;
    }
    let bytes = src.as_bytes();
    let mut inline = Matchers::new(opts.inline_code);
    let mut fences = Fences::default();
    let mut links = link::Finder::default();
    let mut line = block::Line::at(src, 0, opts, out);
    let mut sweep = Sweep::new(bytes);
    while let Some(at) = sweep.next() {
        // The sweep stops at a few bytes that change nothing (see [`Sweep`]): they fall
        // through. `:` and `.` are looked at only where a link prefix can end.
        match bytes.get(at).copied().unwrap_or_default() {
            b'*' => inline.marker(src, at, Delim::Bold, out),
            b'_' => inline.marker(src, at, Delim::Italic, out),
            b'~' => inline.marker(src, at, Delim::Strike, out),
            b'\n' => {
                out.push(Range {
                    start: pos(at),
                    open_end: pos(at),
                    close_start: pos(at),
                    end: pos(at + 1),
                    kind: Kind::Newline,
                });
                line.finish(at, out);
                inline.newline(out);
                line = block::Line::at(src, at + 1, opts, out);
            }
            b'`' => {
                let run = bytes
                    .get(at..)
                    .map_or(1, |r| r.iter().take_while(|&&c| c == b'`').count());
                // Inline code can open only at the run's first backtick, and its slot is
                // taken before any fence's of the same run (see the module doc).
                for m in at..at + run {
                    inline.marker(src, m, Delim::Code, out);
                }
                fences.run(src, at, run, out);
                sweep.skip_to(at + run);
            }
            b':' if opts.links && bytes.get(at + 1) == Some(&b'/') => {
                links.hit(src, at, &inline, &fences, out);
            }
            b'.' if opts.links
                && at
                    .checked_sub(1)
                    .and_then(|p| bytes.get(p))
                    .is_some_and(|&p| p | 0x20 == b'w') =>
            {
                links.hit(src, at, &inline, &fences, out);
            }
            _ => {}
        }
    }
    links.settle(src, out);
    line.finish(src.len(), out);
    inline.newline(out);
    fences.end(out);
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
