//! WhatsApp formatting: parse, and parse + HTML, on a realistic 4 KiB message and on
//! adversarial inputs from 1 KiB to 1 MiB. Throughput is in input bytes, so a flat MB/s
//! across sizes means the time per byte is flat (linear parsing). Results in BENCHMARKS.md.
//!
//! `cargo bench -p wamsg-bench --bench format`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use wamsg::format;

/// A business message as people write them: greeting, bold headings, a list, a link, a
/// code, a quote, emoji; repeated up to `len` bytes (cut at a character boundary).
fn realistic(len: usize) -> String {
    const BLOCK: &str = "Hello *Maria* 👋,\n\
        thank you for your order *#48213* placed on 12.05.2026. Here is a summary of what \
        happens next, so you know what to expect over the coming days.\n\
        *What you ordered*\n\
        - 2 × _Organic coffee beans_ (1 kg)\n\
        - 1 × Ceramic pour-over set ~was 39,90 €~ now 29,90 €\n\
        - 1 × Gift card, code `GIFT-7HQ2-PL`\n\
        *Delivery*\n\
        1. We pack your parcel within 24 hours.\n\
        2. The carrier picks it up the next working day.\n\
        3. You receive a tracking link by e-mail and here.\n\
        Track it any time at https://shop.example.com/orders/48213?ref=wa_msg or reply to this \
        message. Opening hours: Mon–Fri 9:00–18:00, Sat 10:00–14:00.\n\
        > Tip: brew at 93 °C for the best flavour.\n\
        Questions about returns? See www.example.com/returns_policy. We are happy to help! ☕\n\n";
    let mut s = String::with_capacity(len + BLOCK.len());
    while s.len() < len {
        s.push_str(BLOCK);
    }
    cut(s, len)
}

fn cut(mut s: String, len: usize) -> String {
    let mut at = len.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    s.truncate(at);
    s
}

/// A repeating pattern up to `len` bytes.
fn repeat(pattern: &str, len: usize) -> String {
    cut(pattern.repeat(len / pattern.len() + 1), len)
}

/// Markers and letters drawn from a fixed-seed generator: every mix of `*_~` and backticks.
fn mixed(len: usize) -> String {
    const ALPHABET: &[u8] = b"*_~`*_~` ab\n";
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(ALPHABET[(x % ALPHABET.len() as u64) as usize])
        })
        .collect()
}

/// Makes an input of about the given size.
type Maker = fn(usize) -> String;

fn adversarial() -> Vec<(&'static str, Maker)> {
    vec![
        ("plain", |n| {
            repeat("the quick brown fox jumps over the lazy dog ", n)
        }),
        // Openers that never close: every marker is pending until the end of the line.
        ("unmatched", |n| repeat("*a _b ~c `d ", n)),
        // Openers with no line end: one line of a mebibyte of openers.
        ("unmatched_one_line", |n| repeat("*x ", n)),
        ("marker_runs", |n| repeat("*", n)),
        ("mixed_markers", mixed),
        ("fences", |n| repeat("``` a ``", n)),
        ("list_lines", |n| {
            repeat("* item *b*\n1. _x_\n> q ~s~\n- y\n", n)
        }),
        ("urls", |n| {
            repeat("see https://ex.com/a_b_c?d=(e)_f. and www.x.org/*y* ", n)
        }),
    ]
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("format/realistic");
    let msg = realistic(4096);
    g.throughput(Throughput::Bytes(msg.len() as u64));
    g.bench_function("parse", |b| b.iter(|| format::parse(black_box(&msg))));
    g.bench_function("parse+html", |b| {
        b.iter(|| format::to_html(black_box(&msg)))
    });
    g.finish();

    for (name, make) in adversarial() {
        let mut g = c.benchmark_group(format!("format/{name}"));
        for size in [1 << 10, 1 << 14, 1 << 17, 1 << 20] {
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new("parse", size), &text, |b, t| {
                b.iter(|| format::parse(black_box(t)));
            });
            g.bench_with_input(BenchmarkId::new("parse+html", size), &text, |b, t| {
                b.iter(|| format::to_html(black_box(t)));
            });
        }
        g.finish();
    }

    let mut g = c.benchmark_group("format/markdown");
    let md = repeat(
        "## Order *48213*\n\nThanks **Maria**! Your [order](https://x.io/o/1) ships `today`.\n\n\
         - 2 × _coffee_\n- 1 × ~~mug~~ **set**\n\n> Tip: brew at 93 °C.\n\n",
        4096,
    );
    g.throughput(Throughput::Bytes(md.len() as u64));
    g.bench_function("markdown_to_whatsapp", |b| {
        b.iter(|| format::markdown_to_whatsapp(black_box(&md)));
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
