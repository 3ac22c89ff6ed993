use std::hint::black_box;
fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let docs = if which == "broken" {
        wamsg_bench::broken_messages(500, wamsg_bench::SEED)
    } else {
        wamsg_bench::valid_messages(500, wamsg_bench::SEED)
    };
    let opts = wamsg::Options::default();
    for d in docs.iter().cycle().take(docs.len() * 10) {
        if which == "none" {
            black_box(d);
        } else if which == "parse" {
            black_box(
                wamsg::json::parse(std::str::from_utf8(d).unwrap(), &opts.parse)
                    .value
                    .is_some(),
            );
        } else if which == "serde" {
            black_box(serde_json::from_slice::<serde_json::Value>(d).ok());
        } else {
            black_box(wamsg::check_bytes(
                d,
                Some(wamsg::DocumentKind::Message),
                &opts,
            ));
        }
    }
}
