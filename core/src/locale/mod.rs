//! Locale formatting of `currency` and `date_time` template parameters (`--localize locale`),
//! in a template's language, equal to what Node's `Intl` (ICU 78, CLDR 48) prints.
//!
//! The data comes from CLDR through `tools/cldr-gen`, which reads it out of Node's `Intl` into
//! the generated (committed) `data.rs` and writes oracle fixtures (`tests/cases/locale/`)
//! that `tests/tests/locale.rs` compares every language against. The model behind the data
//! (separators, grouping, affixes, symbols; date patterns with names) is checked against
//! `Intl` by the generator itself before anything is written.
//!
//! # Languages
//! `lang` is one of Meta's 111 template codes ([`crate::languages::SUPPORTED`]). It is handed
//! to `Intl` as a BCP 47 tag (`_` → `-`: `pt_BR` → `pt-BR`) and formats like the locale ICU
//! resolves that tag to, which is not always the tag itself: `prs_AF` (Dari) → `fa-AF`,
//! `en_QA` → `en` (ICU has no `en-QA`). [`intl_locale`] tells which one.
//!
//! # What each function mirrors
//! With `tag` the BCP 47 tag of `lang`:
//!
//! - [`format_currency`]: `new Intl.NumberFormat(tag, {style: 'currency', currency})
//!   .format(amount_1000 / 1000)`: the locale's symbol for the currency (or its ISO code),
//!   pattern, digits (`ar_EG`: Arabic-Indic), separators, grouping (`en_IN`: 12,34,567;
//!   `es`, `pl`: no grouping below five integer digits), bidi marks; the currency's minor
//!   digits as ICU has them (JPY, IDR, HUF 0; KWD 3), rounded half away from zero; a negative
//!   amount keeps its sign even when it rounds to zero (`-¥0`). `amount_1000` must fit Meta's
//!   int32. Currencies: [`supported_currencies`] — those of every country/region behind the
//!   111 languages plus the most traded and the Gulf currencies (77 codes, chosen in
//!   `tools/cldr-gen/spec.js`); others are
//!   [`Error::UnsupportedCurrency`]. Codes are case-insensitive, as in `Intl`.
//! - [`format_date_time`]: `new Intl.DateTimeFormat(tag, {timeZone: 'UTC', calendar:
//!   'gregory', weekday: 'long'` if `day_of_week`, `year: 'numeric'` if `year`, `month:
//!   'long'` if `month`, `day: 'numeric'` if `day_of_month`, `hour: 'numeric'` if `hour`,
//!   `minute: '2-digit'` if `minute` `}).format(Date.UTC(year, month - 1, day, hour,
//!   minute))`, for these combinations of given fields (others are
//!   [`Error::InvalidDateParts`]):
//!
//!   | fields given | en_US |
//!   |---|---|
//!   | year | 2024 |
//!   | year, month | February 2024 |
//!   | month, day_of_month | February 29 |
//!   | year, month, day_of_month (+ day_of_week) | (Thursday,) February 29, 2024 |
//!   | hour (+ minute) | 3 PM / 3:05 PM |
//!   | year, month, day_of_month (+ day_of_week), hour (+ minute) | February 29, 2024 at 3:05 PM |
//!
//!   The weekday shown is always the date's own: per Meta, a `day_of_week` that differs from
//!   the date is replaced by the derived one. Dates are proleptic Gregorian, years 1 to 9999.
//!   `calendar` is `GREGORIAN` or absent; the Gregorian calendar is used even where a
//!   locale's default differs (`fa`, `prs_AF`, `ps_AF`: Persian; `th`: Buddhist), because the
//!   components are Gregorian. `SOLAR_HIJRI` (and anything else) is
//!   [`Error::UnsupportedCalendar`].
//! - [`format_unix_epoch`]: the year/month/day/hour/minute combination above for the UTC
//!   time of `seconds` (`new Date(seconds * 1000)`), years 1 to 9999.
//!
//! "What Intl prints" means `format()`. For dates V8's `format()` prints CLDR's U+202F
//! NARROW NO-BREAK SPACE (before AM/PM since CLDR 42) as a plain space, a web-compatibility
//! workaround that `formatToParts()` does not apply; dates here follow `format()`. Numbers
//! keep U+202F where CLDR has it (the `fr` group separator), as `NumberFormat` does.
//!
//! Regenerate after a Node/ICU update with `node tools/cldr-gen/gen.js`; `--check` (run by
//! `scripts/test-all`) fails when the committed data or fixtures differ from this Node's.

// The generated tables are long literal lists; rustfmt would only reflow them.
#[rustfmt::skip]
mod data;
mod tables;

