//! Arbitrary bytes as a message and as a template definition through `render` and
//! `check_send`: no panic, diagnostics inside the message, HTML without live tags.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::template::{Params, RenderOptions, Template, check_send, render};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // One input holds both documents: message, a NUL, definition.
    let (message, definition) = text.split_once('\0').unwrap_or((text, text));
    let opts = RenderOptions {
        template: Some(definition.to_string()),
        ..RenderOptions::default()
    };
    let preview = render(message, &opts);
    for d in &preview.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end as usize <= message.len());
    }
    assert!(!preview.to_html().contains("<script"));
    let _ = preview.to_text();
    let o = wamsg::Options::default();
    if let (Some(t), Some(p)) = (
        Template::prepare(definition, None, None, &o),
        Params::from_message(message, &o),
    ) {
        let _ = t.hydrate(&p).to_html();
    }
    let report = check_send(message, definition, &o);
    for d in &report.diagnostics {
        assert!(d.span.end as usize <= message.len());
    }
});
