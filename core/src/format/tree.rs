//! Builds the AST arena from the resolved candidate list (kept ranges in order of start,
//! outer first, properly nested, with an entry per newline): the text between ranges becomes
//! text and break nodes, consecutive list lines of one kind become one list. One walk over
//! the list, with a stack of the nodes still open; its depth is bounded by the number of
//! node kinds, since a construct never nests in itself.
//!
//! Nodes are plain data. A node's children are gathered on a scratch stack while they are
//! built, then copied together to the arena when it closes, so every node's children are
//! contiguous. A node with nothing nested in it (most bold, italic, strike, list items and
//! quotes, and every link) skips that: its one text goes straight to the arena.

use super::ast::{Entry, Kind as Node, Root};
use super::scan::{Kind, Range, at, pos};

/// A node whose children are still being gathered.
struct Open {
    entry: Entry,
    /// Where its children start on the scratch stack.
    base: usize,
    /// Where its content ends (`usize::MAX` for a list: it ends with its last item).
    close: usize,
}

/// Working memory of [`build`], kept between parses.
#[derive(Default)]
pub(crate) struct Scratch {
    entries: Vec<Entry>,
    open: Vec<Open>,
}

impl Scratch {
    /// Bytes held.
    pub(crate) fn bytes(&self) -> usize {
        self.entries.capacity() * size_of::<Entry>() + self.open.capacity() * size_of::<Open>()
    }
}

/// The AST of `src` given the candidate list that [`super::resolve::resolve`] settled, and
/// its counts: ranges kept at some point (at least those left) and newlines, to size the
/// arena.
pub(crate) fn build(
    src: &str,
    list: &[Range],
    (kept, newlines): (usize, usize),
    scratch: &mut Scratch,
) -> Root {
    // Offsets are u32; a preview of 4 GiB of text is not a use case, so such a text is one
    // text node (the scanner found nothing in it either).
    if u32::try_from(src.len()).is_err() {
        let whole = Entry {
            kind: Node::Text,
            start: 0,
            end: u32::MAX,
            open: 0,
            close: u32::MAX,
            first: 0,
            len: 0,
        };
        return Root::from_parts(src, vec![whole], (0, 1));
    }
    // Each kept range makes a node, a text before it and one at the end of its content; each
    // newline a break and a text before it. Lists add one node per list: a hint, the arena
    // grows if needed.
    let mut entries = std::mem::take(&mut scratch.entries);
    let mut open = std::mem::take(&mut scratch.open);
    entries.clear();
    open.clear();
    let mut b = Builder {
        pos: 0,
        open,
        scratch: entries,
        arena: Vec::with_capacity(kept * 3 + newlines * 2 + 2),
    };
    let mut i = 0;
    // Whether the item at `i` goes on with the list on top of the stack.
    let mut continuing = false;
    'list: while let Some(&r) = list.get(i) {
        i += 1;
        if r.kind == Kind::Dropped {
            continue;
        }
        let start = at(r.start);
        // Close the nodes that end before `r`; a list goes on if `r` is the newline after its
        // last item and an item of the same kind follows.
        while let Some(o) = b.open.last()
            && o.close <= start
        {
            let item = matches!(o.entry.kind, Node::BulletItem(_) | Node::OrderedItem);
            let end = b.close();
            if !item {
                continue;
            }
            if let Some(j) = b.continues(list, i - 1, end) {
                (i, continuing) = (j, true);
                continue 'list;
            }
            b.close();
        }
        if b.pos > start {
            // Only a newline inside a monospace block comes before the current position.
            continue;
        }
        if continuing {
            // The newline between two items belongs to their list.
            b.pos = start;
        }
        b.text(start);
        // Whether nothing is nested in `r`: then its content is one text at most.
        let flat = || {
            list.get(i)
                .is_none_or(|n| n.kind != Kind::Dropped && n.start >= r.close_start)
        };
        match r.kind {
            Kind::Newline => {
                b.leaf(Node::Break, r);
            }
            Kind::Code => b.leaf(Node::Code, r),
            Kind::Mono => b.leaf(Node::Mono, r),
            // Nothing is formatted inside a link: its text is its one child.
            Kind::Link => b.flat(Node::Link, r),
            Kind::Bold | Kind::Italic | Kind::Strike | Kind::Quote => {
                let kind = match r.kind {
                    Kind::Bold => Node::Bold,
                    Kind::Italic => Node::Italic,
                    Kind::Strike => Node::Strike,
                    _ => Node::Quote,
                };
                if flat() {
                    b.flat(kind, r);
                } else {
                    b.container(kind, r);
                }
            }
            Kind::Bullet(_) | Kind::Numbered => {
                if !continuing {
                    let kind = if r.kind == Kind::Numbered {
                        Node::OrderedList
                    } else {
                        Node::BulletList
                    };
                    b.open.push(Open {
                        entry: entry(kind, r.start, r.start, r.start, r.start),
                        base: b.scratch.len(),
                        close: usize::MAX,
                    });
                }
                continuing = false;
                let kind = match r.kind {
                    Kind::Bullet(c) => Node::BulletItem(c),
                    _ => Node::OrderedItem,
                };
                if !flat() {
                    b.container(kind, r);
                    continue;
                }
                b.flat(kind, r);
                match b.continues(list, i, at(r.end)) {
                    Some(j) => (i, continuing) = (j, true),
                    None => {
                        b.close();
                    }
                }
            }
            Kind::Dropped => {}
        }
    }
    while !b.open.is_empty() {
        b.close();
    }
    b.text(src.len());
    let top = b.seal(0);
    let Builder {
        open,
        scratch: entries,
        mut arena,
        ..
    } = b;
    (scratch.entries, scratch.open) = (entries, open);
    // The tree is kept: give back a hint far too large.
    if arena.capacity() > 2 * arena.len() + 16 {
        arena.shrink_to_fit();
    }
    Root::from_parts(src, arena, top)
}

