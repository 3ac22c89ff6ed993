//! `wamsg render`: formats and exit status (0 clean, 1 errors, 2 usage or unreadable input).

use std::process::Command;

fn wamsg(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wamsg"))
        .args(args)
        .current_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/cases/render"
        ))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_text_and_html() {
    let def = "template_all_components.definition.json";
    let msg = "template_all_components.message.json";
    let (code, out, _) = wamsg(&["render", "--template", def, "--format", "json", msg]);
    assert_eq!(code, 0, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["header"]["text"], "Order A-42");
    assert_eq!(v["body"]["ast"]["children"][1]["type"], "bold");
    assert_eq!(v["buttons"][1]["url"], "https://example.com/track/A-42");
    assert_eq!(v["diagnostics"], serde_json::json!([]));
    let (code, out, _) = wamsg(&["render", "--template", def, msg]);
    assert_eq!(code, 0);
    // Text is what a notification shows: markers resolved away.
    assert!(out.contains("Hello Ann, your order A-42"), "{out}");
    let (code, out, _) = wamsg(&["render", "--template", def, "--format", "html", msg]);
    assert_eq!(code, 0);
    assert!(out.starts_with("<div class=\"wa-preview\">"), "{out}");
    assert!(out.contains("Hello <strong>Ann</strong>"), "{out}");
}

#[test]
fn localize_locale_formats_in_the_template_language() {
    let (code, out, _) = wamsg(&[
        "render",
        "--localize",
        "locale",
        "--template",
        "template_localize_locale_pt_BR.definition.json",
        "template_localize_locale_pt_BR.message.json",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("US$\u{a0}100,99"), "{out}");
}

#[test]
fn errors_exit_1_and_go_to_stderr() {
    let (code, out, err) = wamsg(&[
        "render",
        "--template",
        "template_missing_parameter.definition.json",
        "template_missing_parameter.message.json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("{{2}}"), "{out}");
    assert!(err.contains("send.param_count"), "{err}");
}

#[test]
fn unreadable_input_exits_2() {
    let (code, _, err) = wamsg(&["render", "no_such_file.json"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("wamsg: cannot read no_such_file.json"),
        "{err}"
    );
    let (code, _, _) = wamsg(&["render", "--format", "pdf", "x.json"]);
    assert_eq!(code, 2);
}
