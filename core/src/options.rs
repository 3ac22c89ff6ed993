//! Options shared by every validator: which API flavour, size and nesting limits, units.

use crate::json::ParseOptions;
use crate::position::Units;

/// Which API the payload is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Api {
    /// The Cloud API (`messaging_product: "whatsapp"`), the default.
    #[default]
    Cloud,
    /// The On-Premises API (sunset 2025-10-23): top-level `preview_url`, `namespace`,
    /// media `provider`, no `messaging_product`.
    OnPrem,
}

impl Api {
    /// `"cloud"` or `"on-prem"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cloud => "cloud",
            Self::OnPrem => "on-prem",
        }
    }
}

/// Options for validation. Public fields with defaults, so callers write
/// `Options { api: Api::OnPrem, ..Options::default() }`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// API flavour.
    pub api: Api,
    /// Input size and nesting limits.
    pub parse: ParseOptions,
    /// At most this many diagnostics per document (default 1000); a final warning says how
    /// many were left out. Keeps reports bounded on hostile input.
    pub max_diagnostics: usize,
    /// How columns and spans are counted (the wasm layer asks for UTF-16).
    pub units: Units,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            api: Api::Cloud,
            parse: ParseOptions::default(),
            max_diagnostics: 1000,
            units: Units::Scalars,
        }
    }
}

impl Options {
    /// Options for the On-Premises API.
    #[must_use]
    pub fn on_prem() -> Self {
        Self {
            api: Api::OnPrem,
            ..Self::default()
        }
    }
}
