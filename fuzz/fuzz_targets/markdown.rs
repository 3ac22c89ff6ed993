//! Arbitrary Markdown through the converter, and its output back through the parser: no
//! panic, and the output round-trips as WhatsApp markup.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::format;

fuzz_target!(|data: &[u8]| {
    let Ok(md) = std::str::from_utf8(data) else {
        return;
    };
    let wa = format::markdown_to_whatsapp(md);
    assert_eq!(format::parse(&wa).to_markup(), wa);
});
