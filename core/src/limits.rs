//! Every platform number in one place, each with its source.
//!
//! Source keys (D-TXT, REF-OLD, OAS, ...) are those of `docs/platform-rules.md` §0. Where
//! sources disagree the constant holds the value of Meta's newest official page and the
//! stricter value is named `*_STRICT` and produces a warning.

// ---------------------------------------------------------------------------------------
// Envelope (§1)
// ---------------------------------------------------------------------------------------

/// `biz_opaque_callback_data`: "Maximum 512 characters" (REF-OLD; PYWA `tracker`).
pub const BIZ_OPAQUE_CALLBACK_DATA: usize = 512;
/// A WhatsApp message id (wamid): max 128 characters (REF-OLD).
pub const WAMID: usize = 128;

// ---------------------------------------------------------------------------------------
// Messages (§2)
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Template send payloads (§3)
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Template definitions (§4)
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Webhooks (§8)
// ---------------------------------------------------------------------------------------

/// Latest accepted webhook timestamp: 9999-12-31T23:59:59Z. Meta sends Unix seconds; a later
/// value is almost always milliseconds, which would put the event in the far future and
/// wreck timestamp ordering in the reducer (inferred, no source states a bound).
pub const WEBHOOK_TIMESTAMP_MAX: i64 = 253_402_300_799;
