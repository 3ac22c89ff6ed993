//! What validation reports: one [`Diagnostic`] per problem, all problems at once.
//!
//! A diagnostic names a stable [`Code`], the JSON Pointer of the offending value, its
//! position in the input (byte span, 1-based line and column), a message a person can act
//! on, and the Graph API error code Meta would most likely answer with.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::json::Span;

/// Error or warning. Errors are what the platform rejects; warnings are what older docs,
/// SDKs or review guidelines are stricter about, or what is likely a mistake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The platform rejects this.
    Error,
    /// Accepted by the platform, but stricter sources disagree or it is likely a mistake.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// A stable diagnostic code such as `text.too_long`. Codes are listed, with an example each,
/// in `docs/codes.md`; a test keeps the list and the code in step.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(&'static str);

impl Code {
    /// Declares a code. Only the crate declares codes, so the catalogue stays complete.
    pub(crate) const fn new(code: &'static str) -> Self {
        Self(code)
    }

    /// The code as text.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0)
    }
}

/// Graph API error codes a pre-flight check can predict (`reference/platform-rules.md` §9).
pub mod meta {
    /// Invalid parameter: unknown or misspelled field.
    pub const INVALID_PARAMETER: u32 = 100;
    /// Required parameter is missing.
    pub const MISSING_PARAMETER: u32 = 131_008;
    /// Parameter value is not valid.
    pub const INVALID_VALUE: u32 = 131_009;
    /// Re-engagement message: outside the 24-hour customer-care window (Cloud API).
    pub const REENGAGEMENT: u32 = 131_047;
    /// Unsupported message type.
    pub const UNSUPPORTED_TYPE: u32 = 131_051;
    /// Business-scoped user id recipients are not supported for this message.
    pub const BSUID_UNSUPPORTED: u32 = 131_062;
    /// Number of template parameters does not match the template.
    pub const PARAM_COUNT: u32 = 132_000;
    /// Template (name + language) does not exist.
    pub const TEMPLATE_MISSING: u32 = 132_001;
    /// Hydrated template text too long.
    pub const HYDRATED_TOO_LONG: u32 = 132_005;
    /// Template format character policy violated.
    pub const FORMAT_CHARACTER: u32 = 132_007;
    /// Parameter format does not match the template.
    pub const PARAM_FORMAT: u32 = 132_012;
    /// Text parameter contains a newline, a tab or more than four spaces in a row.
    pub const PARAM_WHITESPACE: u32 = 132_018;
    /// Re-engagement message: outside the 24-hour window (On-Premises API).
    pub const ONPREM_REENGAGEMENT: u32 = 470;
}

/// One segment of a JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// An RFC 6901 JSON Pointer, kept as segments; `Display` gives `/a/0/b~1c`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pointer(pub Vec<Segment>);

impl Pointer {
    /// The root pointer `""`.
    #[must_use]
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// The segments.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Appends a key.
    #[must_use]
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.0.push(Segment::Key(key.into()));
        self
    }

    /// Appends an index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }
}

impl Pointer {
    /// Appends the pointer's RFC 6901 text to `out` (`/a/0/b~1c`): what `Display` writes,
    /// without the formatting machinery, which the WebAssembly engine's reports avoid (it
    /// was most of their cost, and its integer formatting adds code to the module).
    pub fn write_to(&self, out: &mut String) {
        for seg in &self.0 {
            out.push('/');
            match seg {
                Segment::Index(i) => {
                    let mut digits = [0u8; 20];
                    let mut at = digits.len();
                    let mut i = *i;
                    loop {
                        at -= 1;
                        if let Some(d) = digits.get_mut(at) {
                            *d = b'0' + (i % 10) as u8;
                        }
                        i /= 10;
                        if i == 0 || at == 0 {
                            break;
                        }
                    }
                    // ASCII digits: always UTF-8.
                    out.push_str(
                        std::str::from_utf8(digits.get(at..).unwrap_or_default()).unwrap_or("0"),
                    );
                }
                Segment::Key(k) => {
                    // Runs between `~` and `/` (in most keys, the whole key) at once: a
                    // `push` per character stayed a call each in the WebAssembly build.
                    let mut rest = k.as_str();
                    while let Some(i) = rest.bytes().position(|b| b == b'~' || b == b'/') {
                        out.push_str(rest.get(..i).unwrap_or_default());
                        out.push_str(if rest.as_bytes().get(i) == Some(&b'~') {
                            "~0"
                        } else {
                            "~1"
                        });
                        rest = rest.get(i + 1..).unwrap_or_default();
                    }
                    out.push_str(rest);
                }
            }
        }
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

impl Serialize for Pointer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One problem found in an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, e.g. `text.too_long`.
    pub code: Code,
    /// JSON Pointer of the offending value (or of the object a missing field belongs in).
    pub path: Pointer,
    /// 1-based line of the offending value in the input.
    pub line: u32,
    /// 1-based column, counted in Unicode scalar values (UTF-16 code units in JavaScript).
    pub column: u32,
    /// What is wrong and, where possible, how to fix it.
    pub message: String,
    /// The Graph API error code the platform would answer with, if one is known.
    #[serde(rename = "metaError", skip_serializing_if = "Option::is_none")]
    pub meta_error: Option<u32>,
    /// Byte span of the offending value in the input (UTF-16 offsets in JavaScript).
    pub span: Span,
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(2)?;
        t.serialize_element(&self.start)?;
        t.serialize_element(&self.end)?;
        t.end()
    }
}

