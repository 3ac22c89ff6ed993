//! The conformance harness: every case is a file under `tests/cases/<area>/`, its expected
//! result a sidecar `<name>.expected.json` beside it. A new case is a new file.
//!
//! Run with `WAMSG_BLESS=1` to write missing or changed expectations (review the diff before
//! committing). Keys of an expectation other than the ones a runner produces, such as
//! `"note"` (why a corpus payload is invalid) or `"source"` (where it came from), are kept.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

/// Keys that document a case and are never compared.
pub const COMMENT_KEYS: &[&str] = &["note", "source", "reason"];

/// The `tests/cases` folder.
#[must_use]
pub fn cases_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// Every case file (recursively) under `tests/cases/<area>` with one of `extensions`,
/// excluding expectation files, sorted by path.
#[must_use]
pub fn case_files(area: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(&cases_root().join(area), extensions, &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, extensions, out);
        } else {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.ends_with(".expected.json") {
                continue;
            }
            if extensions.iter().any(|x| name.ends_with(&format!(".{x}"))) {
                out.push(p);
            }
        }
    }
}

/// The expectation file beside `case`: `foo.json` → `foo.expected.json`.
#[must_use]
pub fn expected_path(case: &Path) -> PathBuf {
    let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("case");
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    case.with_file_name(format!("{stem}.expected.json"))
}

/// Path of `p` relative to `tests/cases`, for messages.
#[must_use]
pub fn rel(p: &Path) -> String {
    p.strip_prefix(cases_root())
        .unwrap_or(p)
        .display()
        .to_string()
}

/// Compares `actual` with the expectation beside `case` and returns a description of the
/// difference, or `None` when they agree. With `WAMSG_BLESS=1`, or when the expectation is
/// missing and `CI` is unset, writes `actual` (keeping comment keys) and returns `None`.
#[must_use]
pub fn compare(case: &Path, actual: &Value) -> Option<String> {
    let path = expected_path(case);
    let bless = std::env::var_os("WAMSG_BLESS").is_some();
    let existing: Option<Value> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok());
    let Some(expected) = existing else {
        if bless || std::env::var_os("CI").is_none() {
            write(&path, actual, None);
            return None;
        }
        return Some(format!("{}: no expectation file {}", rel(case), rel(&path)));
    };
    let stripped = strip_comments(&expected);
    if stripped == *actual {
        return None;
    }
    if bless {
        write(&path, actual, Some(&expected));
        return None;
    }
    Some(format!(
        "{}: result differs from {}\n  expected: {}\n  actual:   {}",
        rel(case),
        rel(&path),
        serde_json::to_string(&stripped).unwrap_or_default(),
        serde_json::to_string(actual).unwrap_or_default()
    ))
}

fn strip_comments(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !COMMENT_KEYS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn write(path: &Path, actual: &Value, old: Option<&Value>) {
    let mut out = Map::new();
    if let Some(Value::Object(old)) = old {
        for k in COMMENT_KEYS {
            if let Some(v) = old.get(*k) {
                out.insert((*k).to_string(), v.clone());
            }
        }
    }
    if let Value::Object(m) = actual {
        for (k, v) in m {
            out.insert(k.clone(), v.clone());
        }
    } else {
        out.insert("result".to_string(), actual.clone());
    }
    let text = serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default() + "\n";
    let _ = std::fs::write(path, text);
}

/// Runs `f` over every case and panics with all differences at once.
pub fn run_all(area: &str, extensions: &[&str], f: impl Fn(&Path, &str) -> Value) {
    let files = case_files(area, extensions);
    assert!(!files.is_empty(), "no cases under tests/cases/{area}");
    let mut failures = Vec::new();
    for case in &files {
        let text = std::fs::read_to_string(case).unwrap_or_default();
        let actual = f(case, &text);
        if let Some(diff) = compare(case, &actual) {
            failures.push(diff);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// The comparable part of a report: validity and each diagnostic's severity, code, path,
/// line, column and Meta error (not the message text, which may be reworded).
#[must_use]
pub fn report_summary(report: &wamsg::Report) -> Value {
    let diags: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut m = Map::new();
            m.insert("severity".into(), d.severity.as_str().into());
            m.insert("code".into(), d.code.as_str().into());
            m.insert("path".into(), d.path.to_string().into());
            m.insert("line".into(), d.line.into());
            m.insert("column".into(), d.column.into());
            if let Some(me) = d.meta_error {
                m.insert("metaError".into(), me.into());
            }
            Value::Object(m)
        })
        .collect();
    let mut m = Map::new();
    m.insert("kind".into(), report.kind.as_str().into());
    m.insert("valid".into(), report.valid.into());
    m.insert("diagnostics".into(), Value::Array(diags));
    Value::Object(m)
}
