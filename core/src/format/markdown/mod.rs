//! Markdown (CommonMark with GitHub's strikethrough, tables and task lists, parsed by
//! pulldown-cmark) to WhatsApp markup that shows what the Markdown meant.
//!
//! | Markdown | WhatsApp |
//! |---|---|
//! | `*em*`, `_em_` | `_em_` |
//! | `**strong**`, `__strong__` | `*strong*` |
//! | `***both***` (any nesting of the two around the same text) | `*_both_*` |
//! | `~~del~~` | `~del~` |
//! | `` `code` `` | `` `code` ``, or ```` ```code``` ```` where inline code cannot render |
//! | ```` ```code``` ```` written inline (WhatsApp's own syntax) | ```` ```code``` ```` as written |
//! | fenced or indented code block | ```` ```code``` ````: no language, no newline after the opening fence or before the closing one |
//! | heading | the heading as one bold line (strong inside it adds nothing) |
//! | `[text](url)` | `text (url)`, or `url` when the text is the URL or empty |
//! | `![alt](url)` | `alt (url)`, or `url` without alt text |
//! | bullet list | `- item`; nested levels indented with two U+2002 per level and `◦ ➤ ✦ •` |
//! | ordered list | `1. item`, renumbered from the list's start; nested levels indented |
//! | task item | `☐ item` / `☑ item` in place of the bullet |
//! | block quote | `> line`; nested quotes `> » line` |
//! | table | one line per row (header first), cells joined by ` · ` |
//! | thematic break | `---` |
//! | HTML | tags removed, text kept |
//! | soft and hard line breaks | a newline |
//! | blank lines between blocks | exactly one blank line |
//!
//! WhatsApp has no nesting of lists and no escapes, and its spans need word boundaries; how
//! each line is written so that it parses back into the intended formatting is described in
//! `line`. Lines that would start a list or quote by accident (`2. x` after a soft break)
//! get an invisible U+2060 WORD JOINER in front.

mod line;

use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag, TagEnd};

use super::block;
use line::{Piece, Style};

/// Options for [`markdown_to_whatsapp_with_options`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// Write code spans as ```` ```x``` ```` monospace, which every WhatsApp client shows,
    /// instead of `` `x` `` inline code, which clients before 2024 show with the backticks.
    pub mono_code_spans: bool,
    /// The bullet of top-level unordered list items: `'-'` (default), `'*'` or `'•'`.
    pub bullet: char,
}

impl Default for MarkdownOptions {
    fn default() -> Self {
        Self {
            mono_code_spans: false,
            bullet: '-',
        }
    }
}

/// Converts Markdown to WhatsApp markup with default options.
#[must_use]
pub fn markdown_to_whatsapp(md: &str) -> String {
    markdown_to_whatsapp_with_options(md, &MarkdownOptions::default())
}

/// Converts Markdown to WhatsApp markup.
#[must_use]
pub fn markdown_to_whatsapp_with_options(md: &str, opts: &MarkdownOptions) -> String {
    let cm = CmarkOptions::ENABLE_STRIKETHROUGH
        | CmarkOptions::ENABLE_TABLES
        | CmarkOptions::ENABLE_TASKLISTS;
    let mut w = Writer::new(md, opts);
    for (event, range) in Parser::new_ext(md, cm).into_offset_iter() {
        w.event(event, range);
    }
    w.flush_inline();
    w.out
}

/// Bullets of nested unordered lists, by depth (botpress's choice; WhatsApp has no nesting).
const NESTED_BULLETS: [char; 4] = ['◦', '➤', '✦', '•'];
const INDENT: &str = "\u{2002}\u{2002}";

enum Container {
    Quote,
    List {
        next: Option<u64>,
    },
    Item {
        marker: String,
        first: bool,
        depth: usize,
    },
}

/// What separates the next block from what is already written.
#[derive(Clone, PartialEq, Eq)]
enum Sep {
    None,
    Line,
    /// A blank line, carrying the quote prefix of where the previous block ended.
    Blank(String),
}

/// Inline content being collected: finished lines and the current one.
#[derive(Default)]
struct Inline {
    lines: Vec<Vec<Piece>>,
    cur: Vec<Piece>,
    /// Styles open on the current line, outermost first.
    active: Vec<Style>,
    /// How deep each style is nested in the Markdown; only the outermost is written.
    depth: [u32; 3],
    /// Links and images being collected: where their text started, and their URL.
    links: Vec<(usize, usize, String)>,
    /// Whether the next text may join the last text piece (not at a link's start, so the
    /// link text stays a piece of its own).
    join: bool,
}

