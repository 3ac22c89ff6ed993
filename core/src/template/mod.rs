//! Template definitions, placeholders, send-vs-definition checks and the preview.
//!
//! - [`placeholder`]: the one lexer for `{{1}}`, `<<1>>`, `{{name}}`, `<<name>>`.
//! - [`check_definition`] (through [`crate::check`]): every rule of a template definition
//!   (`POST /{WABA-ID}/message_templates` bodies and definitions read back from the API).
//! - [`check_send`]: a send payload against the definition it names.
//! - [`render`]: the preview of what the recipient sees, for template and other messages.

mod definition;
mod localize;
mod model;
pub mod placeholder;
mod prepared;
mod preview;
mod send;

use crate::diagnostic::Code;

pub(crate) use definition::check_definition;
pub use prepared::{ButtonParam, Param, Params, Template};
pub use preview::{
    Button, Footer, Header, ListPreview, ListRow, ListSection, Localize, LocationPreview, Preview,
    ProductPreview, RenderOptions, TextBlock, render,
};
pub use send::check_send;

// --- placeholders -------------------------------------------------------------------------

/// `{{}}`: an empty placeholder.
pub const PLACEHOLDER_EMPTY: Code = Code::new("placeholder.empty");
/// `{{ 1 }}`: spaces inside the braces.
pub const PLACEHOLDER_WHITESPACE: Code = Code::new("placeholder.whitespace");
/// `{{1}`: a placeholder that is not closed.
pub const PLACEHOLDER_UNCLOSED: Code = Code::new("placeholder.unclosed");
/// `{{1>>`: opened with one syntax, closed with the other.
pub const PLACEHOLDER_MISMATCHED: Code = Code::new("placeholder.mismatched_delimiters");
/// `{{-1}}`, `{{First}}`: neither a number nor a lowercase name.
pub const PLACEHOLDER_INVALID_NAME: Code = Code::new("placeholder.invalid_name");
/// `{{0}}`, `{{01}}`: positions count from 1.
pub const PLACEHOLDER_INVALID_NUMBER: Code = Code::new("placeholder.invalid_number");
/// `{{{1}}}`: braces must match.
pub const PLACEHOLDER_STRAY: Code = Code::new("placeholder.stray_delimiter");
/// `{{1}}` and `<<2>>` in one text (warning).
pub const PLACEHOLDER_MIXED_SYNTAX: Code = Code::new("placeholder.mixed_syntax");
/// `{{1}}` and `{{name}}` in one template.
pub const PLACEHOLDER_MIXED_KINDS: Code = Code::new("placeholder.mixed_kinds");
/// `{{1}} {{3}}`: positions must be 1..n without gaps.
pub const PLACEHOLDER_GAP: Code = Code::new("placeholder.gap");
/// `{{2}} … {{1}}`: first uses out of order (warning).
pub const PLACEHOLDER_OUT_OF_ORDER: Code = Code::new("placeholder.out_of_order");
/// `{{order2}}`: digits in a name, which Meta's page does not list (warning).
pub const PLACEHOLDER_NAME_DIGITS: Code = Code::new("placeholder.name_digits");

// --- definitions --------------------------------------------------------------------------

