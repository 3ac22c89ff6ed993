//! One workload of the message benchmark, for instruction-count profiling that a loaded
//! machine cannot disturb:
//!
//! ```text
//! cargo build --profile bench -p wamsg-bench --example profile_valid
//! valgrind --tool=callgrind target/release/examples/profile_valid [none|serde|parse|valid|broken] [REPS]
//! ```
//!
//! Each mode runs over the 500-message corpus ten times; subtract the `none` count (corpus
//! generation) to get the cost of the mode itself. `render` instead runs the maximal template
//! of the rendering benchmark REPS × 500 times through `Params::from_message` and
//! `Template::hydrate` (subtract `render 0`); `render_parse` / `render_serde` only parse its
//! send payload (wamsg's tree / `serde_json::Value`).

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
    if mode == "render" || mode == "render_serde" || mode == "render_parse" {
        let (def, msg) = wamsg_bench::maximal_template();
        let t = wamsg::template::Template::prepare(&def, None, None, &opts);
        for _ in 0..reps * 500 {
            if mode == "render_serde" {
                black_box(serde_json::from_str::<serde_json::Value>(black_box(&msg)).ok());
                continue;
            }
            if mode == "render_parse" {
                let arena = wamsg::json::Arena::for_source(msg.len());
                black_box(
                    wamsg::json::parse(black_box(&msg), &arena, &opts.parse)
                        .value
                        .is_some(),
                );
                continue;
            }
            let params = wamsg::template::Params::from_message(black_box(&msg), &opts);
            if let (Some(t), Some(p)) = (&t, params) {
                black_box(t.hydrate(&p));
            }
        }
        return;
    }
    for d in docs.iter().cycle().take(docs.len() * reps) {
        match mode.as_str() {
            "none" => {
                black_box(d);
            }
            "parse" => {
                let text = std::str::from_utf8(d).unwrap_or_default();
                black_box(
                    wamsg::json::parse(
                        text,
                        &wamsg::json::Arena::for_source(text.len()),
                        &opts.parse,
                    )
                    .value
                    .is_some(),
                );
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
