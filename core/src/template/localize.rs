//! Localizable parameters (`currency`, `date_time`): what they render to under
//! `--localize fallback` (the `fallback_value`, as the Cloud API does) or `--localize
//! locale` (CLDR formatting in the template's language), and the check that a currency's
//! `fallback_value` shows the amount of `amount_1000`.

use crate::json::Value;
use crate::locale;

/// The result of localizing one parameter.
pub(crate) struct Localized {
    /// The text to show.
    pub text: String,
    /// Set when locale formatting was asked for and failed (the reason).
    pub failed: Option<String>,
}

/// Formats a currency parameter (`{fallback_value, code, amount_1000}`) in `lang`.
pub(crate) fn currency(c: &Value<'_>, lang: &str) -> Option<Localized> {
    let fallback = c
        .get("fallback_value")
        .and_then(Value::as_str)
        .unwrap_or("");
    let amount = c.get("amount_1000").and_then(Value::as_i64)?;
    let code = c.get("code").and_then(Value::as_str)?;
    Some(match locale::format_currency(lang, amount, code) {
        Ok(text) => Localized { text, failed: None },
        Err(e) => Localized {
            text: fallback.to_string(),
            failed: Some(e.to_string()),
        },
    })
}

/// Formats a date_time parameter in `lang`: `unix_epoch.timestamp` (On-Premises form), or
/// the components (top level, or under `component`). `None` when it has neither.
pub(crate) fn date_time(d: &Value<'_>, lang: &str) -> Option<Localized> {
    let fallback = d
        .get("fallback_value")
        .and_then(Value::as_str)
        .unwrap_or("");
    let result = if let Some(ts) = d
        .get("unix_epoch")
        .and_then(|u| u.get("timestamp"))
        .and_then(Value::as_i64)
    {
        locale::format_unix_epoch(lang, ts)
    } else {
        let src = d.get("component").unwrap_or(d);
        let small = |k: &str| {
            src.get(k)
                .and_then(Value::as_i64)
                .and_then(|n| u8::try_from(n).ok())
        };
        let parts = locale::DateTimeParts {
            year: src
                .get("year")
                .and_then(Value::as_i64)
                .and_then(|n| i32::try_from(n).ok()),
            month: small("month"),
            day_of_month: small("day_of_month"),
            day_of_week: day_of_week(src.get("day_of_week")),
            hour: small("hour"),
            minute: small("minute"),
            calendar: src
                .get("calendar")
                .and_then(Value::as_str)
                .map(str::to_owned),
        };
        if parts.year.is_none()
            && parts.month.is_none()
            && parts.day_of_month.is_none()
            && parts.hour.is_none()
            && parts.day_of_week.is_none()
        {
            return None;
        }
        locale::format_date_time(lang, &parts)
    };
    Some(match result {
        Ok(text) => Localized { text, failed: None },
        Err(e) => Localized {
            text: fallback.to_string(),
            failed: Some(e.to_string()),
        },
    })
}

/// `day_of_week`: 1–7 or `MONDAY`…`SUNDAY` (D-LOCZ: "Both strings and numbers are accepted").
fn day_of_week(v: Option<&Value<'_>>) -> Option<u8> {
    let v = v?;
    if let Some(n) = v.as_i64() {
        return u8::try_from(n).ok().filter(|d| (1..=7).contains(d));
    }
    const DAYS: [&str; 7] = [
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
    ];
    let s = v.as_str()?;
    DAYS.iter()
        .position(|d| d.eq_ignore_ascii_case(s))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// Zeros of the decimal digit blocks CLDR locales use (Arabic-Indic, Persian, Devanagari,
/// Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Thai, Lao,
/// Tibetan, Myanmar, Khmer, fullwidth).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x17E0, 0xFF10,
];

fn digit(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let u = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|z| (**z..**z + 10).contains(&u))
        .map(|z| u - z)
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\u{066B}' | '\u{066C}' | '\'' | '\u{2019}' | ' ' | '\u{A0}' | '\u{202F}'
    )
}

