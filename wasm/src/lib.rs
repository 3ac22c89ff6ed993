//! WebAssembly bindings of the `wamsg` core, the engines of the npm package `wamsg`.
//!
//! A thin layer with no logic of its own: each export takes text and plain numbers, calls
//! the core with positions in UTF-16 code units (what JavaScript strings index by) and
//! returns JSON text or a string. The package's JavaScript (`pkg/src/`) checks argument
//! types and options, turns objects into JSON text, keeps oversized input from crossing into
//! WebAssembly memory, and parses the JSON answers; so these exports are not the public API.
//!
//! One crate, several WebAssembly modules: each cargo feature is one module's exports, and
//! `scripts/build-pkg` builds the crate once per module with only that feature, so a page
//! downloads only what it imports. [`engine`] (feature `engine`) is the package's main
//! entry: validation, preview, WhatsApp formatting, window, locale formatting, measures.
//! [`markdown`] (feature `markdown`, entry `wamsg/markdown`) converts Markdown to markup. [`webhook`] (feature `webhook`, entry `wamsg/webhook`) reads webhook
//! notifications into their typed model for servers. Native builds enable all features, so
//! every module is tested and linted.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::unreachable
    )
)]

pub mod boundary;
#[cfg(feature = "engine")]
pub mod engine;
#[cfg(feature = "markdown")]
pub mod markdown;
#[cfg(feature = "webhook")]
pub mod webhook;
