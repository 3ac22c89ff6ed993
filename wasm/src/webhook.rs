//! The webhook module (feature `webhook`, the package's entry `wamsg/webhook`): a webhook
//! notification validated and read into its typed model, with the delivery state its
//! statuses fold to. Kept out of the main module: the typed model's (de)serialization is a
//! third of the main module's size, and reading webhooks is a server's job.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::boundary::{input_text, options, to_json};

/// The webhook notification in the input buffer (JSON text), validated and read: the
/// report's fields, plus `notification` (the typed model, for a valid document) and
/// `reduced` (the delivery state its statuses fold to, when it has statuses), as JSON.
///
/// # Errors
/// Only if the answer cannot be serialized, which its types rule out.
#[wasm_bindgen]
pub fn parse_webhook(
    len: u32,
    api: u8,
    max_bytes: u32,
    max_depth: u32,
    max_diagnostics: u32,
) -> Result<String, JsError> {
    #[derive(Serialize)]
    struct Read<'a> {
        #[serde(flatten)]
        report: &'a wamsg::Report,
        notification: Option<&'a wamsg::webhook::Notification>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reduced: Option<wamsg::webhook::Reducer>,
    }
    let opts = options(api, max_bytes, max_depth, max_diagnostics);
    let (model, report) = input_text(len, |src| wamsg::webhook::parse(src, &opts));
    let reduced = model.as_ref().and_then(|n| {
        let statuses: Vec<_> = n.statuses().collect();
        (!statuses.is_empty()).then(|| wamsg::webhook::reduce(statuses.iter().copied()))
    });
    to_json(&Read {
        report: &report,
        notification: model.as_ref(),
        reduced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boundary::put;
    use serde_json::Value;

    #[test]
    fn a_status_webhook_reads_into_its_model_and_state() {
        let src = include_str!("../../tests/cases/webhooks/corpus/pywa/message_status.sent.json");
        let len = put(src.as_bytes());
        let v: Value =
            serde_json::from_str(&parse_webhook(len, 0, 4 << 20, 64, 1000).unwrap()).unwrap();
        assert_eq!(v["valid"], true);
        assert_eq!(v["kind"], "webhook");
        assert_eq!(v["notification"]["object"], "whatsapp_business_account");
        assert_eq!(v["reduced"]["states"][0]["status"], "sent");
    }

    #[test]
    fn an_invalid_webhook_has_no_model() {
        let len = put(b"{\"object\": 1, \"entry\": []}");
        let v: Value =
            serde_json::from_str(&parse_webhook(len, 0, 4 << 20, 64, 1000).unwrap()).unwrap();
        assert_eq!(v["valid"], false);
        assert_eq!(v["notification"], Value::Null);
        assert!(v.get("reduced").is_none());
    }
}
