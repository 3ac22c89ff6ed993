//! The main module (feature `engine`, the package's entry `wamsg`): validation of messages,
//! template definitions and webhooks, the preview, WhatsApp formatting (AST, HTML, text),
//! the customer service window, locale formatting and length measures.

use serde::Serialize;
use wamsg::template::{Localize, RenderOptions};
use wasm_bindgen::prelude::*;

use crate::boundary::{OUTPUT, input_text, kind, kind_code, options, to_json, with_input};

/// Validates the first `len` bytes of the input buffer (JSON text). A report without
/// diagnostics, the common case, is returned as its kind alone (1 = message, 2 = template,
/// 3 = webhook) and JavaScript builds `{valid: true, kind, diagnostics: []}`; otherwise the
/// call returns 0 and the report is left behind as [`report_numbers`] and [`take_output`]
/// (see [`answer`]), with UTF-16 columns and spans.
///
/// # Errors
/// Never; the `Result` keeps the signature of the other answers.
#[wasm_bindgen]
pub fn check(
    len: u32,
    kind_code: u8,
    api: u8,
    max_bytes: u32,
    max_depth: u32,
    max_diagnostics: u32,
) -> Result<u8, JsError> {
    let opts = options(api, max_bytes, max_depth, max_diagnostics);
    let report = with_input(len, |src| wamsg::check_bytes(src, kind(kind_code), &opts));
    answer(&report)
}

/// Checks the template message in the input buffer (a send payload, JSON text) against the
/// template definition `template` (JSON text): the message's own diagnostics and those of
/// the send against the definition. Answers as [`check`] does.
///
/// # Errors
/// Never; the `Result` keeps the signature of the other answers.
#[wasm_bindgen]
pub fn check_send(
    len: u32,
    template: &str,
    api: u8,
    max_bytes: u32,
    max_depth: u32,
    max_diagnostics: u32,
) -> Result<u8, JsError> {
    let opts = options(api, max_bytes, max_depth, max_diagnostics);
    let report = input_text(len, |message| {
        wamsg::template::check_send(message, template, &opts)
    });
    answer(&report)
}

/// Numbers per diagnostic in [`report_numbers`].
const FIELDS: usize = 9;

