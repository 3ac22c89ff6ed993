//! The preview AST: one struct per node kind under [`Node`], each with its [`Span`].
//!
//! The tree lives in one flat vector inside [`Root`] (plain data: building it allocates no
//! string and no vector per node, and dropping it frees one vector). The per-kind structs
//! are read-only views borrowed from the root, cheap to copy: a container's `children` is a
//! [`Seq`] of nodes, a text's `value` a `&str`. Pattern-match them as usual:
//!
//! ```
//! use wamsg::format::{parse, Node};
//! let root = parse("*Hi* there");
//! for node in root.children() {
//!     match node {
//!         Node::Bold(b) => assert_eq!(b.children.len(), 1),
//!         Node::Text(t) => assert_eq!(t.value, " there"),
//!         _ => unreachable!(),
//!     }
//! }
//! ```
//!
//! The root and every node serialize to exactly the JSON of DESIGN.md ("Preview AST"):
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

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::ser::{SerializeSeq, SerializeStruct, SerializeTuple};

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

/// What an arena entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Bold,
    Italic,
    Strike,
    Code,
    Mono,
    Link,
    Break,
    BulletList,
    OrderedList,
    Quote,
    BulletItem(char),
    OrderedItem,
}

/// One node, as plain data. Offsets are UTF-8 bytes into the root's source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub kind: Kind,
    /// The node.
    pub start: u32,
    pub end: u32,
    /// Its content: the value of a leaf, the text between delimiters (or after a prefix) of
    /// a container.
    pub open: u32,
    pub close: u32,
    /// Its children (or items) in the arena.
    pub first: u32,
    pub len: u32,
}

/// The whole text: its nodes, and the source they point into.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Root {
    /// The whole input.
    pub span: Span,
    source: String,
    entries: Vec<Entry>,
    top: (u32, u32),
    /// Spans in other units (after [`Root::spans_to_utf16`]), one per entry.
    units: Option<Vec<Span>>,
}

impl Root {
    /// A root over `source` from an arena whose top-level nodes are `entries[top]`.
    pub(crate) fn from_parts(source: &str, entries: Vec<Entry>, top: (u32, u32)) -> Self {
        Self {
            span: Span::new(0, source.len()),
            source: source.to_string(),
            entries,
            top,
            units: None,
        }
    }

    /// The parsed text.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The top-level nodes: inline nodes, breaks and blocks in text order.
    #[must_use]
    pub fn children(&self) -> Children<'_> {
        Seq::new(self, self.top.0, self.top.1)
    }

    fn entry(&self, i: u32) -> Option<&Entry> {
        self.entries.get(i as usize)
    }

    /// The entries `first..first + len`: the top-level nodes ([`Root::top`]) or a node's
    /// children (`Entry::first`, `Entry::len`).
    pub(crate) fn entries(&self, first: u32, len: u32) -> &[Entry] {
        self.entries
            .get(first as usize..first.saturating_add(len) as usize)
            .unwrap_or_default()
    }

    /// Where the top-level nodes are, as `(first, len)` for [`Root::entries`].
    pub(crate) fn top(&self) -> (u32, u32) {
        self.top
    }

    /// The number of an ordered list item as typed: its prefix is `N. ` or `NN. `, the number
    /// all of it but `. `.
    pub(crate) fn item_number(&self, item: &Entry) -> &str {
        self.slice(item.start, item.open.saturating_sub(2))
    }

    pub(crate) fn slice(&self, from: u32, to: u32) -> &str {
        self.source
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    fn span_of(&self, i: u32, e: &Entry) -> Span {
        match &self.units {
            Some(units) => units.get(i as usize).copied().unwrap_or_default(),
            None => Span::new(e.start as usize, e.end as usize),
        }
    }

    /// Every entry in an order where offsets never decrease: `f(index, true, start)` on
    /// entering a node and `f(index, false, end)` on leaving it, children in between. Offsets
    /// are bytes.
    pub(crate) fn walk_offsets(&self, f: &mut impl FnMut(u32, bool, usize)) {
        fn go(root: &Root, first: u32, len: u32, f: &mut impl FnMut(u32, bool, usize)) {
            for i in first..first.saturating_add(len) {
                let Some(e) = root.entry(i) else { continue };
                f(i, true, e.start as usize);
                go(root, e.first, e.len, f);
                f(i, false, (e.end as usize).min(root.source.len()));
            }
        }
        go(self, self.top.0, self.top.1, f);
    }

    /// Replaces the public spans (bytes) by `units`, one per entry, and the root span.
    pub(crate) fn set_units(&mut self, span: Span, units: Vec<Span>) {
        self.span = span;
        self.units = Some(units);
    }

    pub(crate) fn entry_count(&self) -> usize {
        self.entries.len()
    }
}

