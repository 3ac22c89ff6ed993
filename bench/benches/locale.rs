//! `wamsg::locale` formatting speed, against std's own float formatting of the same amount
//! as a baseline measured in the same run. See BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use wamsg::locale::{self, DateTimeParts};

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("locale");
    g.bench_function("baseline_std_format_f64", |b| {
        b.iter(|| format!("${:.2}", black_box(1_234_567i64) as f64 / 1000.0));
    });
    for lang in ["en_US", "ar_EG", "en_IN"] {
        g.bench_function(format!("format_currency_{lang}"), |b| {
            b.iter(|| locale::format_currency(black_box(lang), black_box(-1_234_567_890), "USD"));
        });
    }
    let parts = DateTimeParts {
        year: Some(1977),
        month: Some(2),
        day_of_month: Some(25),
        day_of_week: Some(5),
        hour: Some(15),
        minute: Some(33),
        calendar: Some("GREGORIAN".into()),
    };
    for lang in ["en_US", "ar_EG"] {
        g.bench_function(format!("format_date_time_{lang}"), |b| {
            b.iter(|| locale::format_date_time(black_box(lang), black_box(&parts)));
        });
    }
    g.bench_function("format_unix_epoch_de", |b| {
        b.iter(|| locale::format_unix_epoch(black_box("de"), black_box(1_700_000_000)));
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
