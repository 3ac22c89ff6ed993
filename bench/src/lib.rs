//! Shared inputs for the benchmarks: realistic and adversarial documents generated from a
//! fixed seed, so every run measures the same bytes.
//!
//! [`valid_messages`] is a mixed corpus of send payloads — text, template, interactive
//! (reply buttons, lists, CTA URL) and media — around 600 bytes each, compact JSON as servers
//! send it. [`broken_messages`] is the same corpus with three rule violations per message
//! (the all-errors path).

pub mod format;

use serde_json::{Value, json};

/// The seed every benchmark uses.
pub const SEED: u64 = 0x5EED_2026_0521;

/// A small deterministic generator (SplitMix64): the corpus must not depend on a crate's
/// algorithm changing between versions.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % n.max(1) as u64).unwrap_or(0)
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.below(items.len());
        &items[i]
    }
}

const WORDS: &[&str] = &[
    "order",
    "delivery",
    "today",
    "your",
    "package",
    "is",
    "on",
    "its",
    "way",
    "thanks",
    "for",
    "shopping",
    "with",
    "us",
    "café",
    "naïve",
    "appointment",
    "tomorrow",
    "confirm",
    "reply",
    "schedule",
    "ticket",
    "support",
    "update",
    "account",
    "payment",
    "received",
    "🎉",
    "👍",
    "invoice",
    "details",
    "available",
    "store",
    "pickup",
    "Größe",
    "señal",
    "price",
    "offer",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let w: &&str = rng.pick(WORDS);
        s.push_str(w);
    }
    s
}

/// Text that fits `max` characters.
fn text_max(rng: &mut Rng, words: usize, max: usize) -> String {
    let s = sentence(rng, words);
    s.chars().take(max).collect::<String>().trim().to_string()
}

fn phone(rng: &mut Rng) -> String {
    format!("+1650555{:04}", rng.below(10_000))
}

fn envelope(rng: &mut Rng, ty: &str, content: Value) -> Value {
    let mut m = json!({
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": phone(rng),
        "type": ty,
    });
    m[ty] = content;
    if rng.below(3) == 0 {
        m["context"] = json!({"message_id": format!("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI{:012X}", rng.next_u64() >> 16)});
    }
    if rng.below(2) == 0 {
        m["biz_opaque_callback_data"] = json!(format!("campaign-{}", rng.below(1000)));
    }
    m
}

fn text_message(rng: &mut Rng) -> Value {
    let n = 45 + rng.below(15);
    let body = sentence(rng, n);
    envelope(rng, "text", json!({"body": body, "preview_url": false}))
}

fn media_message(rng: &mut Rng) -> Value {
    let kind = *rng.pick(&["image", "video", "document"]);
    let n = 30 + rng.below(12);
    let mut media = json!({
        "link": format!("https://cdn.example.com/media/{}/{:x}.bin", kind, rng.next_u64()),
        "caption": sentence(rng, n),
    });
    if kind == "document" {
        media["filename"] = json!(format!("invoice-{}.pdf", rng.below(100_000)));
    }
    envelope(rng, kind, media)
}

fn template_message(rng: &mut Rng) -> Value {
    let n = 2 + rng.below(3);
    let params: Vec<Value> = (0..n)
        .map(|_| json!({"type": "text", "text": text_max(rng, 3, 60)}))
        .chain(std::iter::once(json!({
            "type": "currency",
            "currency": {"fallback_value": "$100.99", "code": "USD", "amount_1000": 100_990}
        })))
        .collect();
    let mut components = vec![
        json!({"type": "header", "parameters": [{"type": "image", "image": {"link": format!("https://cdn.example.com/h/{:x}.png", rng.next_u64())}}]}),
        json!({"type": "body", "parameters": params}),
    ];
    for i in 0..2 {
        components.push(json!({
            "type": "button", "sub_type": "quick_reply", "index": i.to_string(),
            "parameters": [{"type": "payload", "payload": format!("PAYLOAD_{}_{i}", rng.below(1000))}]
        }));
    }
    let code = *rng.pick(&["en_US", "pt_BR", "de", "es_MX", "fr"]);
    let name = format!("order_update_{}", rng.below(50));
    envelope(
        rng,
        "template",
        json!({
            "name": name,
            "language": {"code": code, "policy": "deterministic"},
            "components": components,
        }),
    )
}