impl Serialize for Root {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Root", 3)?;
        st.serialize_field("type", "root")?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("children", &self.children())?;
        st.end()
    }
}

/// A view of one arena entry.
pub trait View<'a>: Sized {
    /// The view of entry `i`.
    #[doc(hidden)]
    fn view(root: &'a Root, i: u32) -> Option<Self>;
}

/// A sequence of nodes or list items, in text order. Iterate it, index it with
/// [`Seq::get`], or count it with [`Seq::len`].
pub struct Seq<'a, T> {
    root: &'a Root,
    first: u32,
    len: u32,
    _of: PhantomData<T>,
}

/// The children of a node or of the root.
pub type Children<'a> = Seq<'a, Node<'a>>;

impl<'a, T: View<'a>> Seq<'a, T> {
    fn new(root: &'a Root, first: u32, len: u32) -> Self {
        Self {
            root,
            first,
            len,
            _of: PhantomData,
        }
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `i`-th, if there is one.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<T> {
        let i = u32::try_from(i).ok().filter(|&i| i < self.len)?;
        T::view(self.root, self.first + i)
    }

    /// The first, if any.
    #[must_use]
    pub fn first(&self) -> Option<T> {
        self.get(0)
    }

    /// The last, if any.
    #[must_use]
    pub fn last(&self) -> Option<T> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Iterates over them.
    #[must_use]
    pub fn iter(&self) -> SeqIter<'a, T> {
        SeqIter {
            root: self.root,
            next: self.first,
            end: self.first.saturating_add(self.len),
            _of: PhantomData,
        }
    }
}

impl<T> Clone for Seq<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Seq<'_, T> {}

impl<'a, T: View<'a>> IntoIterator for Seq<'a, T> {
    type Item = T;
    type IntoIter = SeqIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: View<'a>> IntoIterator for &Seq<'a, T> {
    type Item = T;
    type IntoIter = SeqIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, T: View<'a> + fmt::Debug> fmt::Debug for Seq<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: View<'a> + PartialEq> PartialEq for Seq<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<'a, T: View<'a> + Serialize> Serialize for Seq<'a, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for x in self.iter() {
            seq.serialize_element(&x)?;
        }
        seq.end()
    }
}

/// An iterator over a [`Seq`].
pub struct SeqIter<'a, T> {
    root: &'a Root,
    next: u32,
    end: u32,
    _of: PhantomData<T>,
}

impl<'a, T: View<'a>> Iterator for SeqIter<'a, T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        while self.next < self.end {
            let i = self.next;
            self.next += 1;
            if let Some(v) = T::view(self.root, i) {
                return Some(v);
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some((self.end - self.next) as usize))
    }
}

