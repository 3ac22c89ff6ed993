//! Bold `*`, italic `_`, strike `~` and inline code `` ` ``: the delimiter rules.
//!
//! WhatsApp Web matches each of these with its own global regex, independently of the
//! others (`WAWebBoldFormatRegex` and siblings; their source is not public, their shape is
//! inferred in reference §2.3). The model implemented here, per marker:
//!
//! - an **opener** is a marker that is not preceded by a letter, digit or the same marker,
//!   and is followed by a non-whitespace character;
//! - a **closer** is a marker preceded by a non-whitespace character and not followed by a
//!   letter or digit (punctuation and other markers are fine, the same marker too);
//! - the content is on one line and contains a character that is neither whitespace nor
//!   the span's own marker (so `***` and `****` stay literal, `*_*` is a bold `_`);
//! - matching is leftmost and lazy, like a regex `(^|[^\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*`
//!   with a lookahead for the closer: the first opener pairs with the **nearest** closer.
//!
//! Whether a marker can close depends only on its neighbours and on the content since the
//! opener, and a later opener's content is a suffix of an earlier one's: an opener that finds
//! no closer on its line means no later opener on that line finds one either. So one pending
//! opener per marker, cleared at each newline, reproduces the regex exactly; the content
//! check looks at each byte once at most, so the whole is linear.
//!
//! Decisions where the reference is not certain:
//! - **Content needs a character other than whitespace and the marker**: makes `***` up to
//!   `******` literal (reference §3, medium-high: VColl's marker-only cases, WAHA) while
//!   keeping the observed `jump**s*` case below and `**x*` as a bold `*x`.
//! - **Nearest closer even before another marker** (`*brown fox jump**s*` is bold "brown fox
//!   jump" then a literal `*s*`): the one case claimed to be observed on WhatsApp Web
//!   (VColl `TheInconsistentCaseOfWhatsAppWeb`). It follows that `**x**` is bold `*x` plus a
//!   literal `*`, not bold `*x*` (reference §3 rates that row low confidence).
//! - **The same marker before an opener blocks it**: the `*` right after a closing `*` does
//!   not open (reference §2.3, the regex consumes the preceding character).
//! - **Lines end at `\n` only**; a `\r` before it is ordinary content (CRLF texts behave like
//!   LF texts, except that the `\r` stays in the text).
//! - **Inline code follows the same rules** as bold (it uses the same delimiter-adjust
//!   module in WhatsApp Web; medium confidence).

use super::chars::{after, before, is_space, is_word};
use super::scan::{Kind, Range, close, drop_slot, open};

/// The four single-character delimiters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delim {
    Bold = 0,
    Italic = 1,
    Strike = 2,
    Code = 3,
}

impl Delim {
    /// The marker character.
    pub(crate) fn ch(self) -> char {
        match self {
            Delim::Bold => '*',
            Delim::Italic => '_',
            Delim::Strike => '~',
            Delim::Code => '`',
        }
    }

    fn kind(self) -> Kind {
        match self {
            Delim::Bold => Kind::Bold,
            Delim::Italic => Kind::Italic,
            Delim::Strike => Kind::Strike,
            Delim::Code => Kind::Code,
        }
    }
}

/// Whether a marker at a place with these neighbours may open a span.
#[inline]
pub(crate) fn can_open(marker: char, prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|c| !is_word(c) && c != marker) && next.is_some_and(|c| !is_space(c))
}

/// Whether a marker at a place with these neighbours may close a span.
#[inline]
pub(crate) fn can_close(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|c| !is_space(c)) && next.is_none_or(|c| !is_word(c))
}

/// JavaScript's `\s` among ASCII bytes (see [`is_space`]).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (0x09..=0x0d).contains(&b)
}

/// [`can_open`] for the marker of `delim` at byte `at` of `src`, deciding ASCII neighbours
/// (nearly all) from their byte.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn opens(src: &str, at: usize, delim: Delim) -> bool {
    let bytes = src.as_bytes();
    let marker = delim.ch();
    let prev = match at.checked_sub(1).and_then(|p| bytes.get(p)) {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric() && char::from(b) != marker,
        Some(_) => before(src, at).is_none_or(|c| !is_word(c)),
    };
    prev && match bytes.get(at + 1) {
        None => false,
        Some(&b) if b.is_ascii() => !is_ascii_space(b),
        Some(_) => after(src, at + 1).is_some_and(|c| !is_space(c)),
    }
}

