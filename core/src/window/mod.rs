//! The customer-care window and the billing preview: may this message be sent now, and what
//! will it cost? A pure function of the message, its template definition (for the category),
//! the time of the user's last inbound message and the current time — the caller supplies
//! the facts, nothing is looked up.
//!
//! The rules are one table in [`rules`]; `docs/window.md` lists them with sources and dates.

pub mod rules;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, DocumentKind, Pointer, meta};
use crate::json::{self, Span, Value};
use crate::options::{Api, Options};
use crate::shape;

pub use rules::{Category, Class, FreeReason, Outcome};

/// A free-form message (or reaction) while the customer service window is closed.
pub const CLOSED: Code = Code::new("window.closed");
/// A free-form message (or reaction) with no inbound message from the user known at all.
pub const NO_INBOUND: Code = Code::new("window.no_inbound");
/// The last inbound message is later than "now": clocks disagree.
pub const CLOCK_SKEW: Code = Code::new("window.clock_skew");
/// A template message without its definition: the billing category is unknown.
pub const CATEGORY_UNKNOWN: Code = Code::new("billing.category_unknown");
/// The template definition's category is not one that is billed per message.
pub const CATEGORY_INVALID: Code = Code::new("billing.category_invalid");
/// Before per-message pricing started, billing was per conversation; not modelled.
pub const CONVERSATION_PRICING: Code = Code::new("billing.conversation_based");

/// The caller's facts, as Unix seconds (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts {
    /// When the user last wrote to the business, if ever.
    pub last_inbound: Option<i64>,
    /// The current time.
    pub now: i64,
    /// The end of a free entry point window (72 h after the user came through a
    /// click-to-WhatsApp ad or a Facebook page call-to-action), if one is open.
    pub free_entry_point_until: Option<i64>,
}

/// The state of the customer service window at `now`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Window {
    /// True while free-form messages may be sent.
    pub open: bool,
    /// When it opened (the last inbound message), if known.
    #[serde(rename = "openedAt", skip_serializing_if = "Option::is_none")]
    pub opened_at: Option<i64>,
    /// When it closes (or closed): 24 h after the last inbound message.
    #[serde(rename = "closesAt", skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<i64>,
    /// Seconds left while open.
    #[serde(rename = "remainingSeconds", skip_serializing_if = "Option::is_none")]
    pub remaining_seconds: Option<i64>,
}

/// What the message would be billed under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Billing {
    /// `PMP` (per-message pricing) or `CBP` (conversation-based, before 2025-07-01).
    #[serde(rename = "pricingModel")]
    pub pricing_model: &'static str,
    /// True when the message is charged.
    pub billable: bool,
    /// The category charged, when billable and known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// Why it is free, when it is (Meta's pricing `type`).
    #[serde(rename = "freeReason", skip_serializing_if = "Option::is_none")]
    pub free_reason: Option<FreeReason>,
    /// One sentence for people.
    pub explanation: String,
}

/// The answer: the window, whether the message may be sent, and its billing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Assessment {
    /// The customer service window at `now`.
    pub window: Window,
    /// True when the platform would accept the message now.
    pub sendable: bool,
    /// What it would cost (`None` when it cannot be sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing: Option<Billing>,
    /// Why it cannot be sent, and warnings (clock skew, unknown category).
    pub diagnostics: Vec<Diagnostic>,
}

/// Assesses a message (JSON text) with an optional template definition (JSON text).
/// Unparseable input yields an assessment with the parser's diagnostics and `sendable: false`.
#[must_use]
pub fn assess(
    message_src: &str,
    template_src: Option<&str>,
    facts: &Facts,
    opts: &Options,
) -> Assessment {
    let parsed = json::parse(message_src, &opts.parse);
    let Some(message) = parsed.value else {
        let report = shape::finish(message_src, opts, DocumentKind::Message, parsed.diagnostics);
        return Assessment {
            window: window_at(facts),
            sendable: false,
            billing: None,
            diagnostics: report.diagnostics,
        };
    };
    let definition = template_src.and_then(|t| json::parse(t, &opts.parse).value);
    let mut out = assess_value(&message, definition.as_ref(), facts, opts.api);
    out.diagnostics = shape::finish(
        message_src,
        opts,
        DocumentKind::Message,
        std::mem::take(&mut out.diagnostics),
    )
    .diagnostics;
    out
}

/// The window at `facts.now`.
#[must_use]
pub fn window_at(facts: &Facts) -> Window {
    match facts.last_inbound {
        None => Window {
            open: false,
            opened_at: None,
            closes_at: None,
            remaining_seconds: None,
        },
        Some(last) => {
            let closes = last.saturating_add(rules::CUSTOMER_SERVICE_WINDOW_SECONDS);
            // Exactly 24 h after the inbound message the window is closed: [last, last + 24 h).
            // A last inbound in the future (clock skew) counts as just received.
            let open = facts.now < closes;
            let remaining = open.then(|| closes - facts.now.max(last));
            Window {
                open,
                opened_at: Some(last),
                closes_at: Some(closes),
                remaining_seconds: remaining,
            }
        }
    }
}

