//! Template definitions (every corpus definition, one failing case per rule) and send
//! payloads against their definitions.
//!
//! Send cases are pairs in `tests/cases/templates/send/`: `<case>.message.json` and
//! `<case>.definition.json`; the expectation is `<case>.message.expected.json`.

use std::path::Path;

use wamsg::{DocumentKind, Options};

fn definition(text: &str) -> serde_json::Value {
    let r = wamsg::check(text, Some(DocumentKind::Template), &Options::default());
    wamsg_conformance::report_summary(&r)
}

#[test]
fn corpus_definitions() {
    wamsg_conformance::run_all("templates/corpus", &["json"], |_, text| definition(text));
}

#[test]
fn one_failing_case_per_rule() {
    wamsg_conformance::run_all("templates/rules", &["json"], |path, text| {
        let summary = definition(text);
        // A rule case must fail (or, for `warn_*` cases, warn): a case that passes tests nothing.
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let diags = summary["diagnostics"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if name.starts_with("warn_") {
            assert!(!diags.is_empty(), "{name}: expected a warning");
        } else {
            assert_eq!(summary["valid"], false, "{name}: expected an error");
        }
        summary
    });
}

/// The definition beside a `<case>.message.json`.
fn definition_for(message: &Path) -> String {
    let name = message.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.trim_end_matches(".message.json");
    let def = message.with_file_name(format!("{stem}.definition.json"));
    std::fs::read_to_string(&def).unwrap_or_else(|e| panic!("{}: {e}", def.display()))
}

#[test]
fn send_against_definition() {
    wamsg_conformance::run_all("templates/send", &["message.json"], |path, text| {
        let r = wamsg::template::check_send(text, &definition_for(path), &Options::default());
        wamsg_conformance::report_summary(&r)
    });
}

#[test]
fn read_back_and_lower_case_forms_are_accepted() {
    wamsg_conformance::run_all("templates/readback", &["json"], |path, text| {
        let summary = definition(text);
        assert_eq!(summary["valid"], true, "{}", path.display());
        summary
    });
}
