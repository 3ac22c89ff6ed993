//! Plain text: what a notification shows. Inline delimiters are removed (bold, italic,
//! strike, inline code and monospace keep only their content); links keep their text; list
//! and quote prefixes stay as typed (`* `, `- `, `• `, `7. `, `> `), because they carry
//! meaning a reader needs when nothing is formatted. Newlines stay where they are.
//!
//! So the plain text is the text leaves joined (text, code and monospace values), with
//! breaks as newlines, each list item's prefix before its line and a newline between items,
//! and each quote's prefix before its line.

use super::ast::Root;

/// Writes `root` as plain text.
pub(crate) fn render(root: &Root) -> String {
    super::markup::write(root, false)
}
