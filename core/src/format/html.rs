//! Safe HTML. Every character of the input is escaped (`&` `<` `>` `"` `'` become
//! `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), in text and in attributes, so the output can be
//! inserted into a page as is. Links are only ever `http:`/`https:` URLs.
//!
//! The tag mapping is stable (changing it is a breaking change):
//!
//! | node | HTML |
//! |---|---|
//! | text | the escaped text |
//! | bold | `<strong>…</strong>` |
//! | italic | `<em>…</em>` |
//! | strike | `<s>…</s>` |
//! | code | `<code>…</code>` |
//! | mono | `<code class="wa-mono">…</code>`, newlines inside as `<br>` |
//! | link | `<a href="URL" rel="nofollow noopener noreferrer">…</a>` |
//! | break | `<br>`; right after a list or quote a plain `\n` (the block already ended the line) |
//! | bulletList | `<ul><li>…</li>…</ul>` |
//! | orderedList | `<ol><li value="N">…</li>…</ol>` (the number as typed, leading zeros dropped) |
//! | quote | `<blockquote>…</blockquote>` |
//!
//! There is no wrapper element; show it in a container with the chat bubble's font.

use super::ast::{Entry, Kind, Root, Url};
use super::chars::find_any;

/// Writes `root` as HTML.
///
/// Straight from the root's entries rather than through the public [`super::Node`] views:
/// building a view per node (span, slices, the enum) was a fifth of the time natively.
pub(crate) fn render(root: &Root) -> String {
    // Escapes and tags grow the text; a little headroom avoids most reallocations.
    let len = root.source().len();
    let mut out = String::with_capacity(len * 2 + 64);
    let (first, count) = root.top();
    nodes(root, root.entries(first, count), &mut out);
    out
}

/// Appends `text` with `& < > " '` escaped; runs without them are copied at once.
pub(crate) fn escape(text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while let Some(i) = bytes
        .get(start..)
        .and_then(|rest| find_any(rest, *b"&<>\"'"))
        .map(|p| start + p)
    {
        out.push_str(text.get(start..i).unwrap_or_default());
        out.push_str(match bytes.get(i) {
            Some(b'&') => "&amp;",
            Some(b'<') => "&lt;",
            Some(b'>') => "&gt;",
            Some(b'"') => "&quot;",
            _ => "&#39;",
        });
        start = i + 1;
    }
    out.push_str(text.get(start..).unwrap_or_default());
}

fn nodes(root: &Root, list: &[Entry], out: &mut String) {
    let mut after_block = false;
    for e in list {
        match e.kind {
            Kind::Break if after_block => out.push('\n'),
            _ => node(root, e, out),
        }
        after_block = matches!(e.kind, Kind::BulletList | Kind::OrderedList | Kind::Quote);
    }
}

fn wrap(root: &Root, open: &str, e: &Entry, close: &str, out: &mut String) {
    out.push_str(open);
    nodes(root, root.entries(e.first, e.len), out);
    out.push_str(close);
}

fn node(root: &Root, e: &Entry, out: &mut String) {
    match e.kind {
        Kind::Text => escape(root.slice(e.open, e.close), out),
        Kind::Bold => wrap(root, "<strong>", e, "</strong>", out),
        Kind::Italic => wrap(root, "<em>", e, "</em>", out),
        Kind::Strike => wrap(root, "<s>", e, "</s>", out),
        Kind::Code => {
            out.push_str("<code>");
            escape(root.slice(e.open, e.close), out);
            out.push_str("</code>");
        }
        Kind::Mono => {
            out.push_str("<code class=\"wa-mono\">");
            for (i, line) in root.slice(e.open, e.close).split('\n').enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                escape(line, out);
            }
            out.push_str("</code>");
        }
        Kind::Link => {
            out.push_str("<a href=\"");
            Url::of(root.slice(e.open, e.close)).write_escaped(out);
            out.push_str("\" rel=\"nofollow noopener noreferrer\">");
            nodes(root, root.entries(e.first, e.len), out);
            out.push_str("</a>");
        }
        Kind::Break => out.push_str("<br>"),
        Kind::BulletList => {
            out.push_str("<ul>");
            for item in root.entries(e.first, e.len) {
                if matches!(item.kind, Kind::BulletItem(_)) {
                    wrap(root, "<li>", item, "</li>", out);
                }
            }
            out.push_str("</ul>");
        }
        Kind::OrderedList => {
            out.push_str("<ol>");
            for item in root.entries(e.first, e.len) {
                if item.kind != Kind::OrderedItem {
                    continue;
                }
                // One or two digits, leading zero dropped.
                let n = root.item_number(item).trim_start_matches('0');
                out.push_str("<li value=\"");
                out.push_str(if n.is_empty() { "0" } else { n });
                out.push_str("\">");
                nodes(root, root.entries(item.first, item.len), out);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        Kind::Quote => wrap(root, "<blockquote>", e, "</blockquote>", out),
        // Items only appear inside lists (above); a list's entries are never read as nodes.
        Kind::BulletItem(_) | Kind::OrderedItem => {}
    }
}
