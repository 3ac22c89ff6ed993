//! The typed form of a webhook notification: envelope, status objects, incoming-message
//! envelope. Built by [`super::parse`] only from a document the validator accepted, so the
//! types can be strict (required fields are not `Option`) without surprising anyone.
//!
//! Serializing gives back the payload in Meta's shape: unknown fields are dropped,
//! timestamps are written as strings (as Meta sends them), and the category Meta's pages spell
//! two ways (`authentication-international` / `authentication_international`) is written
//! with an underscore, like every other category.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::limits;

/// A whole webhook call: `{"object": "whatsapp_business_account", "entry": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// Always `whatsapp_business_account`.
    pub object: String,
    /// One entry per WhatsApp Business Account.
    pub entry: Vec<Entry>,
}

impl Notification {
    /// Every change of every entry.
    pub fn changes(&self) -> impl Iterator<Item = &Change> {
        self.entry.iter().flat_map(|e| e.changes.iter())
    }

    /// Every status object (of `messages` changes), in document order.
    pub fn statuses(&self) -> impl Iterator<Item = &Status> {
        self.changes().flat_map(|c| match &c.value {
            ChangeValue::Messages(v) => v.statuses.iter(),
            ChangeValue::Other(_) => [].iter(),
        })
    }

    /// Every incoming message (of `messages` changes), in document order.
    pub fn messages(&self) -> impl Iterator<Item = &IncomingMessage> {
        self.changes().flat_map(|c| match &c.value {
            ChangeValue::Messages(v) => v.messages.iter(),
            ChangeValue::Other(_) => [].iter(),
        })
    }
}

/// One entry: the WhatsApp Business Account the changes belong to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// WhatsApp Business Account id.
    pub id: String,
    /// When the entry was generated (template and account updates carry it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Timestamp>,
    /// The changes.
    pub changes: Vec<Change>,
}

/// One change: `field` names the subscription, `value` its payload.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The webhook field, e.g. `messages`, `message_template_status_update`.
    pub field: String,
    /// The payload; typed for `messages`, kept as JSON for every other field.
    pub value: ChangeValue,
}

impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The type of `value` depends on `field`, which may come after it in the object.
        #[derive(Deserialize)]
        struct Raw {
            field: String,
            value: serde_json::Value,
        }
        let raw = Raw::deserialize(d)?;
        let value = if raw.field == "messages" {
            ChangeValue::Messages(Box::new(
                serde_json::from_value(raw.value).map_err(de::Error::custom)?,
            ))
        } else {
            ChangeValue::Other(raw.value)
        };
        Ok(Self {
            field: raw.field,
            value,
        })
    }
}

/// The payload of a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ChangeValue {
    /// `field: "messages"`: statuses and/or incoming messages.
    Messages(Box<MessagesValue>),
    /// Any other field (template status, account updates, groups, echoes, ...), as sent.
    Other(serde_json::Value),
}

/// The value of a `messages` change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagesValue {
    /// Always `whatsapp`.
    pub messaging_product: String,
    /// The business phone number the notification is for.
    pub metadata: Metadata,
    /// Profiles of the users concerned.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Status updates of messages the business sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<Status>,
    /// Messages users sent to the business.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<IncomingMessage>,
    /// Errors not tied to one message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorObject>,
}

/// `metadata`: the business phone number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The number as displayed.
    pub display_phone_number: String,
    /// The phone number id (the one messages are sent from).
    pub phone_number_id: String,
}

/// One entry of `contacts`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The user's profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    /// WhatsApp id (phone); absent when the user's phone cannot be shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
    /// Business-scoped user id (BSUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// Parent business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_user_id: Option<String>,
}

/// `contacts[].profile`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Profile name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// WhatsApp username.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

