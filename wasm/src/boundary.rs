//! What every module shares: options from plain numbers, JSON answers, and the reused input
//! buffer that JavaScript fills with `TextEncoder.encodeInto`.

use std::cell::RefCell;

use wamsg::json::ParseOptions;
use wamsg::{Api, DocumentKind, Options, Units};
use wasm_bindgen::prelude::*;

/// Serializes an answer; the core's types always serialize, so the error is only mapped
/// for completeness (a thrown `Error`, never a trap).
#[cfg(any(feature = "engine", feature = "webhook"))]
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, JsError> {
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

/// The document kind for the numeric `kind` of `engine::check`; 0 (and anything unknown) detects.
#[must_use]
pub fn kind(kind: u8) -> Option<DocumentKind> {
    match kind {
        1 => Some(DocumentKind::Message),
        2 => Some(DocumentKind::Template),
        3 => Some(DocumentKind::Webhook),
        _ => None,
    }
}

/// The number of a document kind, as [`kind`] reads it (a clean report crosses as this).
#[must_use]
pub fn kind_code(kind: DocumentKind) -> u8 {
    match kind {
        DocumentKind::Message => 1,
        DocumentKind::Template => 2,
        DocumentKind::Webhook => 3,
    }
}

// --- the input buffer --------------------------------------------------------------------
//
// The hot calls (validation on every keystroke) take their text through one reused buffer in
// WebAssembly memory that JavaScript fills with `TextEncoder.encodeInto`: no allocation per
// call, and the browser's native UTF-8 encoder instead of a per-character copy loop.
// JavaScript writes into the buffer only between calls, while no Rust borrow of it exists.

thread_local! {
    pub(crate) static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    pub(crate) static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A buffer this large is released after the call instead of kept for the next one.
pub(crate) const KEEP_INPUT_BYTES: usize = 1 << 20;

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
pub(crate) fn with_input<T>(len: u32, f: impl FnOnce(&[u8]) -> T) -> T {
    INPUT.with_borrow_mut(|b| {
        let out = f(b.get(..len as usize).unwrap_or_default());
        if b.len() > KEEP_INPUT_BYTES {
            *b = Vec::new();
        }
        out
    })
}

/// Whether the first `len` bytes of the input buffer hold U+FFFD (`EF BF BD`). `encodeInto`
/// writes a lone surrogate as U+FFFD, so JavaScript runs its (slower: ~0.6 ns per UTF-16 unit
/// in Node 20, 6% of `formatToHtml`) well-formedness check only on a text where this is true.
#[wasm_bindgen]
#[must_use]
pub fn input_has_replacement(len: u32) -> bool {
    INPUT.with_borrow(|b| {
        let mut rest = b.get(..len as usize).unwrap_or_default();
        while let Some(i) = memchr::memchr(0xef, rest) {
            let Some(tail) = rest.get(i..) else { break };
            if tail.starts_with("\u{fffd}".as_bytes()) {
                return true;
            }
            rest = tail.get(1..).unwrap_or_default();
        }
        false
    })
}

/// Copies `bytes` into the input buffer (what JavaScript does with `encodeInto`), for tests.
#[cfg(test)]
pub(crate) fn put(bytes: &[u8]) -> u32 {
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

/// The input buffer's first `len` bytes as text. JavaScript writes well-formed UTF-8 (it
/// refuses lone surrogates before encoding), so this borrows; anything else would be
/// replaced with U+FFFD rather than dropped.
pub(crate) fn input_text<T>(len: u32, f: impl FnOnce(&str) -> T) -> T {
    // `from_utf8` first: its word-at-a-time ASCII check is several times faster than the
    // lossy decoder's chunk iterator (5% of `formatToHtml` on a 4 KiB message).
    with_input(len, |b| match std::str::from_utf8(b) {
        Ok(text) => f(text),
        Err(_) => f(&String::from_utf8_lossy(b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_numbers_round_trip() {
        for k in [
            DocumentKind::Message,
            DocumentKind::Template,
            DocumentKind::Webhook,
        ] {
            assert_eq!(kind(kind_code(k)), Some(k));
        }
        assert_eq!(kind(0), None);
    }

    #[test]
    fn replacement_characters_are_found_only_within_the_text() {
        for (text, expect) in [
            ("", false),
            ("plain ascii", false),
            ("\u{fffd}", true),
            ("é € \u{f000}\u{ffef} ☕", false),
            ("\u{ffef}\u{fffd}", true),
            ("a longer text with words before the mark \u{fffd}", true),
        ] {
            let len = put(text.as_bytes());
            assert_eq!(input_has_replacement(len), expect, "{text:?}");
        }
        // Bytes after `len` (left from a longer earlier text) do not count.
        let len = put("ab\u{fffd}".as_bytes());
        assert!(!input_has_replacement(len - 3));
        // A lead byte at the very end, cut short, is no match.
        assert!(!input_has_replacement(put(&[b'a', 0xef, 0xbf])));
    }
}