/// [`can_close`] for the marker at byte `at` of `src`, deciding ASCII neighbours from their
/// byte.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn closes(src: &str, at: usize) -> bool {
    let bytes = src.as_bytes();
    let prev = match at.checked_sub(1).and_then(|p| bytes.get(p)) {
        None => false,
        Some(&b) if b.is_ascii() => !is_ascii_space(b),
        Some(_) => before(src, at).is_some_and(|c| !is_space(c)),
    };
    prev && match bytes.get(at + 1) {
        None => true,
        Some(&b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => after(src, at + 1).is_none_or(|c| !is_word(c)),
    }
}

/// An opener waiting for its closer.
#[derive(Clone, Copy)]
struct Pending {
    at: usize,
    /// Its slot in the candidate list.
    slot: usize,
    /// Whether the content so far has a character other than whitespace and the marker.
    substance: bool,
    /// Where to continue looking for such a character.
    scan_from: usize,
}

/// One pending opener per delimiter.
pub(crate) struct Matchers {
    pending: [Option<Pending>; 4],
    code: bool,
}

impl Matchers {
    /// `code`: whether inline code is recognised (WhatsApp Web's `parseInlineCode`).
    pub(crate) fn new(code: bool) -> Self {
        Self {
            pending: [None; 4],
            code,
        }
    }

    /// A newline (or the end): spans are single-line, so every pending opener is dropped.
    #[inline]
    pub(crate) fn newline(&mut self, out: &mut [Range]) {
        for p in self.pending.iter_mut().filter_map(Option::take) {
            drop_slot(out, p.slot);
        }
    }

    /// The slot of the opener of `delim` waiting for its closer, if any.
    #[inline]
    pub(crate) fn pending_slot(&self, delim: Delim) -> Option<usize> {
        self.pending
            .get(delim as usize)
            .copied()
            .flatten()
            .map(|p| p.slot)
    }

    /// The marker of `delim` at byte `at` of `src`.
    // Forced inline (here and in the rules above) is worth ~3% natively; in WebAssembly the
    // module's size budget comes first.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    pub(crate) fn marker(&mut self, src: &str, at: usize, delim: Delim, out: &mut Vec<Range>) {
        if delim == Delim::Code && !self.code {
            return;
        }
        let Some(slot) = self.pending.get_mut(delim as usize) else {
            return;
        };
        match slot {
            Some(p) => {
                if at > p.at + 1 && closes(src, at) && has_substance(src, p, at, delim) {
                    close(out, p.slot, at, at + 1);
                    *slot = None;
                }
            }
            None => {
                if opens(src, at, delim) {
                    *slot = Some(Pending {
                        at,
                        slot: open(out, at, at + 1, delim.kind()),
                        substance: false,
                        scan_from: at + 1,
                    });
                }
            }
        }
    }
}

/// Whether the content of `open` up to `at` has a character other than whitespace and the
/// marker; scans only what it has not scanned before.
#[inline]
fn has_substance(src: &str, open: &mut Pending, at: usize, delim: Delim) -> bool {
    if !open.substance {
        let marker = delim.ch();
        let seen = src.get(open.scan_from..at).unwrap_or_default();
        // ASCII bytes are decided alone; a multi-byte character is decoded (never the
        // marker, maybe a space).
        let bytes = seen.as_bytes();
        open.substance = bytes.iter().enumerate().any(|(i, &b)| {
            if b.is_ascii() {
                char::from(b) != marker && !is_ascii_space(b)
            } else {
                // Continuation bytes decode to nothing; the leading byte decodes the character.
                seen.get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(|c| !is_space(c))
            }
        });
        open.scan_from = at;
    }
    open.substance
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_rules_agree_with_the_character_rules() {
        let sides = [
            "", "a", "Z", "7", " ", "\t", "\n", "\r", "*", "_", "~", "`", ".", "(", "é", "ж", "٣",
            "\u{a0}", "\u{3000}", "\u{feff}", "\u{85}", "😀", "\u{200b}",
        ];
        for d in [Delim::Bold, Delim::Italic, Delim::Strike, Delim::Code] {
            for p in sides {
                for n in sides {
                    let text = format!("{p}{}{n}", d.ch());
                    let at = p.len();
                    let (prev, next) = (p.chars().next_back(), n.chars().next());
                    assert_eq!(
                        opens(&text, at, d),
                        can_open(d.ch(), prev, next),
                        "{text:?}"
                    );
                    assert_eq!(closes(&text, at), can_close(prev, next), "{text:?}");
                }
            }
        }
    }
}
