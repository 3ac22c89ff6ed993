//! A lenient reading of a template definition for the send check and the preview: types are
//! matched case-insensitively, unknown fields ignored, read-back forms (OTP buttons returned
//! as URL) understood. Validation of the definition itself is `definition.rs`.

use crate::json::{Kind, Value};

use super::placeholder::{Key, Scan};

/// `AUTHENTICATION`, `MARKETING`, `UTILITY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Category {
    Authentication,
    Marketing,
    Utility,
}

impl Category {
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_uppercase().as_str() {
            "AUTHENTICATION" => Some(Self::Authentication),
            "MARKETING" => Some(Self::Marketing),
            "UTILITY" => Some(Self::Utility),
            _ => None,
        }
    }
}

/// Header formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HeaderFormat {
    Text,
    Image,
    Video,
    Gif,
    Document,
    Location,
    Product,
}

impl HeaderFormat {
    pub(crate) const ALL: &'static [&'static str] = &[
        "TEXT", "IMAGE", "VIDEO", "GIF", "DOCUMENT", "LOCATION", "PRODUCT",
    ];

    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_uppercase().as_str() {
            "TEXT" => Self::Text,
            "IMAGE" => Self::Image,
            "VIDEO" => Self::Video,
            "GIF" => Self::Gif,
            "DOCUMENT" => Self::Document,
            "LOCATION" => Self::Location,
            "PRODUCT" => Self::Product,
            _ => return None,
        })
    }

    /// The send-side parameter type for this header.
    pub(crate) fn param_type(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Image => "image",
            Self::Video => "video",
            Self::Gif => "gif",
            Self::Document => "document",
            Self::Location => "location",
            Self::Product => "product",
        }
    }

    pub(crate) fn upper(self) -> &'static str {
        match self {
            Self::Text => "TEXT",
            Self::Image => "IMAGE",
            Self::Video => "VIDEO",
            Self::Gif => "GIF",
            Self::Document => "DOCUMENT",
            Self::Location => "LOCATION",
            Self::Product => "PRODUCT",
        }
    }
}

/// Button types of definitions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ButtonKind {
    QuickReply,
    Url,
    PhoneNumber,
    CopyCode,
    Otp,
    Flow,
    Catalog,
    Mpm,
    Spm,
    VoiceCall,
    App,
    CallPermissionRequest,
    RequestContactInfo,
}

impl ButtonKind {
    pub(crate) const ALL: &'static [&'static str] = &[
        "QUICK_REPLY",
        "URL",
        "PHONE_NUMBER",
        "COPY_CODE",
        "OTP",
        "FLOW",
        "CATALOG",
        "MPM",
        "SPM",
        "VOICE_CALL",
        "APP",
        "CALL_PERMISSION_REQUEST",
        "REQUEST_CONTACT_INFO",
    ];

    pub(crate) fn parse(s: &str) -> Option<Self> {
        Some(match s.to_ascii_uppercase().as_str() {
            "QUICK_REPLY" => Self::QuickReply,
            "URL" => Self::Url,
            "PHONE_NUMBER" => Self::PhoneNumber,
            "COPY_CODE" => Self::CopyCode,
            "OTP" => Self::Otp,
            "FLOW" => Self::Flow,
            "CATALOG" => Self::Catalog,
            "MPM" => Self::Mpm,
            "SPM" => Self::Spm,
            "VOICE_CALL" => Self::VoiceCall,
            "APP" => Self::App,
            "CALL_PERMISSION_REQUEST" => Self::CallPermissionRequest,
            "REQUEST_CONTACT_INFO" => Self::RequestContactInfo,
            _ => return None,
        })
    }

    pub(crate) fn upper(self) -> &'static str {
        match self {
            Self::QuickReply => "QUICK_REPLY",
            Self::Url => "URL",
            Self::PhoneNumber => "PHONE_NUMBER",
            Self::CopyCode => "COPY_CODE",
            Self::Otp => "OTP",
            Self::Flow => "FLOW",
            Self::Catalog => "CATALOG",
            Self::Mpm => "MPM",
            Self::Spm => "SPM",
            Self::VoiceCall => "VOICE_CALL",
            Self::App => "APP",
            Self::CallPermissionRequest => "CALL_PERMISSION_REQUEST",
            Self::RequestContactInfo => "REQUEST_CONTACT_INFO",
        }
    }

    /// The preview's `kind`.
    pub(crate) fn preview_kind(self) -> &'static str {
        match self {
            Self::QuickReply => "quick_reply",
            Self::Url => "url",
            Self::PhoneNumber => "phone_number",
            Self::CopyCode => "copy_code",
            Self::Otp => "otp",
            Self::Flow => "flow",
            Self::Catalog => "catalog",
            Self::Mpm => "mpm",
            Self::Spm => "spm",
            Self::VoiceCall => "voice_call",
            Self::App => "app",
            Self::CallPermissionRequest => "call_permission_request",
            Self::RequestContactInfo => "request_contact_info",
        }
    }

    /// The send-side `sub_type` a button component for this button carries (OTP buttons are
    /// sent as `url`, D-COPY), or `None` when the button takes no component.
    pub(crate) fn sub_type(self) -> Option<&'static str> {
        match self {
            Self::QuickReply => Some("quick_reply"),
            Self::Url | Self::Otp => Some("url"),
            Self::CopyCode => Some("copy_code"),
            Self::Flow => Some("flow"),
            Self::Catalog => Some("catalog"),
            Self::Mpm => Some("mpm"),
            Self::Spm => Some("spm"),
            Self::VoiceCall => Some("voice_call"),
            Self::PhoneNumber
            | Self::App
            | Self::CallPermissionRequest
            | Self::RequestContactInfo => None,
        }
    }
}