impl Inline {
    fn text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.cur.last_mut() {
            Some(Piece::Text(t)) if self.join => t.push_str(s),
            _ => self.cur.push(Piece::Text(s.to_string())),
        }
        self.join = true;
    }

    fn open(&mut self, s: Style) {
        let Some(d) = self.depth.get_mut(s.index()) else {
            return;
        };
        *d += 1;
        if *d == 1 {
            self.cur.push(Piece::Open(s));
            self.active.push(s);
        }
    }

    fn close(&mut self, s: Style) {
        let Some(d) = self.depth.get_mut(s.index()) else {
            return;
        };
        if *d == 0 {
            return;
        }
        *d -= 1;
        if *d > 0 {
            return;
        }
        // Markdown nests properly, so `s` is the innermost open style; close any inside it
        // anyway and reopen them, to keep the pieces balanced whatever comes.
        let Some(at) = self.active.iter().rposition(|&a| a == s) else {
            return;
        };
        let inner: Vec<Style> = self.active.drain(at..).collect();
        for &st in inner.iter().rev() {
            self.cur.push(Piece::Close(st));
        }
        for &st in inner.iter().skip(1) {
            self.cur.push(Piece::Open(st));
            self.active.push(st);
        }
    }

    /// A line break: WhatsApp spans are single-line, so open styles close before it and
    /// reopen after it.
    fn newline(&mut self) {
        for &s in self.active.iter().rev() {
            self.cur.push(Piece::Close(s));
        }
        self.lines.push(std::mem::take(&mut self.cur));
        for &s in &self.active {
            self.cur.push(Piece::Open(s));
        }
    }

    fn finish(mut self) -> Vec<Vec<Piece>> {
        for &s in self.active.iter().rev() {
            self.cur.push(Piece::Close(s));
        }
        self.lines.push(self.cur);
        self.lines
    }

    /// The plain text of the current line from piece `from` on.
    fn plain_since(&self, from: usize) -> String {
        let mut s = String::new();
        for p in self.cur.get(from..).unwrap_or_default() {
            match p {
                Piece::Text(t) => s.push_str(t),
                Piece::Code { content, .. } => s.push_str(content),
                _ => {}
            }
        }
        s
    }

    fn start_link(&mut self, url: &str) {
        self.links
            .push((self.lines.len(), self.cur.len(), url.to_string()));
        self.join = false;
    }

    /// Ends a link or image: `text (url)`, or just the URL when the text is empty or the URL.
    fn end_link(&mut self) {
        let Some((line, from, url)) = self.links.pop() else {
            return;
        };
        let same_line = line == self.lines.len();
        let text = if same_line {
            self.plain_since(from)
        } else {
            String::from("\u{0}")
        };
        if same_line && (text.is_empty() || text == url) {
            let balanced = self
                .cur
                .get(from..)
                .unwrap_or_default()
                .iter()
                .all(|p| matches!(p, Piece::Text(_) | Piece::Code { .. }));
            if balanced {
                self.cur.truncate(from);
                self.text(&url);
                return;
            }
        }
        self.text(" (");
        self.text(&url);
        self.text(")");
    }
}

struct Writer<'a> {
    src: &'a str,
    opts: MarkdownOptions,
    out: String,
    stack: Vec<Container>,
    sep: Sep,
    inline: Option<Inline>,
    code: Option<String>,
    html: Option<String>,
    /// Table rows written so far, and the cells of the current row.
    table: Option<(Vec<String>, Vec<Vec<Piece>>)>,
}

impl<'a> Writer<'a> {
    fn new(src: &'a str, opts: &MarkdownOptions) -> Self {
        Self {
            src,
            opts: *opts,
            out: String::with_capacity(src.len()),
            stack: Vec::new(),
            sep: Sep::None,
            inline: None,
            code: None,
            html: None,
            table: None,
        }
    }

    fn inline(&mut self) -> &mut Inline {
        self.inline.get_or_insert_with(Inline::default)
    }

    fn in_item(&self) -> bool {
        self.stack
            .iter()
            .any(|c| matches!(c, Container::Item { .. }))
    }

    fn in_container(&self) -> bool {
        !self.stack.is_empty()
    }

    fn after_block(&mut self) {
        self.sep = if self.in_item() {
            Sep::Line
        } else {
            Sep::Blank(self.quote_prefix())
        };
    }

