//! WhatsApp formatting: parse, and parse + HTML, on two 4 KiB business messages (a dense
//! `realistic` one and a `typical` one) and on adversarial inputs from 1 KiB to 1 MiB.
//! Throughput is in input bytes, so a flat MB/s across sizes means the time per byte is flat
//! (linear parsing). Results in BENCHMARKS.md.
//!
//! `cargo bench -p wamsg-bench --bench format`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use wamsg::format;
use wamsg_bench::format::{adversarial, realistic, repeat, typical};

fn bench(c: &mut Criterion) {
    // Dense (a node every ~14 bytes) and typical (a few per paragraph) 4 KiB messages.
    for (name, msg) in [("realistic", realistic(4096)), ("typical", typical(4096))] {
        let mut g = c.benchmark_group(format!("format/{name}"));
        g.throughput(Throughput::Bytes(msg.len() as u64));
        g.bench_function("parse", |b| b.iter(|| format::parse(black_box(&msg))));
        g.bench_function("parse+html", |b| {
            b.iter(|| format::to_html(black_box(&msg)))
        });
        g.finish();
    }

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