fn interactive_message(rng: &mut Rng) -> Value {
    let n = 12 + rng.below(8);
    let body = sentence(rng, n);
    let interactive = match rng.below(3) {
        0 => {
            let buttons: Vec<Value> = (0..3)
                .map(|i| json!({"type": "reply", "reply": {"id": format!("btn-{i}-{}", rng.below(1000)), "title": format!("{} {i}", text_max(rng, 1, 16))}}))
                .collect();
            json!({
                "type": "button",
                "header": {"type": "text", "text": text_max(rng, 5, 60)},
                "body": {"text": body},
                "footer": {"text": text_max(rng, 4, 60)},
                "action": {"buttons": buttons}
            })
        }
        1 => {
            let mut k = 0;
            let sections: Vec<Value> = (0..2)
                .map(|s| {
                    let rows: Vec<Value> = (0..2)
                        .map(|_| {
                            k += 1;
                            json!({"id": format!("row-{k}"), "title": format!("Option {k}"), "description": text_max(rng, 4, 72)})
                        })
                        .collect();
                    json!({"title": format!("Section {s}"), "rows": rows})
                })
                .collect();
            json!({
                "type": "list",
                "header": {"type": "text", "text": text_max(rng, 4, 60)},
                "body": {"text": body},
                "action": {"button": "Choose", "sections": sections}
            })
        }
        _ => json!({
            "type": "cta_url",
            "header": {"type": "image", "image": {"link": format!("https://cdn.example.com/i/{:x}.jpg", rng.next_u64())}},
            "body": {"text": body},
            "footer": {"text": text_max(rng, 4, 60)},
            "action": {"name": "cta_url", "parameters": {"display_text": "Open", "url": format!("https://shop.example.com/o/{}", rng.below(100_000))}}
        }),
    };
    envelope(rng, "interactive", interactive)
}

fn message(rng: &mut Rng) -> Value {
    match rng.below(4) {
        0 => text_message(rng),
        1 => template_message(rng),
        2 => interactive_message(rng),
        _ => media_message(rng),
    }
}

/// `n` valid messages, compact JSON.
#[must_use]
pub fn valid_messages(n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| serde_json::to_vec(&message(&mut rng)).unwrap_or_default())
        .collect()
}

/// Breaks three rules of `m`, keeping its size about the same.
fn break_message(rng: &mut Rng, m: &mut Value) {
    // 1. A misspelled field (unknown, with a did-you-mean).
    if let Some(o) = m.as_object_mut()
        && let Some(v) = o.remove("recipient_type")
    {
        o.insert("recipeint_type".into(), v);
    }
    // 2. A recipient that is no phone number.
    m["to"] = json!("{{Recipient-Phone-Number}}");
    // 3. One rule of the message's own type.
    let ty = m["type"].as_str().unwrap_or("text").to_string();
    match ty.as_str() {
        "text" => m["text"]["preview_url"] = json!("yes"),
        "template" => {
            m["template"]["language"]["code"] = json!("en-US");
            m["template"]["components"][1]["parameters"][0]["text"] = json!("two\nlines");
        }
        "interactive" => match m["interactive"]["type"].as_str() {
            Some("button") => {
                let t = m["interactive"]["action"]["buttons"][0]["reply"]["title"].clone();
                m["interactive"]["action"]["buttons"][2]["reply"]["title"] = t;
            }
            Some("list") => {
                m["interactive"]["action"]["sections"][1]["rows"][0]["title"] =
                    json!("A row title far longer than allowed");
            }
            _ => m["interactive"]["action"]["parameters"]["url"] = json!("shop.example.com/o"),
        },
        _ => m[&ty]["link"] = json!(format!("ftp://cdn.example.com/{}", rng.below(100))),
    }
}

/// `n` messages with three rule violations each (the same corpus as [`valid_messages`]
/// with the same seed, broken).
#[must_use]
pub fn broken_messages(n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed);
    let mut breaker = Rng::new(seed ^ 0x00B4_0CE4);
    (0..n)
        .map(|_| {
            let mut m = message(&mut rng);
            break_message(&mut breaker, &mut m);
            serde_json::to_vec(&m).unwrap_or_default()
        })
        .collect()
}

/// Total bytes of a corpus.
#[must_use]
pub fn total_bytes(docs: &[Vec<u8>]) -> u64 {
    docs.iter().map(|d| d.len() as u64).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wamsg::{DocumentKind, Options};

    #[test]
    fn corpus_is_realistic_and_deterministic() {
        let docs = valid_messages(400, SEED);
        assert_eq!(docs, valid_messages(400, SEED));
        let avg = total_bytes(&docs) / 400;
        assert!((550..=650).contains(&avg), "average {avg} bytes");
        let opts = Options::default();
        for d in &docs {
            let r = wamsg::check_bytes(d, Some(DocumentKind::Message), &opts);
            assert!(
                r.diagnostics.is_empty(),
                "{:?}\n{}",
                r.diagnostics,
                String::from_utf8_lossy(d)
            );
        }
    }

    #[test]
    fn broken_corpus_has_errors_in_every_message() {
        let opts = Options::default();
        for d in broken_messages(400, SEED) {
            let r = wamsg::check_bytes(&d, Some(DocumentKind::Message), &opts);
            assert!(r.errors().count() >= 3, "{:?}", r.diagnostics);
        }
    }
}