thread_local! {
    static NUMBERS: std::cell::RefCell<Vec<u32>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The address (in WebAssembly memory) of the numbers of the report a call left behind:
/// `[valid, kind, n]`, then for each of the `n` diagnostics `[severity (0 error, 1 warning),
/// line, column, metaError + 1 (0: none), span start, span end]` and the UTF-16 lengths of
/// its `code`, `path` and `message`, which follow each other in that order in
/// [`take_output`]. JavaScript slices the one string instead of parsing JSON: the report of
/// an invalid document is the hot path of an editor, and `serde_json` plus `JSON.parse`
/// were most of its time.
#[wasm_bindgen]
#[must_use]
pub fn report_numbers() -> u32 {
    NUMBERS.with_borrow(|n| u32::try_from(n.as_ptr() as usize).unwrap_or(0))
}

/// A clean report as its kind's number, anything else as 0 with the report left in
/// [`report_numbers`] and [`take_output`].
#[allow(clippy::unnecessary_wraps)] // the exports' `Result` is the boundary's shape
fn answer(report: &wamsg::Report) -> Result<u8, JsError> {
    let kind = kind_code(report.kind);
    if report.diagnostics.is_empty() {
        return Ok(kind);
    }
    let count = |s: &str| u32::try_from(wamsg::text::utf16_len(s)).unwrap_or(0);
    NUMBERS.with_borrow_mut(|n| {
        OUTPUT.with_borrow_mut(|out| {
            n.clear();
            n.reserve(3 + FIELDS * report.diagnostics.len());
            n.extend([
                u32::from(report.valid),
                u32::from(kind),
                u32::try_from(report.diagnostics.len()).unwrap_or(0),
            ]);
            out.clear();
            for d in &report.diagnostics {
                let code = d.code.as_str();
                out.push_str(code);
                let path_start = out.len();
                d.path.write_to(out);
                let path = count(out.get(path_start..).unwrap_or_default());
                out.push_str(&d.message);
                n.extend([
                    u32::from(!d.is_error()),
                    d.line,
                    d.column,
                    d.meta_error.map_or(0, |m| m.saturating_add(1)),
                    d.span.start,
                    d.span.end,
                    count(code),
                    path,
                    count(&d.message),
                ]);
            }
        });
    });
    Ok(0)
}

/// Whether `message` (JSON text) may be sent at `now` and what it would cost, as JSON:
/// `{"window", "sendable", "billing"?, "diagnostics"}`. `template` is the template
/// definition (JSON text) a template message uses, for its category. Times are Unix seconds;
/// the package's JavaScript passes only integers.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // one flat call across the boundary, no JS objects
pub fn assess(
    message: &str,
    template: Option<String>,
    last_inbound: Option<f64>,
    now: f64,
    free_entry_point_until: Option<f64>,
    api: u8,
    max_bytes: u32,
    max_depth: u32,
    max_diagnostics: u32,
) -> Result<String, JsError> {
    // `as` saturates; the JavaScript side has already checked these are safe integers.
    #[allow(clippy::cast_possible_truncation)]
    let secs = |t: f64| t as i64;
    let facts = wamsg::window::Facts {
        last_inbound: last_inbound.map(secs),
        now: secs(now),
        free_entry_point_until: free_entry_point_until.map(secs),
    };
    let opts = options(api, max_bytes, max_depth, max_diagnostics);
    to_json(&wamsg::window::assess(
        message,
        template.as_deref(),
        &facts,
        &opts,
    ))
}

/// The preview of the message in the input buffer (a send payload, JSON text) as JSON:
/// `{"header", "body", "footer", "buttons", "list"?, "diagnostics"}` (DESIGN.md's render
/// shape), diagnostics and the header's and body's AST spans in UTF-16. Template messages are hydrated with `template` (the
/// definition's JSON text). `localize`: 0 = `fallback_value` (the default), 1 = formatted in
/// the template's locale. `output`: 0 = the preview as JSON, 1 = as safe HTML, 2 = as text.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // one flat call across the boundary, no JS objects
pub fn render(
    len: u32,
    template: Option<String>,
    localize: u8,
    output: u8,
    api: u8,
    max_bytes: u32,
    max_depth: u32,
    max_diagnostics: u32,
) -> Result<String, JsError> {
    let opts = RenderOptions {
        template,
        localize: if localize == 1 {
            Localize::Locale
        } else {
            Localize::Fallback
        },
        options: options(api, max_bytes, max_depth, max_diagnostics),
    };
    let mut preview = input_text(len, |message| wamsg::template::render(message, &opts));
    // The header's and body's formatting ASTs index their own text: UTF-16 in JavaScript.
    if let Some(wamsg::template::Header::Text(block)) = &mut preview.header {
        block.ast.spans_to_utf16(&block.text);
    }
    if let Some(block) = &mut preview.body {
        block.ast.spans_to_utf16(&block.text);
    }
    match output {
        1 => Ok(preview.to_html()),
        2 => Ok(preview.to_text()),
        _ => to_json(&preview),
    }
}

/// The platform limits an editor shows counters against, as JSON (camelCase names of the
/// core's `limits` constants; lengths in Unicode scalars).
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn limits() -> Result<String, JsError> {
    use wamsg::limits as l;
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Limits {
        template_header_text: usize,
        template_body: usize,
        template_send_body: usize,
        template_footer: usize,
        template_button_text: usize,
        text_body: usize,
        media_caption: usize,
        interactive_header_text: usize,
        interactive_body: usize,
        interactive_footer: usize,
        reply_button_title: usize,
    }
    to_json(&Limits {
        template_header_text: l::TEMPLATE_HEADER_TEXT,
        template_body: l::TEMPLATE_BODY,
        template_send_body: l::TEMPLATE_SEND_BODY,
        template_footer: l::TEMPLATE_FOOTER,
        template_button_text: l::TEMPLATE_BUTTON_TEXT,
        text_body: l::TEXT_BODY,
        media_caption: l::MEDIA_CAPTION,
        interactive_header_text: l::INTERACTIVE_HEADER_TEXT,
        interactive_body: l::INTERACTIVE_BODY,
        interactive_footer: l::INTERACTIVE_FOOTER,
        reply_button_title: l::REPLY_BUTTON_TITLE,
    })
}

/// The WhatsApp markup in the input buffer as the preview AST (JSON, DESIGN.md's shape),
/// spans in UTF-16 code units of the text.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn parse_formatting(len: u32) -> Result<String, JsError> {
    input_text(len, |text| {
        let mut root = wamsg::format::parse(text);
        root.spans_to_utf16(text);
        to_json(&root)
    })
}

