//! Arbitrary text through the WhatsApp formatting parser and every renderer: no panic, the
//! markup round trip is exact, spans stay in bounds and ordered, HTML has no raw `<` from
//! the input, UTF-16 spans fit the UTF-16 length.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::format::{self, Children, Span};

fn check(nodes: Children<'_>, outer: Span, text: &str) {
    let mut at = outer.start;
    for n in nodes {
        let s = n.span();
        assert!(at <= s.start && s.start <= s.end && s.end <= outer.end, "{s:?} in {outer:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        at = s.end;
        check(n.children(), s, text);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let root = format::parse(text);
    assert_eq!(root.to_markup(), text);
    check(root.children(), root.span, text);
    let html = root.to_html();
    // Every `<` starts one of our tags: the input's own `<` are all escaped.
    const TAGS: &[&str] = &[
        "<strong>", "</strong>", "<em>", "</em>", "<s>", "</s>", "<code>", "<code class=",
        "</code>", "<a href=", "</a>", "<br>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>",
        "<li value=", "</li>", "<blockquote>", "</blockquote>",
    ];
    for (i, _) in html.match_indices('<') {
        assert!(TAGS.iter().any(|t| html[i..].starts_with(t)), "raw < in {html:?}");
    }
    let _ = root.to_text();
    let _ = serde_json::to_string(&root);
    let mut units = root.clone();
    units.spans_to_utf16(text);
    assert_eq!(units.span.end, text.encode_utf16().count());
});
