//! Properties of the WhatsApp formatting engine on generated input: parsing never panics,
//! spans are in bounds, ordered and nested, the markup round trip is exact, HTML never
//! carries an unescaped character from the input, plain text is the text leaves joined,
//! UTF-16 spans index the same text, and Markdown output parses back into the formatting the
//! Markdown meant.

use proptest::prelude::*;
use pulldown_cmark::{Event, Options as CmarkOptions, Parser, Tag, TagEnd};
use serde_json::Value;
use wamsg::format::{self, Children, Node, Root, Span};

/// Text dense in everything that matters to the parser.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => prop::sample::select(vec![
            "*", "_", "~", "`", "```", "\n", " ", "a", "b", "é", "7", "* ", "- ", "• ", "1. ",
            "42. ", "> ", ">\t", "https://x.io/a_b", "www.ex.com", "(", ")", ".", "<", "&", "\"",
            "'", "\u{a0}", "👍🏽", "\r\n",
        ])
        .prop_map(str::to_string),
        1 => "[a-z]{1,5}",
        1 => any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![markup(), any::<String>()]
}

/// Checks spans recursively; `inner` is where children may lie.
fn check_nodes(nodes: Children<'_>, inner: Span, src: &str) -> Result<(), String> {
    let mut last = inner.start;
    for n in nodes {
        let s = n.span();
        if s.start < last || s.end < s.start || s.end > inner.end {
            return Err(format!("span {s:?} outside {inner:?} or before {last}"));
        }
        if !src.is_char_boundary(s.start) || !src.is_char_boundary(s.end) {
            return Err(format!("span {s:?} not on char boundaries"));
        }
        last = s.end;
        let content = |open: usize, close: usize| Span::new(s.start + open, s.end - close);
        match n {
            Node::Bold(b) => check_nodes(b.children, content(1, 1), src)?,
            Node::Italic(i) => check_nodes(i.children, content(1, 1), src)?,
            Node::Strike(x) => check_nodes(x.children, content(1, 1), src)?,
            Node::Link(l) => check_nodes(l.children, s, src)?,
            Node::Quote(q) => check_nodes(q.children, content(q.marker.len(), 0), src)?,
            Node::BulletList(l) => {
                let mut at = s.start;
                for item in &l.items {
                    if item.span.start < at || item.span.end > s.end {
                        return Err(format!("item {:?} outside list {s:?}", item.span));
                    }
                    at = item.span.end;
                    let open = item.marker.len_utf8() + 1;
                    check_nodes(
                        item.children,
                        Span::new(item.span.start + open, item.span.end),
                        src,
                    )?;
                }
            }
            Node::OrderedList(l) => {
                let mut at = s.start;
                for item in &l.items {
                    if item.span.start < at || item.span.end > s.end {
                        return Err(format!("item {:?} outside list {s:?}", item.span));
                    }
                    at = item.span.end;
                    let open = item.number.len() + 2;
                    check_nodes(
                        item.children,
                        Span::new(item.span.start + open, item.span.end),
                        src,
                    )?;
                }
            }
            Node::Text(t) => {
                if src.get(s.start..s.end) != Some(t.value) || t.value.contains('\n') {
                    return Err(format!("text {t:?} does not match its span"));
                }
            }
            Node::Code(_) | Node::Mono(_) | Node::Break(_) => {}
        }
    }
    Ok(())
}

/// The plain text computed from the JSON form (independently of the Rust renderer): text,
/// code and monospace values, breaks as newlines, item prefixes, quote prefixes.
fn leaves(v: &Value, out: &mut String) {
    match v["type"].as_str() {
        Some("text" | "code" | "mono") => out.push_str(v["value"].as_str().unwrap_or_default()),
        Some("break") => out.push('\n'),
        Some("bulletList" | "orderedList") => {
            for (i, item) in v["items"].as_array().into_iter().flatten().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                match item.get("marker") {
                    Some(m) => out.push_str(&format!("{} ", m.as_str().unwrap_or_default())),
                    None => out.push_str(&format!(
                        "{}. ",
                        item["number"].as_str().unwrap_or_default()
                    )),
                }
                for c in item["children"].as_array().into_iter().flatten() {
                    leaves(c, out);
                }
            }
        }
        other => {
            if other == Some("quote") {
                out.push_str(v["marker"].as_str().unwrap_or_default());
            }
            for c in v["children"].as_array().into_iter().flatten() {
                leaves(c, out);
            }
        }
    }
}