impl Diagnostic {
    /// A diagnostic without position; [`crate::position::resolve`] fills in line and column
    /// from the span.
    #[must_use]
    pub fn new(
        severity: Severity,
        code: Code,
        path: Pointer,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity,
            code,
            path,
            line: 0,
            column: 0,
            message: message.into(),
            meta_error: None,
            span,
        }
    }

    /// An error.
    #[must_use]
    pub fn error(code: Code, path: Pointer, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path, span, message)
    }

    /// A warning.
    #[must_use]
    pub fn warning(code: Code, path: Pointer, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path, span, message)
    }

    /// Sets the predicted Graph API error code.
    #[must_use]
    pub fn with_meta(mut self, code: u32) -> Self {
        self.meta_error = Some(code);
        self
    }

    /// True for errors.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} [{}] ",
            self.line,
            self.column,
            self.severity.as_str(),
            self.code
        )?;
        if !self.path.0.is_empty() {
            write!(f, "at {}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(m) = self.meta_error {
            write!(f, " (Meta error {m})")?;
        }
        Ok(())
    }
}

/// What kind of document was checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// An outbound message (send payload, mark-as-read, typing indicator).
    Message,
    /// A template definition.
    Template,
    /// A webhook notification.
    Webhook,
}

impl DocumentKind {
    /// `"message"`, `"template"` or `"webhook"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Message => "message",
            Self::Template => "template",
            Self::Webhook => "webhook",
        }
    }
}

/// The result of validating one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// True when there is no error (warnings allowed).
    pub valid: bool,
    /// What was checked.
    pub kind: DocumentKind,
    /// Every problem found, ordered by position in the input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Builds a report; `valid` is derived from the diagnostics.
    #[must_use]
    pub fn new(kind: DocumentKind, diagnostics: Vec<Diagnostic>) -> Self {
        let valid = !diagnostics.iter().any(Diagnostic::is_error);
        Self {
            valid,
            kind,
            diagnostics,
        }
    }

    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let p = Pointer::root().key("a/b").key("m~n").index(3).key("");
        assert_eq!(p.to_string(), "/a~1b/m~0n/3/");
        assert_eq!(Pointer::root().to_string(), "");
        // Escapes at either end, next to each other, beside non-ASCII; indexes of any size.
        let p = Pointer::root()
            .key("~")
            .key("/~/")
            .key("é~€/x")
            .index(0)
            .index(usize::MAX);
        assert_eq!(
            p.to_string(),
            format!("/~0/~1~0~1/é~0€~1x/0/{}", usize::MAX)
        );
    }

    #[test]
    fn diagnostic_serializes_to_the_documented_shape() {
        let d = Diagnostic::error(
            Code::new("text.too_long"),
            Pointer::root().key("text").key("body"),
            Span::new(3, 9),
            "too long",
        )
        .with_meta(meta::INVALID_VALUE);
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(v["severity"], "error");
        assert_eq!(v["code"], "text.too_long");
        assert_eq!(v["path"], "/text/body");
        assert_eq!(v["metaError"], 131_009);
        assert_eq!(v["span"], serde_json::json!([3, 9]));
        let w = Diagnostic::warning(Code::new("x.y"), Pointer::root(), Span::default(), "m");
        assert!(serde_json::to_value(&w).unwrap().get("metaError").is_none());
    }

    #[test]
    fn report_validity_ignores_warnings() {
        let w = Diagnostic::warning(Code::new("x.y"), Pointer::root(), Span::default(), "m");
        assert!(Report::new(DocumentKind::Message, vec![w.clone()]).valid);
        let e = Diagnostic::error(Code::new("x.y"), Pointer::root(), Span::default(), "m");
        assert!(!Report::new(DocumentKind::Message, vec![w, e]).valid);
    }
}
