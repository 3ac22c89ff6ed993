//! Message validation throughput (see BENCHMARKS.md, "Message validation").
//!
//! All in one run, on the same bytes: `serde_json::from_slice::<Value>` (the baseline),
//! `wamsg::check_bytes` on the valid corpus and on the broken (all-errors) corpus, and the
//! `jsonschema` crate validating parsed documents against Meta's OpenAPI-derived schema
//! (collecting every error, as wamsg does).
//!
//! Run: `cargo bench -p wamsg-bench --bench validate`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::Value;
use wamsg::{DocumentKind, Options};
use wamsg_bench::{SEED, broken_messages, total_bytes, valid_messages};

const N: usize = 2000;

fn message_validation(c: &mut Criterion) {
    let valid = valid_messages(N, SEED);
    let broken = broken_messages(N, SEED);
    let opts = Options::default();
    let schema: Value =
        serde_json::from_str(include_str!("../data/messages.request.schema.patched.json"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");

    let mut g = c.benchmark_group("message_validation");
    g.throughput(Throughput::Bytes(total_bytes(&valid)));
    g.bench_function("serde_json_value", |b| {
        b.iter(|| {
            for d in &valid {
                black_box(serde_json::from_slice::<Value>(black_box(d)).ok());
            }
        });
    });
    g.bench_function("wamsg_valid", |b| {
        b.iter(|| {
            for d in &valid {
                black_box(wamsg::check_bytes(
                    black_box(d),
                    Some(DocumentKind::Message),
                    &opts,
                ));
            }
        });
    });
    // The positioned parser alone, to show what validation adds on top of parsing.
    g.bench_function("wamsg_parse_only", |b| {
        b.iter(|| {
            for d in &valid {
                let text = std::str::from_utf8(black_box(d)).unwrap_or_default();
                black_box(wamsg::json::parse(text, &opts.parse).value.is_some());
            }
        });
    });
    g.bench_function("jsonschema_valid", |b| {
        b.iter(|| {
            for d in &valid {
                let v: Value = serde_json::from_slice(black_box(d)).unwrap_or(Value::Null);
                black_box(validator.iter_errors(&v).count());
            }
        });
    });
    g.throughput(Throughput::Bytes(total_bytes(&broken)));
    g.bench_function("wamsg_broken", |b| {
        b.iter(|| {
            for d in &broken {
                black_box(wamsg::check_bytes(
                    black_box(d),
                    Some(DocumentKind::Message),
                    &opts,
                ));
            }
        });
    });
    g.bench_function("jsonschema_broken", |b| {
        b.iter(|| {
            for d in &broken {
                let v: Value = serde_json::from_slice(black_box(d)).unwrap_or(Value::Null);
                black_box(validator.iter_errors(&v).count());
            }
        });
    });
    g.finish();
}

criterion_group!(benches, message_validation);
criterion_main!(benches);
