//! Arbitrary bytes validated as a message, Cloud and On-Prem: no panic, spans inside the
//! input, positions 1-based, `valid` agrees with the errors, and the report is bounded.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wamsg::{DocumentKind, Options};

fuzz_target!(|data: &[u8]| {
    if data.len() > 64 * 1024 {
        return;
    }
    for opts in [Options::default(), Options::on_prem()] {
        let report = wamsg::check_bytes(data, Some(DocumentKind::Message), &opts);
        assert!(report.diagnostics.len() <= opts.max_diagnostics + 1);
        for d in &report.diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end as usize <= data.len().max(1));
            assert!(d.line >= 1 && d.column >= 1);
            assert!(!d.message.is_empty());
        }
        assert_eq!(
            report.valid,
            report.diagnostics.iter().all(|d| !d.is_error())
        );
    }
});
