//! A typed model of every outbound message shape, for building messages in Rust.
//!
//! Everything here serializes (serde) to the JSON the Cloud API expects, and deserializes
//! from it (a missing `type` defaults to `text`, a button `index` may be `0` or `"0"`). The
//! model encodes the structure; limits that are a matter of values (lengths, counts) are
//! checked by [`crate::check`] — validate what you build:
//!
//! ```
//! use wamsg::message::model::{Message, Parameter, Template};
//!
//! let msg = Message::template(
//!     "+16505551234",
//!     Template::new("order_update", "en_US")
//!         .body(vec![Parameter::text("Jane"), Parameter::currency("$12.50", "USD", 12_500)]),
//! );
//! let json = serde_json::to_string(&msg).unwrap();
//! assert!(wamsg::validate_message(&json).diagnostics.is_empty());
//! ```

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

fn whatsapp() -> Option<String> {
    Some("whatsapp".to_string())
}

/// A send payload for `POST /{phone-number-id}/messages`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    /// Always `"whatsapp"` on the Cloud API; `None` for the On-Premises API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messaging_product: Option<String>,
    /// `individual` (the default) or `group`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient_type: Option<RecipientType>,
    /// The recipient's phone number or WhatsApp id (a group id for groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// A business-scoped user id, instead of (or besides) `to`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The message this one replies to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// Up to 512 characters echoed in status webhooks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biz_opaque_callback_data: Option<String>,
    /// `type` and the object it names.
    #[serde(flatten)]
    pub content: Content,
}

impl<'de> Deserialize<'de> for Message {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Repr {
            messaging_product: Option<String>,
            recipient_type: Option<RecipientType>,
            to: Option<String>,
            recipient: Option<String>,
            context: Option<Context>,
            biz_opaque_callback_data: Option<String>,
            #[serde(flatten)]
            content: Content,
        }
        let mut map = serde_json::Map::deserialize(d)?;
        // "If omitted, defaults to text" (REF-OLD).
        map.entry("type")
            .or_insert_with(|| serde_json::Value::String("text".into()));
        let r: Repr =
            serde_json::from_value(serde_json::Value::Object(map)).map_err(D::Error::custom)?;
        Ok(Self {
            messaging_product: r.messaging_product,
            recipient_type: r.recipient_type,
            to: r.to,
            recipient: r.recipient,
            context: r.context,
            biz_opaque_callback_data: r.biz_opaque_callback_data,
            content: r.content,
        })
    }
}

impl Message {
    /// A Cloud API message to `to` with `content`.
    #[must_use]
    pub fn new(to: impl Into<String>, content: Content) -> Self {
        Self {
            messaging_product: whatsapp(),
            recipient_type: Some(RecipientType::Individual),
            to: Some(to.into()),
            recipient: None,
            context: None,
            biz_opaque_callback_data: None,
            content,
        }
    }

    /// A text message.
    #[must_use]
    pub fn text(to: impl Into<String>, body: impl Into<String>) -> Self {
        Self::new(
            to,
            Content::Text {
                text: Text::new(body),
            },
        )
    }

    /// A template message.
    #[must_use]
    pub fn template(to: impl Into<String>, template: Template) -> Self {
        Self::new(to, Content::Template { template })
    }

    /// An interactive message.
    #[must_use]
    pub fn interactive(to: impl Into<String>, interactive: Interactive) -> Self {
        Self::new(
            to,
            Content::Interactive {
                interactive: Box::new(interactive),
            },
        )
    }

    /// Makes this a reply to `message_id`.
    #[must_use]
    pub fn reply_to(mut self, message_id: impl Into<String>) -> Self {
        self.context = Some(Context {
            message_id: message_id.into(),
        });
        self
    }

    /// Sets `biz_opaque_callback_data`.
    #[must_use]
    pub fn callback_data(mut self, data: impl Into<String>) -> Self {
        self.biz_opaque_callback_data = Some(data.into());
        self
    }

    /// The same message for the On-Premises API (no `messaging_product`).
    #[must_use]
    pub fn on_prem(mut self) -> Self {
        self.messaging_product = None;
        self
    }
}

/// `recipient_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecipientType {
    /// A person.
    Individual,
    /// A group (`to` is the group id).
    Group,
}

/// `context`: the message replied to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    /// Its wamid.
    pub message_id: String,
}

/// The message type and its object: `{"type": "text", "text": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(missing_docs)] // the variants and their single field are named after the type
pub enum Content {
    Text { text: Text },
    Image { image: Media },
    Audio { audio: Media },
    Video { video: Media },
    Document { document: Media },
    Sticker { sticker: Media },
    Location { location: Location },
    Contacts { contacts: Vec<Contact> },
    Interactive { interactive: Box<Interactive> },
    Template { template: Template },
    Reaction { reaction: Reaction },
}

