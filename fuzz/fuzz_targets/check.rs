//! Arbitrary bytes through auto-detection and every validator: no panic, and a report whose
//! spans stay inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Work budget: messages are small; beyond 64 KiB only the size check is exercised.
    if data.len() > 64 * 1024 {
        return;
    }
    let report = wamsg::check_bytes(data, None, &wamsg::Options::default());
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end as usize <= data.len());
        assert!(d.line >= 1 && d.column >= 1);
    }
    assert_eq!(report.valid, report.diagnostics.iter().all(|d| !d.is_error()));
});