/// Classifies a parsed message.
#[must_use]
pub fn classify(message: &Value<'_>, definition: Option<&Value<'_>>) -> Class {
    let ty = message.get("type").and_then(Value::as_str);
    if ty.is_none() && message.get("status").is_some() {
        return Class::StatusUpdate;
    }
    match ty {
        Some("template") => match definition
            .and_then(|d| d.get("category"))
            .and_then(Value::as_str)
            .and_then(category)
        {
            Some(c) => Class::Template(c),
            None => Class::TemplateUnknownCategory,
        },
        Some("reaction") => Class::Reaction,
        _ => Class::FreeForm,
    }
}

fn category(s: &str) -> Option<Category> {
    match s.to_ascii_uppercase().as_str() {
        "MARKETING" => Some(Category::Marketing),
        "UTILITY" => Some(Category::Utility),
        "AUTHENTICATION" => Some(Category::Authentication),
        _ => None,
    }
}

/// Assesses a parsed message; diagnostics carry spans into the message but no line/column
/// (use [`assess`] for those).
#[must_use]
pub fn assess_value(
    message: &Value<'_>,
    definition: Option<&Value<'_>>,
    facts: &Facts,
    api: Api,
) -> Assessment {
    let window = window_at(facts);
    let class = classify(message, definition);
    let mut diags = Vec::new();
    let type_span = message.get("type").map_or(
        Span::new(message.span.start as usize, message.span.start as usize + 1),
        |t| t.span,
    );
    let type_path = if message.get("type").is_some() {
        Pointer::root().key("type")
    } else {
        Pointer::root()
    };

    if let Some(last) = facts.last_inbound
        && last > facts.now
    {
        diags.push(Diagnostic::warning(
            CLOCK_SKEW,
            Pointer::root(),
            type_span,
            format!(
                "the last inbound message ({}) is {} after now ({}); clocks disagree, so it is treated as just received",
                rfc3339(last),
                duration(last - facts.now),
                rfc3339(facts.now)
            ),
        ));
    }
    if class == Class::TemplateUnknownCategory {
        let msg = match definition.and_then(|d| d.get("category")) {
            Some(c) => {
                let shown = c.as_str().unwrap_or("(not a string)");
                diags.push(Diagnostic::warning(
                    CATEGORY_INVALID,
                    Pointer::root().key("template"),
                    type_span,
                    format!("the template definition's category \"{shown}\" is not MARKETING, UTILITY or AUTHENTICATION; the billing category is unknown"),
                ));
                None
            }
            None => Some(
                "a template message without its definition: the billing category (marketing, utility or authentication) is unknown; pass the template definition",
            ),
        };
        if let Some(m) = msg {
            diags.push(Diagnostic::warning(
                CATEGORY_UNKNOWN,
                Pointer::root().key("template"),
                type_span,
                m,
            ));
        }
    }

    let Some(rule) = rules::rule(class) else {
        return Assessment {
            window,
            sendable: false,
            billing: None,
            diagnostics: diags,
        };
    };
    let outcome = if window.open {
        rule.inside
    } else {
        rule.outside
    };
    if outcome == Outcome::Rejected {
        let code = match api {
            Api::Cloud => meta::REENGAGEMENT,
            Api::OnPrem => meta::ONPREM_REENGAGEMENT,
        };
        let what = if class == Class::Reaction {
            "a reaction"
        } else {
            "a free-form (non-template) message"
        };
        let d = match (facts.last_inbound, window.closes_at) {
            (Some(_), Some(closed)) => Diagnostic::error(
                CLOSED,
                type_path,
                type_span,
                format!(
                    "{what} cannot be sent: the customer service window closed at {} ({} ago); outside it only template messages may be sent",
                    rfc3339(closed),
                    duration(facts.now - closed)
                ),
            ),
            _ => Diagnostic::error(
                NO_INBOUND,
                type_path,
                type_span,
                format!(
                    "{what} cannot be sent: the user has not written to the business, so no customer service window is open; only template messages may be sent"
                ),
            ),
        };
        diags.push(d.with_meta(code));
        return Assessment {
            window,
            sendable: false,
            billing: None,
            diagnostics: diags,
        };
    }

    let billing = billing(outcome, class, facts, &window, type_span, &mut diags);
    Assessment {
        window,
        sendable: true,
        billing: Some(billing),
        diagnostics: diags,
    }
}