/// A template name that is not `^[a-z0-9_]{1,512}$`.
pub const NAME_INVALID: Code = Code::new("template.name_invalid");
/// A language code not in Meta's list.
pub const LANGUAGE_UNSUPPORTED: Code = Code::new("template.language_unsupported");
/// A retired category (`TRANSACTIONAL`, `OTP`, `ACCOUNT_UPDATE`, …).
pub const CATEGORY_LEGACY: Code = Code::new("template.category_legacy");
/// Variables that do not match `parameter_format`.
pub const PARAMETER_FORMAT: Code = Code::new("template.parameter_format");
/// `message_send_ttl_seconds` outside the category's range.
pub const TTL_RANGE: Code = Code::new("template.ttl_out_of_range");
/// A TTL on a marketing template, which only the Marketing Messages API honours (warning).
pub const TTL_MARKETING: Code = Code::new("template.ttl_marketing");
/// A second HEADER, BODY, FOOTER or BUTTONS component.
pub const COMPONENT_DUPLICATE: Code = Code::new("template.component_duplicate");
/// No BODY component.
pub const BODY_MISSING: Code = Code::new("template.body_missing");
/// More variables than the component allows (header 1, footer 0, URL 1).
pub const TOO_MANY_VARIABLES: Code = Code::new("template.too_many_variables");
/// Variables without example values.
pub const EXAMPLE_MISSING: Code = Code::new("template.example_missing");
/// Example values that do not match the variables.
pub const EXAMPLE_MISMATCH: Code = Code::new("template.example_mismatch");
/// Example values for a text without variables (warning).
pub const EXAMPLE_UNUSED: Code = Code::new("template.example_unused");
/// A body that starts or ends with a variable.
pub const VARIABLE_AT_EDGE: Code = Code::new("template.variable_at_edge");
/// A body that ends with a variable followed only by punctuation (warning).
pub const VARIABLE_NEAR_END: Code = Code::new("template.variable_near_end");
/// Variables separated only by whitespace (warning).
pub const VARIABLES_ADJACENT: Code = Code::new("template.variables_adjacent");
/// Too many variables for the length of the text (warning).
pub const VARIABLES_TOO_DENSE: Code = Code::new("template.variables_too_dense");
/// Formatting characters in a header text.
pub const HEADER_FORMATTING: Code = Code::new("template.header_formatting");
/// A header kind the category does not allow.
pub const HEADER_NOT_ALLOWED: Code = Code::new("template.header_not_allowed");
/// A header format that only some APIs accept (warning).
pub const HEADER_LIMITED: Code = Code::new("template.header_limited");
/// A URL given where a media upload handle is expected (warning).
pub const HEADER_HANDLE_URL: Code = Code::new("template.header_handle_url");
/// More buttons than allowed, in total or of one type.
pub const BUTTONS_TOO_MANY: Code = Code::new("template.buttons_too_many");
/// More than one of a single-use button kind (warning).
pub const BUTTON_REPEATED: Code = Code::new("template.button_repeated");
/// Quick-reply buttons not kept together.
pub const BUTTONS_NOT_GROUPED: Code = Code::new("template.buttons_not_grouped");
/// A URL variable that is not at the end of the URL.
pub const URL_VARIABLE_POSITION: Code = Code::new("template.url_variable_position");
/// A button URL that is not http(s) (warning).
pub const URL_SCHEME: Code = Code::new("template.url_scheme");
/// A URL example that does not fit its URL (warning).
pub const URL_EXAMPLE: Code = Code::new("template.url_example");
/// A coupon code example with other than letters and digits (warning).
pub const COPY_CODE_CHARSET: Code = Code::new("template.copy_code_charset");
/// Something an AUTHENTICATION template cannot have, or lacks.
pub const AUTH_RULE: Code = Code::new("template.auth");
/// An OTP button outside an AUTHENTICATION template.
pub const OTP_OUTSIDE_AUTH: Code = Code::new("template.otp_outside_auth");
/// One-tap / zero-tap buttons without valid `supported_apps`.
pub const SUPPORTED_APPS: Code = Code::new("template.supported_apps");
/// An Android package name that is not `a.b[.c…]`.
pub const PACKAGE_NAME: Code = Code::new("template.package_name");
/// An app signature hash that is not 11 characters of `[A-Za-z0-9+/=]`.
pub const SIGNATURE_HASH: Code = Code::new("template.signature_hash");
/// Top-level `package_name` / `signature_hash` (only up to Graph API v20.0; warning).
pub const LEGACY_APP_FIELDS: Code = Code::new("template.legacy_app_fields");
/// A zero-tap button without `zero_tap_terms_accepted: true`.
pub const ZERO_TAP_TERMS: Code = Code::new("template.zero_tap_terms");
/// A FLOW button without exactly one of `flow_id`, `flow_name`, `flow_json`.
pub const FLOW_TARGET: Code = Code::new("template.flow_target");
/// A number outside its range (`code_expiration_minutes`).
pub const NUMBER_RANGE: Code = Code::new("template.number_out_of_range");

// --- send payload vs definition -------------------------------------------------------------

/// The definition could not be used (not JSON, not a template, no matching entry).
pub const SEND_DEFINITION: Code = Code::new("send.definition_unusable");
/// The template name differs from the definition's.
pub const SEND_NAME: Code = Code::new("send.name_mismatch");
/// The language code differs from the definition's (no fallback).
pub const SEND_LANGUAGE: Code = Code::new("send.language_mismatch");
/// The definition's status does not allow sending.
pub const SEND_STATUS: Code = Code::new("send.template_not_sendable");
/// Parameter count differs from the definition's variables.
pub const SEND_PARAM_COUNT: Code = Code::new("send.param_count");
/// Parameter type does not fit the definition (header format, button kind).
pub const SEND_PARAM_FORMAT: Code = Code::new("send.param_format");
/// A button component whose index has no button, or a button of another kind.
pub const SEND_BUTTON: Code = Code::new("send.button_mismatch");
/// A button that needs a parameter has none.
pub const SEND_BUTTON_PARAM: Code = Code::new("send.button_param_missing");
/// A `parameter_name` that is not a variable of the definition, or given twice.
pub const SEND_NAMED_PARAM: Code = Code::new("send.named_param");
/// `parameter_name` sent for a positional template (warning).
pub const SEND_POSITIONAL_NAMED: Code = Code::new("send.positional_with_name");
/// The hydrated text exceeds its limit.
pub const SEND_HYDRATED_TOO_LONG: Code = Code::new("send.hydrated_too_long");
/// A text parameter with a newline, a tab or more than four spaces in a row.
pub const SEND_PARAM_WHITESPACE: Code = Code::new("send.param_whitespace");
/// The OTP in the copy-code button differs from the one in the body (warning).
pub const SEND_OTP_MISMATCH: Code = Code::new("send.otp_mismatch");
/// A component the definition does not have.
pub const SEND_COMPONENT: Code = Code::new("send.component_unexpected");

// --- preview ----------------------------------------------------------------------------------

/// A URL suffix that is not percent-encoded (warning).
pub const RENDER_URL_SUFFIX: Code = Code::new("render.url_suffix_not_encoded");
/// `fallback_value` does not show the amount of `amount_1000` (warning).
pub const RENDER_CURRENCY_MISMATCH: Code = Code::new("render.currency_fallback_mismatch");
/// Locale formatting failed; `fallback_value` shown instead (warning).
pub const RENDER_LOCALIZE_FAILED: Code = Code::new("render.localize_failed");
/// A template message rendered without its definition (warning).
pub const RENDER_TEMPLATE_REQUIRED: Code = Code::new("render.template_required");
/// A message kind with nothing to preview (warning).
pub const RENDER_UNSUPPORTED: Code = Code::new("render.unsupported");
/// Authentication preset text shown in English for another language (warning).
pub const RENDER_AUTH_PRESET: Code = Code::new("render.auth_preset_language");
