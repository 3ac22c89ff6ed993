//! One workload of the message benchmark, for instruction-count profiling that a loaded
//! machine cannot disturb:
//!
//! ```text
//! cargo build --profile bench -p wamsg-bench --example profile_valid
//! valgrind --tool=callgrind target/release/examples/profile_valid [none|serde|parse|valid|broken] [REPS]
//! ```
//!
//! Each mode runs over the 500-message corpus ten times; subtract the `none` count (corpus
//! generation) to get the cost of the mode itself.

use std::hint::black_box;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let docs = if mode == "broken" {
        wamsg_bench::broken_messages(500, wamsg_bench::SEED)
    } else {
        wamsg_bench::valid_messages(500, wamsg_bench::SEED)
    };
    let opts = wamsg::Options::default();
    let reps: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    for d in docs.iter().cycle().take(docs.len() * reps) {
        match mode.as_str() {
            "none" => {
                black_box(d);
            }
            "parse" => {
                let text = std::str::from_utf8(d).unwrap_or_default();
                black_box(wamsg::json::parse(text, &opts.parse).value.is_some());
            }
            "serde" => {
                black_box(serde_json::from_slice::<serde_json::Value>(d).ok());
            }
            _ => {
                black_box(wamsg::check_bytes(
                    d,
                    Some(wamsg::DocumentKind::Message),
                    &opts,
                ));
            }
        }
    }
}