/// Removes the tags our HTML renderer writes; what is left must be escaped text.
fn strip_our_tags(html: &str) -> String {
    let tags = regex::Regex::new(
        r#"</?(strong|em|s|code|ul|ol|li|blockquote)>|<br>|<code class="wa-mono">|<li value="\d+">|<a href="[^"<>]*" rel="nofollow noopener noreferrer">|</a>"#,
    )
    .expect("regex");
    tags.replace_all(html, "").to_string()
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn parse_is_total_and_spans_are_sound(text in any_text()) {
        let root = format::parse(&text);
        prop_assert_eq!(root.span, Span::new(0, text.len()));
        if let Err(e) = check_nodes(root.children(), root.span, &text) {
            prop_assert!(false, "{}: {:?}", e, text);
        }
    }

    #[test]
    fn markup_round_trip_is_exact(text in any_text()) {
        prop_assert_eq!(format::parse(&text).to_markup(), text);
    }

    #[test]
    fn html_escapes_every_input_character(text in any_text()) {
        let html = format::to_html(&text);
        let rest = strip_our_tags(&html);
        prop_assert!(!rest.contains(['<', '>', '"', '\'']), "unescaped in {:?}", html);
        let amp = regex::Regex::new(r"&(amp|lt|gt|quot|#39);").expect("regex");
        prop_assert!(!amp.replace_all(&rest, "").contains('&'), "bare & in {:?}", html);
    }

    #[test]
    fn plain_text_is_the_leaves_joined(text in any_text()) {
        let root = format::parse(&text);
        let json = serde_json::to_value(&root).expect("serializable");
        let mut joined = String::new();
        leaves(&json, &mut joined);
        prop_assert_eq!(root.to_text(), joined);
    }

    #[test]
    fn utf16_spans_index_the_same_text(text in any_text()) {
        let bytes = format::parse(&text);
        let mut units = bytes.clone();
        units.spans_to_utf16(&text);
        fn walk(a: Children<'_>, b: Children<'_>, text: &str) -> Result<(), String> {
            for (x, y) in a.iter().zip(b) {
                let (s, u) = (x.span(), y.span());
                let want = Span::new(utf16_len(&text[..s.start]), utf16_len(&text[..s.end]));
                if u != want {
                    return Err(format!("{s:?} became {u:?}, want {want:?}"));
                }
                walk(x.children(), y.children(), text)?;
            }
            Ok(())
        }
        prop_assert_eq!(units.span, Span::new(0, utf16_len(&text)));
        if let Err(e) = walk(bytes.children(), units.children(), &text) {
            prop_assert!(false, "{}", e);
        }
    }
}

// ------------------------------------------------------------------ Markdown round trips

const BOLD: u8 = 1;
const ITALIC: u8 = 2;
const STRIKE: u8 = 4;
const CODE: u8 = 8;

/// Each visible character with the styles applied to it.
type Styled = Vec<(char, u8)>;

/// What the Markdown means, per character (pulldown-cmark is the reference), and which of
/// those styles may be missing: emphasis touching a letter or digit outside its delimiters
/// (across other delimiters) is intraword, which WhatsApp cannot show, so it is dropped.
fn meant(md: &str) -> (Styled, Vec<u8>) {
    let cm = CmarkOptions::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut optional = Vec::new();
    let mut depth = [0u32; 3];
    let mut loose = [0u32; 3];
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut paragraphs = 0;
    let touches_word = |range: &std::ops::Range<usize>| {
        let delim = |c: &char| matches!(c, '*' | '_' | '~');
        let before = md[..range.start].chars().rev().find(|c| !delim(c));
        let after = md[range.end..].chars().find(|c| !delim(c));
        before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
    };
    for (e, range) in Parser::new_ext(md, cm).into_offset_iter() {
        let bits = |d: &[u32; 3]| {
            (if d[0] > 0 { BOLD } else { 0 })
                | (if d[1] > 0 { ITALIC } else { 0 })
                | (if d[2] > 0 { STRIKE } else { 0 })
        };
        let (styles, maybe) = (bits(&depth), bits(&loose));
        let style_index = |t: &Tag| match t {
            Tag::Strong => Some(0),
            Tag::Emphasis => Some(1),
            Tag::Strikethrough => Some(2),
            _ => None,
        };
        match e {
            Event::Start(Tag::Paragraph) => {
                if paragraphs > 0 {
                    out.extend([('\n', 0), ('\n', 0)]);
                    optional.extend([0, 0]);
                }
                paragraphs += 1;
            }
            Event::Start(t) => {
                if let Some(i) = style_index(&t) {
                    let intraword = touches_word(&range);
                    depth[i] += 1;
                    if intraword {
                        loose[i] += 1;
                    }
                    stack.push((i, intraword));
                }
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough) => {
                if let Some((i, intraword)) = stack.pop() {
                    depth[i] -= 1;
                    if intraword {
                        loose[i] -= 1;
                    }
                }
            }
            Event::Text(t) => {
                out.extend(t.chars().map(|c| (c, styles)));
                optional.extend(t.chars().map(|_| maybe));
            }
            Event::Code(t) => {
                out.extend(t.chars().map(|c| (c, styles | CODE)));
                optional.extend(t.chars().map(|_| maybe));
            }
            Event::SoftBreak | Event::HardBreak => {
                out.push(('\n', 0));
                optional.push(0);
            }
            _ => {}
        }
    }
    (out, optional)
}

