//! Peer test records for WhatsApp formatting (`tests/cases/format/corpus/`, copied with each
//! record's source and commit from the shared corpus) run through our engine with each
//! record's own `match` semantics.
//!
//! Peers disagree with each other and with WhatsApp. Where our result differs from a peer's
//! expectation on purpose (WhatsApp behaves differently, or our documented Markdown mapping
//! chose otherwise), the record id is listed with the reason in
//! `tests/cases/format/expected-differences.json`. Every other record must pass, and a listed
//! record that starts passing fails too, so the list stays true.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::{Value, json};
use wamsg::format::{self, Children, Node, Root};

fn format_dir() -> PathBuf {
    wamsg_conformance::cases_root().join("format")
}

/// Every record of every corpus file, with the file name.
fn records() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(format_dir().join("corpus"))
        .expect("corpus folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable corpus file");
        let doc: Value = serde_json::from_str(&text).expect("corpus file is JSON");
        let list = doc.get("cases").unwrap_or(&doc).as_array().cloned();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for r in list.expect("a list of records") {
            out.push((name.clone(), r));
        }
    }
    out
}

fn expected_differences() -> BTreeMap<String, String> {
    let path = format_dir().join("expected-differences.json");
    let text = std::fs::read_to_string(path).expect("expected-differences.json");
    serde_json::from_str(&text).expect("an object id -> reason")
}

fn utf16(s: &str, byte: usize) -> usize {
    s.get(..byte).map_or(0, |p| p.encode_utf16().count())
}

// ---------------------------------------------------------------- WhatsApp -> spans (VColl)

/// Plain text and the inclusive UTF-16 ranges of bold, italic and strike nodes in it.
fn styled_ranges(root: &Root) -> (String, BTreeMap<&'static str, Vec<[usize; 2]>>) {
    fn walk(
        nodes: Children<'_>,
        text: &mut String,
        at: &mut usize,
        out: &mut BTreeMap<&'static str, Vec<[usize; 2]>>,
    ) {
        for n in nodes {
            let push = |text: &mut String, at: &mut usize, s: &str| {
                text.push_str(s);
                *at += s.encode_utf16().count();
            };
            match n {
                Node::Text(t) => push(text, at, t.value),
                Node::Code(c) => push(text, at, c.value),
                Node::Mono(m) => push(text, at, m.value),
                Node::Break(_) => push(text, at, "\n"),
                Node::Bold(_) | Node::Italic(_) | Node::Strike(_) => {
                    let key = match n {
                        Node::Bold(_) => "bold",
                        Node::Italic(_) => "italic",
                        _ => "strike",
                    };
                    let start = *at;
                    walk(n.children(), text, at, out);
                    out.entry(key).or_default().push([start, *at - 1]);
                }
                Node::Link(l) => walk(l.children, text, at, out),
                Node::Quote(q) => {
                    push(text, at, q.marker);
                    walk(q.children, text, at, out);
                }
                Node::BulletList(l) => {
                    for (i, item) in l.items.iter().enumerate() {
                        if i > 0 {
                            push(text, at, "\n");
                        }
                        push(text, at, &format!("{} ", item.marker));
                        walk(item.children, text, at, out);
                    }
                }
                Node::OrderedList(l) => {
                    for (i, item) in l.items.iter().enumerate() {
                        if i > 0 {
                            push(text, at, "\n");
                        }
                        push(text, at, &format!("{}. ", item.number));
                        walk(item.children, text, at, out);
                    }
                }
            }
        }
    }
    let mut text = String::new();
    let mut out = BTreeMap::new();
    walk(root.children(), &mut text, &mut 0, &mut out);
    (text, out)
}