/// `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Up to 4096 characters.
    pub body: String,
    /// Preview the first URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_url: Option<bool>,
}

impl Text {
    /// A text body.
    #[must_use]
    pub fn new(body: impl Into<String>) -> Self {
        Self {
            body: body.into(),
            preview_url: None,
        }
    }
}

/// A media object: `id` (uploaded) or `link` (http/https).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    /// Uploaded media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// http(s) URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// Image, video and document messages only; up to 1024 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Documents only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Audio messages only: a voice message (Ogg/OPUS).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<bool>,
}

impl Media {
    /// Uploaded media.
    #[must_use]
    pub fn id(id: impl Into<String>) -> Self {
        Self {
            id: Some(id.into()),
            ..Self::default()
        }
    }

    /// Media by URL.
    #[must_use]
    pub fn link(url: impl Into<String>) -> Self {
        Self {
            link: Some(url.into()),
            ..Self::default()
        }
    }

    /// Sets the caption.
    #[must_use]
    pub fn caption(mut self, caption: impl Into<String>) -> Self {
        self.caption = Some(caption.into());
        self
    }

    /// Sets the document file name.
    #[must_use]
    pub fn filename(mut self, name: impl Into<String>) -> Self {
        self.filename = Some(name.into());
        self
    }
}

/// `location` (also a template header parameter).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// −90..90.
    #[serde(deserialize_with = "number_or_string")]
    pub latitude: f64,
    /// −180..180.
    #[serde(deserialize_with = "number_or_string")]
    pub longitude: f64,
    /// Place name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Address (shown under the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

fn number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum N {
        F(f64),
        S(String),
    }
    match N::deserialize(d)? {
        N::F(f) => Ok(f),
        N::S(s) => {
            crate::float::parse(s.trim()).ok_or_else(|| D::Error::custom("invalid float literal"))
        }
    }
}

/// One contact of a contacts message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The name.
    pub name: ContactName,
    /// `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthday: Option<String>,
    /// Postal addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Email addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<Email>,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<Url>,
    /// Organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<Org>,
}

/// A contact's name: `formatted_name` plus at least one part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ContactName {
    pub formatted_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
}

/// A postal address (`type`: HOME, WORK).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Address {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// An email address (`type`: HOME, WORK).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Email {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A phone number (`type`: CELL, MAIN, IPHONE, HOME, WORK).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Phone {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wa_id: Option<String>,
}

/// A URL (`type`: HOME, WORK).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Url {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A contact's organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Org {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `reaction`: one emoji, or `""` to remove.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    /// The wamid reacted to.
    pub message_id: String,
    /// One emoji or `""`.
    pub emoji: String,
}

/// `interactive`, by its `type`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Interactive {
    /// Reply buttons (1–3).
    Button {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<Header>,
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: ButtonAction,
    },
    /// A list (1–10 sections, ≤ 10 rows).
    List {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<Header>,
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: ListAction,
    },
    /// One product.
    Product {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        body: Option<Body>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: ProductAction,
    },
    /// Several products (header required).
    ProductList {
        header: Header,
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: ProductListAction,
    },
    /// The catalog.
    CatalogMessage {
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: CatalogAction,
    },
    /// A WhatsApp Flow.
    Flow {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<Header>,
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: FlowAction,
    },
    /// A call-to-action URL button.
    CtaUrl {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<Header>,
        body: Body,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        footer: Option<Footer>,
        action: CtaUrlAction,
    },
}

impl Interactive {
    /// Reply buttons from `(id, title)` pairs.
    #[must_use]
    pub fn buttons(body: impl Into<String>, buttons: &[(&str, &str)]) -> Self {
        Self::Button {
            header: None,
            body: Body::new(body),
            footer: None,
            action: ButtonAction {
                buttons: buttons
                    .iter()
                    .map(|(id, title)| ReplyButton::new(*id, *title))
                    .collect(),
            },
        }
    }

    /// A call-to-action URL button.
    #[must_use]
    pub fn cta_url(
        body: impl Into<String>,
        display_text: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self::CtaUrl {
            header: None,
            body: Body::new(body),
            footer: None,
            action: CtaUrlAction {
                name: "cta_url".into(),
                parameters: CtaUrlParameters {
                    display_text: display_text.into(),
                    url: url.into(),
                },
            },
        }
    }
}

/// An interactive header, by its `type`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Header {
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        sub_text: Option<String>,
    },
    Image {
        image: Media,
    },
    Video {
        video: Media,
    },
    Document {
        document: Media,
    },
}

impl Header {
    /// A text header (≤ 60).
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            sub_text: None,
        }
    }
}

/// `body` (≤ 1024; list ≤ 4096).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The text.
    pub text: String,
}

impl Body {
    /// A body.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into() }
    }
}

/// `footer` (≤ 60).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footer {
    /// The text.
    pub text: String,
}

