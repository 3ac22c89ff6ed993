//! Webhook conformance: every webhook of the corpus (`tests/cases/webhooks/corpus/<source>/`),
//! one failing case per rule (`rules/`), the accepted edge cases where sources disagree
//! (`accepted/`) and On-Premises payloads (`on-prem/`), each with its expected report beside
//! it. For valid status webhooks the expectation also holds the reducer's
//! result, so the model and the fold are pinned by real payloads too.

use std::path::Path;

use wamsg::webhook::{self, Notification};
use wamsg::{DocumentKind, Options};

fn run(path: &Path, text: &str) -> serde_json::Value {
    // Cases under `on-prem/` are checked as On-Premises API payloads.
    let on_prem = path.components().any(|c| c.as_os_str() == "on-prem");
    let opts = if on_prem {
        Options::on_prem()
    } else {
        Options::default()
    };
    let name = wamsg_conformance::rel(path);
    let report = wamsg::check(text, Some(DocumentKind::Webhook), &opts);

    // Auto-detection recognises every webhook object (`object` / `entry` at the top) and
    // then finds the same problems. Only text that is not JSON, or not an object, has no
    // shape to detect.
    let auto = wamsg::check(text, None, &opts);
    let shapeless = report
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "json.syntax")
        || !text.trim_start().starts_with('{');
    if !shapeless {
        assert_eq!(auto.kind, DocumentKind::Webhook, "{name}: detected kind");
    }
    if auto.kind == DocumentKind::Webhook {
        assert_eq!(
            auto.diagnostics, report.diagnostics,
            "{name}: auto-detection"
        );
    }

    // The typed model exists exactly for valid documents and survives a round trip.
    let (model, parsed) = webhook::parse(text, &opts);
    assert_eq!(parsed, report, "{name}: parse() and check() disagree");
    assert_eq!(model.is_some(), report.valid, "{name}: model vs validity");

    let mut out = wamsg_conformance::report_summary(&report);
    if let Some(n) = model {
        let again: Notification =
            serde_json::from_value(serde_json::to_value(&n).unwrap()).unwrap();
        assert_eq!(again, n, "{name}: model round trip");
        let statuses: Vec<_> = n.statuses().collect();
        if !statuses.is_empty() {
            let reduced = webhook::reduce(statuses.iter().copied());
            out["reduced"] = serde_json::to_value(&reduced).unwrap();
        }
    }
    out
}

#[test]
fn webhook_cases() {
    wamsg_conformance::run_all("webhooks", &["json", "txt"], run);
}

#[test]
fn every_corpus_source_is_present() {
    // The corpus folders the issue names, with the number of cases each must hold.
    for (dir, at_least) in [
        ("meta-postman-cloud-api", 22),
        ("meta-openapi-v23", 16),
        ("pywa", 15),
        ("whatsapp-api-js", 42),
        ("whatsapp-business-java-api", 25),
    ] {
        let n = wamsg_conformance::case_files(&format!("webhooks/corpus/{dir}"), &["json", "txt"])
            .len();
        assert!(n >= at_least, "{dir}: {n} cases, expected {at_least}");
    }
    let invalid = wamsg_conformance::case_files("webhooks/corpus/meta-postman-cloud-api", &["txt"]);
    assert_eq!(invalid.len(), 9, "the nine INVALID_JSON Postman samples");
}
