//! Template rendering: a maximal template (1024-character body with 10 variables, text
//! header with a variable, footer, 10 buttons) hydrated from a send payload.
//!
//! - `render/maximal`: `wamsg::template::render` end to end: parse both documents, check the
//!   message against the definition, hydrate, build the preview.
//! - `render/baseline_parse`: `serde_json::from_str` of the same two documents into
//!   `serde_json::Value`, the floor any JSON-in, preview-out function pays.
//! - `render/maximal_prepared`: `Template::hydrate` of a definition prepared once with
//!   parameters read once (what an editor re-renders per keystroke).
//! - `render/prepared_from_payload`: the server / editor path per send: a definition
//!   prepared once, then for each payload `Params::from_message` (parse the send payload,
//!   read its parameters) and `Template::hydrate`: the ≤ 5 µs target.
//! - `render/baseline_copy_texts`: copying the texts that preview holds into new strings.
//!
//! Run: `cargo bench -p wamsg-bench --bench render`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wamsg::template::{Params, RenderOptions, Template, render};
use wamsg_bench::maximal_template as maximal;

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
    g.bench_function("prepared_from_payload", |b| {
        b.iter(|| {
            let params = Params::from_message(black_box(&msg), &o).unwrap_or_default();
            prepared.hydrate(&params)
        });
    });
    g.bench_function("baseline_parse_payload", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&msg)).unwrap_or_default());
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
