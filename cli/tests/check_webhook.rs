//! `wamsg check --as webhook` and auto-detection report exactly what the library reports,
//! with the documented exit status.

use std::path::{Path, PathBuf};
use std::process::Command;

use wamsg::{DocumentKind, Options};

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/webhooks")
}

fn cli(args: &[&str], file: &Path) -> (i32, serde_json::Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_wamsg"))
        .args(args)
        .args(["--format", "json"])
        .arg(file)
        .output()
        .expect("run wamsg");
    let json = serde_json::from_slice(&out.stdout).expect("JSON output");
    (out.status.code().unwrap_or(-1), json)
}

#[test]
fn cli_and_library_agree() {
    let files = [
        "corpus/pywa/message_status.failed.json",
        "corpus/meta-postman-cloud-api/status_message_failed.INVALID_JSON.txt",
        "corpus/whatsapp-business-java-api/textMessageStatusSent.json",
        "rules/status_recipient_missing.json",
        "rules/origin_type_legacy.json",
        "rules/incoming_payload_missing.json",
    ];
    for rel in files {
        let path = cases().join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        let lib = wamsg::check(&text, Some(DocumentKind::Webhook), &Options::default());
        let expected = serde_json::to_value(&lib.diagnostics).unwrap();
        for args in [&["check", "--as", "webhook"][..], &["check"][..]] {
            let (code, out) = cli(args, &path);
            let doc = &out[0];
            assert_eq!(doc["diagnostics"], expected, "{rel} {args:?}");
            assert_eq!(doc["valid"], lib.valid, "{rel} {args:?}");
            assert_eq!(code, if lib.valid { 0 } else { 1 }, "{rel} {args:?}");
            // Text that is not JSON has no shape to detect; every JSON webhook is detected.
            if args.len() == 3 || !rel.ends_with(".txt") {
                assert_eq!(doc["kind"], "webhook", "{rel} {args:?}");
            }
        }
    }
}

#[test]
fn warnings_only_exit_zero() {
    let (code, out) = cli(
        &["check", "--as", "webhook"],
        &cases().join("rules/status_deleted_legacy.json"),
    );
    assert_eq!(code, 0);
    assert_eq!(out[0]["valid"], true);
    assert_eq!(out[0]["diagnostics"][0]["code"], "webhook.legacy");
    assert!(out[0]["diagnostics"][0].get("metaError").is_none());
}
