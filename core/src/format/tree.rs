//! Builds the AST from the kept ranges (sorted by start, outer first, properly nested):
//! the text between ranges becomes text and break nodes, consecutive list lines of one kind
//! become one list. Recursion depth is bounded by the number of node kinds, since a
//! construct never nests in itself.

use super::ast::{
    Bold, Break, BulletItem, BulletList, Code, Italic, Link, Mono, Node, OrderedItem, OrderedList,
    Quote, Root, Span, Strike, Text,
};
use super::link::href;
use super::scan::{Kind, Range, at};

/// The AST of `src` given the ranges [`super::resolve::resolve`] kept.
pub(crate) fn build(src: &str, kept: &[Range]) -> Root {
    let mut b = Builder { src, kept, next: 0 };
    let children = b.children(0, src.len());
    Root {
        span: Span::new(0, src.len()),
        children,
    }
}

struct Builder<'a> {
    src: &'a str,
    kept: &'a [Range],
    /// The next kept range not yet turned into a node.
    next: usize,
}

impl Builder<'_> {
    fn slice(&self, from: usize, to: usize) -> &str {
        self.src.get(from..to).unwrap_or_default()
    }

    /// The nodes for `[from, to)`: kept ranges starting there, and the text around them.
    fn children(&mut self, from: usize, to: usize) -> Vec<Node> {
        let mut out = Vec::new();
        let mut pos = from;
        while let Some(&r) = self.kept.get(self.next) {
            if at(r.start) >= to {
                break;
            }
            self.text(&mut out, pos, at(r.start));
            self.next += 1;
            let node = self.node(r);
            pos = node.span().end;
            out.push(node);
        }
        self.text(&mut out, pos, to);
        out
    }

    /// Plain text between ranges: text nodes separated by breaks.
    fn text(&self, out: &mut Vec<Node>, from: usize, to: usize) {
        let mut start = from;
        let bytes = self.src.as_bytes().get(from..to).unwrap_or_default();
        for nl in memchr::memchr_iter(b'\n', bytes) {
            let nl = from + nl;
            self.push_text(out, start, nl);
            out.push(Node::Break(Break {
                span: Span::new(nl, nl + 1),
            }));
            start = nl + 1;
        }
        self.push_text(out, start, to);
    }

    fn push_text(&self, out: &mut Vec<Node>, from: usize, to: usize) {
        if from < to {
            out.push(Node::Text(Text {
                span: Span::new(from, to),
                value: self.slice(from, to).to_string(),
            }));
        }
    }

    fn node(&mut self, r: Range) -> Node {
        let span = Span::new(at(r.start), at(r.end));
        let (open, close) = (at(r.open_end), at(r.close_start));
        match r.kind {
            Kind::Bold => Node::Bold(Bold {
                span,
                children: self.children(open, close),
            }),
            Kind::Italic => Node::Italic(Italic {
                span,
                children: self.children(open, close),
            }),
            Kind::Strike => Node::Strike(Strike {
                span,
                children: self.children(open, close),
            }),
            Kind::Code => Node::Code(Code {
                span,
                value: self.slice(open, close).to_string(),
            }),
            Kind::Mono => Node::Mono(Mono {
                span,
                value: self.slice(open, close).to_string(),
            }),
            Kind::Link => Node::Link(Link {
                span,
                url: href(self.slice(open, close)),
                children: self.children(open, close),
            }),
            Kind::Quote => Node::Quote(Quote {
                span,
                marker: self.slice(span.start, open).to_string(),
                children: self.children(open, close),
            }),
            Kind::Bullet(_) => self.bullet_list(r),
            Kind::Numbered => self.ordered_list(r),
        }
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

    fn bullet_item(&mut self, r: Range) -> BulletItem {
        let marker = match r.kind {
            Kind::Bullet(c) => c,
            _ => '*',
        };
        BulletItem {
            span: Span::new(at(r.start), at(r.end)),
            marker,
            children: self.children(at(r.open_end), at(r.close_start)),
        }
    }

    fn bullet_list(&mut self, first: Range) -> Node {
        let mut items = vec![self.bullet_item(first)];
        let mut end = at(first.end);
        while let Some(r) = self.next_item(end, false) {
            self.next += 1;
            items.push(self.bullet_item(r));
            end = at(r.end);
        }
        Node::BulletList(BulletList {
            span: Span::new(at(first.start), end),
            items,
        })
    }

    fn ordered_item(&mut self, r: Range) -> OrderedItem {
        // The prefix is `N. ` or `NN. `: the number is all but its last two bytes.
        let number = self.slice(at(r.start), at(r.open_end).saturating_sub(2));
        OrderedItem {
            span: Span::new(at(r.start), at(r.end)),
            number: number.to_string(),
            children: self.children(at(r.open_end), at(r.close_start)),
        }
    }

    fn ordered_list(&mut self, first: Range) -> Node {
        let mut items = vec![self.ordered_item(first)];
        let mut end = at(first.end);
        while let Some(r) = self.next_item(end, true) {
            self.next += 1;
            items.push(self.ordered_item(r));
            end = at(r.end);
        }
        Node::OrderedList(OrderedList {
            span: Span::new(at(first.start), end),
            items,
        })
    }
}