use std::fmt;

use tables::{Locale, Numbers, Symbol, digits, nth, string};

/// Smallest `amount_1000` accepted: Meta types it int32 (OAS `CurrencyObject`).
pub const AMOUNT_1000_MIN: i64 = i32::MIN as i64;
/// Largest `amount_1000` accepted (int32, ≈ 2.1 million units).
pub const AMOUNT_1000_MAX: i64 = i32::MAX as i64;
/// Earliest `unix_epoch` accepted: 0001-01-01T00:00:00Z.
pub const EPOCH_MIN: i64 = -62_135_596_800;
/// Latest `unix_epoch` accepted: 9999-12-31T23:59:59Z.
pub const EPOCH_MAX: i64 = 253_402_300_799;
/// Years a date may have (proleptic Gregorian; year 0 and below would need an era).
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// Why a parameter cannot be formatted in a locale.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// `lang` is not one of Meta's template language codes.
    UnknownLanguage {
        /// The code given.
        lang: String,
        /// A supported code it probably meant (`en-US` → `en_US`).
        suggestion: Option<&'static str>,
    },
    /// The currency code is not ISO 4217 or not in [`supported_currencies`].
    UnsupportedCurrency {
        /// The code given.
        code: String,
    },
    /// A `calendar` other than `GREGORIAN`.
    UnsupportedCalendar {
        /// The calendar given.
        calendar: String,
    },
    /// A field is out of range (month 13, February 30, hour 24), or the combination of given
    /// fields is not one that can be formatted.
    InvalidDateParts {
        /// What is wrong, for a person.
        reason: String,
    },
    /// `amount_1000` is outside Meta's int32 ([`AMOUNT_1000_MIN`]..=[`AMOUNT_1000_MAX`]).
    AmountOutOfRange {
        /// The amount given.
        amount_1000: i64,
    },
    /// A `unix_epoch` timestamp outside the years 1 to 9999 ([`EPOCH_MIN`]..=[`EPOCH_MAX`]).
    TimestampOutOfRange {
        /// The timestamp given (seconds).
        seconds: i64,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLanguage { lang, suggestion } => {
                write!(f, "`{lang}` is not one of Meta's template language codes")?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean `{s}`?"),
                    None => write!(f, " (e.g. `en_US`, `pt_BR`, `es_MX`)"),
                }
            }
            Self::UnsupportedCurrency { code } => {
                if code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
                    write!(
                        f,
                        "currency `{code}` cannot be formatted: wamsg knows the currencies of \
                         the template languages' countries and the major ones ({} codes, \
                         e.g. USD, EUR, INR, BRL); the recipient sees fallback_value",
                        data::CURRENCIES.len()
                    )
                } else {
                    write!(
                        f,
                        "`{code}` is not an ISO 4217 currency code (three letters, e.g. USD)"
                    )
                }
            }
            Self::UnsupportedCalendar { calendar } => write!(
                f,
                "calendar `{calendar}` cannot be formatted: only GREGORIAN components are \
                 localized; give Gregorian components or rely on fallback_value"
            ),
            Self::InvalidDateParts { reason } => write!(f, "invalid date_time: {reason}"),
            Self::AmountOutOfRange { amount_1000 } => write!(
                f,
                "amount_1000 {amount_1000} is outside Meta's int32 range \
                 ({AMOUNT_1000_MIN} to {AMOUNT_1000_MAX})"
            ),
            Self::TimestampOutOfRange { seconds } => write!(
                f,
                "unix_epoch timestamp {seconds} is outside the years 1 to 9999 \
                 ({EPOCH_MIN} to {EPOCH_MAX})"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// A language's rows in the generated tables.
struct Resolved {
    locale: &'static Locale,
    numbers: &'static Numbers,
    dates: &'static (u16, [u16; COMBOS]),
}

fn resolve(lang: &str) -> Result<Resolved, Error> {
    let unknown = || Error::UnknownLanguage {
        lang: lang.to_owned(),
        suggestion: crate::languages::suggest(lang),
    };
    let i = data::LOCALES
        .binary_search_by(|l| l.code.cmp(lang))
        .map_err(|_| unknown())?;
    // Every index below comes from the generator; a test resolves all 111 languages.
    let locale = data::LOCALES.get(i).ok_or_else(unknown)?;
    let numbers = data::NUMBERS
        .get(usize::from(locale.numbers))
        .ok_or_else(unknown)?;
    let dates = data::DATES
        .get(usize::from(locale.dates))
        .ok_or_else(unknown)?;
    Ok(Resolved {
        locale,
        numbers,
        dates,
    })
}

/// The locale `Intl` resolves `lang` to (`prs_AF` → `fa-AF`, `en_QA` → `en`), whose CLDR data
/// the formatting follows.
///
/// # Errors
/// [`Error::UnknownLanguage`] when `lang` is not one of Meta's codes.
pub fn intl_locale(lang: &str) -> Result<&'static str, Error> {
    resolve(lang).map(|r| r.locale.intl)
}