/// Inclusive UTF-16 positions of the opening and closing markers of each styled node.
fn marker_positions(input: &str) -> BTreeMap<&'static str, Vec<[usize; 2]>> {
    fn walk(nodes: Children<'_>, input: &str, out: &mut BTreeMap<&'static str, Vec<[usize; 2]>>) {
        for n in nodes {
            let key = match n {
                Node::Bold(_) => "bold",
                Node::Italic(_) => "italic",
                Node::Strike(_) => "strike",
                _ => {
                    walk(n.children(), input, out);
                    continue;
                }
            };
            let s = n.span();
            out.entry(key)
                .or_default()
                .push([utf16(input, s.start), utf16(input, s.end) - 1]);
            walk(n.children(), input, out);
        }
    }
    let mut out = BTreeMap::new();
    walk(format::parse(input).children(), input, &mut out);
    out
}

fn check_spans(rec: &Value, input: &str) -> Result<(), String> {
    let exp = &rec["expected"];
    let (text, ours) = if rec["match"] == "marker_positions_in_input" {
        (
            exp["text"].as_str().unwrap_or_default().to_string(),
            marker_positions(input),
        )
    } else {
        styled_ranges(&format::parse(input))
    };
    let mut problems = Vec::new();
    if exp["text"] != text.as_str() {
        problems.push(format!("text {text:?}"));
    }
    for key in ["bold", "italic", "strike"] {
        let mut want: Vec<[usize; 2]> =
            serde_json::from_value(exp[key].clone()).unwrap_or_default();
        want.sort_unstable();
        let mut got = ours.get(key).cloned().unwrap_or_default();
        got.sort_unstable();
        if want != got {
            problems.push(format!("{key} {got:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join(", "))
    }
}

// ------------------------------------------------------------- WhatsApp -> Markdown (WAHA)

/// Our AST as the Markdown a chat app shows: bold `**`, italic `*`, strike `~~`, code kept.
fn to_markdown(nodes: Children<'_>, out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => out.push_str(t.value),
            Node::Bold(b) => {
                out.push_str("**");
                to_markdown(b.children, out);
                out.push_str("**");
            }
            Node::Italic(i) => {
                out.push('*');
                to_markdown(i.children, out);
                out.push('*');
            }
            Node::Strike(s) => {
                out.push_str("~~");
                to_markdown(s.children, out);
                out.push_str("~~");
            }
            Node::Code(c) => out.push_str(&format!("`{}`", c.value)),
            Node::Mono(m) => out.push_str(&format!("```{}```", m.value)),
            Node::Link(l) => to_markdown(l.children, out),
            Node::Break(_) => out.push('\n'),
            Node::Quote(q) => {
                out.push_str(q.marker);
                to_markdown(q.children, out);
            }
            Node::BulletList(l) => {
                for (i, item) in l.items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&format!("{} ", item.marker));
                    to_markdown(item.children, out);
                }
            }
            Node::OrderedList(l) => {
                for (i, item) in l.items.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    out.push_str(&format!("{}. ", item.number));
                    to_markdown(item.children, out);
                }
            }
        }
    }
}

// ------------------------------------------------------------ relational-text structure

fn plain_node(n: Node<'_>) -> String {
    match n {
        Node::Text(t) => t.value.to_string(),
        Node::Code(c) => c.value.to_string(),
        Node::Mono(m) => m.value.to_string(),
        other => other.children().iter().map(plain_node).collect(),
    }
}

/// `(mark, content)` of every bold, italic, strike and inline-code node.
fn marks(nodes: Children<'_>, out: &mut Vec<(&'static str, String)>) {
    for n in nodes {
        let mark = match n {
            Node::Bold(_) => Some("bold"),
            Node::Italic(_) => Some("italic"),
            Node::Strike(_) => Some("strikethrough"),
            Node::Code(_) => Some("code"),
            _ => None,
        };
        if let Some(m) = mark {
            out.push((m, plain_node(n)));
        }
        marks(n.children(), out);
        match n {
            Node::Quote(q) => marks(q.children, out),
            Node::BulletList(l) => l.items.iter().for_each(|i| marks(i.children, out)),
            Node::OrderedList(l) => l.items.iter().for_each(|i| marks(i.children, out)),
            _ => {}
        }
    }
}

