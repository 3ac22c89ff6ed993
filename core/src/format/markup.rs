//! The AST back to WhatsApp markup: exactly the parsed input, for every input
//! (`to_markup(parse(x)) == x`), as WhatsApp Web's composer parser guarantees for its own
//! tree (`WAWebTextFormatParser` refuses a tree that does not serialize back to its input).
//! The same walk without inline delimiters gives the plain text of [`super::text`].

use super::ast::{Children, Node, Root};

/// Writes `root` as WhatsApp markup.
pub(crate) fn render(root: &Root) -> String {
    write(root, true)
}

/// Writes `root` with or without the inline delimiters (`*` `_` `~` `` ` `` ```` ``` ````);
/// list and quote prefixes and newlines are always written.
pub(crate) fn write(root: &Root, delimiters: bool) -> String {
    let mut out = String::with_capacity(root.source().len());
    let mut w = Writer {
        out: &mut out,
        delimiters,
    };
    w.nodes(root.children());
    out
}

struct Writer<'a> {
    out: &'a mut String,
    delimiters: bool,
}

impl Writer<'_> {
    fn nodes(&mut self, list: Children<'_>) {
        for n in list {
            self.node(n);
        }
    }

    fn delim(&mut self, d: &str) {
        if self.delimiters {
            self.out.push_str(d);
        }
    }

    fn wrapped(&mut self, d: &str, children: Children<'_>) {
        self.delim(d);
        self.nodes(children);
        self.delim(d);
    }

    fn literal(&mut self, d: &str, value: &str) {
        self.delim(d);
        self.out.push_str(value);
        self.delim(d);
    }

    fn node(&mut self, n: Node<'_>) {
        match n {
            Node::Text(t) => self.out.push_str(t.value),
            Node::Bold(b) => self.wrapped("*", b.children),
            Node::Italic(i) => self.wrapped("_", i.children),
            Node::Strike(s) => self.wrapped("~", s.children),
            Node::Code(c) => self.literal("`", c.value),
            Node::Mono(m) => self.literal("```", m.value),
            Node::Link(l) => self.nodes(l.children),
            Node::Break(_) => self.out.push('\n'),
            Node::BulletList(l) => {
                for (i, item) in l.items.iter().enumerate() {
                    if i > 0 {
                        self.out.push('\n');
                    }
                    self.out.push(item.marker);
                    self.out.push(' ');
                    self.nodes(item.children);
                }
            }
            Node::OrderedList(l) => {
                for (i, item) in l.items.iter().enumerate() {
                    if i > 0 {
                        self.out.push('\n');
                    }
                    self.out.push_str(item.number);
                    self.out.push_str(". ");
                    self.nodes(item.children);
                }
            }
            Node::Quote(q) => {
                self.out.push_str(q.marker);
                self.nodes(q.children);
            }
        }
    }
}