/// The currency codes [`format_currency`] accepts (ISO 4217, upper case, sorted).
pub fn supported_currencies() -> impl Iterator<Item = &'static str> {
    data::CURRENCIES
        .iter()
        .filter_map(|(code, _)| std::str::from_utf8(code).ok())
}

// ---------------------------------------------------------------------------------------
// Currency
// ---------------------------------------------------------------------------------------

/// Formats `amount_1000 / 1000` units of the currency `iso4217` in `lang`'s locale, like
/// `new Intl.NumberFormat(tag, {style: 'currency', currency}).format(amount_1000 / 1000)`.
///
/// ```
/// use wamsg::locale::format_currency;
/// assert_eq!(format_currency("en_US", 100_990, "USD").unwrap(), "$100.99");
/// assert_eq!(format_currency("de", -1_234_567, "EUR").unwrap(), "-1.234,57\u{a0}€");
/// assert_eq!(format_currency("en_IN", 123_456_789_0, "INR").unwrap(), "₹12,34,567.89");
/// ```
///
/// # Errors
/// [`Error::UnknownLanguage`], [`Error::UnsupportedCurrency`], [`Error::AmountOutOfRange`].
pub fn format_currency(lang: &str, amount_1000: i64, iso4217: &str) -> Result<String, Error> {
    let r = resolve(lang)?;
    let unsupported = || Error::UnsupportedCurrency {
        code: iso4217.to_owned(),
    };
    let upper: [u8; 3] = iso4217.as_bytes().try_into().map_err(|_| unsupported())?;
    let upper = upper.map(|b| b.to_ascii_uppercase());
    let index = data::CURRENCIES
        .binary_search_by(|(code, _)| code.cmp(&upper))
        .map_err(|_| unsupported())?;
    let Some((code_bytes, fraction_digits)) = data::CURRENCIES.get(index) else {
        return Err(unsupported());
    };
    let code = std::str::from_utf8(code_bytes).map_err(|_| unsupported())?;
    if !(AMOUNT_1000_MIN..=AMOUNT_1000_MAX).contains(&amount_1000) {
        return Err(Error::AmountOutOfRange { amount_1000 });
    }
    let out_of_range = || Error::AmountOutOfRange { amount_1000 };

    // The amount as an integer count of minor units, rounded half away from zero (ICU's
    // default halfExpand; amount_1000 / 1000 is an exact decimal, so no float is involved).
    let digits_count = u32::from(*fraction_digits);
    let abs = amount_1000.unsigned_abs();
    let minor = if digits_count >= 3 {
        10u64
            .checked_pow(digits_count - 3)
            .and_then(|f| abs.checked_mul(f))
    } else {
        10u64
            .checked_pow(3 - digits_count)
            .map(|div| abs / div + u64::from((abs % div) * 2 >= div))
    }
    .ok_or_else(out_of_range)?;
    let unit = 10u64.checked_pow(digits_count).ok_or_else(out_of_range)?;
    let (int, frac) = (minor / unit, minor % unit);

    let Numbers(
        digit_id,
        decimal,
        group,
        primary,
        secondary,
        min_grouping,
        pos_prefix,
        pos_suffix,
        neg_prefix,
        neg_suffix,
        sym_start,
        sym_len,
    ) = *r.numbers;
    let symbols = data::SYMBOLS
        .get(usize::from(sym_start)..usize::from(sym_start) + usize::from(sym_len))
        .unwrap_or(&[]);
    let (symbol, space_after, space_before) = symbols
        .binary_search_by_key(&index, |s| usize::from(s.0))
        .ok()
        .and_then(|i| symbols.get(i))
        .map_or((code, true, true), |&Symbol(_, flags, id)| {
            (string(id), flags & 1 != 0, flags & 2 != 0)
        });
    let (prefix, suffix) = if amount_1000 < 0 {
        (string(neg_prefix), string(neg_suffix))
    } else {
        (string(pos_prefix), string(pos_suffix))
    };
    let table = digits(digit_id);

    let mut out = String::with_capacity(32);
    push_affix(&mut out, prefix, symbol);
    if space_after && prefix.ends_with(CURRENCY_SIGN) {
        out.push(SPACING);
    }
    let grouping = Grouping {
        separator: string(group),
        primary: usize::from(primary),
        secondary: usize::from(secondary),
        min: usize::from(min_grouping),
    };
    push_grouped(&mut out, int, 1, &table, &grouping);
    if digits_count > 0 {
        out.push_str(string(decimal));
        push_number(&mut out, frac, digits_count as usize, &table);
    }
    if space_before && suffix.starts_with(CURRENCY_SIGN) {
        out.push(SPACING);
    }
    push_affix(&mut out, suffix, symbol);
    Ok(out)
}

