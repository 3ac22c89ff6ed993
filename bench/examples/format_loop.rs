//! Parses one benchmark input in a loop, for instruction counts under callgrind
//! (see BENCHMARKS.md, "Formatting"):
//!
//! `TOTAL=2097152 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
//!   target/release/examples/format_loop list_lines 1048576 [html]`
//!
//! `TOTAL` is how many input bytes to parse in all (0: only build the input).

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("realistic", String::as_str);
    let size: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(4096);
    let html = args.get(3).is_some_and(|a| a == "html");
    let text = if name == "realistic" {
        wamsg_bench::format::realistic(size)
    } else {
        let Some((_, make)) = wamsg_bench::format::adversarial()
            .into_iter()
            .find(|(n, _)| *n == name)
        else {
            eprintln!("unknown input {name}");
            std::process::exit(2);
        };
        make(size)
    };
    let total: usize = std::env::var("TOTAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64 << 20);
    let rounds = total / text.len().max(1);
    for _ in 0..rounds {
        if html {
            std::hint::black_box(wamsg::format::to_html(std::hint::black_box(&text)));
        } else {
            std::hint::black_box(wamsg::format::parse(std::hint::black_box(&text)));
        }
    }
    eprintln!("parsed {} bytes", rounds * text.len());
}
