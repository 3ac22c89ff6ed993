//! Typed model (in progress).