fn check_relational(rec: &Value, input: &str) -> Result<(), String> {
    let root = format::parse(input);
    let exp = &rec["expected"];
    let mut found = Vec::new();
    marks(root.children(), &mut found);
    let ok = match rec["match"].as_str().unwrap_or_default() {
        "has_text_segment_with_mark" => found
            .iter()
            .any(|(m, c)| exp["mark"] == *m && exp["content"] == c.as_str()),
        "has_marks" => exp["marks"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|want| found.iter().any(|(m, _)| want == *m)),
        "has_block" => root
            .children()
            .iter()
            .any(|n| match (exp["block"].as_str(), n) {
                (Some("blockquote"), Node::Quote(_))
                | (Some("ul"), Node::BulletList(_))
                | (Some("ol"), Node::OrderedList(_)) => true,
                (Some("code-block"), Node::Mono(m)) => {
                    exp["contains"].as_str().is_none_or(|c| m.value.contains(c))
                }
                _ => false,
            }),
        "contains_after_trim" => root
            .to_html()
            .trim()
            .contains(exp.as_str().unwrap_or("\u{0}")),
        "exact" => root.to_markup() == exp.as_str().unwrap_or_default(),
        other => return Err(format!("unknown match {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "marks {found:?}, html {:?}, markup {:?}",
            root.to_html(),
            root.to_markup()
        ))
    }
}

// ------------------------------------------------------- WhatsApp Web block regex probes

/// What each of WhatsApp Web's block regexes would match, as read from our AST, in the
/// probe file's shape (`index` in UTF-16 units, `match`, `groups`).
fn regex_view(input: &str) -> BTreeMap<&'static str, Vec<Value>> {
    let root = format::parse(input);
    let mut out: BTreeMap<&'static str, Vec<Value>> = BTreeMap::new();
    let slice = |a: usize, b: usize| input.get(a..b).unwrap_or_default().to_string();
    let with_newline = |end: usize| {
        if input.as_bytes().get(end) == Some(&b'\n') {
            end + 1
        } else {
            end
        }
    };
    let mut add = |key: &'static str, start: usize, end: usize, groups: Vec<Value>| {
        out.entry(key).or_default().push(json!({
            "index": utf16(input, start),
            "match": slice(start, end),
            "groups": groups,
        }));
    };
    fn monos(nodes: Children<'_>, found: &mut Vec<(usize, usize, String)>) {
        for n in nodes {
            if let Node::Mono(m) = n {
                found.push((m.span.start, m.span.end, m.value.to_string()));
            }
            monos(n.children(), found);
        }
    }
    let mut found = Vec::new();
    monos(root.children(), &mut found);
    for n in root.children() {
        match n {
            Node::BulletList(l) => {
                for item in &l.items {
                    monos(item.children, &mut found);
                }
            }
            Node::OrderedList(l) => {
                for item in &l.items {
                    monos(item.children, &mut found);
                }
            }
            Node::Quote(q) => monos(q.children, &mut found),
            _ => {}
        }
    }
    found.sort();
    for (s, e, v) in found {
        add("code", s, e, vec![json!(v)]);
    }
    for n in root.children() {
        match n {
            Node::BulletList(l) => {
                for item in &l.items {
                    let (s, e) = (item.span.start, item.span.end);
                    let key = if item.marker == '-' {
                        "hyphenItem"
                    } else {
                        "bulletItem"
                    };
                    let marker = item.marker.len_utf8();
                    add(key, s, e, vec![json!(slice(s + marker, e))]);
                }
                let end = with_newline(l.span.end);
                add(
                    "bulletList",
                    l.span.start,
                    end,
                    vec![json!(slice(l.span.start, end))],
                );
            }
            Node::OrderedList(l) => {
                for item in &l.items {
                    let (s, e) = (item.span.start, item.span.end);
                    let digits = item.number.len();
                    add(
                        "numberedItem",
                        s,
                        e,
                        vec![
                            json!(slice(s, s + digits + 1)),
                            json!(slice(s + digits + 1, e)),
                        ],
                    );
                }
                let end = with_newline(l.span.end);
                let first = l.items.first().map(|i| i.number);
                let last = (l.items.len() > 1)
                    .then(|| l.items.last().map(|i| i.number))
                    .flatten();
                add(
                    "numberedList",
                    l.span.start,
                    end,
                    vec![json!(slice(l.span.start, end)), json!(first), json!(last)],
                );
            }
            Node::Quote(q) => {
                let end = with_newline(q.span.end);
                let group = json!(slice(q.span.start + 1, end));
                add("quoteNew", q.span.start, end, vec![group.clone()]);
                if !q.children.is_empty() {
                    add("quoteOld", q.span.start, end, vec![group]);
                }
            }
            _ => {}
        }
    }
    out
}

