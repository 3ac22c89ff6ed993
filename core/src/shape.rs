//! The toolkit every validator is written with: a context that collects diagnostics, a
//! lazily rendered path, and checks for the recurring shapes (object with known fields,
//! required field, string with a length limit, enum value, ...).
//!
//! Validators never stop at the first problem: each helper reports and returns `None` when
//! the value is unusable, and the caller carries on with the next field.

use std::cell::Cell;

use crate::diagnostic::{Code, Diagnostic, DocumentKind, Pointer, Report, Segment, Severity, meta};
use crate::json::{self, JsonType, Member, Span, Value};
use crate::options::Options;
use crate::position;
use crate::suggest;
use crate::text;

/// A field the schema does not know.
pub const FIELD_UNKNOWN: Code = Code::new("field.unknown");
/// A required field is absent.
pub const FIELD_MISSING: Code = Code::new("field.missing");
/// A value of the wrong JSON type.
pub const TYPE_MISMATCH: Code = Code::new("type.mismatch");
/// A text longer than its limit (Unicode scalar values).
pub const TEXT_TOO_LONG: Code = Code::new("text.too_long");
/// A text within its limit in scalars but over it in UTF-16 units (what JavaScript counts).
pub const TEXT_UTF16_TOO_LONG: Code = Code::new("text.utf16_too_long");
/// An empty (or whitespace-only) text where content is required.
pub const TEXT_EMPTY: Code = Code::new("text.empty");
/// A value outside its set of allowed values.
pub const VALUE_NOT_ALLOWED: Code = Code::new("value.not_allowed");
/// Diagnostics beyond `Options::max_diagnostics` were left out.
pub const TOO_MANY_DIAGNOSTICS: Code = Code::new("report.truncated");

/// A JSON Pointer built on the stack while descending; rendered only when a diagnostic needs
/// it, so the valid path allocates nothing.
#[derive(Clone, Copy, Debug)]
pub struct Path<'p> {
    parent: Option<&'p Path<'p>>,
    seg: Seg<'p>,
}

#[derive(Clone, Copy, Debug)]
enum Seg<'p> {
    Root,
    Key(&'p str),
    Index(usize),
}

impl<'p> Path<'p> {
    /// The document root.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        seg: Seg::Root,
    };

    /// The child at `key`.
    #[must_use]
    pub fn key<'q>(&'q self, key: &'q str) -> Path<'q> {
        Path {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    /// The child at `index`.
    #[must_use]
    pub fn index(&self, index: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            seg: Seg::Index(index),
        }
    }

    /// Renders the pointer.
    #[must_use]
    pub fn pointer(&self) -> Pointer {
        // Sized first: one allocation instead of growing from empty (allocation is dear in
        // the WebAssembly build, and every diagnostic renders its pointer).
        let depth = std::iter::successors(Some(self), |p| p.parent).count();
        let mut segs = Vec::with_capacity(depth);
        let mut cur = Some(self);
        while let Some(p) = cur {
            match p.seg {
                Seg::Root => {}
                Seg::Key(k) => segs.push(Segment::Key(k.to_string())),
                Seg::Index(i) => segs.push(Segment::Index(i)),
            }
            cur = p.parent;
        }
        segs.reverse();
        Pointer(segs)
    }

    /// The last key, if the path ends in one (for messages such as "`body` is required").
    #[must_use]
    pub fn last_key(&self) -> Option<&'p str> {
        match self.seg {
            Seg::Key(k) => Some(k),
            _ => None,
        }
    }
}

/// Collects diagnostics for one document.
pub struct Ctx<'o> {
    /// The options in force.
    pub opts: &'o Options,
    /// Everything found so far.
    pub diags: Vec<Diagnostic>,
    /// The source text, when known: lets [`Ctx::sub_span`] point inside strings with escapes.
    src: &'o str,
    /// Where the last [`Ctx::sub_span`] walk stopped (diagnostics in one string come left to
    /// right, so one string is walked once).
    offsets: Cell<json::StrOffsets>,
}

impl<'o> Ctx<'o> {
    /// A fresh context that does not know the source text.
    #[must_use]
    pub fn new(opts: &'o Options) -> Self {
        Self::with_source(opts, "")
    }

    /// A fresh context for a document parsed from `src`.
    #[must_use]
    pub fn with_source(opts: &'o Options, src: &'o str) -> Self {
        Self {
            opts,
            diags: Vec::new(),
            src,
            offsets: Cell::new(json::StrOffsets::default()),
        }
    }

