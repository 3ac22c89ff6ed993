//! Template rendering: a maximal template (1024-character body with 10 variables, text
//! header with a variable, footer, 10 buttons) hydrated from a send payload.
//!
//! - `render/maximal`: `wamsg::template::render` end to end: parse both documents, check the
//!   message against the definition, hydrate, build the preview.
//! - `render/baseline_parse`: `serde_json::from_str` of the same two documents into
//!   `serde_json::Value`, the floor any JSON-in, preview-out function pays.
//! - `render/maximal_prepared`: `Template::hydrate` of a definition prepared once with
//!   parameters read once (what an editor re-renders per keystroke): the ≤ 5 µs target.
//! - `render/baseline_copy_texts`: copying the texts that preview holds into new strings.
//!
//! Run: `cargo bench -p wamsg-bench --bench render`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use wamsg::template::{Params, RenderOptions, Template, render};

/// The definition and the message, as JSON text.
fn maximal() -> (String, String) {
    // 10 variables spread over a body of exactly 1024 characters.
    let mut body = String::from("Dear customer");
    for i in 1..=10 {
        body.push_str(&format!(" item {{{{{i}}}}} is on its way and"));
    }
    body.push_str(" thank you");
    let pad = 1024 - body.chars().count() - 1;
    body.push_str(&" ok".repeat(pad / 3));
    body.push_str(&".".repeat(1024 - body.chars().count()));
    assert_eq!(body.chars().count(), 1024);
    let mut buttons: Vec<_> = (0..7)
        .map(|i| json!({"type": "QUICK_REPLY", "text": format!("Option {i}")}))
        .collect();
    buttons.push(json!({"type": "URL", "text": "Track", "url": "https://example.com/track/{{1}}", "example": ["A-42"]}));
    buttons.push(json!({"type": "URL", "text": "Shop", "url": "https://example.com/shop"}));
    buttons.push(json!({"type": "PHONE_NUMBER", "text": "Call", "phone_number": "15550051310"}));
    let def = json!({
        "name": "maximal", "language": "en_US", "category": "UTILITY",
        "components": [
            {"type": "HEADER", "format": "TEXT", "text": "Order {{1}}", "example": {"header_text": ["A-42"]}},
            {"type": "BODY", "text": body, "example": {"body_text": [(1..=10).map(|i| format!("v{i}")).collect::<Vec<_>>()]}},
            {"type": "FOOTER", "text": "Thanks for shopping with us"},
            {"type": "BUTTONS", "buttons": buttons}
        ]
    });
    let mut components = vec![
        json!({"type": "header", "parameters": [{"type": "text", "text": "A-42"}]}),
        json!({"type": "body", "parameters": (1..=10).map(|i| json!({"type": "text", "text": format!("v{i}")})).collect::<Vec<_>>()}),
        json!({"type": "button", "sub_type": "url", "index": "7", "parameters": [{"type": "text", "text": "A-42"}]}),
    ];
    components.extend((0..7).map(|i| {
        json!({"type": "button", "sub_type": "quick_reply", "index": i.to_string(),
               "parameters": [{"type": "payload", "payload": format!("P{i}")}]})
    }));
    let msg = json!({
        "messaging_product": "whatsapp", "to": "15551234567", "type": "template",
        "template": {"name": "maximal", "language": {"code": "en_US"}, "components": components}
    });
    (def.to_string(), msg.to_string())
}

fn bench(c: &mut Criterion) {
    let (def, msg) = maximal();
    assert!(wamsg::validate_template(&def).valid);
    let opts = RenderOptions {
        template: Some(def.clone()),
        ..RenderOptions::default()
    };
    let preview = render(&msg, &opts);
    assert!(preview.valid(), "{:?}", preview.diagnostics);
    assert_eq!(preview.buttons.len(), 10);
    let mut g = c.benchmark_group("render");
    g.bench_function("maximal", |b| {
        b.iter(|| render(black_box(&msg), black_box(&opts)))
    });
    g.bench_function("baseline_parse", |b| {
        b.iter(|| {
            let m: serde_json::Value = serde_json::from_str(black_box(&msg)).unwrap_or_default();
            let d: serde_json::Value = serde_json::from_str(black_box(&def)).unwrap_or_default();
            (m, d)
        });
    });
    // The fast path: definition prepared once, parameters read once; hydration only.
    let o = wamsg::Options::default();
    let prepared = Template::prepare(&def, Some("maximal"), Some("en_US"), &o).unwrap();
    let params = Params::from_message(&msg, &o).unwrap();
    assert_eq!(prepared.hydrate(&params).body, preview.body);
    g.bench_function("maximal_prepared", |b| {
        b.iter(|| prepared.hydrate(black_box(&params)));
    });
    // Baseline for the fast path: copying the texts it produces (header, 1024-character
    // body, footer, 10 button labels and URLs) into fresh strings.
    let texts: Vec<String> = {
        let p = prepared.hydrate(&params);
        let mut t = vec![p.body.unwrap().text];
        t.extend(
            p.buttons
                .iter()
                .flat_map(|b| [b.text.clone(), b.url.clone().unwrap_or_default()]),
        );
        t
    };
    g.bench_function("baseline_copy_texts", |b| {
        b.iter(|| {
            black_box(&texts)
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
