//! `wamsg check`: validate documents, print diagnostics, exit 1 when any has an error.

use clap::{Args as ClapArgs, ValueEnum};
use serde::Serialize;
use wamsg::{Api, Diagnostic, DocumentKind, Options};

use crate::Outcome;
use crate::input;

#[derive(ClapArgs)]
pub(crate) struct Args {
    /// What the inputs are; `auto` decides by shape.
    #[arg(long = "as", value_enum, default_value_t = As::Auto)]
    kind: As,
    /// Which API the messages are for.
    #[arg(long, value_enum, default_value_t = ApiArg::Cloud)]
    api: ApiArg,
    /// Each input holds one JSON document per line.
    #[arg(long)]
    ndjson: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Input files; none or `-` reads standard input.
    files: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum As {
    Auto,
    Message,
    Template,
    Webhook,
}

#[derive(Clone, Copy, ValueEnum)]
enum ApiArg {
    Cloud,
    #[value(name = "on-prem")]
    OnPrem,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Serialize)]
struct DocReport<'a> {
    source: &'a str,
    line: usize,
    kind: DocumentKind,
    valid: bool,
    diagnostics: Vec<Diagnostic>,
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let inputs = input::read_all_bytes(&args.files)?;
    let opts = Options {
        api: match args.api {
            ApiArg::Cloud => Api::Cloud,
            ApiArg::OnPrem => Api::OnPrem,
        },
        ..Options::default()
    };
    let kind = match args.kind {
        As::Auto => None,
        As::Message => Some(DocumentKind::Message),
        As::Template => Some(DocumentKind::Template),
        As::Webhook => Some(DocumentKind::Webhook),
    };
    let mut reports = Vec::new();
    for (name, bytes) in &inputs {
        if args.ndjson {
            ndjson(name, bytes, kind, &opts, &mut reports);
        } else {
            // Bytes, not text: input that is not UTF-8 gets a diagnostic with its offset.
            let r = wamsg::check_bytes(bytes, kind, &opts);
            reports.push(DocReport {
                source: name,
                line: 1,
                kind: r.kind,
                valid: r.valid,
                diagnostics: r.diagnostics,
            });
        }
    }
    let out = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&reports).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Human => human(&reports, args.ndjson),
    };
    input::emit(&out)?;
    Ok(if reports.iter().all(|r| r.valid) {
        Outcome::Clean
    } else {
        Outcome::Invalid
    })
}

/// One report per non-blank line. Diagnostic lines and spans are made relative to the whole
/// input, so `line`/`column` point into the file as DESIGN.md says.
fn ndjson<'a>(
    name: &'a str,
    bytes: &[u8],
    kind: Option<DocumentKind>,
    opts: &Options,
    reports: &mut Vec<DocReport<'a>>,
) {
    let mut start = 0usize;
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let line_start = start;
        start += raw.len() + 1;
        let doc = raw.strip_suffix(b"\r").unwrap_or(raw);
        if doc.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut r = wamsg::check_bytes(doc, kind, opts);
        let line_no = u32::try_from(i).unwrap_or(u32::MAX);
        let shift = u32::try_from(line_start).unwrap_or(u32::MAX);
        for d in &mut r.diagnostics {
            d.line = d.line.saturating_add(line_no);
            d.span.start = d.span.start.saturating_add(shift);
            d.span.end = d.span.end.saturating_add(shift);
        }
        reports.push(DocReport {
            source: name,
            line: i + 1,
            kind: r.kind,
            valid: r.valid,
            diagnostics: r.diagnostics,
        });
    }
}

fn human(reports: &[DocReport<'_>], ndjson: bool) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let (mut errors, mut warnings) = (0, 0);
    for r in reports {
        let at = if ndjson {
            format!("{}:{}", r.source, r.line)
        } else {
            r.source.to_string()
        };
        for d in &r.diagnostics {
            if d.is_error() {
                errors += 1;
            } else {
                warnings += 1;
            }
            let (line, col) = (d.line, d.column);
            let _ = write!(
                s,
                "{}:{line}:{col}: {} [{}]",
                r.source,
                d.severity.as_str(),
                d.code
            );
            if !d.path.segments().is_empty() {
                let _ = write!(s, " {}", d.path);
            }
            let _ = write!(s, ": {}", d.message);
            if let Some(m) = d.meta_error {
                let _ = write!(s, " (Meta error {m})");
            }
            s.push('\n');
        }
        if r.diagnostics.is_empty() {
            let _ = writeln!(s, "{at}: ok ({})", r.kind.as_str());
        }
    }
    let docs = reports.len();
    let _ = writeln!(
        s,
        "{docs} document{}, {errors} error{}, {warnings} warning{}",
        if docs == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" }
    );
    s
}
