//! Webhooks: validation (+ typed model) of a 100-status notification against plain
//! `serde_json` parsing of the same bytes, and the reducer over 10,000 events in timeline
//! order and shuffled against cloning the events (what the reducer must do at least).
//!
//! Run: `cargo bench -p wamsg-bench --bench webhook`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wamsg::webhook::{self, Notification, Status};
use wamsg::{DocumentKind, Options};

/// `n` status objects of `n / 4` messages (sent, delivered, read, failed), shaped like
/// Meta's current status webhooks.
fn statuses(n: usize) -> Vec<serde_json::Value> {
    let kinds = ["sent", "delivered", "read", "failed"];
    (0..n)
        .map(|i| {
            let kind = kinds[i % 4];
            let mut s = serde_json::json!({
                "id": format!("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI{:08}", i / 4),
                "status": kind,
                "timestamp": (1_750_263_773 + i).to_string(),
                "recipient_id": "16505551234",
                "recipient_user_id": "US.13491208655302741918",
                "parent_recipient_user_id": "US.ENT.506847293015824",
            });
            if kind == "failed" {
                s["errors"] = serde_json::json!([{"code": 131_026, "title": "Message undeliverable",
                    "message": "Message undeliverable", "error_data": {"details": "Message Undeliverable."},
                    "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"}]);
            } else {
                s["conversation"] = serde_json::json!({"id": "7270432eae37498234f4444b35ffc5",
                    "expiration_timestamp": "1750350173", "origin": {"type": "utility"}});
                s["pricing"] = serde_json::json!({"billable": true, "pricing_model": "PMP",
                    "type": "regular", "category": "utility"});
            }
            s
        })
        .collect()
}

/// A notification with `n` statuses.
fn notification(n: usize) -> String {
    let statuses = statuses(n);
    let doc = serde_json::json!({
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"field": "messages", "value": {
            "messaging_product": "whatsapp",
            "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
            "contacts": [{"profile": {"name": "Sheena Nelson"}, "wa_id": "16505551234",
                "user_id": "US.13491208655302741918"}],
            "statuses": statuses}}]}]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn validate(c: &mut Criterion) {
    let src = notification(100);
    let opts = Options::default();
    assert!(wamsg::check(&src, Some(DocumentKind::Webhook), &opts).valid);
    let mut g = c.benchmark_group("webhook_100_statuses");
    g.throughput(Throughput::Bytes(src.len() as u64));
    g.bench_function("baseline_serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&src)).ok());
    });
    g.bench_function("baseline_serde_typed_model", |b| {
        b.iter(|| serde_json::from_str::<Notification>(black_box(&src)).ok());
    });
    g.bench_function("check", |b| {
        b.iter(|| wamsg::check(black_box(&src), Some(DocumentKind::Webhook), &opts));
    });
    g.bench_function("parse_check_and_model", |b| {
        b.iter(|| webhook::parse(black_box(&src), &opts));
    });
    g.finish();
}

fn fold(c: &mut Criterion) {
    // Built directly: 10,000 statuses in one notification would exceed the 4 MiB input limit.
    let events: Vec<Status> = statuses(10_000)
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect();
    assert_eq!(events.len(), 10_000);
    // A fixed shuffle (xorshift), so every run measures the same order.
    let mut shuffled = events.clone();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..shuffled.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        shuffled.swap(i, (x % (i as u64 + 1)) as usize);
    }
    let mut g = c.benchmark_group("reduce_10k_events");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("baseline_clone_events", |b| {
        b.iter(|| black_box(&events).clone())
    });
    g.bench_function("in_timeline_order", |b| {
        b.iter(|| webhook::reduce(black_box(&events)))
    });
    g.bench_function("shuffled", |b| {
        b.iter(|| webhook::reduce(black_box(&shuffled)))
    });
    g.finish();
}

criterion_group!(benches, validate, fold);
criterion_main!(benches);
