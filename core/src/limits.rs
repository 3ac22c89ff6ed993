//! Every platform number in one place, each with its source.
//!
//! Source keys (D-TXT, REF-OLD, OAS, ...) are those of `docs/platform-rules.md` §0. Where
//! sources disagree the constant holds the value of Meta's newest official page and the
//! stricter value is named `*_STRICT` and produces a warning.

// ---------------------------------------------------------------------------------------
// Envelope (§1)
// ---------------------------------------------------------------------------------------

/// `biz_opaque_callback_data`: "Maximum 512 characters" (REF-OLD; PYWA `tracker`).
pub const BIZ_OPAQUE_CALLBACK_DATA: usize = 512;
/// A WhatsApp message id (wamid): max 128 characters (REF-OLD).
pub const WAMID: usize = 128;

// ---------------------------------------------------------------------------------------
// Messages (§2)
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Template send payloads (§3)
// ---------------------------------------------------------------------------------------

/// Hydrated header text of a template: 60 characters (REF-OLD "Parameter Object": header
/// text parameter 60; a hydrated header longer than 60 is "Template Hydrated Text Too
/// Long", 132005, D-ERR).
pub const TEMPLATE_SEND_HEADER_TEXT: usize = 60;
/// Hydrated body text when the template has other components: 1024 (REF-OLD; D-COMP body
/// limit; 132005 D-ERR).
pub const TEMPLATE_SEND_BODY: usize = 1024;
/// Hydrated body text when the body is the template's only component: 32768 (REF-OLD; OAS
/// `TextParameter.maxLength`; WAJS).
pub const TEMPLATE_SEND_BODY_ALONE: usize = 32_768;
/// Consecutive spaces a text parameter may hold: more than 4 is refused with 132018
/// ("Param text cannot have new-line/tab characters or more than 4 consecutive spaces",
/// quoted from API answers in third-party integrations).
pub const TEMPLATE_PARAM_MAX_SPACES: usize = 4;
/// An authentication code (the OTP sent as body and button parameter): 15 characters
/// (D-COPY "Sending authentication templates").
pub const TEMPLATE_OTP_CODE: usize = 15;

// ---------------------------------------------------------------------------------------
// Template definitions (§4)
// ---------------------------------------------------------------------------------------

/// Template name: "maximum of 512 characters, consisting of lowercase alphanumeric
/// characters and underscores" (D-OVR; D-OTAP).
pub const TEMPLATE_NAME: usize = 512;
/// HEADER text: 60 characters, at most 1 variable (D-COMP).
pub const TEMPLATE_HEADER_TEXT: usize = 60;
/// Variables in a HEADER text (D-COMP).
pub const TEMPLATE_HEADER_VARIABLES: usize = 1;
/// BODY text: 1024 characters (D-COMP).
pub const TEMPLATE_BODY: usize = 1024;
/// FOOTER text: 60 characters, no variables (D-COMP).
pub const TEMPLATE_FOOTER: usize = 60;
/// Buttons in total (D-COMP).
pub const TEMPLATE_BUTTONS: usize = 10;
/// QUICK_REPLY buttons (D-COMP).
pub const TEMPLATE_QUICK_REPLY_BUTTONS: usize = 10;
/// URL buttons (D-COMP).
pub const TEMPLATE_URL_BUTTONS: usize = 2;
/// PHONE_NUMBER buttons (D-COMP).
pub const TEMPLATE_PHONE_BUTTONS: usize = 1;
/// COPY_CODE buttons (D-COMP).
pub const TEMPLATE_COPY_CODE_BUTTONS: usize = 1;
/// Button `text` (QUICK_REPLY, URL, PHONE_NUMBER, OTP `text` / `autofill_text`): 25
/// characters (D-COMP; D-OTAP).
pub const TEMPLATE_BUTTON_TEXT: usize = 25;
/// Button `url`: 2000 characters, at most 1 variable, appended at the end (D-COMP).
pub const TEMPLATE_BUTTON_URL: usize = 2000;
/// Variables in a button URL (D-COMP; PYWA `URLButton`).
pub const TEMPLATE_URL_VARIABLES: usize = 1;
/// Button `phone_number`: 20 characters (D-COMP).
pub const TEMPLATE_PHONE_NUMBER: usize = 20;
/// COPY_CODE `example`: 15 characters (D-COMP).
pub const TEMPLATE_COPY_CODE_EXAMPLE: usize = 15;
/// Authentication FOOTER `code_expiration_minutes`: 1 to 90 (D-AUTH; D-OTAP).
pub const TEMPLATE_CODE_EXPIRATION_MINUTES: std::ops::RangeInclusive<i64> = 1..=90;
/// One-tap / zero-tap `supported_apps`: at most 5 (D-OTAP).
pub const TEMPLATE_SUPPORTED_APPS: usize = 5;
/// `package_name`: 224 characters (D-OTAP).
pub const TEMPLATE_PACKAGE_NAME: usize = 224;
/// `signature_hash`: exactly 11 characters (D-OTAP).
pub const TEMPLATE_SIGNATURE_HASH: usize = 11;
/// `message_send_ttl_seconds` for AUTHENTICATION: 30 s to 15 min, or -1 (D-TTL).
pub const TEMPLATE_TTL_AUTHENTICATION: std::ops::RangeInclusive<i64> = 30..=900;
/// `message_send_ttl_seconds` for UTILITY: 30 s to 12 h, or -1 (D-TTL).
pub const TEMPLATE_TTL_UTILITY: std::ops::RangeInclusive<i64> = 30..=43_200;
/// `message_send_ttl_seconds` for MARKETING: 12 h to 30 days, Marketing Messages API only
/// (D-TTL table; its own example's 120 s contradicts the table, §11.23: the table wins).
pub const TEMPLATE_TTL_MARKETING: std::ops::RangeInclusive<i64> = 43_200..=2_592_000;
/// `message_send_ttl_seconds: -1`: the default 30 days, for AUTHENTICATION and UTILITY
/// (D-TTL).
pub const TEMPLATE_TTL_DEFAULT: i64 = -1;

// ---------------------------------------------------------------------------------------
// Webhooks (§8)
// ---------------------------------------------------------------------------------------

/// Latest accepted webhook timestamp: 9999-12-31T23:59:59Z. Meta sends Unix seconds; a later
/// value is almost always milliseconds, which would put the event in the far future and
/// wreck timestamp ordering in the reducer (inferred, no source states a bound).
pub const WEBHOOK_TIMESTAMP_MAX: i64 = 253_402_300_799;
