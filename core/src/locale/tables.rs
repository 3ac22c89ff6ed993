//! The shapes of the generated tables in `data.rs` and safe accessors for them.
//!
//! Strings are ids into one blob (`STRINGS` cut at `OFFSETS`); lists of names are one string
//! whose entries are separated by [`SEP`]. The generator (`tools/cldr-gen/model.js`) defines
//! what each column means; this file only reads them.

use super::data;

/// Separates the entries of a name list (months, weekdays, day periods).
pub(super) const SEP: char = '\u{1f}';

/// One of Meta's languages: its code, the locale Intl resolves it to, and its rows in
/// `NUMBERS` and `DATES`.
pub(super) struct Locale {
    pub(super) code: &'static str,
    pub(super) intl: &'static str,
    pub(super) numbers: u8,
    pub(super) dates: u8,
}

/// Number format of a language. Columns: digits 0-9, decimal separator, group separator
/// (string ids); primary group size, secondary group size, minimum grouping digits; positive
/// prefix, positive suffix, negative prefix, negative suffix (string ids, `¤` marks the
/// symbol); first row and count of its entries in `SYMBOLS`.
pub(super) struct Numbers(
    pub(super) u16,
    pub(super) u16,
    pub(super) u16,
    pub(super) u8,
    pub(super) u8,
    pub(super) u8,
    pub(super) u16,
    pub(super) u16,
    pub(super) u16,
    pub(super) u16,
    pub(super) u16,
    pub(super) u16,
);

/// A currency symbol other than the ISO code: currency index in `CURRENCIES`, flags (1: a
/// space goes between symbol and digits when the symbol precedes them, 2: when it follows
/// them; ICU's currency spacing), symbol (string id).
pub(super) struct Symbol(pub(super) u8, pub(super) u8, pub(super) u16);

/// The string with id `id` ("" for 0 or an id out of range).
pub(super) fn string(id: u16) -> &'static str {
    let i = usize::from(id);
    let (Some(&start), Some(&end)) = (data::OFFSETS.get(i), data::OFFSETS.get(i + 1)) else {
        return "";
    };
    data::STRINGS
        .get(usize::from(start)..usize::from(end))
        .unwrap_or("")
}

/// Entry `index` of the name list with id `id`.
pub(super) fn nth(id: u16, index: usize) -> &'static str {
    string(id).split(SEP).nth(index).unwrap_or("")
}

/// The ten digits of a numbering system, from their string.
pub(super) fn digits(id: u16) -> [char; 10] {
    let mut table = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
    for (slot, c) in table.iter_mut().zip(string(id).chars()) {
        *slot = c;
    }
    table
}