/// Reply buttons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ButtonAction {
    /// 1–3 buttons.
    pub buttons: Vec<ReplyButton>,
}

/// `{"type": "reply", "reply": {id, title}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyButton {
    /// Always `"reply"`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Id and title.
    pub reply: Reply,
}

impl ReplyButton {
    /// A reply button.
    #[must_use]
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            kind: "reply".into(),
            reply: Reply {
                id: id.into(),
                title: title.into(),
            },
        }
    }
}

/// A reply button's id (≤ 256) and title (≤ 20, unique).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Reply {
    pub id: String,
    pub title: String,
}

/// A list's button label and sections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListAction {
    /// Button label (≤ 20).
    pub button: String,
    /// 1–10 sections.
    pub sections: Vec<ListSection>,
}

/// A list section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSection {
    /// ≤ 24; required with several sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Rows (≤ 10 across all sections).
    pub rows: Vec<ListRow>,
}

/// A list row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListRow {
    /// ≤ 200.
    pub id: String,
    /// ≤ 24.
    pub title: String,
    /// ≤ 72.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A single product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ProductAction {
    pub catalog_id: String,
    pub product_retailer_id: String,
}

/// Several products.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductListAction {
    /// The catalog.
    pub catalog_id: String,
    /// 1–10 sections, ≤ 30 products in all.
    pub sections: Vec<ProductSection>,
}

/// A section of products.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductSection {
    /// ≤ 24; required with several sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// ≥ 1 products.
    pub product_items: Vec<ProductItem>,
}

/// `{"product_retailer_id": "..."}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct ProductItem {
    pub product_retailer_id: String,
}

/// `{"name": "catalog_message", "parameters": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogAction {
    /// Always `"catalog_message"`.
    pub name: String,
    /// The thumbnail product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<CatalogParameters>,
}

/// Catalog message parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct CatalogParameters {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail_product_retailer_id: Option<String>,
}

/// `{"name": "flow", "parameters": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlowAction {
    /// Always `"flow"`.
    pub name: String,
    /// The flow.
    pub parameters: FlowParameters,
}

/// Flow message parameters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct FlowParameters {
    /// Always `"3"`.
    pub flow_message_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_token: Option<String>,
    /// Exactly one of `flow_id` / `flow_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_name: Option<String>,
    pub flow_cta: String,
    /// `draft` or `published`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// `navigate` or `data_exchange`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_action_payload: Option<FlowActionPayload>,
}

/// The first screen and its data (navigate only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct FlowActionPayload {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<String>,
    /// A non-empty object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Map<String, serde_json::Value>>,
}

/// `{"name": "cta_url", "parameters": {...}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CtaUrlAction {
    /// Always `"cta_url"`.
    pub name: String,
    /// Label and URL.
    pub parameters: CtaUrlParameters,
}

/// A CTA URL button's label (≤ 20) and http(s) URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct CtaUrlParameters {
    pub display_text: String,
    pub url: String,
}

/// `template`: a template send payload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Template {
    /// Template name (lowercase letters, digits, underscores).
    pub name: String,
    /// Language code and policy.
    pub language: Language,
    /// Header, body and button values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// On-Premises only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
}

impl Template {
    /// A template in `code` (policy `deterministic`), without components.
    #[must_use]
    pub fn new(name: impl Into<String>, code: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            language: Language {
                code: code.into(),
                policy: Some("deterministic".into()),
            },
            components: Vec::new(),
            namespace: None,
        }
    }

    /// Adds a header component.
    #[must_use]
    pub fn header(mut self, parameter: Parameter) -> Self {
        self.components.push(Component::Header {
            parameters: vec![parameter],
        });
        self
    }

    /// Adds the body component.
    #[must_use]
    pub fn body(mut self, parameters: Vec<Parameter>) -> Self {
        self.components.push(Component::Body { parameters });
        self
    }

    /// Adds a button component.
    #[must_use]
    pub fn button(mut self, sub_type: ButtonSubType, index: u8, parameter: Parameter) -> Self {
        self.components.push(Component::Button {
            sub_type,
            index: ButtonIndex(index),
            parameters: vec![parameter],
        });
        self
    }
}

/// `language`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// One of Meta's template language codes (`en_US`).
    pub code: String,
    /// `deterministic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

/// A template component with values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Component {
    /// One parameter: text, media or location.
    Header { parameters: Vec<Parameter> },
    /// Text, currency and date_time parameters.
    Body { parameters: Vec<Parameter> },
    /// The values of button `index`.
    Button {
        sub_type: ButtonSubType,
        index: ButtonIndex,
        parameters: Vec<Parameter>,
    },
}

