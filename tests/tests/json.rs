//! JSON layer conformance: syntax errors with positions, duplicate keys, limits.

use wamsg::{DocumentKind, Options};

#[test]
fn json_cases() {
    wamsg_conformance::run_all("json", &["json", "txt"], |_, text| {
        let r = wamsg::check(text, Some(DocumentKind::Message), &Options::default());
        // Only the JSON layer's own diagnostics: the message rules are tested elsewhere.
        let mut s = wamsg_conformance::report_summary(&r);
        if let Some(serde_json::Value::Array(ds)) = s.get_mut("diagnostics") {
            ds.retain(|d| d["code"].as_str().is_some_and(|c| c.starts_with("json.")));
        }
        // Validity as far as the JSON layer is concerned.
        let json_valid = !s["diagnostics"]
            .as_array()
            .is_some_and(|ds| ds.iter().any(|d| d["severity"] == "error"));
        s["valid"] = json_valid.into();
        s
    });
}