/// The WhatsApp markup in the input buffer as escaped, safe HTML.
#[wasm_bindgen]
#[must_use]
pub fn format_to_html(len: u32) -> String {
    input_text(len, wamsg::format::to_html)
}

/// The WhatsApp markup in the input buffer as plain text (what a notification shows).
#[wasm_bindgen]
#[must_use]
pub fn format_to_text(len: u32) -> String {
    input_text(len, wamsg::format::to_text)
}

/// A locale formatting result as JSON: `{"value": "..."}`, or `{"error": "..."}` with the
/// core's explanation (the package's JavaScript throws a `RangeError` with it, as `Intl` does).
fn formatted(result: Result<String, wamsg::locale::Error>) -> Result<String, JsError> {
    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Formatted {
        Value(String),
        Error(String),
    }
    to_json(&match result {
        Ok(v) => Formatted::Value(v),
        Err(e) => Formatted::Error(e.to_string()),
    })
}

/// Narrows an integer-valued `f64` from JavaScript, which has checked that it is a safe
/// integer within the range of the core's parameter type (values outside it are thrown
/// there as out of range, never dropped here).
#[allow(clippy::cast_possible_truncation)]
fn int(v: f64) -> i64 {
    v as i64
}

/// `amount_1000 / 1000` units of `currency` formatted in `lang`'s locale, as a currency
/// parameter renders with `localize: "locale"`. JSON as [`formatted`] says.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn format_currency(lang: &str, amount_1000: f64, currency: &str) -> Result<String, JsError> {
    formatted(wamsg::locale::format_currency(
        lang,
        int(amount_1000),
        currency,
    ))
}

/// `date_time` components formatted in `lang`'s locale. JSON as [`formatted`] says.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // one flat call across the boundary, no JS objects
pub fn format_date_time(
    lang: &str,
    year: Option<f64>,
    month: Option<f64>,
    day_of_month: Option<f64>,
    day_of_week: Option<f64>,
    hour: Option<f64>,
    minute: Option<f64>,
    calendar: Option<String>,
) -> Result<String, JsError> {
    let small = |v: Option<f64>| v.and_then(|v| u8::try_from(int(v)).ok());
    let parts = wamsg::locale::DateTimeParts {
        year: year.and_then(|v| i32::try_from(int(v)).ok()),
        month: small(month),
        day_of_month: small(day_of_month),
        day_of_week: small(day_of_week),
        hour: small(hour),
        minute: small(minute),
        calendar,
    };
    formatted(wamsg::locale::format_date_time(lang, &parts))
}

/// The UTC time of a Unix timestamp (seconds) formatted in `lang`'s locale. JSON as
/// [`formatted`] says.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn format_unix_epoch(lang: &str, seconds: f64) -> Result<String, JsError> {
    formatted(wamsg::locale::format_unix_epoch(lang, int(seconds)))
}

/// The `Intl` locale whose CLDR data `lang` is formatted with (`prs_AF` → `fa-AF`). JSON as
/// [`formatted`] says.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn intl_locale(lang: &str) -> Result<String, JsError> {
    formatted(wamsg::locale::intl_locale(lang).map(str::to_owned))
}