/// The header of a definition.
#[derive(Clone, Debug)]
pub(crate) struct HeaderDef<'v> {
    pub format: HeaderFormat,
    pub text: Option<&'v str>,
}

/// A button of a definition.
#[derive(Clone, Debug)]
pub(crate) struct ButtonDef<'v> {
    pub kind: ButtonKind,
    pub text: Option<&'v str>,
    pub url: Option<&'v str>,
    pub phone_number: Option<&'v str>,
}

impl ButtonDef<'_> {
    /// Number of variables of the button (URL buttons: 0 or 1; OTP buttons always take the
    /// code; others none).
    pub(crate) fn variables(&self) -> usize {
        match self.kind {
            ButtonKind::Url => self.url.map_or(0, |u| Scan::of(u).count()),
            ButtonKind::Otp => 1,
            _ => 0,
        }
    }

    /// True when the platform refuses a send without a parameter for this button.
    pub(crate) fn requires_param(&self) -> bool {
        matches!(
            self.kind,
            ButtonKind::Otp | ButtonKind::CopyCode | ButtonKind::Mpm
        ) || (self.kind == ButtonKind::Url && self.variables() > 0)
    }
}

/// One set of components: the template itself, or one carousel card.
#[derive(Clone, Debug, Default)]
pub(crate) struct Components<'v> {
    pub header: Option<HeaderDef<'v>>,
    pub body: Option<&'v str>,
    pub has_body: bool,
    pub footer: Option<&'v str>,
    pub buttons: Vec<ButtonDef<'v>>,
    pub cards: Vec<Components<'v>>,
    pub limited_time_offer: bool,
    pub add_security_recommendation: bool,
    pub code_expiration_minutes: Option<i64>,
}

/// A definition read leniently.
#[derive(Clone, Debug, Default)]
pub(crate) struct Def<'v> {
    pub name: Option<&'v str>,
    pub language: Option<&'v str>,
    pub category: Option<Category>,
    pub status: Option<&'v str>,
    /// `parameter_format: named`, or named variables used.
    pub named: bool,
    pub components: Components<'v>,
}

impl<'v> Def<'v> {
    pub(crate) fn is_auth(&self) -> bool {
        self.category == Some(Category::Authentication)
    }

