//! WhatsApp text formatting: markup to a preview AST, HTML and plain text; Markdown to
//! markup.
//!
//! ```
//! use wamsg::format;
//! let root = format::parse("*Hi* _there_, see www.example.com");
//! assert_eq!(root.to_markup(), "*Hi* _there_, see www.example.com");
//! assert_eq!(format::to_text("*Hi* _there_"), "Hi there");
//! assert_eq!(format::to_html("*a<b*"), "<strong>a&lt;b</strong>");
//! assert_eq!(format::markdown_to_whatsapp("**bold** and *em*"), "*bold* and _em_");
//! ```
//!
//! The parser follows WhatsApp Web, the one client whose formatting engine could be read
//! (`reference/formatting-semantics.md`): every construct is matched on its own, in one
//! sweep over the text that lists every candidate in order of start ([`scan`], with
//! [`code`], [`inline`], [`block`], [`link`]), then conflicts are settled by WhatsApp Web's
//! priority groups, "the one opened first wins" between bold, italic and strike, and "nothing
//! inside code or links" ([`resolve`], in place on that list); [`tree`] builds the AST from it.
//! The whole parse is linear in the input, with no backtracking; it never fails: text that
//! forms no construct is shown as typed, and there are no escapes.
//!
//! Renderers: [`Root::to_html`] (escaped, stable tag mapping, see [`html`]),
//! [`Root::to_text`] (what a notification shows), [`Root::to_markup`] (exactly the input).
//! [`markdown_to_whatsapp`] converts CommonMark with pulldown-cmark.
//!
//! Length measures for editors (scalars, UTF-16, graphemes) are [`crate::text::measure`].

use std::cell::Cell;

mod ast;
mod block;
mod chars;
mod code;
mod html;
mod inline;
mod link;
mod markdown;
mod markup;
mod resolve;
mod scan;
mod text;
mod tree;

pub use ast::{
    Bold, Break, BulletItem, BulletList, Children, Code, Italic, Link, Mono, Node, OrderedItem,
    OrderedList, Quote, Root, Seq, SeqIter, Span, Strike, Text, Url, View,
};
pub use markdown::{MarkdownOptions, markdown_to_whatsapp, markdown_to_whatsapp_with_options};

/// What the parser recognises. The switches mirror WhatsApp Web's own configuration flags
/// for a received message bubble; all are on by default, as for a message from a business.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// `` `code` `` (WhatsApp Web's `parseInlineCode`; older clients show the backticks).
    pub inline_code: bool,
    /// `* `, `- `, `• ` and `N. ` lists (`parseLists`).
    pub lists: bool,
    /// `> ` quotes (`parseQuotes`).
    pub quotes: bool,
    /// http(s) and www links (WhatsApp Web links only "trusted" messages; without links, the
    /// word-boundary rules alone protect URLs).
    pub links: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            inline_code: true,
            lists: true,
            quotes: true,
            links: true,
        }
    }
}

// No nesting limit is needed: a construct never nests in itself, so the tree is at most
// about six levels deep whatever the input (root, list, item, bold, italic, strike, link).

/// Parses WhatsApp markup with default [`Options`].
#[must_use]
pub fn parse(text: &str) -> Root {
    parse_with_options(text, &Options::default())
}

/// Parses WhatsApp markup.
#[must_use]
pub fn parse_with_options(text: &str, opts: &Options) -> Root {
    let mut work = SPARE.with(Cell::take).unwrap_or_default();
    work.list.clear();
    scan::scan(text, opts, &mut work.list);
    let counts = resolve::resolve(&mut work.list);
    let root = tree::build(text, &work.list, counts, &mut work.tree);
    if work.list.capacity() * size_of::<scan::Range>() + work.tree.bytes() <= SPARE_MAX {
        // During thread teardown the slot may be gone; then the memory is simply freed.
        let _ = SPARE.try_with(|s| s.set(Some(work)));
    }
    root
}

/// The parser's working memory: the candidate list and the tree builder's stacks. The last
/// one used goes back to its thread for the next parse (a few `malloc`s and growths of a
/// fresh list cost as much as parsing a short message), unless it grew past [`SPARE_MAX`].
#[derive(Default)]
struct Work {
    list: Vec<scan::Range>,
    tree: tree::Scratch,
}

/// Working memory of at most this many bytes is kept for the next parse on the thread
/// (a 4 KiB message needs a few kilobytes).
const SPARE_MAX: usize = 256 * 1024;

thread_local! {
    static SPARE: Cell<Option<Work>> = const { Cell::new(None) };
}

/// WhatsApp markup to safe HTML (see [`Root::to_html`]).
#[must_use]
pub fn to_html(text: &str) -> String {
    parse(text).to_html()
}

/// WhatsApp markup to safe HTML with the given options.
#[must_use]
pub fn to_html_with_options(text: &str, opts: &Options) -> String {
    parse_with_options(text, opts).to_html()
}

/// WhatsApp markup to plain text (see [`Root::to_text`]).
#[must_use]
pub fn to_text(text: &str) -> String {
    parse(text).to_text()
}

impl Root {
    /// Safe HTML: every input character escaped, tags as documented in the `html` module
    /// (bold `<strong>`, italic `<em>`, strike `<s>`, code `<code>`, monospace
    /// `<code class="wa-mono">`, links `<a href rel>`, breaks `<br>`, lists `<ul>`/`<ol>`,
    /// quotes `<blockquote>`).
    #[must_use]
    pub fn to_html(&self) -> String {
        html::render(self)
    }

    /// Plain text, as a notification shows it: delimiters removed, list and quote prefixes
    /// kept as typed.
    #[must_use]
    pub fn to_text(&self) -> String {
        text::render(self)
    }

    /// WhatsApp markup: exactly the text that was parsed.
    #[must_use]
    pub fn to_markup(&self) -> String {
        markup::render(self)
    }

    /// The lengths of the parsed text, as an editor shows them next to a preview: Unicode
    /// scalars (what platform limits count), UTF-16 units (what JavaScript counts) and
    /// graphemes (what a reader counts). Measure [`Root::to_text`] for the displayed text.
    #[must_use]
    pub fn measure(&self) -> crate::text::Measure {
        crate::text::measure(self.source())
    }

    /// Rewrites every span from UTF-8 byte offsets into `src` (the parsed text) to UTF-16
    /// code-unit offsets, as JavaScript indexes strings. Linear: offsets are visited in an
    /// order where they never decrease (a node's start, its children, its end), so the
    /// conversion is one sweep.
    pub fn spans_to_utf16(&mut self, src: &str) {
        let mut offsets = Vec::with_capacity(self.entry_count() * 2 + 2);
        offsets.push(0);
        self.walk_offsets(&mut |_, _, byte| offsets.push(byte));
        offsets.push(self.source().len());
        crate::position::bytes_to_utf16(src, &mut offsets);
        let mut units = vec![Span::default(); self.entry_count()];
        let mut it = offsets.iter().copied();
        let start = it.next().unwrap_or(0);
        self.walk_offsets(&mut |i, enter, _| {
            let v = it.next().unwrap_or(0);
            if let Some(s) = units.get_mut(i as usize) {
                if enter {
                    s.start = v;
                } else {
                    s.end = v;
                }
            }
        });
        let end = it.next().unwrap_or(0);
        self.set_units(Span::new(start, end), units);
    }
}