fn check_probe(rec: &Value, input: &str) -> Result<(), String> {
    let ours = serde_json::to_value(regex_view(input)).unwrap_or_default();
    let want = rec["expected"].clone();
    if ours == want {
        Ok(())
    } else {
        Err(format!("ours {ours}"))
    }
}

// ------------------------------------------------------------------ Markdown -> WhatsApp

fn check_markdown(rec: &Value, input: &str) -> Result<(), String> {
    let got = format::markdown_to_whatsapp(input);
    let exp = rec["expected"].as_str().unwrap_or_default();
    let ok = match rec["match"].as_str().unwrap_or_default() {
        "exact" => got == exp,
        "exact_after_trim_actual" => got.trim() == exp,
        "exact_after_trim_expected" => got == exp.trim(),
        "contains" => got.contains(exp),
        "not_contains" => !got.contains(exp),
        "startswith" => got.starts_with(exp),
        "endswith" => got.ends_with(exp),
        "not_matches_regex" => {
            let pattern = exp.trim_start_matches('/').trim_end_matches('/');
            !regex::Regex::new(pattern)
                .expect("a valid regex")
                .is_match(&got)
        }
        "idempotent" => format::markdown_to_whatsapp(&got) == got,
        other => return Err(format!("unknown match {other}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("got {got:?}"))
    }
}

fn check(rec: &Value) -> Result<(), String> {
    let input = rec["input"].as_str().unwrap_or_default();
    match rec["direction"].as_str().unwrap_or_default() {
        "wa_to_spans" => check_spans(rec, input),
        "wa_to_md" => {
            let mut md = String::new();
            to_markdown(format::parse(input).children(), &mut md);
            if md == rec["expected"].as_str().unwrap_or_default() {
                Ok(())
            } else {
                Err(format!("got {md:?}"))
            }
        }
        "wa_to_ast" | "wa_to_html" | "wa_roundtrip" => check_relational(rec, input),
        "wa_block_regex_probe" => check_probe(rec, input),
        "md_to_wa" => check_markdown(rec, input),
        other => Err(format!("unknown direction {other}")),
    }
}

#[test]
fn peer_records_pass_or_are_listed_differences() {
    let differences = expected_differences();
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    let all = records();
    for (file, rec) in &all {
        let id = rec["id"].as_str().unwrap_or_default().to_string();
        let result = check(rec);
        match (result, differences.get(&id)) {
            (Ok(()), Some(reason)) => failures.push(format!(
                "{id} ({file}) is listed as a difference ({reason}) but now passes: remove it"
            )),
            (Err(e), None) => failures.push(format!(
                "{id} ({file}): input {:?}, expected {}: {e}",
                rec["input"].as_str().unwrap_or_default(),
                rec["expected"]
            )),
            _ => {}
        }
        seen.push(id);
    }
    for id in differences.keys() {
        if !seen.contains(id) {
            failures.push(format!(
                "{id} is listed as a difference but no record has it"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} records:\n{}",
        failures.len(),
        all.len(),
        failures.join("\n")
    );
}
