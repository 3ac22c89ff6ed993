//! Parses one benchmark input in a loop: for instruction counts under callgrind, and for the
//! best wall-clock time on a shared machine (see BENCHMARKS.md, "Formatting"):
//!
//! `TOTAL=2097152 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!   target/release/examples/format_loop list_lines 1048576 [html]`
//!
//! `TOTAL` is how many input bytes to parse in all (0: only build the input). With
//! `BEST=1`, the parses are timed in batches of about a millisecond and the fastest batch is
//! printed: background load only ever slows a batch down, so the minimum is the machine's
//! undisturbed speed.

use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("realistic", String::as_str);
    let size: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4096);
    let html = args.get(3).is_some_and(|a| a == "html");
    let text = match name {
        "realistic" => wamsg_bench::format::realistic(size),
        "typical" => wamsg_bench::format::typical(size),
        _ => {
            let Some((_, make)) = wamsg_bench::format::adversarial()
                .into_iter()
                .find(|(n, _)| *n == name)
            else {
                eprintln!("unknown input {name}");
                std::process::exit(2);
            };
            make(size)
        }
    };
    let total: usize = std::env::var("TOTAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64 << 20);
    let best = std::env::var("BEST").is_ok_and(|v| v == "1");
    let rounds = total / text.len().max(1);
    let parse = || {
        if html {
            std::hint::black_box(wamsg::format::to_html(std::hint::black_box(&text)));
        } else {
            std::hint::black_box(wamsg::format::parse(std::hint::black_box(&text)));
        }
    };
    if !best {
        for _ in 0..rounds {
            parse();
        }
        eprintln!("parsed {} bytes", rounds * text.len());
        return;
    }
    // About a millisecond per batch, at least one parse.
    let t = Instant::now();
    parse();
    let one = t.elapsed().max(Duration::from_nanos(100));
    let batch = (Duration::from_millis(1).as_nanos() / one.as_nanos()).max(1) as usize;
    let mut fastest = Duration::MAX;
    let mut done = 0;
    while done < rounds {
        let t = Instant::now();
        for _ in 0..batch {
            parse();
        }
        fastest = fastest.min(t.elapsed() / batch as u32);
        done += batch;
    }
    let mb_s = text.len() as f64 / fastest.as_secs_f64() / 1e6;
    println!(
        "{name} {} bytes: best {:.2} µs per parse, {mb_s:.0} MB/s",
        text.len(),
        fastest.as_secs_f64() * 1e6
    );
}
