//! `wamsg check` as DESIGN.md specifies it, run as a process: auto-detection, `--as`,
//! `--api`, `--ndjson`, `--format json|human`, stdin, and exit status 0 / 1 / 2.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const VALID: &str =
    r#"{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":"Hello"}}"#;
const INVALID: &str =
    r#"{"messaging_product":"whatsapp","to":"+16505551234","type":"text","text":{"body":""}}"#;

fn wamsg(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wamsg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the wamsg binary runs");
    {
        let mut input = child.stdin.take().expect("stdin");
        input
            .write_all(stdin.unwrap_or_default())
            .expect("write stdin");
    }
    child.wait_with_output().expect("wamsg finishes")
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wamsg-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, contents).expect("write temp file");
    p
}

fn json_out(o: &Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&o.stdout)
        .expect("stdout is JSON")
        .as_array()
        .expect("one JSON array")
        .clone()
}

#[test]
fn valid_message_exits_zero() {
    let f = temp_file("valid.json", VALID.as_bytes());
    let o = wamsg(&["check", f.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("ok (message)"), "{out}");
    assert!(out.contains("1 document, 0 errors, 0 warnings"), "{out}");
}

#[test]
fn invalid_message_exits_one_with_the_documented_json_shape() {
    let f = temp_file("invalid.json", INVALID.as_bytes());
    let name = f.to_str().unwrap();
    let o = wamsg(&["check", "--format", "json", name], None);
    assert_eq!(o.status.code(), Some(1));
    let docs = json_out(&o);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["source"], name);
    assert_eq!(d["line"], 1);
    assert_eq!(d["kind"], "message");
    assert_eq!(d["valid"], false);
    let diag = &d["diagnostics"][0];
    assert_eq!(diag["severity"], "error");
    assert_eq!(diag["code"], "text.empty");
    assert_eq!(diag["path"], "/text/body");
    assert_eq!(diag["line"], 1);
    assert_eq!(diag["column"], 82);
    assert_eq!(diag["metaError"], 131_009);
    assert!(diag["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn warnings_alone_exit_zero() {
    let warn = r#"{"messaging_product":"whatsapp","to":"12345","text":{"body":"hi"}}"#;
    let o = wamsg(&["check", "--format", "json", "-"], Some(warn.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    let docs = json_out(&o);
    assert_eq!(docs[0]["source"], "-");
    assert_eq!(docs[0]["valid"], true);
    assert_eq!(docs[0]["diagnostics"][0]["severity"], "warning");
}

#[test]
fn stdin_without_file_argument() {
    let o = wamsg(&["check"], Some(INVALID.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("-:1:82: error [text.empty] /text/body: "),
        "{out}"
    );
    assert!(out.contains("(Meta error 131009)"), "{out}");
}

#[test]
fn ndjson_reports_each_line_with_positions_in_the_input() {
    let input = format!("{VALID}\n\n{INVALID}\r\n");
    let o = wamsg(
        &["check", "--ndjson", "--format", "json"],
        Some(input.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1));
    let docs = json_out(&o);
    assert_eq!(docs.len(), 2, "the blank line is skipped");
    assert_eq!(
        (docs[0]["line"].as_u64(), docs[0]["valid"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(
        (docs[1]["line"].as_u64(), docs[1]["valid"].as_bool()),
        (Some(3), Some(false))
    );
    let d = &docs[1]["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(3), Some(82))
    );
    // The span indexes the whole input.
    let start = usize::try_from(d["span"][0].as_u64().unwrap()).unwrap();
    assert_eq!(&input[start..start + 2], "\"\"");

    let human = wamsg(&["check", "--ndjson"], Some(input.as_bytes()));
    let out = String::from_utf8_lossy(&human.stdout);
    assert!(out.contains("-:1: ok (message)"), "{out}");
    assert!(out.contains("-:3:82: error [text.empty]"), "{out}");
    assert!(out.contains("2 documents, 1 error, 0 warnings"), "{out}");
}

#[test]
fn auto_detection_and_forced_kind() {
    let webhook = r#"{"object":"whatsapp_business_account","entry":[]}"#;
    let template = r#"{"name":"x","language":"en_US","category":"UTILITY","components":[]}"#;
    let input = format!("{VALID}\n{webhook}\n{template}\n");
    let o = wamsg(
        &["check", "--ndjson", "--format", "json"],
        Some(input.as_bytes()),
    );
    let kinds: Vec<_> = json_out(&o).iter().map(|d| d["kind"].clone()).collect();
    assert_eq!(kinds, vec!["message", "webhook", "template"]);

    let o = wamsg(
        &["check", "--as", "message", "--format", "json"],
        Some(template.as_bytes()),
    );
    let docs = json_out(&o);
    assert_eq!(docs[0]["kind"], "message");
    assert_eq!(
        o.status.code(),
        Some(1),
        "a template definition is no message"
    );
}

#[test]
fn api_flavour() {
    let on_prem = r#"{"to":"16505551234","type":"text","preview_url":true,"text":{"body":"https://example.com"}}"#;
    let cloud = wamsg(&["check", "--format", "json"], Some(on_prem.as_bytes()));
    assert_eq!(cloud.status.code(), Some(1));
    let codes: Vec<_> = json_out(&cloud)[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(codes, vec!["field.missing", "field.on_prem_only"]);
    let prem = wamsg(&["check", "--api", "on-prem"], Some(on_prem.as_bytes()));
    assert_eq!(
        prem.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&prem.stdout)
    );
}

#[test]
fn invalid_json_and_invalid_utf8_are_diagnostics() {
    let o = wamsg(&["check", "--format", "json"], Some(b"{\n  \"to\": ,\n}"));
    assert_eq!(o.status.code(), Some(1));
    let d = &json_out(&o)[0]["diagnostics"][0];
    assert_eq!(d["code"], "json.syntax");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9))
    );

    let o = wamsg(&["check", "--format", "json"], Some(b"{\"to\": \"\xff\"}"));
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        json_out(&o)[0]["diagnostics"][0]["code"],
        "json.invalid_utf8"
    );
}

#[test]
fn usage_errors_and_unreadable_files_exit_two() {
    let o = wamsg(&["check", "--format", "xml"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = wamsg(&["check", "--as", "email"], None);
    assert_eq!(o.status.code(), Some(2));
    let o = wamsg(&["check", "/nonexistent/wamsg/message.json"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("cannot read /nonexistent/wamsg/message.json"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn several_files_one_array() {
    let a = temp_file("a.json", VALID.as_bytes());
    let b = temp_file("b.json", INVALID.as_bytes());
    let o = wamsg(
        &[
            "check",
            "--format",
            "json",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let docs = json_out(&o);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["valid"], true);
    assert_eq!(docs[1]["valid"], false);
}
