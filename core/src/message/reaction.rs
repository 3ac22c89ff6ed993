//! `type: reaction` (platform-rules §2): `message_id` (a wamid) and `emoji` — exactly one
//! emoji, or `""` to remove a reaction.

use unicode_properties::UnicodeEmoji;
use unicode_properties::emoji::is_regional_indicator;
use unicode_segmentation::UnicodeSegmentation;

use super::util;
use crate::diagnostic::{Code, meta};
use crate::json::Value;
use crate::limits;
use crate::shape::{Ctx, Path};

/// `emoji` is neither one emoji nor empty.
pub const EMOJI_INVALID: Code = Code::new("reaction.emoji.invalid");

pub(super) fn check(ctx: &mut Ctx<'_>, v: &Value<'_>, path: &Path<'_>) {
    let Some(m) = ctx.object(v, path) else {
        return;
    };
    ctx.unknown_fields(m, path, &["message_id", "emoji"]);
    util::req_text(ctx, m, v.span, path, "message_id", limits::WAMID);
    let Some((s, ev)) = ctx.required_str(m, v.span, path, "emoji") else {
        return;
    };
    // REF-OLD: "Only one emoji can be sent in a reaction message. Use an empty string to
    // remove a previously sent emoji"; WAJS checks `^\p{Extended_Pictographic}$` or "".
    if !s.is_empty() && !is_one_emoji(s) {
        ctx.error(
            EMOJI_INVALID,
            Some(meta::INVALID_VALUE),
            &path.key("emoji"),
            ev.span,
            format!(
                "`emoji` \"{}\" is not a single emoji; send exactly one emoji, or \"\" to remove the reaction",
                crate::shape::truncate(s, 20)
            ),
        );
    }
}

/// True when `s` is exactly one emoji: one extended grapheme cluster that starts with an
/// `Emoji=Yes` character (a flag pair, a keycap sequence, a ZWJ sequence with modifiers all
/// count as one).
#[must_use]
pub fn is_one_emoji(s: &str) -> bool {
    let mut graphemes = s.graphemes(true);
    let (Some(g), None) = (graphemes.next(), graphemes.next()) else {
        return false;
    };
    let mut chars = g.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if is_regional_indicator(first) {
        return g.chars().count() == 2 && g.chars().all(is_regional_indicator);
    }
    if first.is_ascii() {
        // `#`, `*` and digits are Emoji=Yes only as keycaps: 1️⃣ is 1 U+FE0F U+20E3.
        return g.contains('\u{20E3}');
    }
    first.is_emoji_char()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_emoji() {
        for ok in ["😀", "👍🏽", "❤️", "☺", "🇩🇪", "1️⃣", "👨‍👩‍👧", "🏳️‍🌈"]
        {
            assert!(is_one_emoji(ok), "{ok}");
        }
        for bad in ["", "a", "1", "😀😀", "<EMOJI>", "👍 ", "🇩", ":)"] {
            assert!(!is_one_emoji(bad), "{bad}");
        }
    }
}