/// One status object: what happened to a message the business sent (or, with
/// `type: "payment"`, to a payment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// The message id (wamid) the status is about.
    pub id: String,
    /// What happened.
    pub status: StatusKind,
    /// When it happened (Unix seconds).
    pub timestamp: Timestamp,
    /// The recipient's WhatsApp id (phone) or group id; absent when the message was sent to a
    /// business-scoped user id and the phone cannot be shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_id: Option<String>,
    /// `group` for group messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<String>,
    /// Group id (older pages use it in place of `recipient_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The recipient's business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_user_id: Option<String>,
    /// Parent BSUID, as spelled in the syntax and first example of Meta's BSUID page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_recipient_user_id: Option<String>,
    /// Parent BSUID, as spelled in the field list and second example of the same page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_user_id: Option<String>,
    /// Group participant's phone (group messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_participant_id: Option<String>,
    /// Group participant's BSUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_participant_user_id: Option<String>,
    /// Group participant's parent BSUID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_participant_parent_user_id: Option<String>,
    /// Hash of the recipient's identity key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient_identity_key_hash: Option<String>,
    /// The tracker the business attached when sending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// Conversation the message opened or belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation: Option<Conversation>,
    /// Billing information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<Pricing>,
    /// Why the message failed (or the warning).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorObject>,
    /// `payment` for payment status updates; `message` in On-Premises payloads.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// On-Premises only: `{recipient_id, media_id}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<serde_json::Value>,
    /// Payment status updates: the customer's WhatsApp id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Payment status updates: the order's reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Payment>,
}

impl Status {
    /// The parent business-scoped user id under either of its spellings (the longer one
    /// first, as in the syntax of Meta's BSUID page).
    #[must_use]
    pub fn parent_user_id(&self) -> Option<&str> {
        self.parent_recipient_user_id
            .as_deref()
            .or(self.parent_user_id.as_deref())
    }

    /// The group participant the status is about, by phone or else by BSUID.
    #[must_use]
    pub fn participant(&self) -> Option<&str> {
        self.recipient_participant_id
            .as_deref()
            .or(self.recipient_participant_user_id.as_deref())
    }

    /// True for a payment status update (`type: "payment"`), which is not about a message's
    /// delivery.
    #[must_use]
    pub fn is_payment(&self) -> bool {
        self.kind.as_deref() == Some("payment")
            || matches!(self.status, StatusKind::Captured | StatusKind::Pending)
    }
}

/// The `status` of a status object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusKind {
    /// Sent: on its way (one tick).
    Sent,
    /// Delivered to the device (two ticks).
    Delivered,
    /// Read (two blue ticks); only when the user has read receipts on.
    Read,
    /// A voice message was played for the first time.
    Played,
    /// A message contains an unavailable catalog item (older docs).
    Warning,
    /// Could not be sent or delivered; `errors` says why.
    Failed,
    /// Deleted (older docs: a message the user deleted).
    Deleted,
    /// Payment captured (`type: "payment"`).
    Captured,
    /// Payment pending (`type: "payment"`).
    Pending,
}

impl StatusKind {
    /// The wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sent => "sent",
            Self::Delivered => "delivered",
            Self::Read => "read",
            Self::Played => "played",
            Self::Warning => "warning",
            Self::Failed => "failed",
            Self::Deleted => "deleted",
            Self::Captured => "captured",
            Self::Pending => "pending",
        }
    }
}

impl fmt::Display for StatusKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `conversation` of a status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    /// Conversation id.
    pub id: String,
    /// When the conversation window closes (on `sent` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration_timestamp: Option<Timestamp>,
    /// Where the conversation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Legacy: the category directly under `conversation`, without `origin` (an old
    /// Postman sample).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<Category>,
}

impl Conversation {
    /// The origin category, from `origin.type` or the legacy `type`.
    #[must_use]
    pub fn category(&self) -> Option<&Category> {
        self.origin.as_ref().map(|o| &o.kind).or(self.kind.as_ref())
    }
}

/// `conversation.origin`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// The conversation category.
    #[serde(rename = "type")]
    pub kind: Category,
}

