//! The Markdown module (feature `markdown`, the package's entry `wamsg/markdown`): Markdown
//! converted to WhatsApp markup. Its own module because its CommonMark parser (pulldown-cmark,
//! with entity and case-folding tables) is ~70 KB gzipped, a third of the main module's size
//! budget, and an editor of messages rarely needs it.

use wasm_bindgen::prelude::*;

use crate::boundary::input_text;

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

    #[test]
    fn markdown_becomes_markup() {
        let len = put("**bold** and *em*".as_bytes());
        assert_eq!(markdown_to_whatsapp(len), "*bold* and _em_");
    }
}