    fn quote_prefix(&self) -> String {
        let mut p = String::new();
        let mut quotes = 0;
        for c in &self.stack {
            if let Container::Quote = c {
                quotes += 1;
                p.push_str(if quotes == 1 { "> " } else { "» " });
            }
        }
        p
    }

    /// The prefix of the next line: quote markers, then the innermost item's marker on its
    /// first line or its indentation after that.
    fn prefix(&mut self) -> String {
        let innermost = self
            .stack
            .iter()
            .rposition(|c| matches!(c, Container::Item { .. }));
        let mut p = String::new();
        let mut quotes = 0;
        for (i, c) in self.stack.iter_mut().enumerate() {
            match c {
                Container::Quote => {
                    quotes += 1;
                    p.push_str(if quotes == 1 { "> " } else { "» " });
                }
                Container::Item {
                    marker,
                    first,
                    depth,
                } if Some(i) == innermost => {
                    if *first {
                        p.push_str(marker);
                        *first = false;
                    } else {
                        for _ in 0..*depth {
                            p.push_str(INDENT);
                        }
                    }
                }
                _ => {}
            }
        }
        p
    }

    /// Writes a block: its lines (the first of which may hold newlines inside monospace).
    fn block(&mut self, lines: &[String]) {
        if lines.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
            if let Sep::Blank(prefix) = &self.sep {
                self.out.push_str(prefix);
                self.out.push('\n');
            }
        }
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let prefix = self.prefix();
            if prefix.is_empty() && accidental_block(line) {
                self.out.push('\u{2060}');
            }
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
        self.after_block();
    }

    /// Writes the inline content collected so far as a block.
    fn flush_inline(&mut self) {
        let Some(inline) = self.inline.take() else {
            return;
        };
        let lines: Vec<String> = inline.finish().iter().map(|l| line::render(l)).collect();
        if lines.iter().all(String::is_empty) {
            return;
        }
        self.block(&lines);
    }

    fn code_span(&mut self, content: &str, range: std::ops::Range<usize>) {
        // Written with three or more backticks (WhatsApp's own monospace) over several lines:
        // keep the lines as typed, where CommonMark would join them with spaces (not inside
        // containers, whose prefixes would be inside the raw text).
        let source = self.src.get(range).unwrap_or_default();
        let ticks = source.chars().take_while(|&c| c == '`').count();
        let raw = (ticks >= 3 && !self.in_container() && source.contains('\n'))
            .then(|| source.get(ticks..source.len().saturating_sub(ticks)))
            .flatten()
            .map(str::to_string);
        let mono = self.opts.mono_code_spans || ticks >= 3;
        self.inline().cur.push(Piece::Code {
            content: content.to_string(),
            raw,
            mono,
        });
    }

    fn item_marker(&self) -> (String, usize) {
        let lists: Vec<&Container> = self
            .stack
            .iter()
            .filter(|c| matches!(c, Container::List { .. }))
            .collect();
        let depth = lists.len().saturating_sub(1);
        let indent = INDENT.repeat(depth);
        let marker = match lists.last() {
            Some(Container::List { next: Some(n) }) => format!("{indent}{n}. "),
            _ if depth == 0 => format!("{} ", self.opts.bullet),
            _ => {
                let glyph = NESTED_BULLETS
                    .get((depth - 1) % NESTED_BULLETS.len())
                    .copied()
                    .unwrap_or('•');
                format!("{indent}{glyph} ")
            }
        };
        (marker, depth)
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        if let Some(html) = &mut self.html {
            match event {
                Event::Html(t) | Event::Text(t) => html.push_str(&t),
                Event::End(TagEnd::HtmlBlock) => self.end_html_block(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.inline().text(&t),
            Event::Code(c) => self.code_span(&c, range),
            Event::SoftBreak | Event::HardBreak => self.inline().newline(),
            Event::Rule => {
                self.flush_inline();
                self.block(&["---".to_string()]);
            }
            Event::TaskListMarker(done) => {
                if let Some(Container::Item { marker, depth, .. }) = self.stack.last_mut() {
                    let indent = INDENT.repeat(*depth);
                    *marker = format!("{indent}{} ", if done { '☑' } else { '☐' });
                }
            }
            Event::Html(t) => {
                let text = strip_tags(&t);
                self.inline().text(&text);
            }
            // Inline HTML tags are dropped; their text arrives as text events.
            Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Emphasis => self.inline().open(Style::Italic),
            Tag::Strong => self.inline().open(Style::Bold),
            Tag::Strikethrough => self.inline().open(Style::Strike),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.inline().start_link(&dest_url);
            }
            Tag::Heading { .. } => {
                self.flush_inline();
                self.inline().open(Style::Bold);
            }
            Tag::Paragraph | Tag::TableCell | Tag::Superscript | Tag::Subscript => {}
            Tag::CodeBlock(_) => {
                self.flush_inline();
                self.code = Some(String::new());
            }
            Tag::HtmlBlock => {
                self.flush_inline();
                self.html = Some(String::new());
            }
            Tag::BlockQuote(_) => {
                self.flush_inline();
                // A quote inside a quote continues on the next line (`> a` then `> » b`).
                if self.stack.iter().any(|c| matches!(c, Container::Quote)) {
                    self.sep = Sep::Line;
                }
                self.stack.push(Container::Quote);
            }
            Tag::List(start) => {
                self.flush_inline();
                self.stack.push(Container::List { next: start });
            }
            Tag::Item => {
                self.flush_inline();
                let (marker, depth) = self.item_marker();
                if let Some(Container::List { next: Some(n) }) = self.stack.last_mut() {
                    *n += 1;
                }
                if self.sep == Sep::None {
                    self.sep = Sep::Line;
                }
                self.stack.push(Container::Item {
                    marker,
                    first: true,
                    depth,
                });
            }
            Tag::Table(_) => {
                self.flush_inline();
                self.table = Some((Vec::new(), Vec::new()));
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some((_, cells)) = &mut self.table {
                    cells.clear();
                }
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.flush_inline(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => self.inline().close(Style::Italic),
            TagEnd::Strong => self.inline().close(Style::Bold),
            TagEnd::Strikethrough => self.inline().close(Style::Strike),
            TagEnd::Link | TagEnd::Image => self.inline().end_link(),
            TagEnd::Heading(_) => {
                self.inline().close(Style::Bold);
                self.flush_inline();
            }
            TagEnd::Paragraph => self.flush_inline(),
            TagEnd::TableCell => {
                let cell = self.inline.take().map(Inline::finish).unwrap_or_default();
                if let Some((_, cells)) = &mut self.table {
                    cells.push(cell.into_iter().flatten().collect());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some((rows, cells)) = &mut self.table {
                    let mut pieces = Vec::new();
                    for (i, cell) in cells.drain(..).enumerate() {
                        if i > 0 {
                            pieces.push(Piece::Text(" · ".to_string()));
                        }
                        pieces.extend(cell);
                    }
                    rows.push(line::render(&pieces));
                }
            }
            TagEnd::Table => {
                if let Some((rows, _)) = self.table.take() {
                    self.block(&rows);
                }
            }
            TagEnd::BlockQuote(_) => {
                self.flush_inline();
                self.stack.pop();
                self.after_block();
                if self.stack.iter().any(|c| matches!(c, Container::Quote)) {
                    self.sep = Sep::Line;
                }
            }
            TagEnd::List(_) => {
                self.flush_inline();
                self.stack.pop();
                self.after_block();
            }
            TagEnd::Item => {
                self.flush_inline();
                self.stack.pop();
                self.sep = Sep::Line;
            }
            TagEnd::CodeBlock | TagEnd::HtmlBlock => {}
            TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => self.flush_inline(),
        }
    }

    fn end_code_block(&mut self) {
        let Some(code) = self.code.take() else { return };
        let content = code.strip_suffix('\n').unwrap_or(&code);
        if content.chars().all(super::chars::is_space) {
            return;
        }
        let content = if line::mono_ok(content) {
            content.to_string()
        } else {
            line::break_fences(content)
        };
        self.block(&[format!("```{content}```")]);
    }

    fn end_html_block(&mut self) {
        let Some(html) = self.html.take() else { return };
        let text = strip_tags(&html);
        let lines: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| line::render(&[Piece::Text(l.to_string())]))
            .collect();
        self.block(&lines);
    }
}

/// Whether a line written at column 0 would become a WhatsApp list item or quote.
fn accidental_block(line: &str) -> bool {
    block::starts_block(line)
}

/// Text without HTML tags (`<…>`) and comments.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map(|e| e + 3)
        } else {
            tail.find('>').map(|e| e + 1)
        };
        match end {
            Some(e) => rest = tail.get(e..).unwrap_or_default(),
            None => {
                out.push_str(tail);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
