//! The ratios of BENCHMARKS.md "Message validation", measured robustly on a shared machine:
//! every round times each contender once over the same corpus, in turn, so background load
//! hits all of them alike; the medians over the rounds and their ratios are printed.
//!
//! Run: `cargo bench -p wamsg-bench --bench ratios` (criterion's `validate` bench gives the
//! per-contender distributions).

use std::hint::black_box;
use std::time::{Duration, Instant};

use serde_json::Value;
use wamsg::{DocumentKind, Options};
use wamsg_bench::{SEED, broken_messages, total_bytes, valid_messages};

const N: usize = 2000;
const ROUNDS: usize = 41;

/// A contender: its name, its work over the corpus, and its times.
type Run<'a> = (&'static str, &'a mut dyn FnMut(), Vec<Duration>);

fn time(f: &mut dyn FnMut()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let valid = valid_messages(N, SEED);
    let broken = broken_messages(N, SEED);
    let opts = Options::default();
    let schema: Value =
        serde_json::from_str(include_str!("../data/messages.request.schema.patched.json"))
            .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");

    let mut baseline = || {
        for d in &valid {
            black_box(serde_json::from_slice::<Value>(black_box(d)).ok());
        }
    };
    let mut parse_only = || {
        for d in &valid {
            let text = std::str::from_utf8(black_box(d)).unwrap_or_default();
            black_box(wamsg::json::parse(text, &opts.parse).value.is_some());
        }
    };
    let mut wamsg_valid = || {
        for d in &valid {
            black_box(wamsg::check_bytes(
                black_box(d),
                Some(DocumentKind::Message),
                &opts,
            ));
        }
    };
    let mut wamsg_broken = || {
        for d in &broken {
            black_box(wamsg::check_bytes(
                black_box(d),
                Some(DocumentKind::Message),
                &opts,
            ));
        }
    };
    let mut schema_valid = || {
        for d in &valid {
            let v: Value = serde_json::from_slice(black_box(d)).unwrap_or(Value::Null);
            black_box(validator.iter_errors(&v).count());
        }
    };
    let mut schema_broken = || {
        for d in &broken {
            let v: Value = serde_json::from_slice(black_box(d)).unwrap_or(Value::Null);
            black_box(validator.iter_errors(&v).count());
        }
    };
    let mut runs: Vec<Run<'_>> = vec![
        (
            "serde_json::from_slice::<Value> (baseline)",
            &mut baseline,
            vec![],
        ),
        ("wamsg json::parse only", &mut parse_only, vec![]),
        ("wamsg::check_bytes, valid corpus", &mut wamsg_valid, vec![]),
        (
            "wamsg::check_bytes, broken corpus",
            &mut wamsg_broken,
            vec![],
        ),
        (
            "jsonschema (parse + all errors), valid",
            &mut schema_valid,
            vec![],
        ),
        (
            "jsonschema (parse + all errors), broken",
            &mut schema_broken,
            vec![],
        ),
    ];
    // Warm up.
    for (_, f, _) in &mut runs {
        f();
    }
    for _ in 0..ROUNDS {
        for (_, f, times) in &mut runs {
            times.push(time(*f));
        }
    }
    let bytes_valid = total_bytes(&valid) as f64;
    let bytes_broken = total_bytes(&broken) as f64;
    println!(
        "corpus: {N} messages, {:.0} bytes on average (valid), {:.0} (broken); {ROUNDS} interleaved rounds",
        bytes_valid / N as f64,
        bytes_broken / N as f64
    );
    let medians: Vec<(&str, Duration)> = runs
        .iter()
        .map(|(n, _, t)| (*n, median(t.clone())))
        .collect();
    for (name, m) in &medians {
        let bytes = if name.contains("broken") {
            bytes_broken
        } else {
            bytes_valid
        };
        let mibs = bytes / m.as_secs_f64() / (1024.0 * 1024.0);
        println!(
            "{name:<44} {:>8.2} ms  {mibs:>7.1} MiB/s",
            m.as_secs_f64() * 1e3
        );
    }
    let thr = |i: usize, bytes: f64| bytes / medians[i].1.as_secs_f64();
    println!(
        "wamsg valid throughput / serde_json::Value:    {:.2}x (target >= 1.5x)",
        thr(2, bytes_valid) / thr(0, bytes_valid)
    );
    println!(
        "wamsg broken time per byte / valid:           {:.2}x (target <= 3x)",
        thr(2, bytes_valid) / thr(3, bytes_broken)
    );
    println!(
        "wamsg valid throughput / jsonschema valid:     {:.2}x",
        thr(2, bytes_valid) / thr(4, bytes_valid)
    );
    println!(
        "wamsg broken throughput / jsonschema broken:   {:.2}x",
        thr(3, bytes_broken) / thr(5, bytes_broken)
    );
}