/// What WhatsApp shows for our output, per character, with look-alikes read back as the
/// markers they stand for and invisible joiners dropped.
fn shown(wa: &str) -> Styled {
    fn walk(nodes: Children<'_>, styles: u8, out: &mut Styled) {
        for n in nodes {
            let text = |s: &str, st: u8, out: &mut Styled| {
                for c in s.chars() {
                    let c = match c {
                        '\u{2217}' => '*',
                        '\u{ff3f}' => '_',
                        '\u{223c}' => '~',
                        '\u{2035}' => '`',
                        '\u{2060}' | '\u{200b}' => continue,
                        c => c,
                    };
                    out.push((c, st));
                }
            };
            match n {
                Node::Text(t) => text(t.value, styles, out),
                Node::Code(c) => text(c.value, styles | CODE, out),
                Node::Mono(m) => text(m.value, styles | CODE, out),
                Node::Break(_) => out.push(('\n', 0)),
                Node::Bold(b) => walk(b.children, styles | BOLD, out),
                Node::Italic(i) => walk(i.children, styles | ITALIC, out),
                Node::Strike(s) => walk(s.children, styles | STRIKE, out),
                Node::Link(l) => walk(l.children, styles, out),
                _ => walk(n.children(), styles, out),
            }
        }
    }
    let root: Root = format::parse(wa);
    let mut out = Vec::new();
    walk(root.children(), 0, &mut out);
    out
}

/// Inline Markdown at word boundaries: words, emphasis, strong, strikethrough, code spans
/// and escaped markers, nested a few levels.
fn inline_md() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => "[a-zé0-9]{1,6}",
        1 => prop::sample::select(vec!["\\*", "\\_", "\\~", "\\`", "a\\*", "\\_b"])
            .prop_map(str::to_string),
        1 => "[a-z]{1,4}( [a-z]{1,3})?".prop_map(|c| format!("`{c}`")),
        1 => "[a-z]{1,4}".prop_map(|c| format!("```{c}```")),
    ];
    leaf.prop_recursive(3, 24, 3, |inner| {
        let group = prop::collection::vec(inner, 1..4).prop_map(|v| v.join(" "));
        prop_oneof![
            group.clone().prop_map(|g| format!("**{g}**")),
            group.clone().prop_map(|g| format!("*{g}*")),
            group.clone().prop_map(|g| format!("_{g}_")),
            group.clone().prop_map(|g| format!("~~{g}~~")),
            group.clone().prop_map(|g| format!("***{g}***")),
            group,
        ]
    })
}

fn paragraphs_md() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(inline_md(), 1..5).prop_map(|v| format!("w {}", v.join(" ")));
    let para = prop::collection::vec(line, 1..3).prop_map(|v| v.join("\n"));
    prop::collection::vec(para, 1..3).prop_map(|v| v.join("\n\n"))
}

/// Paragraphs of anything inline: intraword markers, unbalanced delimiters, stray backticks.
fn messy_md() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "*",
        "**",
        "_",
        "__",
        "~~",
        "~",
        "`",
        "```",
        " ",
        "a",
        "b",
        "é",
        "1",
        "\\*",
        "\\_",
        "x_y",
        "(",
        ")",
        ".",
        "https://x.io/a_b_c",
    ]);
    let line = prop::collection::vec(piece, 1..20).prop_map(|v| format!("w{}", v.concat()));
    prop::collection::vec(line, 1..3).prop_map(|v| v.join("\n\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 700, ..ProptestConfig::default() })]

    /// Markdown comes out with exactly the meant formatting on exactly the meant text, except
    /// intraword emphasis, which may only be dropped.
    #[test]
    fn markdown_keeps_the_meant_formatting(md in paragraphs_md()) {
        let wa = format::markdown_to_whatsapp(&md);
        let (got, (want, optional)) = (shown(&wa), meant(&md));
        let text = |s: &Styled| s.iter().map(|(c, _)| *c).collect::<String>();
        prop_assert_eq!(text(&got), text(&want), "markdown {:?} gave {:?}", md, wa);
        for (((c, g), (_, w)), o) in got.iter().zip(&want).zip(&optional) {
            prop_assert!(
                g & !w == 0 && (w & !o) & !g == 0,
                "{:?} styled {} but meant {} (optional {}) in {:?} -> {:?}", c, g, w, o, md, wa
            );
        }
    }

    /// Whatever the Markdown, the output shows its text and never formatting it did not
    /// mean (intraword emphasis may be dropped, never invented).
    #[test]
    fn markdown_never_invents_formatting(md in messy_md()) {
        let wa = format::markdown_to_whatsapp(&md);
        let (got, (want, _)) = (shown(&wa), meant(&md));
        let text = |s: &Styled| s.iter().map(|(c, _)| *c).collect::<String>();
        prop_assert_eq!(text(&got), text(&want), "markdown {:?} gave {:?}", md, wa);
        for ((c, g), (_, w)) in got.iter().zip(&want) {
            prop_assert!(g & !w == 0, "{:?} styled {} but meant {} in {:?} -> {:?}", c, g, w, md, wa);
        }
    }

    #[test]
    fn markdown_conversion_is_total(md in any::<String>()) {
        let _ = format::markdown_to_whatsapp(&md);
    }
}