/// The lengths of `text` as JSON: `{"scalars", "utf16", "graphemes", "bytes"}`.
///
/// # Errors
/// Only if the answer cannot be serialized, which its type rules out.
#[wasm_bindgen]
pub fn measure(text: &str) -> Result<String, JsError> {
    to_json(&wamsg::text::measure(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::{INPUT, KEEP_INPUT_BYTES, input_buffer, put, take_output};
    use serde_json::Value;
    use wamsg::Options;

    /// What the package's JavaScript makes of a `check` call (`report` in pkg/src/api.js).
    fn checked(src: &str, kind_code: u8, max_bytes: u32, max_depth: u32) -> Value {
        let len = put(src.as_bytes());
        let kinds = ["message", "template", "webhook"];
        match check(len, kind_code, 0, max_bytes, max_depth, 1000).unwrap() {
            0 => decode(&take_output(), &NUMBERS.with_borrow(Vec::clone)),
            k => {
                let kind = kinds[usize::from(k) - 1];
                serde_json::json!({"valid": true, "kind": kind, "diagnostics": []})
            }
        }
    }

    /// The report as JSON from the numbers and the string `answer` leaves behind.
    fn decode(text: &str, n: &[u32]) -> Value {
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut pos = 0;
        let mut cut = |len: u32| {
            let s = String::from_utf16(&units[pos..pos + len as usize]).unwrap();
            pos += len as usize;
            s
        };
        let diagnostics: Vec<Value> = n[3..]
            .chunks(FIELDS)
            .map(|f| {
                let (code, path, message) = (cut(f[6]), cut(f[7]), cut(f[8]));
                let severity = ["error", "warning"][f[0] as usize];
                let mut d = serde_json::json!({
                    "severity": severity,
                    "code": code, "path": path, "line": f[1], "column": f[2], "message": message,
                });
                if f[3] != 0 {
                    d["metaError"] = (f[3] - 1).into();
                }
                d["span"] = serde_json::json!([f[4], f[5]]);
                d
            })
            .collect();
        assert_eq!(diagnostics.len(), n[2] as usize);
        assert_eq!(pos, units.len(), "the lengths cover the whole string");
        let kind = ["message", "template", "webhook"][n[1] as usize - 1];
        serde_json::json!({"valid": n[0] == 1, "kind": kind, "diagnostics": diagnostics})
    }

    #[test]
    fn reports_decode_to_the_serde_json_report() {
        // Every field, a metaError and none, UTF-16 lengths of non-ASCII keys and messages,
        // array indices and escaped pointer segments.
        let sources = [
            "{\"a\":\"😀\",\"a\":1}",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"1\",\"type\":\"interactive\",\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"\"},\"action\":{\"buttons\":[{},{\"type\":\"reply\",\"reply\":{\"id\":\"x\",\"title\":\"ünïcödé 😀 títle that is far too long\"}}]}},\"a/b~c\":1,\"ключ\":2}",
            "[[[",
            include_str!("../../pkg/bench/data/messages.examples.json"),
        ];
        for src in sources {
            for kind in 0..=3 {
                let native = wamsg::check_bytes(
                    src.as_bytes(),
                    crate::boundary::kind(kind),
                    &options(0, 4 << 20, 64, 1000),
                );
                let expected = serde_json::to_value(&native).unwrap();
                let got = report(src, kind);
                if native.diagnostics.is_empty() {
                    assert_eq!(got["diagnostics"], serde_json::json!([]));
                } else {
                    assert_eq!(got, expected, "{src}");
                }
            }
        }
    }

    fn report(src: &str, kind_code: u8) -> Value {
        checked(src, kind_code, 4 << 20, 64)
    }

    #[test]
    fn positions_are_utf16() {
        // "😀" is one scalar but two UTF-16 units: the duplicate key after it sits one
        // column further right in JavaScript than in Rust.
        let src = "{\"a\":\"😀\",\"a\":1}";
        let r = report(src, 1);
        let d = r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "json.duplicate_key")
            .unwrap();
        let scalars = wamsg::check(src, Some(wamsg::DocumentKind::Message), &Options::default());
        let native = scalars
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "json.duplicate_key")
            .unwrap();
        assert_eq!(d["column"].as_u64().unwrap(), u64::from(native.column) + 1);
        let start = d["span"][0].as_u64().unwrap() as usize;
        let utf16: Vec<u16> = src.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[start..start + 3]).unwrap(),
            "\"a\""
        );
    }

    #[test]
    fn kinds_and_limits_are_passed_through() {
        assert_eq!(report("{}", 3)["kind"], "webhook");
        assert_eq!(report("{\"category\":\"UTILITY\"}", 0)["kind"], "template");
        let r = checked("[[[1]]]", 1, 4 << 20, 2);
        assert_eq!(r["valid"], false);
        let r = checked("{}  ", 1, 3, 64);
        assert_eq!(r["diagnostics"][0]["code"], "json.too_large");
    }

    #[test]
    fn the_input_buffer_is_reused_and_large_ones_released() {
        // A valid webhook from the corpus: its clean report comes back as its kind only.
        let valid = include_str!("../../tests/cases/webhooks/corpus/pywa/message_status.sent.json");
        let len = put(valid.as_bytes());
        assert_eq!(check(len, 3, 0, 4 << 20, 64, 1000).unwrap(), 3);
        assert_eq!(take_output(), "", "a clean report leaves no output behind");
        // Only the first `len` bytes count, whatever an earlier, longer input left behind.
        let _ = put(format!("{valid}   {{\"a\":1}}").as_bytes());
        let len = put(valid.as_bytes());
        assert_eq!(check(len, 3, 0, 4 << 20, 64, 1000).unwrap(), 3);
        let small = input_buffer(16);
        assert_eq!(
            input_buffer(8),
            small,
            "a smaller request reuses the buffer"
        );
        let big = vec![b' '; KEEP_INPUT_BYTES + 1];
        let len = put(&big);
        assert_eq!(check(len, 1, 0, 4 << 20, 64, 1000).unwrap(), 0);
        assert!(
            INPUT.with_borrow(Vec::len) == 0,
            "a large buffer is released after use"
        );
    }

    #[test]
    fn locale_results_and_errors_are_json() {
        let v: Value =
            serde_json::from_str(&format_currency("de", -1_234_567.0, "EUR").unwrap()).unwrap();
        assert_eq!(v["value"], "-1.234,57\u{a0}€");
        let e: Value = serde_json::from_str(&format_currency("de", 1.0, "XXX").unwrap()).unwrap();
        assert!(e["error"].as_str().unwrap().contains("XXX"));
        let e: Value = serde_json::from_str(
            &format_date_time(
                "en_US",
                Some(2024.0),
                Some(13.0),
                None,
                None,
                None,
                None,
                None,
            )
            .unwrap(),
        )
        .unwrap();
        assert!(e.get("error").is_some(), "{e}");
        let v: Value = serde_json::from_str(&intl_locale("prs_AF").unwrap()).unwrap();
        assert_eq!(v["value"], "fa-AF");
    }

    #[test]
    fn measure_counts_three_ways() {
        let m: Value = serde_json::from_str(&measure("👍🏽e\u{301}").unwrap()).unwrap();
        assert_eq!(m["scalars"], 4);
        assert_eq!(m["utf16"], 6);
        assert_eq!(m["graphemes"], 2);
        assert_eq!(m["bytes"], 11);
    }

    #[test]
    fn ast_spans_are_utf16_and_html_is_escaped() {
        let text = "😀 *a<b*";
        let len = put(text.as_bytes());
        let ast: Value = serde_json::from_str(&parse_formatting(len).unwrap()).unwrap();
        // The bold node starts after the emoji (2 UTF-16 units) and a space.
        let bold = &ast["children"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["type"] == "bold")
            .unwrap();
        assert_eq!(bold["span"], serde_json::json!([3, 8]));
        let len = put(text.as_bytes());
        assert_eq!(format_to_html(len), "😀 <strong>a&lt;b</strong>");
        let len = put(text.as_bytes());
        assert_eq!(format_to_text(len), "😀 a<b");
    }
}