/// A button's `sub_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum ButtonSubType {
    #[serde(alias = "QUICK_REPLY")]
    QuickReply,
    #[serde(alias = "URL")]
    Url,
    #[serde(alias = "CATALOG")]
    Catalog,
    #[serde(alias = "MPM")]
    Mpm,
    #[serde(alias = "COPY_CODE")]
    CopyCode,
    #[serde(alias = "FLOW")]
    Flow,
}

/// A button `index` 0–9; serialized as a string, read from a string or an integer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ButtonIndex(pub u8);

impl Serialize for ButtonIndex {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ButtonIndex {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum I {
            N(u8),
            S(String),
        }
        match I::deserialize(d)? {
            I::N(n) => Ok(Self(n)),
            I::S(s) => s.parse().map(Self).map_err(D::Error::custom),
        }
    }
}

/// A parameter value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Parameter {
    Text {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter_name: Option<String>,
    },
    Currency {
        currency: Currency,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter_name: Option<String>,
    },
    DateTime {
        date_time: DateTime,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        parameter_name: Option<String>,
    },
    Image {
        image: Media,
    },
    Document {
        document: Media,
    },
    Video {
        video: Media,
    },
    Location {
        location: Location,
    },
    Payload {
        payload: String,
    },
    CouponCode {
        coupon_code: String,
    },
    Action {
        action: TemplateAction,
    },
}

impl Parameter {
    /// A positional text value.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            parameter_name: None,
        }
    }

    /// A named text value (`{{name}}`).
    #[must_use]
    pub fn named(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self::Text {
            text: text.into(),
            parameter_name: Some(name.into()),
        }
    }

    /// A currency value.
    #[must_use]
    pub fn currency(
        fallback: impl Into<String>,
        code: impl Into<String>,
        amount_1000: i32,
    ) -> Self {
        Self::Currency {
            currency: Currency {
                fallback_value: fallback.into(),
                code: code.into(),
                amount_1000: i64::from(amount_1000),
            },
            parameter_name: None,
        }
    }

    /// A date/time value (the Cloud API shows the fallback text).
    #[must_use]
    pub fn date_time(fallback: impl Into<String>) -> Self {
        Self::DateTime {
            date_time: DateTime {
                fallback_value: fallback.into(),
            },
            parameter_name: None,
        }
    }

    /// A quick-reply payload.
    #[must_use]
    pub fn payload(payload: impl Into<String>) -> Self {
        Self::Payload {
            payload: payload.into(),
        }
    }
}

/// `currency`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct Currency {
    pub fallback_value: String,
    /// ISO 4217.
    pub code: String,
    /// Amount × 1000 (int32).
    pub amount_1000: i64,
}

/// `date_time`: the Cloud API always shows `fallback_value`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct DateTime {
    pub fallback_value: String,
}

/// The `action` of a flow, catalog or MPM button.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct TemplateAction {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_action_data: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail_product_retailer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<ProductSection>,
}

/// A mark-as-read (with an optional typing indicator).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadReceipt {
    /// `"whatsapp"`.
    #[serde(default = "whatsapp", skip_serializing_if = "Option::is_none")]
    pub messaging_product: Option<String>,
    /// Always `"read"`.
    pub status: String,
    /// The incoming message's wamid.
    pub message_id: String,
    /// Show "typing…" to the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typing_indicator: Option<TypingIndicator>,
}

impl ReadReceipt {
    /// Marks `message_id` as read.
    #[must_use]
    pub fn new(message_id: impl Into<String>) -> Self {
        Self {
            messaging_product: whatsapp(),
            status: "read".into(),
            message_id: message_id.into(),
            typing_indicator: None,
        }
    }

    /// Also shows a typing indicator.
    #[must_use]
    pub fn typing(mut self) -> Self {
        self.typing_indicator = Some(TypingIndicator {
            kind: "text".into(),
        });
        self
    }
}

/// `{"type": "text"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingIndicator {
    /// Always `"text"`.
    #[serde(rename = "type")]
    pub kind: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_type_deserializes_and_round_trips() {
        let m: Message = serde_json::from_str(
            r#"{"messaging_product":"whatsapp","to":"1","text":{"body":"hi"}}"#,
        )
        .unwrap();
        assert_eq!(
            m.content,
            Content::Text {
                text: Text::new("hi")
            }
        );
        let v = serde_json::to_value(&m).unwrap();
        assert_eq!(v["type"], "text");
        assert_eq!(v["text"]["body"], "hi");
    }

    #[test]
    fn button_index_reads_both_forms() {
        let c: Component = serde_json::from_str(
            r#"{"type":"button","sub_type":"CATALOG","index":0,"parameters":[]}"#,
        )
        .unwrap();
        let Component::Button {
            sub_type, index, ..
        } = c
        else {
            panic!("not a button");
        };
        assert_eq!((sub_type, index), (ButtonSubType::Catalog, ButtonIndex(0)));
        assert_eq!(serde_json::to_string(&index).unwrap(), "\"0\"");
    }
}
