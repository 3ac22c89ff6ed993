//! Monospace blocks ```` ```x``` ````: WhatsApp Web's `WAWebCodeFormatMutator` regex
//! ``/```([\s\S]*?\S[\s\S]*?)```/g``, verbatim semantics:
//!
//! - the block opens at the leftmost ```` ``` ````, may span lines, and needs at least one
//!   non-whitespace character of content (```` ``` ``` ```` and ```` ```\n``` ```` stay plain);
//! - it closes at the first ```` ``` ```` that starts after that character, so
//!   ```` ````x```` ```` is the block ```` `x ```` followed by a literal backtick;
//! - no boundary rules: ```` a```b```c ```` is monospace `b`;
//! - a language tag is not understood: ```` ```js\nx``` ```` shows `js`.
//!
//! If the leftmost opener never closes, no later one can (its content character would come
//! later still), so one open fence at a time is the whole state.

use super::chars::is_space;
use super::scan::{Kind, Range, close, drop_slot, open};

/// The fence state.
#[derive(Debug, Default)]
pub(crate) struct Fences {
    open: Option<Open>,
}

#[derive(Debug)]
struct Open {
    /// Its slot in the candidate list.
    slot: usize,
    /// One past the first non-whitespace character of the content, once seen.
    content_end: Option<usize>,
    /// Where to continue looking for that character.
    scan_from: usize,
}

impl Fences {
    /// The text before `upto` has been passed: look in the part not yet seen for the first
    /// non-whitespace content character. Each byte is looked at once at most.
    #[inline]
    fn content(&mut self, src: &str, upto: usize) {
        let Some(open) = &mut self.open else { return };
        if open.content_end.is_some() || upto <= open.scan_from {
            return;
        }
        let seen = src.get(open.scan_from..upto).unwrap_or_default();
        if let Some((i, c)) = seen.char_indices().find(|&(_, c)| !is_space(c)) {
            open.content_end = Some(open.scan_from + i + c.len_utf8());
        }
        open.scan_from = upto;
    }

    /// The slot of the fence waiting for its closer, if any.
    #[inline]
    pub(crate) fn pending_slot(&self) -> Option<usize> {
        self.open.as_ref().map(|o| o.slot)
    }

    /// The end of the text: a fence still open never closes.
    pub(crate) fn end(&mut self, out: &mut [Range]) {
        if let Some(open) = self.open.take() {
            drop_slot(out, open.slot);
        }
    }

    /// A run of `len` backticks at byte `at`.
    pub(crate) fn run(&mut self, src: &str, at: usize, len: usize, out: &mut Vec<Range>) {
        self.content(src, at);
        let end = at + len;
        let mut i = at;
        loop {
            match &mut self.open {
                None => {
                    if end - i < 3 {
                        return;
                    }
                    // The rest of the run, if any, is content.
                    self.open = Some(Open {
                        slot: open(out, i, i + 3, Kind::Mono),
                        content_end: None,
                        scan_from: i + 3,
                    });
                    i += 3;
                }
                Some(fence) => {
                    if i >= end {
                        return;
                    }
                    // A backtick is not whitespace: it can be the content character.
                    let content_end = *fence.content_end.get_or_insert(i + 1);
                    let close_at = i.max(content_end);
                    if close_at + 3 > end {
                        // Not closed in this run; the backticks left are content.
                        fence.scan_from = end;
                        return;
                    }
                    close(out, fence.slot, close_at, close_at + 3);
                    self.open = None;
                    i = close_at + 3;
                }
            }
        }
    }
}
