//! Shared inputs for the benchmarks: realistic and adversarial documents generated from a
//! fixed seed, so every run measures the same bytes.

pub mod format;
