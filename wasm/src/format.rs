//! The formatting module (feature `format`, the package's entry `wamsg/format`): WhatsApp
//! markup as the preview AST, safe HTML and plain text, and Markdown converted to markup.
//! Its own module because the main one is at its size budget; the CommonMark parser behind
//! the Markdown conversion (pulldown-cmark, with entity and case-folding tables) is most of
//! this module's size.

use wasm_bindgen::prelude::*;

use crate::boundary::{input_text, to_json};

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

/// The Markdown in the input buffer converted to WhatsApp markup.
#[wasm_bindgen]
#[must_use]
pub fn markdown_to_whatsapp(len: u32) -> String {
    input_text(len, wamsg::format::markdown_to_whatsapp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::put;
    use serde_json::Value;

    #[test]
    fn markdown_becomes_markup() {
        let len = put("**bold** and *em*".as_bytes());
        assert_eq!(markdown_to_whatsapp(len), "*bold* and _em_");
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
