//! `wamsg format` and `wamsg markdown` end to end: output on stdout, exit status 0, and a
//! one-line error with status 2 for unreadable input.

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wamsg"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wamsg runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    let out = child.wait_with_output().expect("wamsg finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn format_prints_json_html_and_text() {
    let (code, out, _) = run(&["format"], "*hi* <x>");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["type"], "root");
    assert_eq!(v["children"][0]["type"], "bold");
    assert_eq!(v["children"][0]["span"], serde_json::json!([0, 4]));

    let (code, out, _) = run(&["format", "--to", "html", "-"], "*hi* <x>");
    assert_eq!((code, out.as_str()), (0, "<strong>hi</strong> &lt;x&gt;\n"));

    let (code, out, _) = run(&["format", "--to", "text"], "* _a_\n> b");
    assert_eq!((code, out.as_str()), (0, "* a\n> b"));
}

#[test]
fn markdown_prints_whatsapp_markup() {
    let (code, out, _) = run(&["markdown"], "# Title\n\n**bold** and *em*");
    assert_eq!((code, out.as_str()), (0, "*Title*\n\n*bold* and _em_\n"));
}

#[test]
fn unreadable_input_is_a_one_line_error() {
    for cmd in ["format", "markdown"] {
        let (code, out, err) = run(&[cmd, "/no/such/file.txt"], "");
        assert_eq!(code, 2);
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("/no/such/file.txt"), "{err}");
    }
}
