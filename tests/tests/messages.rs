//! Message validation conformance: every send payload of the corpus (with why a broken one
//! is broken in its expectation's `note`), and one failing case per rule, named after the
//! code it must produce (`<code>[__variant].json`; cases under `on-prem/` are checked with
//! `--api on-prem`).

use std::collections::BTreeSet;
use std::path::Path;

use wamsg::{Api, DocumentKind, Options};

fn options_for(path: &Path) -> Options {
    let on_prem = path
        .components()
        .any(|c| c.as_os_str().to_str() == Some("on-prem"));
    Options {
        api: if on_prem { Api::OnPrem } else { Api::Cloud },
        ..Options::default()
    }
}

fn summary(path: &Path, text: &str) -> serde_json::Value {
    let r = wamsg::check(text, Some(DocumentKind::Message), &options_for(path));
    wamsg_conformance::report_summary(&r)
}

#[test]
fn corpus_send_payloads() {
    wamsg_conformance::run_all("messages/corpus", &["json"], summary);
}

#[test]
fn corpus_cases_are_documented() {
    // A broken corpus payload must say why; every copy must say where it came from.
    let mut missing = Vec::new();
    for case in wamsg_conformance::case_files("messages/corpus", &["json"]) {
        let exp: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(wamsg_conformance::expected_path(&case)).unwrap_or_default(),
        )
        .unwrap_or_default();
        let has = |k: &str| {
            exp.get(k)
                .and_then(|v| v.as_str())
                .is_some_and(|s| !s.is_empty())
        };
        let broken = exp
            .get("diagnostics")
            .and_then(|d| d.as_array())
            .is_some_and(|d| !d.is_empty());
        if !has("source") || (broken && !has("note")) {
            missing.push(wamsg_conformance::rel(&case));
        }
    }
    assert!(
        missing.is_empty(),
        "cases without source or note: {missing:?}"
    );
}

#[test]
fn one_failing_case_per_rule() {
    wamsg_conformance::run_all("messages/rules", &["json"], summary);
}

/// The code a rule case is named after.
fn named_code(case: &Path) -> String {
    let stem = case.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    stem.split("__").next().unwrap_or(stem).to_string()
}

#[test]
fn rule_cases_produce_their_code() {
    let mut wrong = Vec::new();
    for case in wamsg_conformance::case_files("messages/rules", &["json"]) {
        let code = named_code(&case);
        if code == "every_problem_at_once" {
            continue;
        }
        let text = std::fs::read_to_string(&case).unwrap_or_default();
        let r = wamsg::check(&text, Some(DocumentKind::Message), &options_for(&case));
        if !r.diagnostics.iter().any(|d| d.code.as_str() == code) {
            wrong.push(format!(
                "{}: no {code} among {:?}",
                wamsg_conformance::rel(&case),
                r.diagnostics
                    .iter()
                    .map(|d| d.code.as_str())
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_message_code_has_a_rule_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/src/message");
    let mut declared = BTreeSet::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let src = std::fs::read_to_string(&p).unwrap();
                let body = src.split("#[cfg(test)]").next().unwrap_or("");
                for part in body.split("Code::new(\"").skip(1) {
                    if let Some(code) = part.split('"').next() {
                        declared.insert(code.to_string());
                    }
                }
            }
        }
    }
    let cases: BTreeSet<String> = wamsg_conformance::case_files("messages/rules", &["json"])
        .iter()
        .map(|c| named_code(c))
        .collect();
    let missing: Vec<_> = declared.difference(&cases).collect();
    assert!(missing.is_empty(), "codes without a rule case: {missing:?}");
}

#[test]
fn every_problem_at_once_with_positions() {
    let src = "{\n  \"messaging_prodcut\": \"whatsapp\",\n  \"to\": 5,\n  \"type\": \"interactive\",\n  \"interactive\": {\"type\": \"button\", \"body\": {\"text\": \"x\"},\n    \"action\": {\"buttons\": [{\"type\": \"reply\", \"reply\": {\"id\": \"a\", \"title\": \"Same\"}}, {\"type\": \"reply\", \"reply\": {\"id\": \"b\", \"title\": \"Same\"}}]}}\n}";
    let r = wamsg::validate_message(src);
    let got: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.path.to_string(), d.line, d.column))
        .collect();
    assert_eq!(
        got,
        vec![
            ("field.missing", "/messaging_product".to_string(), 1, 1),
            ("field.unknown", "/messaging_prodcut".to_string(), 2, 3),
            ("type.mismatch", "/to".to_string(), 3, 9),
            (
                "interactive.buttons.duplicate_title",
                "/interactive/action/buttons/1/reply/title".to_string(),
                6,
                134
            ),
        ]
    );
    assert!(
        r.diagnostics[1]
            .message
            .contains("did you mean \"messaging_product\"")
    );
}