/// A node of the preview AST.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Node<'a> {
    /// Plain text.
    Text(Text<'a>),
    /// `*x*`.
    Bold(Bold<'a>),
    /// `_x_`.
    Italic(Italic<'a>),
    /// `~x~`.
    Strike(Strike<'a>),
    /// `` `x` ``: inline code, nothing formatted inside.
    Code(Code<'a>),
    /// ```` ```x``` ````: monospace, may span lines, nothing formatted inside.
    Mono(Mono<'a>),
    /// An http(s) or www link, nothing formatted inside.
    Link(Link<'a>),
    /// A newline outside a list.
    Break(Break<'a>),
    /// Consecutive `* `, `- ` or `• ` lines.
    BulletList(BulletList<'a>),
    /// Consecutive `N. ` lines.
    OrderedList(OrderedList<'a>),
    /// One `> ` line.
    Quote(Quote<'a>),
}

impl<'a> Node<'a> {
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

    /// The inline children of a bold, italic, strike, link or quote node; empty for others
    /// (list items are in the lists' `items`).
    #[must_use]
    pub fn children(&self) -> Children<'a> {
        match self {
            Node::Bold(n) => n.children,
            Node::Italic(n) => n.children,
            Node::Strike(n) => n.children,
            Node::Link(n) => n.children,
            Node::Quote(n) => n.children,
            Node::Text(n) => Seq::new(n.root, 0, 0),
            Node::Code(n) => Seq::new(n.root, 0, 0),
            Node::Mono(n) => Seq::new(n.root, 0, 0),
            Node::Break(n) => Seq::new(n.root, 0, 0),
            Node::BulletList(n) => Seq::new(n.items.root, 0, 0),
            Node::OrderedList(n) => Seq::new(n.items.root, 0, 0),
        }
    }
}

impl<'a> View<'a> for Node<'a> {
    fn view(root: &'a Root, i: u32) -> Option<Self> {
        let e = root.entry(i)?;
        let span = root.span_of(i, e);
        let children = Seq::new(root, e.first, e.len);
        let value = root.slice(e.open, e.close);
        Some(match e.kind {
            Kind::Text => Node::Text(Text { span, value, root }),
            Kind::Code => Node::Code(Code { span, value, root }),
            Kind::Mono => Node::Mono(Mono { span, value, root }),
            Kind::Break => Node::Break(Break { span, root }),
            Kind::Bold => Node::Bold(Bold { span, children }),
            Kind::Italic => Node::Italic(Italic { span, children }),
            Kind::Strike => Node::Strike(Strike { span, children }),
            Kind::Link => Node::Link(Link {
                span,
                url: Url::of(value),
                children,
            }),
            Kind::Quote => Node::Quote(Quote {
                span,
                marker: root.slice(e.start, e.open),
                children,
            }),
            Kind::BulletList => Node::BulletList(BulletList {
                span,
                items: Seq::new(root, e.first, e.len),
            }),
            Kind::OrderedList => Node::OrderedList(OrderedList {
                span,
                items: Seq::new(root, e.first, e.len),
            }),
            Kind::BulletItem(_) | Kind::OrderedItem => return None,
        })
    }
}

/// Plain text, never containing a newline.
#[derive(Clone, Copy, Serialize)]
pub struct Text<'a> {
    /// Where it is.
    pub span: Span,
    /// The text as written.
    pub value: &'a str,
    #[serde(skip)]
    root: &'a Root,
}

/// Bold: `*` children `*`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bold<'a> {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is bold.
    pub children: Children<'a>,
}

/// Italic: `_` children `_`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Italic<'a> {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is italic.
    pub children: Children<'a>,
}

/// Strikethrough: `~` children `~`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Strike<'a> {
    /// Where it is, delimiters included.
    pub span: Span,
    /// What is struck through.
    pub children: Children<'a>,
}

/// Inline code: `` ` `` value `` ` ``.
#[derive(Clone, Copy, Serialize)]
pub struct Code<'a> {
    /// Where it is, delimiters included.
    pub span: Span,
    /// The code, literally.
    pub value: &'a str,
    #[serde(skip)]
    root: &'a Root,
}

/// Monospace: ```` ``` ```` value ```` ``` ````.
#[derive(Clone, Copy, Serialize)]
pub struct Mono<'a> {
    /// Where it is, delimiters included.
    pub span: Span,
    /// The content, literally; may contain newlines.
    pub value: &'a str,
    #[serde(skip)]
    root: &'a Root,
}

/// A link; its text is its only child.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Link<'a> {
    /// Where it is.
    pub span: Span,
    /// Where it leads: the text, with `https://` before a `www.` link.
    pub url: Url<'a>,
    /// The link text as written (one text node).
    pub children: Children<'a>,
}

/// A link target: the link text, with `https://` before a `www.` link. Displays and
/// serializes as the full URL.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Url<'a> {
    scheme: &'static str,
    rest: &'a str,
}