/// Marks the symbol's place in an affix.
const CURRENCY_SIGN: char = '\u{a4}';
/// What ICU inserts between a letter-like symbol and digits (CLDR currencySpacing).
const SPACING: char = '\u{a0}';

fn push_affix(out: &mut String, affix: &str, symbol: &str) {
    for part in affix.split_inclusive(CURRENCY_SIGN) {
        match part.strip_suffix(CURRENCY_SIGN) {
            Some(text) => {
                out.push_str(text);
                out.push_str(symbol);
            }
            None => out.push_str(part),
        }
    }
}

/// The decimal digits of `n` (most significant first), at least `width` of them: a stack
/// buffer instead of `to_string`, which would allocate for every field.
fn decimal_digits(mut n: u64, width: usize) -> ([u8; 20], usize) {
    let mut buf = [0u8; 20];
    let mut len = 0;
    while (n > 0 || len < width.max(1)) && len < buf.len() {
        if let Some(slot) = buf.get_mut(len) {
            // n % 10 < 10 always fits.
            *slot = u8::try_from(n % 10).unwrap_or(0);
        }
        n /= 10;
        len += 1;
    }
    if let Some(used) = buf.get_mut(..len) {
        used.reverse();
    }
    (buf, len)
}

/// CLDR grouping: `primary` digits in the last group, `secondary` in the others, none
/// unless there are at least `primary + min` digits (`primary == 0`: never).
struct Grouping<'a> {
    separator: &'a str,
    primary: usize,
    secondary: usize,
    min: usize,
}

const NO_GROUPING: Grouping<'static> = Grouping {
    separator: "",
    primary: 0,
    secondary: 0,
    min: 0,
};

/// `n` in locale digits, zero-padded to `width`.
fn push_number(out: &mut String, n: u64, width: usize, table: &[char; 10]) {
    push_grouped(out, n, width, table, &NO_GROUPING);
}

