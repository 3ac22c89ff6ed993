//! Arbitrary text through the placeholder lexer and hydration: no panic, tokens tile the
//! text exactly, every span is in bounds and on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::template::placeholder::{Scan, hydrate, lex};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut at = 0;
    for t in lex(text) {
        let r = t.span();
        assert_eq!(r.start, at);
        assert!(r.start < r.end && r.end <= text.len());
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        at = r.end;
    }
    assert_eq!(at, text.len());
    let scan = Scan::of(text);
    let _ = (scan.gaps(), scan.first_out_of_order(), scan.count());
    // Hydrating with nothing gives the text back unchanged.
    assert_eq!(hydrate(text, |_| None::<&str>), text);
});