impl<'a> Url<'a> {
    pub(crate) fn of(text: &'a str) -> Self {
        let www = text
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."));
        Self {
            scheme: if www { "https://" } else { "" },
            rest: text,
        }
    }
}

impl Url<'_> {
    /// Appends the URL, HTML-escaped.
    pub(crate) fn write_escaped(&self, out: &mut String) {
        out.push_str(self.scheme);
        super::html::escape(self.rest, out);
    }
}

impl fmt::Display for Url<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.scheme)?;
        f.write_str(self.rest)
    }
}

impl fmt::Debug for Url<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

impl PartialEq<&str> for Url<'_> {
    fn eq(&self, other: &&str) -> bool {
        other.strip_prefix(self.scheme) == Some(self.rest)
    }
}

impl Serialize for Url<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A newline.
#[derive(Clone, Copy, Serialize)]
pub struct Break<'a> {
    /// The newline character.
    pub span: Span,
    #[serde(skip)]
    root: &'a Root,
}

/// A bulleted list: consecutive item lines (bullets may differ between lines).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BulletList<'a> {
    /// From the first item's marker to the last item's end (newline not included).
    pub span: Span,
    /// The lines.
    pub items: Seq<'a, BulletItem<'a>>,
}

/// One `* `, `- ` or `• ` line.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct BulletItem<'a> {
    /// The line, marker included, newline not.
    pub span: Span,
    /// `*`, `-` or `•` (one space follows it in the text).
    pub marker: char,
    /// The line after the marker and its space.
    pub children: Children<'a>,
}

impl<'a> View<'a> for BulletItem<'a> {
    fn view(root: &'a Root, i: u32) -> Option<Self> {
        let e = root.entry(i)?;
        let Kind::BulletItem(marker) = e.kind else {
            return None;
        };
        Some(Self {
            span: root.span_of(i, e),
            marker,
            children: Seq::new(root, e.first, e.len),
        })
    }
}

/// A numbered list: consecutive `N. ` lines, numbers as typed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct OrderedList<'a> {
    /// From the first item's number to the last item's end (newline not included).
    pub span: Span,
    /// The lines.
    pub items: Seq<'a, OrderedItem<'a>>,
}

/// One `N. ` line.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct OrderedItem<'a> {
    /// The line, number included, newline not.
    pub span: Span,
    /// The number as typed: one or two ASCII digits (`"7"`, `"07"`, `"42"`); `. ` follows.
    pub number: &'a str,
    /// The line after `N. `.
    pub children: Children<'a>,
}

impl<'a> View<'a> for OrderedItem<'a> {
    fn view(root: &'a Root, i: u32) -> Option<Self> {
        let e = root.entry(i)?;
        if e.kind != Kind::OrderedItem {
            return None;
        }
        Some(Self {
            span: root.span_of(i, e),
            number: root.item_number(e),
            children: Seq::new(root, e.first, e.len),
        })
    }
}

/// One `> ` line.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Quote<'a> {
    /// The line, `>` included, newline not.
    pub span: Span,
    /// The prefix as typed: `>` and one whitespace character (usually `"> "`).
    pub marker: &'a str,
    /// The line after the prefix (possibly empty).
    pub children: Children<'a>,
}

// Leaves keep a reference to their root only so that `Node::children` can return an empty
// sequence; it is not part of their identity.
macro_rules! leaf_impls {
    ($($t:ident),*) => {$(
        impl fmt::Debug for $t<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($t))
                    .field("span", &self.span)
                    .field("value", &self.value)
                    .finish()
            }
        }
        impl PartialEq for $t<'_> {
            fn eq(&self, other: &Self) -> bool {
                self.span == other.span && self.value == other.value
            }
        }
    )*};
}
leaf_impls!(Text, Code, Mono);

impl fmt::Debug for Break<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Break").field("span", &self.span).finish()
    }
}

impl PartialEq for Break<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.span == other.span
    }
}
