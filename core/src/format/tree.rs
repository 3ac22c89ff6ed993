//! Builds the AST arena from the kept ranges (sorted by start, outer first, properly
//! nested): the text between ranges becomes text and break nodes, consecutive list lines of
//! one kind become one list. Recursion depth is bounded by the number of node kinds, since a
//! construct never nests in itself.
//!
//! Nodes are plain data. A node's children are gathered on a scratch stack while they are
//! built, then copied together to the arena, so every node's children are contiguous.

use super::ast::{Entry, Kind as Node, Root};
use super::scan::{Kind, Range, at, pos};

/// The AST of `src` given the ranges [`super::resolve::resolve`] kept and the positions of
/// its newlines.
pub(crate) fn build(src: &str, kept: &[Range], newlines: &[u32]) -> Root {
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
    let mut b = Builder {
        src,
        kept,
        next: 0,
        newlines,
        nl: 0,
        scratch: Vec::with_capacity(64),
        // Each kept range makes a node and at most one text before it; each newline a break
        // and at most one text before it.
        arena: Vec::with_capacity(kept.len() * 2 + newlines.len() * 2 + 2),
    };
    let top = b.children(0, src.len());
    Root::from_parts(src, b.arena, top)
}

struct Builder<'a> {
    src: &'a str,
    kept: &'a [Range],
    /// The next kept range not yet turned into a node.
    next: usize,
    /// Every newline of the text, and the first one not yet passed. Text is visited in
    /// order, so one cursor finds the newlines of each stretch of text.
    newlines: &'a [u32],
    nl: usize,
    /// Nodes whose parent is not finished yet.
    scratch: Vec<Entry>,
    arena: Vec<Entry>,
}

fn entry(kind: Node, start: usize, end: usize, open: usize, close: usize) -> Entry {
    Entry {
        kind,
        start: pos(start),
        end: pos(end),
        open: pos(open),
        close: pos(close),
        first: 0,
        len: 0,
    }
}

impl Builder<'_> {
    /// Moves the scratch nodes from `base` on to the arena: their index range there.
    fn seal(&mut self, base: usize) -> (u32, u32) {
        let first = pos(self.arena.len());
        let gathered = self.scratch.get(base..).unwrap_or_default();
        self.arena.extend_from_slice(gathered);
        let len = pos(gathered.len());
        self.scratch.truncate(base);
        (first, len)
    }

    /// The nodes for `[from, to)`: kept ranges starting there, and the text around them.
    fn children(&mut self, from: usize, to: usize) -> (u32, u32) {
        let base = self.scratch.len();
        let mut pos = from;
        while let Some(&r) = self.kept.get(self.next) {
            if at(r.start) >= to {
                break;
            }
            self.text(pos, at(r.start));
            self.next += 1;
            pos = self.node(r);
        }
        self.text(pos, to);
        self.seal(base)
    }

    /// Plain text between ranges: text nodes separated by breaks.
    fn text(&mut self, from: usize, to: usize) {
        while self.newlines.get(self.nl).is_some_and(|&n| at(n) < from) {
            self.nl += 1;
        }
        let mut start = from;
        while let Some(&n) = self.newlines.get(self.nl) {
            let nl = at(n);
            if nl >= to {
                break;
            }
            self.nl += 1;
            self.push_text(start, nl);
            self.scratch
                .push(entry(Node::Break, nl, nl + 1, nl, nl + 1));
            start = nl + 1;
        }
        self.push_text(start, to);
    }

    fn push_text(&mut self, from: usize, to: usize) {
        if from < to {
            self.scratch.push(entry(Node::Text, from, to, from, to));
        }
    }

    /// Pushes the node for `r` (and its children to the arena); where it ends.
    fn node(&mut self, r: Range) -> usize {
        let (open, close) = (at(r.open_end), at(r.close_start));
        let kind = match r.kind {
            Kind::Bullet(_) | Kind::Numbered => return self.list(r),
            Kind::Bold => Node::Bold,
            Kind::Italic => Node::Italic,
            Kind::Strike => Node::Strike,
            Kind::Code => Node::Code,
            Kind::Mono => Node::Mono,
            Kind::Link => Node::Link,
            Kind::Quote => Node::Quote,
        };
        let mut e = entry(kind, at(r.start), at(r.end), open, close);
        if !matches!(kind, Node::Code | Node::Mono) {
            (e.first, e.len) = self.children(open, close);
        }
        self.scratch.push(e);
        at(r.end)
    }

    /// Whether the kept range after the last item continues the list: an item of the same
    /// family on the very next line.
    fn next_item(&self, end: usize, numbered: bool) -> Option<Range> {
        let r = *self.kept.get(self.next)?;
        let same = matches!(
            (r.kind, numbered),
            (Kind::Bullet(_), false) | (Kind::Numbered, true)
        );
        let adjacent =
            at(r.start) == end + 1 && self.src.as_bytes().get(end).is_some_and(|&b| b == b'\n');
        (same && adjacent).then_some(r)
    }

    /// A list starting with item `first` and taking every item that follows on the next
    /// lines; where it ends.
    fn list(&mut self, first: Range) -> usize {
        let numbered = first.kind == Kind::Numbered;
        let base = self.scratch.len();
        let mut end;
        let mut r = first;
        loop {
            let kind = match r.kind {
                Kind::Bullet(c) => Node::BulletItem(c),
                _ => Node::OrderedItem,
            };
            let (open, close) = (at(r.open_end), at(r.close_start));
            let mut item = entry(kind, at(r.start), at(r.end), open, close);
            (item.first, item.len) = self.children(open, close);
            self.scratch.push(item);
            end = at(r.end);
            match self.next_item(end, numbered) {
                Some(n) => {
                    self.next += 1;
                    r = n;
                }
                None => break,
            }
        }
        let (items, count) = self.seal(base);
        let kind = if numbered {
            Node::OrderedList
        } else {
            Node::BulletList
        };
        let mut list = entry(kind, at(first.start), end, at(first.start), end);
        (list.first, list.len) = (items, count);
        self.scratch.push(list);
        end
    }
}