    pub(crate) fn read(v: &'v Value<'_>) -> Self {
        let s = |k: &str| v.get(k).and_then(Value::as_str);
        let components = v
            .get("components")
            .and_then(Value::as_array)
            .map(read_components)
            .unwrap_or_default();
        let named_format = s("parameter_format").is_some_and(|f| f.eq_ignore_ascii_case("named"));
        let mut def = Def {
            name: s("name"),
            language: s("language"),
            category: s("category").and_then(Category::parse),
            status: s("status"),
            named: named_format,
            components,
        };
        if !def.named {
            def.named = def.uses_named();
        }
        def
    }

    fn uses_named(&self) -> bool {
        let c = &self.components;
        let texts = c
            .header
            .as_ref()
            .and_then(|h| h.text)
            .into_iter()
            .chain(c.body)
            .chain(c.buttons.iter().filter_map(|b| b.url));
        texts
            .flat_map(|t| Scan::of(t).placeholders)
            .any(|p| matches!(p.key, Key::Named(_)))
    }
}

fn type_of(c: &Value<'_>) -> String {
    c.get("type")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_uppercase()
}

pub(crate) fn read_components<'v>(items: &'v [Value<'_>]) -> Components<'v> {
    let mut out = Components::default();
    for c in items {
        let s = |k: &str| c.get(k).and_then(Value::as_str);
        match type_of(c).as_str() {
            "HEADER" if out.header.is_none() => {
                out.header = s("format")
                    .and_then(HeaderFormat::parse)
                    .map(|format| HeaderDef {
                        format,
                        text: s("text"),
                    });
            }
            "BODY" if !out.has_body => {
                out.has_body = true;
                out.body = s("text");
                out.add_security_recommendation = c
                    .get("add_security_recommendation")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
            }
            "FOOTER" => {
                if out.footer.is_none() {
                    out.footer = s("text");
                }
                if let Some(m) = c.get("code_expiration_minutes").and_then(Value::as_i64) {
                    out.code_expiration_minutes = Some(m);
                }
            }
            "BUTTONS" => {
                if out.buttons.is_empty()
                    && let Some(bs) = c.get("buttons").and_then(Value::as_array)
                {
                    out.buttons = bs.iter().filter_map(read_button).collect();
                }
            }
            "CAROUSEL" => {
                if let Some(cards) = c.get("cards").and_then(Value::as_array) {
                    out.cards = cards
                        .iter()
                        .map(|card| {
                            card.get("components")
                                .and_then(Value::as_array)
                                .map(read_components)
                                .unwrap_or_default()
                        })
                        .collect();
                }
            }
            "LIMITED_TIME_OFFER" => out.limited_time_offer = true,
            _ => {}
        }
    }
    out
}

fn read_button<'v>(b: &'v Value<'_>) -> Option<ButtonDef<'v>> {
    let s = |k: &str| b.get(k).and_then(Value::as_str);
    let kind = ButtonKind::parse(s("type")?)?;
    Some(ButtonDef {
        kind,
        text: s("text"),
        url: s("url"),
        phone_number: s("phone_number"),
    })
}

/// Finds the definition in `root`: a definition, a `{"data": [...]}` list as the API returns
/// it, or an array of definitions. With several, the one matching `name` and `language`
/// (or, failing that, `name`) is chosen. Returns the value and whether it matched `language`.
pub(crate) fn pick<'v, 'a>(
    root: &'v Value<'a>,
    name: Option<&str>,
    language: Option<&str>,
) -> Option<&'v Value<'a>> {
    let list = match &root.kind {
        Kind::Array(items) => Some(items.as_slice()),
        Kind::Object(_) if root.get("components").is_none() => {
            root.get("data").and_then(Value::as_array)
        }
        _ => None,
    };
    let Some(list) = list else {
        return root.as_object().map(|_| root);
    };
    let field = |v: &Value<'_>, k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let by_name: Vec<&Value<'a>> = list
        .iter()
        .filter(|d| name.is_none() || field(d, "name").as_deref() == name)
        .collect();
    by_name
        .iter()
        .find(|d| language.is_none() || field(d, "language").as_deref() == language)
        .or_else(|| by_name.first())
        .copied()
        .or_else(|| list.first())
}
