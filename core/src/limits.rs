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

/// `text.body`: max 4096 characters (D-TXT, REF-OLD, OAS `TextMessage_1.body.maxLength`).
pub const TEXT_BODY: usize = 4096;
/// Media `caption` (image, video, document): max 1024 characters (D-IMG, D-VID, D-DOC,
/// OAS `MediaObject_1.caption.maxLength`; On-Prem v2.41.2+ the same).
pub const MEDIA_CAPTION: usize = 1024;
/// Contacts per message: "up to 257 contacts" (D-CON, the newest page).
pub const CONTACTS: usize = 257;
/// Contacts per message in the OpenAPI spec (`ContactsMessage.maxItems 5`): stricter, a
/// warning (platform-rules §11.5).
pub const CONTACTS_STRICT: usize = 5;
/// Latitude range in decimal degrees (D-LOC "Location latitude in decimal degrees").
pub const LATITUDE: f64 = 90.0;
/// Longitude range in decimal degrees (D-LOC).
pub const LONGITUDE: f64 = 180.0;
/// A phone number has at most 15 digits (ITU-T E.164, which `to` numbers follow).
pub const PHONE_DIGITS_MAX: usize = 15;
/// Fewer digits than this is no full international number (the shortest E.164 numbers, e.g.
/// +290 XXXX, have 7): a warning, since a `wa_id` could in theory be shorter [inferred].
pub const PHONE_DIGITS_MIN: usize = 7;
/// Interactive `header.text` and `header.sub_text`: max 60 (REF-OLD, OAS `HeaderObject`).
pub const INTERACTIVE_HEADER_TEXT: usize = 60;
/// Interactive `body.text`: max 1024 (REF-OLD, OAS `BodyObject`, D-BTN, D-CTA).
pub const INTERACTIVE_BODY: usize = 1024;
/// List message `body.text`: max 4096 on the newest page (D-LIST, Nov 2025); older pages
/// and the OpenAPI spec say 1024 (→ [`INTERACTIVE_BODY`] as a warning, §11.1).
pub const INTERACTIVE_LIST_BODY: usize = 4096;
/// Interactive `footer.text`: max 60 (all pages).
pub const INTERACTIVE_FOOTER: usize = 60;
/// Reply buttons per message: 1–3 (D-BTN, REF-OLD, OAS).
pub const REPLY_BUTTONS: usize = 3;
/// Reply button `title`: max 20 (D-BTN).
pub const REPLY_BUTTON_TITLE: usize = 20;
/// Reply button `id`: max 256 (D-BTN).
pub const REPLY_BUTTON_ID: usize = 256;
/// List `action.button` label: max 20 (D-LIST).
pub const LIST_BUTTON: usize = 20;
/// List sections: 1–10 (D-LIST).
pub const LIST_SECTIONS: usize = 10;
/// List rows across all sections: max 10 (D-LIST "up to 10 rows for all sections combined",
/// REF-OLD; OAS and WAJS cap each section instead, §11.2).
pub const LIST_ROWS: usize = 10;
/// List section `title`: max 24 (D-LIST).
pub const LIST_SECTION_TITLE: usize = 24;
/// List row `id`: max 200 (D-LIST).
pub const LIST_ROW_ID: usize = 200;
/// List row `title`: max 24 (D-LIST).
pub const LIST_ROW_TITLE: usize = 24;
/// List row `description`: max 72 (D-LIST).
pub const LIST_ROW_DESCRIPTION: usize = 72;
/// Multi-product message sections: 1–10 (REF-OLD, On-Prem reference).
pub const PRODUCT_SECTIONS: usize = 10;
/// Products across all sections of a multi-product message (and an MPM template button):
/// max 30 (REF-OLD; D-COMP "up to 30 products … up to 10 sections").
pub const PRODUCTS: usize = 30;
/// `product_retailer_id`: max 100 characters (On-Prem reference, seed 001).
pub const PRODUCT_RETAILER_ID: usize = 100;
/// `cta_url` `display_text`: max 20 (D-CTA).
pub const CTA_DISPLAY_TEXT: usize = 20;
/// Flow `flow_cta`: "advised to be 30 characters or less" (REF-OLD, Flows docs; OAS
/// `maxLength 30`): over it a warning.
pub const FLOW_CTA_ADVISED: usize = 30;
/// Flow `flow_cta`: 20 in the On-Prem reference, WAJS and PYWA: over it a warning (§11.4).
pub const FLOW_CTA_STRICT: usize = 20;

// ---------------------------------------------------------------------------------------
// Template send payloads (§3)
// ---------------------------------------------------------------------------------------

/// Header text parameter: max 60 characters (REF-OLD, PM "Parameter Object").
pub const TEMPLATE_HEADER_PARAM: usize = 60;
/// Body text parameter when other components are present: max 1024 (REF-OLD, PM).
pub const TEMPLATE_BODY_PARAM: usize = 1024;
/// Body text parameter when the body is the only component: max 32768 (REF-OLD, PM, OAS
/// `TextParameter.maxLength`, WAJS).
pub const TEMPLATE_BODY_ONLY_PARAM: usize = 32768;
/// Button `index`: 0–9 ("up to 10 buttons using index values of 0 to 9", REF-OLD).
pub const TEMPLATE_BUTTON_INDEX_MAX: u32 = 9;
/// Copy-code `coupon_code`: max 15 characters (D-COMP COPY_CODE example rule, D-COPY).
pub const TEMPLATE_COUPON_CODE: usize = 15;
/// `currency.amount_1000`: `integer, format int32` (OAS `CurrencyObject`).
pub const CURRENCY_AMOUNT_1000_MAX: i64 = i32::MAX as i64;
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