/// `n` in locale digits, zero-padded to `width`, grouped.
fn push_grouped(out: &mut String, n: u64, width: usize, table: &[char; 10], g: &Grouping<'_>) {
    let (buf, len) = decimal_digits(n, width);
    let grouped = g.primary > 0 && g.secondary > 0 && len >= g.primary + g.min;
    for (i, &d) in buf.iter().take(len).enumerate() {
        out.push(table.get(usize::from(d)).copied().unwrap_or('0'));
        let left = len - i - 1;
        if grouped
            && left > 0
            && (left == g.primary
                || (left > g.primary && (left - g.primary).is_multiple_of(g.secondary)))
        {
            out.push_str(g.separator);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Dates and times
// ---------------------------------------------------------------------------------------

/// The components of a `date_time` parameter (Meta's `component` object).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateTimeParts {
    /// Year, 1..=9999.
    pub year: Option<i32>,
    /// Month, 1..=12.
    pub month: Option<u8>,
    /// Day of the month, 1..=31 (and valid for the month).
    pub day_of_month: Option<u8>,
    /// 1 = Monday .. 7 = Sunday. Shown as the date's own weekday, whatever is given.
    pub day_of_week: Option<u8>,
    /// Hour, 0..=23.
    pub hour: Option<u8>,
    /// Minute, 0..=59; needs `hour`.
    pub minute: Option<u8>,
    /// `GREGORIAN` (any case) or absent.
    pub calendar: Option<String>,
}

/// Number of field combinations (the `Combo` variants and columns of `DATES`).
const COMBOS: usize = 11;

/// The formattable field combinations, in the generator's order (`COMBOS` in
/// `tools/cldr-gen/spec.js`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Combo {
    Year = 0,
    YearMonth,
    MonthDay,
    Date,
    WeekdayDate,
    Hour,
    HourMinute,
    DateHour,
    DateHourMinute,
    WeekdayDateHour,
    WeekdayDateHourMinute,
}

/// A validated instant to render.
#[derive(Clone, Copy)]
struct Fields {
    year: i32,
    month: u8,
    day: u8,
    /// 1 = Monday .. 7 = Sunday.
    weekday: u8,
    hour: u8,
    minute: u8,
}

/// Formats `date_time` components in `lang`'s locale (see the module docs for the `Intl`
/// options each combination of fields corresponds to).
///
/// ```
/// use wamsg::locale::{DateTimeParts, format_date_time};
/// let parts = DateTimeParts {
///     year: Some(1977), month: Some(2), day_of_month: Some(25), day_of_week: Some(5),
///     hour: Some(15), minute: Some(33), calendar: Some("GREGORIAN".into()),
/// };
/// assert_eq!(
///     format_date_time("en_US", &parts).unwrap(),
///     "Friday, February 25, 1977 at 3:33 PM"
/// );
/// ```
///
/// # Errors
/// [`Error::UnknownLanguage`], [`Error::UnsupportedCalendar`], [`Error::InvalidDateParts`].
pub fn format_date_time(lang: &str, parts: &DateTimeParts) -> Result<String, Error> {
    let r = resolve(lang)?;
    if let Some(c) = &parts.calendar
        && !c.eq_ignore_ascii_case("GREGORIAN")
    {
        return Err(Error::UnsupportedCalendar {
            calendar: c.clone(),
        });
    }
    let (combo, fields) = validate(parts)?;
    Ok(render(r.dates, combo, fields))
}

/// Formats the UTC time of a `unix_epoch` timestamp in `lang`'s locale, as the year, month,
/// day, hour and minute combination.
///
/// ```
/// assert_eq!(
///     wamsg::locale::format_unix_epoch("de", 1_700_000_000).unwrap(),
///     "14. November 2023 um 22:13"
/// );
/// ```
///
/// # Errors
/// [`Error::UnknownLanguage`], [`Error::TimestampOutOfRange`].
pub fn format_unix_epoch(lang: &str, seconds: i64) -> Result<String, Error> {
    let r = resolve(lang)?;
    if !(EPOCH_MIN..=EPOCH_MAX).contains(&seconds) {
        return Err(Error::TimestampOutOfRange { seconds });
    }
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let fields = Fields {
        year,
        month,
        day,
        weekday: weekday(days),
        // secs < 86400, so both fit.
        hour: u8::try_from(secs / 3600).unwrap_or(0),
        minute: u8::try_from(secs % 3600 / 60).unwrap_or(0),
    };
    Ok(render(r.dates, Combo::DateHourMinute, fields))
}

fn invalid(reason: impl Into<String>) -> Error {
    Error::InvalidDateParts {
        reason: reason.into(),
    }
}

/// Checks ranges and the combination of fields; fills in what the combination does not show.
fn validate(p: &DateTimeParts) -> Result<(Combo, Fields), Error> {
    if let Some(y) = p.year
        && !YEARS.contains(&y)
    {
        return Err(invalid(format!("year {y} is outside 1 to 9999")));
    }
    if let Some(m) = p.month
        && !(1..=12).contains(&m)
    {
        return Err(invalid(format!("month {m} is outside 1 to 12")));
    }
    if let Some(w) = p.day_of_week
        && !(1..=7).contains(&w)
    {
        return Err(invalid(format!(
            "day_of_week {w} is outside 1 (Monday) to 7 (Sunday)"
        )));
    }
    if let Some(h) = p.hour
        && h > 23
    {
        return Err(invalid(format!("hour {h} is outside 0 to 23")));
    }
    if let Some(mi) = p.minute
        && mi > 59
    {
        return Err(invalid(format!("minute {mi} is outside 0 to 59")));
    }
    if let Some(d) = p.day_of_month {
        // Without a year, February 29 is allowed (it exists in some year).
        let max = p
            .month
            .map_or(31, |m| days_in_month(p.year.unwrap_or(2000), m));
        if !(1..=max).contains(&d) {
            let month = p.month.map_or(String::new(), |m| format!(" of month {m}"));
            let year = p.year.map_or(String::new(), |y| format!(" in {y}"));
            return Err(invalid(format!(
                "day_of_month {d} is outside 1 to {max}{month}{year}"
            )));
        }
    }

    let date = (
        p.year.is_some(),
        p.month.is_some(),
        p.day_of_month.is_some(),
    );
    let full_date = date == (true, true, true);
    let weekday_shown = p.day_of_week.is_some();
    if weekday_shown && !full_date {
        return Err(invalid(
            "day_of_week needs year, month and day_of_month (the weekday shown is the date's)",
        ));
    }
    let time = (p.hour.is_some(), p.minute.is_some());
    if time == (false, true) {
        return Err(invalid("minute needs hour"));
    }
    use Combo::*;
    let combo = match (date, time.0, time.1, weekday_shown) {
        ((true, false, false), false, _, _) => Year,
        ((true, true, false), false, _, _) => YearMonth,
        ((false, true, true), false, _, _) => MonthDay,
        ((true, true, true), false, _, false) => Date,
        ((true, true, true), false, _, true) => WeekdayDate,
        ((false, false, false), true, false, _) => Hour,
        ((false, false, false), true, true, _) => HourMinute,
        ((true, true, true), true, false, false) => DateHour,
        ((true, true, true), true, true, false) => DateHourMinute,
        ((true, true, true), true, false, true) => WeekdayDateHour,
        ((true, true, true), true, true, true) => WeekdayDateHourMinute,
        ((false, false, false), false, _, _) => {
            return Err(invalid(
                "no component given (year, month, day_of_month, day_of_week, hour, minute)",
            ));
        }
        (_, true, _, _) => {
            return Err(invalid(
                "a time can stand alone or follow a full date (year, month and day_of_month)",
            ));
        }
        _ => {
            return Err(invalid(
                "give year, year and month, month and day_of_month, or all three",
            ));
        }
    };

    // Fields the combination does not show still need valid values for the weekday.
    let year = p.year.unwrap_or(2000);
    let month = p.month.unwrap_or(1);
    let day = p.day_of_month.unwrap_or(1);
    let days = days_from_civil(year, month, day);
    Ok((
        combo,
        Fields {
            year,
            month,
            day,
            weekday: weekday(days),
            hour: p.hour.unwrap_or(0),
            minute: p.minute.unwrap_or(0),
        },
    ))
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // The callers' ranges keep all three small.
    (
        i32::try_from(year).unwrap_or(0),
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

/// ISO weekday (1 = Monday) of the day `days` after 1970-01-01, a Thursday.
fn weekday(days: i64) -> u8 {
    u8::try_from((days + 3).rem_euclid(7) + 1).unwrap_or(1)
}

// Field markers in a pattern string (see `M` in tools/cldr-gen/model.js).
const YEAR: u32 = 0x01;
const MONTH: u32 = 0x02;
const DAY: u32 = 0x03;
const DAY2: u32 = 0x04;
const WEEKDAY: u32 = 0x05;
const MINUTE2: u32 = 0x06;
const MINUTE: u32 = 0x07;
const PERIOD: u32 = 0x08;
/// `HOUR + cycle * 2 + padded`, cycle 0 = h11, 1 = h12, 2 = h23, 3 = h24.
const HOUR: u32 = 0x10;

fn render(dates: &(u16, [u16; COMBOS]), combo: Combo, f: Fields) -> String {
    let &(digit_id, patterns) = dates;
    let table = digits(digit_id);
    let [pattern, months, weekdays, periods] = patterns
        .get(combo as usize)
        .and_then(|&p| data::PATTERNS.get(usize::from(p)))
        .copied()
        .unwrap_or_default();
    let mut out = String::with_capacity(48);
    // Every marker has its table in the data (the oracle test covers each language and
    // combination), so a missing name would only show as an empty string.
    for ch in string(pattern).chars() {
        match u32::from(ch) {
            YEAR => push_number(&mut out, f.year.unsigned_abs().into(), 1, &table),
            MONTH => out.push_str(nth(months, usize::from(f.month).saturating_sub(1))),
            DAY => push_number(&mut out, f.day.into(), 1, &table),
            DAY2 => push_number(&mut out, f.day.into(), 2, &table),
            WEEKDAY => out.push_str(nth(weekdays, usize::from(f.weekday).saturating_sub(1))),
            MINUTE2 => push_number(&mut out, f.minute.into(), 2, &table),
            MINUTE => push_number(&mut out, f.minute.into(), 1, &table),
            PERIOD => out.push_str(nth(periods, usize::from(f.hour))),
            m @ HOUR..=0x17 => {
                let h = f.hour;
                let shown = match (m - HOUR) >> 1 {
                    0 => h % 12,
                    1 if h.is_multiple_of(12) => 12,
                    1 => h % 12,
                    2 => h,
                    _ if h == 0 => 24,
                    _ => h,
                };
                let width = if (m - HOUR) & 1 == 1 { 2 } else { 1 };
                push_number(&mut out, shown.into(), width, &table);
            }
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(y: Option<i32>, m: Option<u8>, d: Option<u8>) -> DateTimeParts {
        DateTimeParts {
            year: y,
            month: m,
            day_of_month: d,
            ..DateTimeParts::default()
        }
    }

    #[test]
    fn every_language_resolves() {
        for l in crate::languages::SUPPORTED {
            let r = resolve(l.code);
            assert!(r.is_ok(), "{}", l.code);
            assert!(format_currency(l.code, 1, "USD").is_ok());
            assert!(format_unix_epoch(l.code, 0).is_ok());
        }
        assert_eq!(data::LOCALES.len(), crate::languages::SUPPORTED.len());
        assert!(data::LOCALES.windows(2).all(|w| w[0].code < w[1].code));
        assert!(data::CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn unknown_language_suggests() {
        let e = format_currency("en-US", 1, "USD").unwrap_err();
        assert_eq!(
            e,
            Error::UnknownLanguage {
                lang: "en-US".into(),
                suggestion: Some("en_US")
            }
        );
        assert!(e.to_string().contains("did you mean `en_US`"));
        let e = format_unix_epoch("xx", 0).unwrap_err();
        assert!(e.to_string().contains("`xx` is not one of"), "{e}");
        assert!(intl_locale("").is_err());
    }

    #[test]
    fn intl_resolution() {
        assert_eq!(intl_locale("prs_AF").unwrap(), "fa-AF");
        assert_eq!(intl_locale("en_QA").unwrap(), "en");
        assert_eq!(intl_locale("pt_BR").unwrap(), "pt-BR");
    }

    #[test]
    fn currencies() {
        let all: Vec<_> = supported_currencies().collect();
        for c in [
            "USD", "EUR", "INR", "BRL", "KWD", "JPY", "XOF", "AFN", "RWF",
        ] {
            assert!(all.contains(&c), "{c}");
        }
        assert_eq!(format_currency("en_US", 1500, "usd").unwrap(), "$1.50");
        for bad in ["XXX", "US", "USDD", "", "€", "ÜSD", "BTC"] {
            let e = format_currency("en_US", 1, bad).unwrap_err();
            assert_eq!(e, Error::UnsupportedCurrency { code: bad.into() });
        }
        assert!(
            format_currency("en_US", 1, "XXX")
                .unwrap_err()
                .to_string()
                .contains("fallback_value")
        );
        assert!(
            format_currency("en_US", 1, "US")
                .unwrap_err()
                .to_string()
                .contains("not an ISO 4217")
        );
    }

    #[test]
    fn amounts_and_rounding() {
        let f = |lang, a, c| format_currency(lang, a, c).unwrap();
        assert_eq!(f("en_US", 0, "USD"), "$0.00");
        assert_eq!(f("en_US", 4, "USD"), "$0.00");
        assert_eq!(f("en_US", 5, "USD"), "$0.01");
        assert_eq!(f("en_US", -5, "USD"), "-$0.01");
        assert_eq!(f("en_US", -4, "USD"), "-$0.00");
        assert_eq!(f("en_US", 500, "JPY"), "¥1");
        assert_eq!(f("en_US", 499, "JPY"), "¥0");
        assert_eq!(f("en_US", -1, "JPY"), "-¥0");
        assert_eq!(f("en_US", 1, "KWD"), "KWD\u{a0}0.001");
        assert_eq!(f("en_IN", 1_234_567_890, "INR"), "₹12,34,567.89");
        assert_eq!(f("es", 1_234_000, "EUR"), "1234,00\u{a0}€");
        assert_eq!(f("es", 12_345_000, "EUR"), "12.345,00\u{a0}€");
        assert_eq!(
            f("ar_EG", 1_234_500, "EGP"),
            "\u{200f}١٬٢٣٤٫٥٠\u{a0}ج.م.\u{200f}"
        );
        assert_eq!(f("fr", 1_234_567, "EUR"), "1\u{202f}234,57\u{a0}€");
        assert_eq!(f("en_US", AMOUNT_1000_MAX, "USD"), "$2,147,483.65");
        assert_eq!(f("en_US", AMOUNT_1000_MIN, "USD"), "-$2,147,483.65");
        for a in [AMOUNT_1000_MAX + 1, AMOUNT_1000_MIN - 1, i64::MAX, i64::MIN] {
            let e = format_currency("en_US", a, "USD").unwrap_err();
            assert_eq!(e, Error::AmountOutOfRange { amount_1000: a });
            assert!(e.to_string().contains("int32"));
        }
    }

    #[test]
    fn combinations() {
        let ok = |p: &DateTimeParts| format_date_time("en_US", p).unwrap();
        assert_eq!(ok(&parts(Some(2024), None, None)), "2024");
        assert_eq!(ok(&parts(Some(2024), Some(2), None)), "February 2024");
        assert_eq!(ok(&parts(None, Some(2), Some(29))), "February 29");
        assert_eq!(
            ok(&parts(Some(2024), Some(2), Some(29))),
            "February 29, 2024"
        );
        let mut p = parts(Some(2024), Some(2), Some(29));
        p.day_of_week = Some(1); // wrong on purpose: Feb 29, 2024 is a Thursday
        assert_eq!(ok(&p), "Thursday, February 29, 2024");
        p.hour = Some(0);
        assert_eq!(ok(&p), "Thursday, February 29, 2024 at 12 AM");
        p.minute = Some(5);
        assert_eq!(ok(&p), "Thursday, February 29, 2024 at 12:05 AM");
        let time = DateTimeParts {
            hour: Some(13),
            minute: Some(0),
            ..DateTimeParts::default()
        };
        assert_eq!(ok(&time), "1:00 PM");
        assert_eq!(format_date_time("de", &time).unwrap(), "13:00");
    }

    #[test]
    fn invalid_parts() {
        let err = |p: &DateTimeParts| match format_date_time("en_US", p) {
            Err(Error::InvalidDateParts { reason }) => reason,
            other => panic!("{other:?}"),
        };
        assert!(err(&parts(Some(2023), Some(2), Some(29))).contains("1 to 28"));
        assert!(err(&parts(Some(2024), Some(2), Some(30))).contains("1 to 29"));
        assert!(err(&parts(Some(2024), Some(13), Some(1))).contains("month 13"));
        assert!(err(&parts(Some(2024), Some(0), Some(1))).contains("month 0"));
        assert!(err(&parts(Some(0), Some(1), Some(1))).contains("year 0"));
        assert!(err(&parts(Some(10_000), None, None)).contains("year 10000"));
        assert!(err(&parts(Some(2024), Some(4), Some(31))).contains("1 to 30"));
        assert!(err(&parts(None, None, Some(0))).contains("day_of_month 0"));
        assert!(err(&parts(None, None, None)).contains("no component"));
        assert!(err(&parts(None, None, Some(3))).contains("give year"));
        assert!(err(&parts(Some(2024), None, Some(3))).contains("give year"));
        let mut p = parts(None, Some(3), Some(3));
        p.day_of_week = Some(2);
        assert!(err(&p).contains("day_of_week needs"));
        p.day_of_week = None;
        p.hour = Some(3);
        assert!(err(&p).contains("full date"));
        let mut p = parts(Some(2024), Some(3), Some(3));
        p.day_of_week = Some(8);
        assert!(err(&p).contains("day_of_week 8"));
        p.day_of_week = None;
        p.minute = Some(5);
        assert!(err(&p).contains("minute needs hour"));
        p.hour = Some(24);
        assert!(err(&p).contains("hour 24"));
        p.hour = Some(1);
        p.minute = Some(60);
        assert!(err(&p).contains("minute 60"));
        assert!(
            Error::InvalidDateParts { reason: "x".into() }
                .to_string()
                .starts_with("invalid date_time: ")
        );
    }

    #[test]
    fn calendars() {
        let mut p = parts(Some(1403), Some(1), Some(1));
        p.calendar = Some("SOLAR_HIJRI".into());
        let e = format_date_time("fa", &p).unwrap_err();
        assert_eq!(
            e,
            Error::UnsupportedCalendar {
                calendar: "SOLAR_HIJRI".into()
            }
        );
        assert!(e.to_string().contains("GREGORIAN"));
        p.calendar = Some("gregorian".into());
        p.year = Some(2024);
        // Gregorian even where the locale's default calendar is not.
        assert_eq!(format_date_time("th", &p).unwrap(), "1 มกราคม 2024");
        assert_eq!(format_date_time("fa", &p).unwrap(), "۱ ژانویهٔ ۲۰۲۴");
    }

    #[test]
    fn epochs() {
        assert_eq!(
            format_unix_epoch("en_US", 0).unwrap(),
            "January 1, 1970 at 12:00 AM"
        );
        assert_eq!(
            format_unix_epoch("en_US", -1).unwrap(),
            "December 31, 1969 at 11:59 PM"
        );
        assert!(format_unix_epoch("en_US", EPOCH_MIN).is_ok());
        assert!(format_unix_epoch("en_US", EPOCH_MAX).is_ok());
        for s in [EPOCH_MIN - 1, EPOCH_MAX + 1, i64::MIN, i64::MAX] {
            let e = format_unix_epoch("en_US", s).unwrap_err();
            assert_eq!(e, Error::TimestampOutOfRange { seconds: s });
            assert!(e.to_string().contains("1 to 9999"));
        }
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        for days in (-719_162..2_932_896).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert!(d <= days_in_month(y, m));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(weekday(0), 4);
        assert_eq!(weekday(days_from_civil(2024, 2, 29)), 4);
        assert_eq!(weekday(days_from_civil(1, 1, 1)), 1);
    }
}
