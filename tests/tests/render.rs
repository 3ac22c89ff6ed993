//! Preview rendering: every `tests/cases/render/<case>.message.json` (with an optional
//! `<case>.definition.json` and `<case>.options.json`) against
//! `<case>.message.expected.json`, which holds the preview JSON (diagnostics without their
//! message text) and its text and HTML renderings.

use std::path::Path;

use serde_json::Value;
use wamsg::template::{Localize, RenderOptions};

fn sibling(message: &Path, suffix: &str) -> Option<String> {
    let name = message.file_name()?.to_str()?;
    let stem = name.strip_suffix(".message.json")?;
    std::fs::read_to_string(message.with_file_name(format!("{stem}.{suffix}"))).ok()
}

fn options(message: &Path) -> RenderOptions {
    let opts: Value = sibling(message, "options.json")
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    RenderOptions {
        template: sibling(message, "definition.json"),
        localize: if opts["localize"] == "locale" {
            Localize::Locale
        } else {
            Localize::Fallback
        },
        ..RenderOptions::default()
    }
}

#[test]
fn render_cases() {
    wamsg_conformance::run_all("render", &["message.json"], |path, text| {
        let preview = wamsg::template::render(text, &options(path));
        let html = preview.to_html();
        // Whatever the input, the HTML never carries a live tag from it.
        assert!(
            !html.contains("<script"),
            "{}: unescaped HTML",
            path.display()
        );
        let mut v = serde_json::to_value(&preview).unwrap();
        let summary = wamsg_conformance::report_summary(&wamsg::Report::new(
            wamsg::DocumentKind::Message,
            preview.diagnostics.clone(),
        ));
        v["diagnostics"] = summary["diagnostics"].clone();
        v["as_text"] = Value::String(preview.to_text());
        v["as_html"] = Value::String(html);
        v
    });
}
