//! Length measures for editors and limits.
//!
//! Meta's validators count Unicode scalar values; JavaScript SDKs count UTF-16 code units;
//! people count graphemes (what they see as one character). Limits use scalars, warn on
//! UTF-16, and editors show all three.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

/// The three lengths of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Measure {
    /// Unicode scalar values: what platform limits count.
    pub scalars: usize,
    /// UTF-16 code units: what JavaScript's `length` says.
    pub utf16: usize,
    /// Extended grapheme clusters: what a reader sees as characters.
    pub graphemes: usize,
    /// UTF-8 bytes.
    pub bytes: usize,
}

/// Measures `text` in one pass per unit.
#[must_use]
pub fn measure(text: &str) -> Measure {
    let mut scalars = 0;
    let mut utf16 = 0;
    for c in text.chars() {
        scalars += 1;
        utf16 += c.len_utf16();
    }
    Measure {
        scalars,
        utf16,
        graphemes: text.graphemes(true).count(),
        bytes: text.len(),
    }
}

/// Unicode scalar count: what platform limits count.
#[must_use]
pub fn scalar_len(text: &str) -> usize {
    text.chars().count()
}

/// UTF-16 length: what JavaScript counts.
#[must_use]
pub fn utf16_len(text: &str) -> usize {
    // Most texts (codes, pointers, messages, many values) are ASCII: one unit per byte,
    // checked a word at a time, instead of decoding every character.
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().map(char::len_utf16).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_measures_differ_where_they_should() {
        assert_eq!(
            measure("abc"),
            Measure {
                scalars: 3,
                utf16: 3,
                graphemes: 3,
                bytes: 3
            }
        );
        // U+1F44D U+1F3FD: thumbs up with skin tone: 2 scalars, 4 UTF-16 units, 1 grapheme.
        assert_eq!(
            measure("👍🏽"),
            Measure {
                scalars: 2,
                utf16: 4,
                graphemes: 1,
                bytes: 8
            }
        );
        // e + combining acute: 2 scalars, 1 grapheme.
        assert_eq!(
            measure("e\u{301}"),
            Measure {
                scalars: 2,
                utf16: 2,
                graphemes: 1,
                bytes: 3
            }
        );
        assert_eq!(measure(""), Measure::default());
        assert_eq!(scalar_len("👍🏽"), 2);
        assert_eq!(utf16_len("👍🏽"), 4);
    }
}
