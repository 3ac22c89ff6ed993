//! WebAssembly bindings of the `wamsg` core, the engine of the npm package `wamsg`.
//!
//! A thin layer with no logic of its own: each export takes text and plain numbers, calls
//! the core with positions in UTF-16 code units (what JavaScript strings index by) and
//! returns JSON text or a string. The package's JavaScript (`pkg/src/`) checks argument
//! types and options, turns objects into JSON text, keeps oversized input from crossing into
//! WebAssembly memory, and parses the JSON answers; so these exports are not the public API.
//!
//! The functions are ordinary Rust as well, so the layer is tested and linted natively.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

use std::cell::RefCell;

use serde::Serialize;
use wamsg::json::ParseOptions;
use wamsg::{Api, DocumentKind, Options, Units};
use wasm_bindgen::prelude::*;

/// Serializes an answer; the core's types always serialize, so the error is only mapped
/// for completeness (a thrown `Error`, never a trap).
fn to_json<T: Serialize>(value: &T) -> Result<String, JsError> {
    serde_json::to_string(value).map_err(|e| JsError::new(&format!("wamsg: {e}")))
}

/// Validation options as the package's JavaScript passes them, already checked there.
/// `kind`: 0 = detect by shape, 1 = message, 2 = template, 3 = webhook.
/// `api`: 0 = Cloud API, 1 = On-Premises API.
#[must_use]
pub fn options(api: u8, max_bytes: u32, max_depth: u32, max_diagnostics: u32) -> Options {
    Options {
        api: if api == 1 { Api::OnPrem } else { Api::Cloud },
        parse: ParseOptions {
            max_bytes: max_bytes as usize,
            max_depth: max_depth as usize,
        },
        max_diagnostics: max_diagnostics as usize,
        units: Units::Utf16,
    }
}

/// The document kind for the numeric `kind` of [`check`]; 0 (and anything unknown) detects.
#[must_use]
pub fn kind(kind: u8) -> Option<DocumentKind> {
    match kind {
        1 => Some(DocumentKind::Message),
        2 => Some(DocumentKind::Template),
        3 => Some(DocumentKind::Webhook),
        _ => None,
    }
}

// --- the input buffer --------------------------------------------------------------------
//
// The hot calls (validation on every keystroke) take their text through one reused buffer in
// WebAssembly memory that JavaScript fills with `TextEncoder.encodeInto`: no allocation per
// call, and the browser's native UTF-8 encoder instead of a per-character copy loop.
// JavaScript writes into the buffer only between calls, while no Rust borrow of it exists.

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A buffer this large is released after the call instead of kept for the next one.
const KEEP_INPUT_BYTES: usize = 1 << 20;

/// Makes the input buffer at least `capacity` bytes long and returns its address in
/// WebAssembly memory (meaningless on other targets).
#[wasm_bindgen]
#[must_use]
pub fn input_buffer(capacity: u32) -> u32 {
    INPUT.with_borrow_mut(|b| {
        let capacity = capacity as usize;
        if b.len() < capacity {
            b.resize(capacity, 0);
        }
        u32::try_from(b.as_mut_ptr() as usize).unwrap_or(0)
    })
}

/// Runs `f` over the first `len` bytes of the input buffer, then shrinks a large buffer.
fn with_input<T>(len: u32, f: impl FnOnce(&[u8]) -> T) -> T {
    INPUT.with_borrow_mut(|b| {
        let out = f(b.get(..len as usize).unwrap_or_default());
        if b.len() > KEEP_INPUT_BYTES {
            *b = Vec::new();
        }
        out
    })
}

/// Copies `bytes` into the input buffer (what JavaScript does with `encodeInto`), for tests.
#[cfg(test)]
fn put(bytes: &[u8]) -> u32 {
    let _ = input_buffer(u32::try_from(bytes.len()).unwrap());
    INPUT.with_borrow_mut(|b| b[..bytes.len()].copy_from_slice(bytes));
    u32::try_from(bytes.len()).unwrap()
}

/// The JSON answer a call left behind when it returned 0 (taken once).
#[wasm_bindgen]
#[must_use]
pub fn take_output() -> String {
    OUTPUT.with_borrow_mut(std::mem::take)
}

/// Validates the first `len` bytes of the input buffer (JSON text). A report without
/// diagnostics, the common case, is returned as its kind alone (1 = message, 2 = template,
/// 3 = webhook) and JavaScript builds `{valid: true, kind, diagnostics: []}`; otherwise the
/// call returns 0 and [`take_output`] gives the report as JSON: `{"valid", "kind",
/// "diagnostics": [Diagnostic]}` with UTF-16 columns and spans.
///
/// # Errors
/// Only if the report cannot be serialized, which the core's types rule out.
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
    if report.diagnostics.is_empty() {
        return Ok(match report.kind {
            DocumentKind::Message => 1,
            DocumentKind::Template => 2,
            DocumentKind::Webhook => 3,
        });
    }
    let json = to_json(&report)?;
    OUTPUT.with_borrow_mut(|o| *o = json);
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
    use serde_json::Value;

    /// What the package's JavaScript makes of a `check` call.
    fn checked(src: &str, kind_code: u8, max_bytes: u32, max_depth: u32) -> Value {
        let len = put(src.as_bytes());
        match check(len, kind_code, 0, max_bytes, max_depth, 1000).unwrap() {
            0 => serde_json::from_str(&take_output()).unwrap(),
            k => {
                let kind = ["message", "template", "webhook"][usize::from(k) - 1];
                serde_json::json!({"valid": true, "kind": kind, "diagnostics": []})
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
        let scalars = wamsg::check(src, Some(DocumentKind::Message), &Options::default());
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
        // Clean reports come back as their kind only, and leave no output behind.
        let len = put(b"{}");
        assert_eq!(check(len, 3, 0, 4 << 20, 64, 1000).unwrap(), 3);
        assert_eq!(take_output(), "");
        // Only the first `len` bytes count, whatever an earlier, longer input left behind.
        let _ = put(b"{\"a\":1,\"a\":2}");
        let len = put(b"{}");
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
}