fn billing(
    outcome: Outcome,
    class: Class,
    facts: &Facts,
    window: &Window,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> Billing {
    if facts.now < rules::PER_MESSAGE_PRICING_START && outcome != Outcome::NotBilled {
        diags.push(Diagnostic::warning(
            CONVERSATION_PRICING,
            Pointer::root(),
            span,
            "before 2025-07-01 WhatsApp billed per 24-hour conversation, not per message; that model is not previewed",
        ));
        return Billing {
            pricing_model: "CBP",
            billable: false,
            category: None,
            free_reason: None,
            explanation: "conversation-based pricing (before 2025-07-01) is not modelled"
                .to_string(),
        };
    }
    let fep_open = facts
        .free_entry_point_until
        .is_some_and(|until| facts.now < until);
    let pmp = |billable, category, free_reason, explanation: String| Billing {
        pricing_model: "PMP",
        billable,
        category,
        free_reason,
        explanation,
    };
    match outcome {
        Outcome::NotBilled => {
            let what = if class == Class::Reaction { "reactions" } else { "read receipts and typing indicators" };
            pmp(false, None, None, format!("{what} are never billed"))
        }
        _ if fep_open => pmp(
            false,
            None,
            Some(FreeReason::FreeEntryPoint),
            "free: a free entry point window (72 h after a click-to-WhatsApp ad or page call-to-action) is open".to_string(),
        ),
        Outcome::Charged(c) => {
            let why = match (c, window.open) {
                (Category::Utility, false) => "utility templates are billed outside the customer service window",
                (Category::Marketing, _) => "marketing templates are always billed per message",
                (Category::Authentication, _) => "authentication templates are always billed per message (international rates may apply)",
                (Category::Utility, true) => "utility templates are billed",
            };
            pmp(true, Some(c), None, why.to_string())
        }
        Outcome::Free(reason) => {
            let why = match class {
                Class::Template(Category::Utility) => "free: utility templates sent inside an open customer service window are not billed",
                _ => "free: non-template messages inside the customer service window are not billed",
            };
            pmp(false, None, Some(reason), why.to_string())
        }
        Outcome::ChargedUnknownCategory => pmp(true, None, None, "billed per message at the rate of the template's category, which is unknown without its definition".to_string()),
        Outcome::Rejected => pmp(false, None, None, "not sendable".to_string()),
    }
}

/// `2025-07-01T00:00:00Z` for Unix seconds (proleptic Gregorian, UTC).
#[must_use]
pub fn rfc3339(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Parses an RFC 3339 timestamp (`2025-07-01T12:00:00Z`, `…+02:00`, fractional seconds
/// ignored) into Unix seconds.
#[must_use]
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        if !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let sep = |i: usize, c: &[u8]| b.get(i).is_some_and(|x| c.contains(x));
    let (y, mo, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, mi, sec) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    if !(1..=12).contains(&mo) || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || sec > 60
    {
        return None;
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && sep(i + 3, b":") => {
            let o = num(i + 1, 2)? * 3600 + num(i + 4, 2)? * 60;
            if *sign == b'+' { o } else { -o }
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec.min(59) - offset)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian
// calendar; a date crate would be a dependency for two formulas.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// `2 h 5 min`, `3 d 4 h`, `45 s` for messages.
fn duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min", s / 60),
        3600..=86_399 => format!("{} h {} min", s / 3600, s % 3600 / 60),
        _ => format!("{} d {} h", s / 86_400, s % 86_400 / 3600),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_exactly_one_rule() {
        let classes = [
            Class::Template(Category::Marketing),
            Class::Template(Category::Utility),
            Class::Template(Category::Authentication),
            Class::TemplateUnknownCategory,
            Class::FreeForm,
            Class::Reaction,
            Class::StatusUpdate,
        ];
        for c in classes {
            assert_eq!(
                rules::RULES.iter().filter(|r| r.class == c).count(),
                1,
                "{c:?}"
            );
        }
        assert_eq!(rules::RULES.len(), classes.len());
    }

    #[test]
    fn rfc3339_round_trip_and_offsets() {
        assert_eq!(
            parse_rfc3339("2025-07-01T00:00:00Z"),
            Some(rules::PER_MESSAGE_PRICING_START)
        );
        assert_eq!(
            rfc3339(rules::PER_MESSAGE_PRICING_START),
            "2025-07-01T00:00:00Z"
        );
        assert_eq!(
            parse_rfc3339("2025-07-01T02:00:00+02:00"),
            Some(rules::PER_MESSAGE_PRICING_START)
        );
        assert_eq!(
            parse_rfc3339("2025-06-30T22:30:00.123-01:30"),
            Some(rules::PER_MESSAGE_PRICING_START)
        );
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        assert_eq!(
            parse_rfc3339("2024-02-29T12:00:00Z")
                .map(rfc3339)
                .as_deref(),
            Some("2024-02-29T12:00:00Z")
        );
        for bad in [
            "",
            "2025-02-29T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-07-01 00:00:00",
            "2025-07-01T00:00:00+0200",
            "2025-07-01T24:00:00Z",
            "2025-07-01T00:00:00.Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn duration_text() {
        assert_eq!(duration(5), "5 s");
        assert_eq!(duration(125), "2 min");
        assert_eq!(duration(7500), "2 h 5 min");
        assert_eq!(duration(-90_000), "1 d 1 h");
    }
}
