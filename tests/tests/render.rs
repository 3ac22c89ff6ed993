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

/// The prepared fast path gives the same preview as `render` for every template case.
#[test]
fn prepared_template_matches_render() {
    let mut compared = 0;
    for path in wamsg_conformance::case_files("render", &["message.json"]) {
        let opts = options(&path);
        let Some(def) = &opts.template else { continue };
        if opts.localize == Localize::Locale {
            continue;
        }
        let msg = std::fs::read_to_string(&path).unwrap();
        let v: Value = serde_json::from_str(&msg).unwrap();
        let name = v["template"]["name"].as_str();
        let lang = v["template"]["language"]["code"].as_str();
        let o = wamsg::Options::default();
        let t = wamsg::template::Template::prepare(def, name, lang, &o).unwrap();
        let params = wamsg::template::Params::from_message(&msg, &o).unwrap();
        let fast = t.hydrate(&params);
        let full = wamsg::template::render(&msg, &opts);
        assert_eq!(fast.header, full.header, "{}", path.display());
        assert_eq!(fast.body, full.body, "{}", path.display());
        assert_eq!(fast.footer, full.footer, "{}", path.display());
        assert_eq!(fast.buttons, full.buttons, "{}", path.display());
        compared += 1;
    }
    assert!(compared >= 8, "only {compared} template cases");
}
