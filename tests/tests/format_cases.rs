//! Our own formatting cases, one file per construct or edge: WhatsApp markup in
//! `tests/cases/format/markup/*.wa` (expected AST, HTML and plain text beside each) and
//! Markdown in `tests/cases/format/markdown/*.md` (expected WhatsApp markup beside each).
//! Every markup case must also round-trip exactly.

use serde_json::{Value, json};
use wamsg::format;

#[test]
fn markup_cases() {
    wamsg_conformance::run_all("format", &["wa"], |path, text| {
        let root = format::parse(text);
        assert_eq!(
            root.to_markup(),
            text,
            "{}: the markup round trip is not exact",
            path.display()
        );
        json!({
            "html": root.to_html(),
            "text": root.to_text(),
            "ast": serde_json::to_value(&root).unwrap_or(Value::Null),
        })
    });
}

#[test]
fn markdown_cases() {
    wamsg_conformance::run_all(
        "format",
        &["md"],
        |_, text| json!({ "whatsapp": format::markdown_to_whatsapp(text) }),
    );
}

#[test]
fn mono_code_spans_option() {
    let opts = format::MarkdownOptions {
        mono_code_spans: true,
        bullet: '•',
    };
    assert_eq!(
        format::markdown_to_whatsapp_with_options("- run `ls`", &opts),
        "• run ```ls```"
    );
}

#[test]
fn parser_switches() {
    let off = format::Options {
        inline_code: false,
        lists: false,
        quotes: false,
        links: false,
    };
    let root = format::parse_with_options("* a `b`\n> c https://x.io/_d_", &off);
    assert_eq!(root.to_html(), "* a `b`<br>&gt; c https://x.io/<em>d</em>");
}

/// The fuzz targets' seed inputs keep the fuzz targets' properties (so the seeds are checked
/// on every test run, not only when fuzzing).
#[test]
fn fuzz_seeds_hold() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/seeds");
    let read = |dir: &str| -> Vec<String> {
        let mut out: Vec<String> = std::fs::read_dir(seeds.join(dir))
            .expect("seed folder")
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        out.sort();
        out
    };
    let format_seeds = read("format");
    assert!(!format_seeds.is_empty());
    for text in &format_seeds {
        let root = format::parse(text);
        assert_eq!(&root.to_markup(), text);
        let mut units = root.clone();
        units.spans_to_utf16(text);
        assert_eq!(units.span.end, text.encode_utf16().count());
    }
    let markdown_seeds = read("markdown");
    assert!(!markdown_seeds.is_empty());
    for md in &markdown_seeds {
        let wa = format::markdown_to_whatsapp(md);
        assert_eq!(format::parse(&wa).to_markup(), wa);
    }
}

#[test]
fn measure_counts_the_source() {
    let root = format::parse("*👍🏽*");
    let m = root.measure();
    assert_eq!((m.scalars, m.utf16, m.graphemes), (4, 6, 3));
}
