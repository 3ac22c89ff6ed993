//! Arbitrary text through the webhook validator, the typed model and the reducer: no panic;
//! spans inside the input; a model exactly when the report is valid (the validator and the
//! model never disagree); and the reducer's result does not depend on the order of events.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::webhook::{self, reduce};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let (model, report) = webhook::parse(src, &wamsg::Options::default());
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end as usize <= data.len());
        assert!(d.line >= 1 && d.column >= 1);
        assert_ne!(d.code, webhook::MODEL_MISMATCH, "{}", d.message);
        assert!(d.meta_error.is_none() || d.code.as_str().starts_with("json."));
    }
    assert_eq!(model.is_some(), report.valid);
    if let Some(n) = model {
        let events: Vec<_> = n.statuses().collect();
        let forward = reduce(events.iter().copied());
        let backward = reduce(events.iter().rev().copied());
        assert_eq!(forward, backward);
    }
});