    /// The span of `range` (byte offsets into the decoded text of the string `v`) in the
    /// source; the whole string's span when that cannot be known.
    #[must_use]
    pub fn sub_span(&self, v: &Value<'_>, range: &std::ops::Range<usize>) -> Span {
        if v.is_verbatim_str() {
            let base = v.span.start as usize + 1;
            return Span::new(base + range.start, base + range.end);
        }
        if self.src.is_empty() {
            return v.span;
        }
        let mut cur = self.offsets.get();
        let mapped = cur
            .map(self.src, v, range.start)
            .zip(cur.map(self.src, v, range.end));
        self.offsets.set(cur);
        mapped.map_or(v.span, |(s, e)| Span::new(s, e))
    }

    /// Records a diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Records an error with its predicted Meta error code.
    pub fn error(
        &mut self,
        code: Code,
        meta_error: Option<u32>,
        path: &Path<'_>,
        span: Span,
        message: impl Into<String>,
    ) {
        let mut d = Diagnostic::new(Severity::Error, code, path.pointer(), span, message);
        d.meta_error = meta_error;
        self.diags.push(d);
    }

    /// Records a warning (with the Meta error code stricter sources predict, if any).
    pub fn warn(
        &mut self,
        code: Code,
        meta_error: Option<u32>,
        path: &Path<'_>,
        span: Span,
        message: impl Into<String>,
    ) {
        let mut d = Diagnostic::new(Severity::Warning, code, path.pointer(), span, message);
        d.meta_error = meta_error;
        self.diags.push(d);
    }

