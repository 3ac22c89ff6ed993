//! Structured messages: JSON objects built from the vocabulary of send payloads (field names,
//! message and interactive types, parameter types) and arbitrary values, so the fuzzer reaches
//! deep into every validator. Besides "no panic", a metamorphic check: the same document
//! compact and pretty-printed yields the same codes at the same JSON Pointers.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};
use wamsg::{DocumentKind, Options};

const WORDS: &[&str] = &[
    "messaging_product",
    "whatsapp",
    "recipient_type",
    "individual",
    "group",
    "to",
    "recipient",
    "type",
    "context",
    "message_id",
    "biz_opaque_callback_data",
    "status",
    "read",
    "typing_indicator",
    "text",
    "body",
    "preview_url",
    "image",
    "audio",
    "video",
    "document",
    "sticker",
    "id",
    "link",
    "caption",
    "filename",
    "voice",
    "provider",
    "name",
    "location",
    "latitude",
    "longitude",
    "address",
    "contacts",
    "formatted_name",
    "first_name",
    "birthday",
    "phones",
    "phone",
    "emails",
    "urls",
    "org",
    "addresses",
    "reaction",
    "emoji",
    "interactive",
    "button",
    "list",
    "product",
    "product_list",
    "catalog_message",
    "flow",
    "cta_url",
    "header",
    "footer",
    "action",
    "buttons",
    "reply",
    "title",
    "sections",
    "rows",
    "description",
    "catalog_id",
    "product_retailer_id",
    "product_items",
    "parameters",
    "thumbnail_product_retailer_id",
    "flow_message_version",
    "3",
    "flow_token",
    "flow_id",
    "flow_name",
    "flow_cta",
    "mode",
    "draft",
    "flow_action",
    "navigate",
    "data_exchange",
    "flow_action_payload",
    "screen",
    "data",
    "display_text",
    "url",
    "https://example.com/a.png",
    "template",
    "language",
    "code",
    "en_US",
    "policy",
    "deterministic",
    "components",
    "sub_type",
    "quick_reply",
    "index",
    "0",
    "parameter_name",
    "currency",
    "fallback_value",
    "amount_1000",
    "USD",
    "date_time",
    "payload",
    "coupon_code",
    "copy_code",
    "mpm",
    "catalog",
    "namespace",
    "hsm",
    "+16505551234",
    "😀",
    "",
    "a\nb",
    "     ",
    "<BUTTON_TEXT>",
    "{{Recipient-Phone-Number}}",
];

#[derive(Arbitrary, Debug)]
enum Word {
    Known(u8),
    Raw(String),
}

impl Word {
    fn text(&self) -> String {
        match self {
            Self::Known(i) => WORDS[*i as usize % WORDS.len()].to_string(),
            Self::Raw(s) => s.clone(),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum J {
    Null,
    Bool(bool),
    Int(i64),
    Float(f32),
    Str(Word),
    Arr(Vec<J>),
    Obj(Vec<(Word, J)>),
}

impl J {
    fn value(&self, depth: usize) -> Value {
        if depth > 24 {
            return Value::Null;
        }
        match self {
            Self::Null => Value::Null,
            Self::Bool(b) => Value::Bool(*b),
            Self::Int(i) => Value::from(*i),
            Self::Float(f) => {
                serde_json::Number::from_f64(f64::from(*f)).map_or(Value::Null, Value::Number)
            }
            Self::Str(w) => Value::String(w.text()),
            Self::Arr(items) => Value::Array(items.iter().map(|i| i.value(depth + 1)).collect()),
            Self::Obj(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.text(), v.value(depth + 1)))
                    .collect::<Map<_, _>>(),
            ),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Message {
    kind: Word,
    fields: Vec<(Word, J)>,
    on_prem: bool,
}

fuzz_target!(|m: Message| {
    let mut obj = Map::new();
    obj.insert("messaging_product".into(), Value::from("whatsapp"));
    obj.insert("to".into(), Value::from("+16505551234"));
    obj.insert("type".into(), Value::from(m.kind.text()));
    for (k, v) in &m.fields {
        obj.insert(k.text(), v.value(0));
    }
    let doc = Value::Object(obj);
    let opts = if m.on_prem {
        Options::on_prem()
    } else {
        Options::default()
    };
    let compact = serde_json::to_string(&doc).unwrap_or_default();
    let pretty = serde_json::to_string_pretty(&doc).unwrap_or_default();
    let a = wamsg::check(&compact, Some(DocumentKind::Message), &opts);
    let b = wamsg::check(&pretty, Some(DocumentKind::Message), &opts);
    let key = |r: &wamsg::Report| {
        let mut v: Vec<(String, String)> = r
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str().to_string(), d.path.to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&a), key(&b), "{compact}");
    assert_eq!(a.valid, b.valid);
});