/// Readings of the first number in a formatted amount: (value, fraction digits shown).
/// `1,234` is ambiguous (1234 or 1.234) and yields both.
pub(crate) fn amounts(s: &str) -> Vec<(f64, u32)> {
    let mut negative = false;
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if digit(c).is_some() {
            break;
        }
        if matches!(c, '-' | '\u{2212}' | '(') {
            negative = true;
        }
        chars.next();
    }
    let mut parts: Vec<(Option<char>, String)> = vec![(None, String::new())];
    let mut pending: Option<char> = None;
    for c in chars {
        if let Some(d) = digit(c) {
            if let Some(sep) = pending.take() {
                parts.push((Some(sep), String::new()));
            }
            if let Some(last) = parts.last_mut() {
                last.1.push(char::from_digit(d, 10).unwrap_or('0'));
            }
        } else if is_separator(c) && pending.is_none() {
            pending = Some(c);
        } else {
            break;
        }
    }
    if parts.iter().all(|(_, d)| d.is_empty()) {
        return Vec::new();
    }
    let sign = if negative { -1.0 } else { 1.0 };
    let num = |int: &str, frac: &str| -> Option<f64> {
        let t = if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        };
        crate::float::parse(&t).map(|v| v * sign)
    };
    let all: String = parts.iter().map(|(_, d)| d.as_str()).collect();
    let Some((last_sep, last_digits)) = parts.last() else {
        return Vec::new();
    };
    let Some(ls) = last_sep else {
        return num(&all, "").map(|v| vec![(v, 0)]).unwrap_or_default();
    };
    let head: String = parts
        .iter()
        .take(parts.len() - 1)
        .map(|(_, d)| d.as_str())
        .collect();
    let same_count = parts.iter().filter(|(s, _)| s == last_sep).count();
    let decimal_capable = matches!(ls, '.' | ',' | '\u{066B}');
    let mut out = Vec::new();
    let frac_len = u32::try_from(last_digits.len()).unwrap_or(u32::MAX);
    if *ls == '\u{066B}' || (decimal_capable && same_count == 1 && last_digits.len() != 3) {
        out.extend(num(&head, last_digits).map(|v| (v, frac_len)));
    } else if decimal_capable && same_count == 1 {
        out.extend(num(&head, last_digits).map(|v| (v, frac_len)));
        out.extend(num(&all, "").map(|v| (v, 0)));
    } else {
        out.extend(num(&all, "").map(|v| (v, 0)));
    }
    out
}

/// True when `fallback` shows no number, or one that is `amount_1000 / 1000` at the
/// precision shown (so `$101` agrees with 100990, `$35` does not agree with 30000).
pub(crate) fn fallback_agrees(fallback: &str, amount_1000: i64) -> bool {
    let readings = amounts(fallback);
    if readings.is_empty() {
        return true;
    }
    #[allow(clippy::cast_precision_loss)]
    let amount = amount_1000 as f64 / 1000.0;
    readings.iter().any(|(v, decimals)| {
        let tol = 0.5 * 10f64.powi(-i32::try_from(*decimals).unwrap_or(0)) + 1e-9;
        (v - amount).abs() <= tol
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings() {
        assert_eq!(amounts("$100.99"), vec![(100.99, 2)]);
        assert_eq!(amounts("R$ 1.234,56"), vec![(1234.56, 2)]);
        assert_eq!(amounts("1,234"), vec![(1.234, 3), (1234.0, 0)]);
        assert_eq!(amounts("₹1,00,000.50"), vec![(100_000.5, 2)]);
        assert_eq!(amounts("CHF 1'234.5"), vec![(1234.5, 1)]);
        assert_eq!(amounts("-€5"), vec![(-5.0, 0)]);
        assert_eq!(amounts("١٢٫٥ ر.س"), vec![(12.5, 1)]);
        assert_eq!(amounts("1 234 567,8 €"), vec![(1_234_567.8, 1)]);
        assert!(amounts("free").is_empty());
    }

    #[test]
    fn agreement() {
        assert!(fallback_agrees("$100.99", 100_990));
        assert!(fallback_agrees("$101", 100_990));
        assert!(!fallback_agrees("$35", 30_000));
        assert!(fallback_agrees("¥1,000", 1_000_000));
        assert!(fallback_agrees("1.000 €", 1_000_000));
        assert!(!fallback_agrees("$100.98", 100_990));
        assert!(fallback_agrees("a hundred dollars", 100_000));
    }
}