/// The next kept range (or newline) at or after `i`, with its index.
fn next_range(list: &[Range], i: usize) -> Option<(usize, Range)> {
    let rest = list.get(i..)?;
    rest.iter()
        .position(|r| r.kind != Kind::Dropped)
        .and_then(|k| Some((i + k, *rest.get(k)?)))
}

/// Whether an item of kind `item` continues a list of kind `list`: bullets of any kind
/// continue a bulleted list, numbers a numbered one.
fn same_list(list: Node, item: Kind) -> bool {
    matches!(
        (list, item),
        (Node::BulletList, Kind::Bullet(_)) | (Node::OrderedList, Kind::Numbered)
    )
}

fn entry(kind: Node, start: u32, end: u32, open: u32, close: u32) -> Entry {
    Entry {
        kind,
        start,
        end,
        open,
        close,
        first: 0,
        len: 0,
    }
}

struct Builder {
    /// Where the text not yet turned into nodes starts.
    pos: usize,
    /// The nodes still open, outermost first.
    open: Vec<Open>,
    /// Finished nodes whose parent is still open.
    scratch: Vec<Entry>,
    arena: Vec<Entry>,
}

impl Builder {
    /// Moves the scratch nodes from `base` on to the arena: their index range there.
    #[inline]
    fn seal(&mut self, base: usize) -> (u32, u32) {
        let first = pos(self.arena.len());
        let gathered = self.scratch.get(base..).unwrap_or_default();
        self.arena.extend_from_slice(gathered);
        let len = pos(gathered.len());
        self.scratch.truncate(base);
        (first, len)
    }

    /// The text from the current position to `to`, if any (it holds no newline: each is an
    /// entry of the list).
    #[inline]
    fn text(&mut self, to: usize) {
        if self.pos < to {
            let (from, to) = (pos(self.pos), pos(to));
            self.scratch.push(entry(Node::Text, from, to, from, to));
            self.pos = at(to);
        }
    }

    /// A node without children: a break, inline code or monospace.
    #[inline]
    fn leaf(&mut self, kind: Node, r: Range) {
        self.scratch
            .push(entry(kind, r.start, r.end, r.open_end, r.close_start));
        self.pos = at(r.end);
    }

    /// Opens a node whose children are the ranges and text of its content.
    #[inline]
    fn container(&mut self, kind: Node, r: Range) {
        self.open.push(Open {
            entry: entry(kind, r.start, r.end, r.open_end, r.close_start),
            base: self.scratch.len(),
            close: at(r.close_start),
        });
        self.pos = at(r.open_end);
    }

    /// A node whose content is one text at most (nothing nested in it), finished at once.
    #[inline]
    fn flat(&mut self, kind: Node, r: Range) {
        let mut e = entry(kind, r.start, r.end, r.open_end, r.close_start);
        e.first = pos(self.arena.len());
        if r.open_end < r.close_start {
            e.len = 1;
            self.arena.push(entry(
                Node::Text,
                r.open_end,
                r.close_start,
                r.open_end,
                r.close_start,
            ));
        }
        self.scratch.push(e);
        self.pos = at(r.end);
    }

    /// After a list item that ended at `end`, with `list[k]` the entry after its content:
    /// the index of the next item if it continues the list on top of the stack (the newline
    /// at `end`, then an item of the same kind).
    fn continues(&self, list: &[Range], k: usize, end: usize) -> Option<usize> {
        let nl = list.get(k)?;
        if nl.kind != Kind::Newline || at(nl.start) != end {
            return None;
        }
        let (j, next) = next_range(list, k + 1)?;
        let kind = self.open.last()?.entry.kind;
        (at(next.start) == end + 1 && same_list(kind, next.kind)).then_some(j)
    }

    /// Closes the innermost open node (its text up to its content's end first): where it
    /// ends.
    #[inline]
    fn close(&mut self) -> usize {
        let Some(o) = self.open.pop() else {
            return self.pos;
        };
        let mut e = o.entry;
        if o.close == usize::MAX {
            // A list: it ends where its last item does.
            e.end = pos(self.pos);
            e.close = e.end;
        } else {
            self.text(o.close);
        }
        (e.first, e.len) = self.seal(o.base);
        self.scratch.push(e);
        self.pos = at(e.end);
        at(e.end)
    }
}