    /// Number of errors so far (to tell whether a sub-check found something).
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.diags.iter().filter(|d| d.is_error()).count()
    }

    /// Reports a type mismatch: "`what` must be a string, found a number".
    pub fn type_mismatch(&mut self, v: &Value<'_>, path: &Path<'_>, expected: &str) {
        let name = field_name(path);
        let found = v.json_type().with_article();
        self.error(
            TYPE_MISMATCH,
            Some(meta::INVALID_PARAMETER),
            path,
            v.span,
            format!("{name} must be {expected}, found {found}"),
        );
    }

    /// The members if `v` is an object; a type error otherwise.
    pub fn object<'v, 'a>(
        &mut self,
        v: &'v Value<'a>,
        path: &Path<'_>,
    ) -> Option<&'v [Member<'a>]> {
        let m = v.as_object();
        if m.is_none() {
            self.type_mismatch(v, path, "an object");
        }
        m
    }

    /// The items if `v` is an array; a type error otherwise.
    pub fn array<'v, 'a>(&mut self, v: &'v Value<'a>, path: &Path<'_>) -> Option<&'v [Value<'a>]> {
        let a = v.as_array();
        if a.is_none() {
            self.type_mismatch(v, path, "an array");
        }
        a
    }

    /// The string if `v` is one; a type error otherwise.
    pub fn string<'v>(&mut self, v: &'v Value<'_>, path: &Path<'_>) -> Option<&'v str> {
        let s = v.as_str();
        if s.is_none() {
            self.type_mismatch(v, path, "a string");
        }
        s
    }

    /// The boolean if `v` is one; a type error otherwise.
    pub fn boolean(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<bool> {
        let b = v.as_bool();
        if b.is_none() {
            self.type_mismatch(v, path, "a boolean");
        }
        b
    }

    /// The number as `f64` if `v` is a number; a type error otherwise.
    pub fn number(&mut self, v: &Value<'_>, path: &Path<'_>) -> Option<f64> {
        if v.json_type() != JsonType::Number {
            self.type_mismatch(v, path, "a number");
            return None;
        }
        v.as_f64()
    }

    /// Reports every member of `members` whose key is not in `known` (with a did-you-mean),
    /// as the platform's "(#100) Invalid parameter".
    pub fn unknown_fields(&mut self, members: &[Member<'_>], path: &Path<'_>, known: &[&str]) {
        for m in members {
            if !known.iter().any(|k| json::key_eq(k, m.key)) {
                let p = path.key(m.key);
                let hint = suggest::hint(m.key, known);
                let what = match path.last_key() {
                    Some(k) => format!("`{k}`"),
                    None => "the document".to_string(),
                };
                self.error(
                    FIELD_UNKNOWN,
                    Some(meta::INVALID_PARAMETER),
                    &p,
                    m.key_span,
                    format!("unknown field \"{}\" in {what}{hint}", m.key),
                );
            }
        }
    }

    /// The value at `key`, or a "required" error located at the object (`parent`).
    pub fn required<'v, 'a>(
        &mut self,
        members: &'v [Member<'a>],
        parent: Span,
        path: &Path<'_>,
        key: &str,
    ) -> Option<&'v Value<'a>> {
        let v = json::get(members, key);
        if v.is_none() {
            let p = path.key(key);
            let owner = match path.last_key() {
                Some(k) => format!(" in `{k}`"),
                None => String::new(),
            };
            self.error(
                FIELD_MISSING,
                Some(meta::MISSING_PARAMETER),
                &p,
                Span::new(parent.start as usize, parent.start as usize + 1),
                format!("`{key}` is required{owner}"),
            );
        }
        v
    }

    /// A required string field.
    pub fn required_str<'v, 'a>(
        &mut self,
        members: &'v [Member<'a>],
        parent: Span,
        path: &Path<'_>,
        key: &str,
    ) -> Option<(&'v str, &'v Value<'a>)> {
        let v = self.required(members, parent, path, key)?;
        let s = self.string(v, &path.key(key))?;
        Some((s, v))
    }

    /// An optional string field (type-checked when present).
    pub fn optional_str<'v, 'a>(
        &mut self,
        members: &'v [Member<'a>],
        path: &Path<'_>,
        key: &str,
    ) -> Option<(&'v str, &'v Value<'a>)> {
        let v = json::get(members, key)?;
        let s = self.string(v, &path.key(key))?;
        Some((s, v))
    }

    /// Checks `s` (the string value `v`) against `max` Unicode scalar values. Over the limit:
    /// an error with `meta_error`. Within it in scalars but over it in UTF-16 units: a warning,
    /// since JavaScript SDKs that count `length` would refuse it. Returns false when too long.
    pub fn max_chars(
        &mut self,
        s: &str,
        v: &Value<'_>,
        path: &Path<'_>,
        max: usize,
        meta_error: u32,
    ) -> bool {
        // Cheap exit: a string of at most `max` bytes has at most `max` scalars and UTF-16 units.
        if s.len() <= max {
            return true;
        }
        let scalars = text::scalar_len(s);
        let name = field_name(path);
        if scalars > max {
            self.error(
                TEXT_TOO_LONG,
                Some(meta_error),
                path,
                v.span,
                format!("{name} is {scalars} characters long; the limit is {max}"),
            );
            return false;
        }
        let utf16 = text::utf16_len(s);
        if utf16 > max {
            self.warn(
                TEXT_UTF16_TOO_LONG,
                None,
                path,
                v.span,
                format!(
                    "{name} is {scalars} characters but {utf16} UTF-16 code units; the platform accepts it, \
                     but JavaScript SDKs that count UTF-16 against the limit of {max} will refuse it"
                ),
            );
        }
        true
    }

    /// Reports an empty or whitespace-only text where content is required.
    pub fn non_blank(&mut self, s: &str, v: &Value<'_>, path: &Path<'_>) -> bool {
        // Most texts start with a visible ASCII character: decided without a Unicode trim.
        let visible_start = s.as_bytes().first().is_some_and(|b| b.is_ascii_graphic());
        if !visible_start && s.trim().is_empty() {
            let name = field_name(path);
            self.error(
                TEXT_EMPTY,
                Some(meta::INVALID_VALUE),
                path,
                v.span,
                format!("{name} must not be empty"),
            );
            return false;
        }
        true
    }

    /// Checks that the string `v` is one of `allowed`; returns the matching entry.
    pub fn one_of<'c>(
        &mut self,
        v: &Value<'_>,
        path: &Path<'_>,
        allowed: &[&'c str],
    ) -> Option<&'c str> {
        let s = self.string(v, path)?;
        if let Some(a) = allowed.iter().find(|a| json::key_eq(a, s)) {
            return Some(a);
        }
        let name = field_name(path);
        let list = allowed
            .iter()
            .map(|a| format!("\"{a}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let hint = suggest::hint(s, allowed);
        self.error(
            VALUE_NOT_ALLOWED,
            Some(meta::INVALID_VALUE),
            path,
            v.span,
            format!("{name} is \"{}\"; allowed: {list}{hint}", truncate(s, 80)),
        );
        None
    }
}

/// "`body`" or "the value" for messages.
#[must_use]
pub fn field_name(path: &Path<'_>) -> String {
    match path.seg {
        Seg::Key(k) => format!("`{k}`"),
        Seg::Index(i) => match path.parent.and_then(Path::last_key) {
            Some(k) => format!("`{k}[{i}]`"),
            None => format!("item {i}"),
        },
        Seg::Root => "the document".to_string(),
    }
}

/// Shortens `s` to `max` characters with an ellipsis, for quoting user values in messages.
#[must_use]
pub fn truncate(s: &str, max: usize) -> String {
    // No more bytes than `max` means no more characters: no need to count them.
    if s.len() <= max {
        return s.to_string();
    }
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or(s)),
        None => s.to_string(),
    }
}

/// Parses `src`, runs `check` on the tree, and builds the report: positions resolved in the
/// requested units, diagnostics ordered by position and capped at `opts.max_diagnostics`.
pub fn run(
    src: &str,
    opts: &Options,
    kind: DocumentKind,
    check: impl FnOnce(&mut Ctx<'_>, &Value<'_>),
) -> Report {
    let arena = json::Arena::for_source(src.len());
    let parsed = json::parse(src, &arena, &opts.parse);
    let mut ctx = Ctx::with_source(opts, src);
    ctx.diags = parsed.diagnostics;
    if let Some(value) = &parsed.value {
        check(&mut ctx, value);
    }
    finish(src, opts, kind, ctx.diags)
}