/// `pricing` of a status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pricing {
    /// Whether the message is charged (to be deprecated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billable: Option<bool>,
    /// `PMP` (per-message), `CBP` (conversation-based, before 2025-07-01), `NBP` (legacy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing_model: Option<PricingModel>,
    /// `regular`, `free_customer_service`, `free_entry_point`.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<PricingType>,
    /// The pricing category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
}

/// An entry of `errors` (status, incoming message or value level).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorObject {
    /// Graph API error code.
    pub code: i64,
    /// Error title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Error message (same as the title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_data: Option<ErrorData>,
    /// Link to the error code reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
    /// Legacy: `details` directly in the error (older Postman samples).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// `errors[].error_data`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorData {
    /// What went wrong, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// `payment` of a payment status update.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// The `reference_id` of the order_details message.
    pub reference_id: String,
}

/// One incoming message (`value.messages[]`). The envelope fields are typed; the content
/// (`text`, `image`, `interactive`, ...) is kept as JSON in `content`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingMessage {
    /// Message id (wamid).
    pub id: String,
    /// When the user sent it.
    pub timestamp: Timestamp,
    /// Message type (`text`, `image`, ..., `unsupported`).
    #[serde(rename = "type")]
    pub kind: String,
    /// Sender's WhatsApp id (phone); absent when only the BSUID is shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Sender's business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_user_id: Option<String>,
    /// Sender's parent business-scoped user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_parent_user_id: Option<String>,
    /// Errors (`unsupported` messages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorObject>,
    /// Every other field (`text`, `context`, `referral`, ...), as sent.
    #[serde(flatten)]
    pub content: serde_json::Map<String, serde_json::Value>,
}

/// A Unix time in seconds. Meta sends timestamps as strings of digits; some older samples
/// have numbers. Both are read; it is written as a string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp(pub i64);

/// Why a text is not a Unix time in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimestampError {
    /// Empty, or not only ASCII digits (placeholders such as `TIMESTAMP`, signs, fractions).
    NotDigits,
    /// After 9999-12-31: most likely milliseconds.
    TooLarge,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::NotDigits => "not a Unix time in whole seconds",
            Self::TooLarge => "after the year 9999: is it in milliseconds? Meta sends seconds",
        })
    }
}

/// Reads a Unix time in seconds from the digits of a string or of a JSON number's text.
///
/// # Errors
/// When `text` is not only ASCII digits, or is later than [`limits::WEBHOOK_TIMESTAMP_MAX`].
pub fn parse_timestamp(text: &str) -> Result<i64, TimestampError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TimestampError::NotDigits);
    }
    let digits = text.trim_start_matches('0');
    // More digits than the maximum has cannot be in range; avoids overflow on long input.
    if digits.len() > 12 {
        return Err(TimestampError::TooLarge);
    }
    let n: i64 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| TimestampError::NotDigits)?
    };
    if n > limits::WEBHOOK_TIMESTAMP_MAX {
        return Err(TimestampError::TooLarge);
    }
    Ok(n)
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Unix time in seconds, as a string of digits or an integer")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Timestamp, E> {
                parse_timestamp(s).map(Timestamp).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Timestamp, E> {
                match i64::try_from(n) {
                    Ok(n) if n <= limits::WEBHOOK_TIMESTAMP_MAX => Ok(Timestamp(n)),
                    _ => Err(E::custom(TimestampError::TooLarge)),
                }
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Timestamp, E> {
                match u64::try_from(n) {
                    Ok(n) => self.visit_u64(n),
                    Err(_) => Err(E::custom(TimestampError::NotDigits)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Declares a string enumeration whose documented list Meta keeps extending: known values
/// (each with the other spellings Meta's pages use) and `Other` for anything else, so a new
/// value never makes a notification unreadable.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $canon:literal $(| $alias:literal)* , )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value outside the documented list, kept as sent.
            Other(String),
        }

        impl $name {
            /// Every spelling that maps to a known value.
            pub const KNOWN: &'static [&'static str] = &[ $( $canon, $($alias,)* )+ ];

            /// Reads a wire value.
            #[must_use]
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $canon $(| $alias)* => Self::$variant, )+
                    other => Self::Other(other.to_string()),
                }
            }

            /// The wire value (the canonical spelling for known values).
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $canon, )+
                    Self::Other(s) => s,
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<str>::deserialize(d)?;
                Ok(Self::from_wire(&s))
            }
        }
    };
}

