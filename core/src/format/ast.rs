//! The preview AST: one struct per node kind under [`Node`], each with its [`Span`].
//!
//! It serializes to exactly the JSON of DESIGN.md ("Preview AST"):
//! `{"type":"root","span":[0,n],"children":[...]}`, nodes tagged `text`, `bold`, `italic`,
//! `strike`, `code`, `mono`, `link`, `break`, `bulletList`, `orderedList`, `quote`.
//! Everything needed to rebuild the input is in the tree: delimiters are fixed
//! (`*` `_` `~` `` ` `` ```` ``` ````), list items carry their `marker` or `number`, and
//! quotes carry their `marker` (the `>` and the whitespace character after it, which may be a
//! tab or another space character). See [`Root::to_markup`].
//!
//! Where newlines live: a newline between two items of one list belongs to the list; every
//! other newline outside a monospace block is a [`Break`] node. Text never contains a
//! newline (only [`Mono`] values can).

use serde::Serialize;
use serde::ser::SerializeTuple;

/// A `[start, end)` range of the source: UTF-8 byte offsets, or UTF-16 code units after
/// [`Root::spans_to_utf16`]. Serialized as `[start, end]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First unit.
    pub start: usize,
    /// One past the last unit.
    pub end: usize,
}

impl Span {
    /// A span from offsets.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

/// The whole text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename = "root")]
pub struct Root {
    /// The whole input.
    pub span: Span,
    /// Inline nodes, breaks and blocks in text order.
    pub children: Vec<Node>,
}

/// A node of the preview AST.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Node {
    /// Plain text.
    Text(Text),
    /// `*x*`.
    Bold(Bold),
    /// `_x_`.
    Italic(Italic),
    /// `~x~`.
    Strike(Strike),
    /// `` `x` ``: inline code, nothing formatted inside.
    Code(Code),
    /// ```` ```x``` ````: monospace, may span lines, nothing formatted inside.
    Mono(Mono),
    /// An http(s) or www link, nothing formatted inside.
    Link(Link),
    /// A newline outside a list.
    Break(Break),
    /// Consecutive `* `, `- ` or `• ` lines.
    BulletList(BulletList),
    /// Consecutive `N. ` lines.
    OrderedList(OrderedList),
    /// One `> ` line.
    Quote(Quote),
}

impl Node {
    /// The node's span.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Node::Text(n) => n.span,
            Node::Bold(n) => n.span,
            Node::Italic(n) => n.span,
            Node::Strike(n) => n.span,
            Node::Code(n) => n.span,
            Node::Mono(n) => n.span,
            Node::Link(n) => n.span,
            Node::Break(n) => n.span,
            Node::BulletList(n) => n.span,
            Node::OrderedList(n) => n.span,
            Node::Quote(n) => n.span,
        }
    }

    /// The inline children of a bold, italic, strike or link node; empty for others.
    #[must_use]
    pub fn children(&self) -> &[Node] {
        match self {
            Node::Bold(n) => &n.children,
            Node::Italic(n) => &n.children,
            Node::Strike(n) => &n.children,
            Node::Link(n) => &n.children,
            _ => &[],
        }
    }
}

/// Plain text, never containing a newline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    /// Where it is.
    pub span: Span,
    /// The text as written.
    pub value: String,
}

/// Bold: `*` children `*`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bold {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is bold.
    pub children: Vec<Node>,
}

/// Italic: `_` children `_`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Italic {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is italic.
    pub children: Vec<Node>,
}

/// Strikethrough: `~` children `~`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Strike {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is struck through.
    pub children: Vec<Node>,
}

/// Inline code: `` ` `` value `` ` ``.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Code {
    /// Where it is, delimiters included.
    pub span: Span,
    /// The code, literally.
    pub value: String,
}

/// Monospace: ```` ``` ```` value ```` ``` ````.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mono {
    /// Where it is, delimiters included.
    pub span: Span,
    /// The content, literally; may contain newlines.
    pub value: String,
}

/// A link; its text is its only child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    /// Where it is.
    pub span: Span,
    /// Where it leads: the text, with `https://` before a `www.` link.
    pub url: String,
    /// The link text as written (one text node).
    pub children: Vec<Node>,
}

/// A newline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Break {
    /// The newline character.
    pub span: Span,
}

/// A bulleted list: consecutive item lines (bullets may differ between lines).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BulletList {
    /// From the first item's marker to the last item's end (newline not included).
    pub span: Span,
    /// The lines.
    pub items: Vec<BulletItem>,
}

/// One `* `, `- ` or `• ` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BulletItem {
    /// The line, marker included, newline not.
    pub span: Span,
    /// `*`, `-` or `•` (one space follows it in the text).
    pub marker: char,
    /// The line after the marker and its space.
    pub children: Vec<Node>,
}

/// A numbered list: consecutive `N. ` lines, numbers as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrderedList {
    /// From the first item's number to the last item's end (newline not included).
    pub span: Span,
    /// The lines.
    pub items: Vec<OrderedItem>,
}

/// One `N. ` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrderedItem {
    /// The line, number included, newline not.
    pub span: Span,
    /// The number as typed: one or two ASCII digits (`"7"`, `"07"`, `"42"`); `. ` follows.
    pub number: String,
    /// The line after `N. `.
    pub children: Vec<Node>,
}

/// One `> ` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The line, `>` included, newline not.
    pub span: Span,
    /// The prefix as typed: `>` and one whitespace character (usually `"> "`).
    pub marker: String,
    /// The line after the prefix (possibly empty).
    pub children: Vec<Node>,
}