/// Orders, caps and positions diagnostics into a report.
#[must_use]
pub fn finish(src: &str, opts: &Options, kind: DocumentKind, mut diags: Vec<Diagnostic>) -> Report {
    // Stable sort: same-position diagnostics keep the order the validator found them in.
    diags.sort_by_key(|d| d.span.start);
    let max = opts.max_diagnostics.max(1);
    if diags.len() > max {
        let left_out = diags.len() - max;
        // Keep every error we can: drop warnings first.
        let errors = diags.iter().filter(|d| d.is_error()).count();
        if errors >= max {
            diags.retain(Diagnostic::is_error);
        } else {
            let mut warnings_left = max - errors;
            diags.retain(|d| {
                if d.is_error() {
                    return true;
                }
                if warnings_left > 0 {
                    warnings_left -= 1;
                    true
                } else {
                    false
                }
            });
        }
        diags.truncate(max);
        let last = diags.last().map_or(Span::default(), |d| d.span);
        diags.push(Diagnostic::warning(
            TOO_MANY_DIAGNOSTICS,
            Pointer::root(),
            last,
            format!("{left_out} more diagnostics were left out (limit {max})"),
        ));
    }
    position::resolve(src, &mut diags, opts.units);
    Report::new(kind, diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_render_lazily() {
        let root = Path::ROOT;
        let a = root.key("interactive");
        let b = a.key("buttons");
        let c = b.index(2);
        let d = c.key("a/b");
        assert_eq!(d.pointer().to_string(), "/interactive/buttons/2/a~1b");
        assert_eq!(field_name(&c), "`buttons[2]`");
        assert_eq!(field_name(&root), "the document");
    }

    #[test]
    fn helpers_report_every_problem() {
        let src =
            r#"{"txt": "x", "body": 5, "kind": "imgae", "long": "abcdef", "emoji": "😀😀😀"}"#;
        let opts = Options::default();
        let report = run(src, &opts, DocumentKind::Message, |ctx, v| {
            let root = Path::ROOT;
            let m = ctx.object(v, &root).unwrap();
            ctx.unknown_fields(m, &root, &["text", "body", "kind", "long", "emoji"]);
            let body = ctx.required(m, v.span, &root, "body").unwrap();
            assert!(ctx.string(body, &root.key("body")).is_none());
            assert!(ctx.required(m, v.span, &root, "missing").is_none());
            let kind = json::get(m, "kind").unwrap();
            assert!(
                ctx.one_of(kind, &root.key("kind"), &["image", "video"])
                    .is_none()
            );
            let (s, lv) = ctx.optional_str(m, &root, "long").unwrap();
            assert!(!ctx.max_chars(s, lv, &root.key("long"), 5, meta::INVALID_VALUE));
            let (s, ev) = ctx.optional_str(m, &root, "emoji").unwrap();
            assert!(ctx.max_chars(s, ev, &root.key("emoji"), 5, meta::INVALID_VALUE));
        });
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.path.to_string(), d.line, d.column))
            .collect();
        assert_eq!(
            got,
            vec![
                ("field.missing", "/missing".to_string(), 1, 1),
                ("field.unknown", "/txt".to_string(), 1, 2),
                ("type.mismatch", "/body".to_string(), 1, 22),
                ("value.not_allowed", "/kind".to_string(), 1, 33),
                ("text.too_long", "/long".to_string(), 1, 50),
                ("text.utf16_too_long", "/emoji".to_string(), 1, 69),
            ]
        );
        assert!(
            report.diagnostics[1]
                .message
                .contains("did you mean \"text\"")
        );
        assert!(
            report.diagnostics[3]
                .message
                .contains("did you mean \"image\"")
        );
        assert!(!report.valid);
    }

    #[test]
    fn reports_are_capped() {
        let opts = Options {
            max_diagnostics: 3,
            ..Options::default()
        };
        let report = run("{}", &opts, DocumentKind::Message, |ctx, v| {
            for _ in 0..10 {
                ctx.warn(TEXT_EMPTY, None, &Path::ROOT, v.span, "w");
            }
            ctx.error(TEXT_EMPTY, None, &Path::ROOT, v.span, "e");
        });
        assert_eq!(report.diagnostics.len(), 4);
        assert_eq!(report.errors().count(), 1);
        assert_eq!(report.diagnostics[3].code, TOO_MANY_DIAGNOSTICS);
        assert!(report.diagnostics[3].message.starts_with("8 more"));
    }

    #[test]
    fn truncate_quotes() {
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("ab", 3), "ab");
    }
}