open_enum! {
    /// A conversation origin type or pricing category (D-STAT; legacy values from the
    /// conversation-based-pricing era). `authentication-international` (hyphen, as D-STAT
    /// spells it under `pricing`) and `authentication_international` (underscore, as the
    /// same page spells it under `origin`) are the same category (platform-rules §11 #19).
    Category {
        /// Authentication.
        Authentication = "authentication",
        /// Authentication to an international number.
        AuthenticationInternational = "authentication_international" | "authentication-international",
        /// Marketing.
        Marketing = "marketing",
        /// Marketing messages lite.
        MarketingLite = "marketing_lite",
        /// Free entry point (click-to-WhatsApp ad, Page CTA).
        ReferralConversion = "referral_conversion",
        /// Service (customer-initiated window).
        Service = "service",
        /// Utility.
        Utility = "utility",
        /// Legacy (conversation-based pricing): started by the business.
        BusinessInitiated = "business_initiated",
        /// Legacy (conversation-based pricing): started by the user.
        UserInitiated = "user_initiated",
    }
}

impl Category {
    /// The categories only older pages list (conversation-based pricing).
    pub const LEGACY: &'static [&'static str] = &["business_initiated", "user_initiated"];
}

open_enum! {
    /// `pricing.pricing_model`.
    PricingModel {
        /// Per-message pricing (current).
        Pmp = "PMP",
        /// Conversation-based pricing (webhooks before 2025-07-01).
        Cbp = "CBP",
        /// Notification-based pricing (legacy, before 2022).
        Nbp = "NBP",
    }
}

open_enum! {
    /// `pricing.type`.
    PricingType {
        /// Charged.
        Regular = "regular",
        /// Free: inside the customer service window.
        FreeCustomerService = "free_customer_service",
        /// Free: inside a free-entry-point window.
        FreeEntryPoint = "free_entry_point",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_from_strings_and_numbers() {
        assert_eq!(parse_timestamp("1698266945"), Ok(1_698_266_945));
        assert_eq!(parse_timestamp("0"), Ok(0));
        assert_eq!(parse_timestamp("TIMESTAMP"), Err(TimestampError::NotDigits));
        assert_eq!(parse_timestamp(""), Err(TimestampError::NotDigits));
        assert_eq!(parse_timestamp("-1"), Err(TimestampError::NotDigits));
        assert_eq!(parse_timestamp("1.5"), Err(TimestampError::NotDigits));
        assert_eq!(
            parse_timestamp("1698266945000"),
            Err(TimestampError::TooLarge)
        );
        assert_eq!(
            parse_timestamp(&"9".repeat(400)),
            Err(TimestampError::TooLarge)
        );
        let t: Timestamp = serde_json::from_str("1698266945").unwrap();
        assert_eq!(t, Timestamp(1_698_266_945));
        assert!(serde_json::from_str::<Timestamp>("-3").is_err());
        assert!(serde_json::from_str::<Timestamp>("1.5").is_err());
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"1698266945\"");
    }

    #[test]
    fn categories_accept_both_spellings() {
        let a: Category = serde_json::from_str("\"authentication-international\"").unwrap();
        let b: Category = serde_json::from_str("\"authentication_international\"").unwrap();
        assert_eq!(a, b);
        assert_eq!(
            Category::from_wire("brand_new"),
            Category::Other("brand_new".into())
        );
        assert_eq!(
            serde_json::to_string(&Category::Other("x".into())).unwrap(),
            "\"x\""
        );
    }
}
