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

use super::ast::{Children, Node, Root};
use super::chars::find_any;

/// Writes `root` as HTML.
pub(crate) fn render(root: &Root) -> String {
    // Escapes and tags grow the text; a little headroom avoids most reallocations.
    let len = root.source().len();
    let mut out = String::with_capacity(len * 2 + 64);
    nodes(root.children(), &mut out);
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

fn nodes(list: Children<'_>, out: &mut String) {
    let mut after_block = false;
    for n in list {
        match n {
            Node::Break(_) if after_block => out.push('\n'),
            _ => node(n, out),
        }
        after_block = matches!(
            n,
            Node::BulletList(_) | Node::OrderedList(_) | Node::Quote(_)
        );
    }
}

fn wrap(open: &str, children: Children<'_>, close: &str, out: &mut String) {
    out.push_str(open);
    nodes(children, out);
    out.push_str(close);
}

fn node(n: Node<'_>, out: &mut String) {
    match n {
        Node::Text(t) => escape(t.value, out),
        Node::Bold(b) => wrap("<strong>", b.children, "</strong>", out),
        Node::Italic(i) => wrap("<em>", i.children, "</em>", out),
        Node::Strike(s) => wrap("<s>", s.children, "</s>", out),
        Node::Code(c) => {
            out.push_str("<code>");
            escape(c.value, out);
            out.push_str("</code>");
        }
        Node::Mono(m) => {
            out.push_str("<code class=\"wa-mono\">");
            for (i, line) in m.value.split('\n').enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                escape(line, out);
            }
            out.push_str("</code>");
        }
        Node::Link(l) => {
            out.push_str("<a href=\"");
            l.url.write_escaped(out);
            out.push_str("\" rel=\"nofollow noopener noreferrer\">");
            nodes(l.children, out);
            out.push_str("</a>");
        }
        Node::Break(_) => out.push_str("<br>"),
        Node::BulletList(l) => {
            out.push_str("<ul>");
            for item in l.items {
                wrap("<li>", item.children, "</li>", out);
            }
            out.push_str("</ul>");
        }
        Node::OrderedList(l) => {
            out.push_str("<ol>");
            for item in l.items {
                // One or two digits, leading zero dropped.
                let n = item.number.trim_start_matches('0');
                out.push_str("<li value=\"");
                out.push_str(if n.is_empty() { "0" } else { n });
                out.push_str("\">");
                nodes(item.children, out);
                out.push_str("</li>");
            }
            out.push_str("</ol>");
        }
        Node::Quote(q) => wrap("<blockquote>", q.children, "</blockquote>", out),
    }
}
