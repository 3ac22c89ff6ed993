//! `wamsg check --last-inbound/--now/--template`: the window and billing in the report.

use std::process::Command;

fn wamsg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wamsg"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn free_form_inside_and_outside_the_window() {
    let (code, out, _) = wamsg(&[
        "check",
        "--format",
        "json",
        "--last-inbound",
        "2025-11-22T08:00:00Z",
        "--now",
        "2025-11-22T09:00:00Z",
        "examples/order_update.json",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["window"]["open"], true);
    assert_eq!(v[0]["window"]["remainingSeconds"], 23 * 3600);
    assert_eq!(v[0]["sendable"], true);
    assert_eq!(v[0]["billing"]["freeReason"], "free_customer_service");

    let (code, out, _) = wamsg(&[
        "check",
        "--format",
        "json",
        "--api",
        "on-prem",
        "--last-inbound",
        "2025-11-22T08:00:00Z",
        "--now",
        "2025-11-23T08:00:00Z",
        "examples/order_update.json",
    ]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = v[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "window.closed")
        .unwrap();
    assert_eq!(d["metaError"], 470);
    assert_eq!(d["path"], "/type");
    assert_eq!(v[0]["valid"], false);
}

#[test]
fn without_window_flags_the_report_has_no_window() {
    let (_, out, _) = wamsg(&["check", "--format", "json", "examples/order_update.json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v[0].get("window").is_none());
}

#[test]
fn bad_times_are_usage_errors() {
    let (code, out, err) = wamsg(&["check", "--now", "yesterday", "examples/order_update.json"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with("wamsg: --now: \"yesterday\" is not an RFC 3339 time"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn template_flag_checks_the_message_against_its_definition_and_bills_it() {
    let def = "examples/order_template.definition.json";
    let (code, out, _) = wamsg(&[
        "check",
        "--format",
        "json",
        "--template",
        def,
        "--now",
        "2025-11-22T09:00:00Z",
        "examples/order_template.message.json",
    ]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["billing"]["category"], "utility");
    assert_eq!(v[0]["billing"]["billable"], true);

    // The same message in another language: no such template (deterministic policy).
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/order_template.message.json"
    ))
    .unwrap();
    let wrong = text.replace("\"en_US\"", "\"en_GB\"");
    let path = std::env::temp_dir().join(format!("wamsg-wrong-lang-{}.json", std::process::id()));
    std::fs::write(&path, wrong).unwrap();
    let (code, out, _) = wamsg(&[
        "check",
        "--format",
        "json",
        "--template",
        def,
        path.to_str().unwrap(),
    ]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["metaError"] == 132_001),
        "{out}"
    );
}
