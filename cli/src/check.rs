//! `wamsg check`: validate documents, print diagnostics, exit 1 when any has an error.

use clap::{Args as ClapArgs, ValueEnum};
use serde::Serialize;
use wamsg::{Api, Diagnostic, DocumentKind, Options, window};

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
    /// Time of the user's last inbound message (RFC 3339): adds the customer-care window and
    /// billing preview to each message's report.
    #[arg(long, value_name = "TIME")]
    last_inbound: Option<String>,
    /// The time to judge the window at (RFC 3339; default: the system clock). Given alone, it
    /// means the user never wrote: only templates may be sent.
    #[arg(long, value_name = "TIME")]
    now: Option<String>,
    /// End of an open free entry point window (RFC 3339).
    #[arg(long, value_name = "TIME")]
    free_entry_point_until: Option<String>,
    /// The template definition of template messages: checks each one against it (parameter
    /// counts and types, language, buttons) and gives the billing category.
    #[arg(long, value_name = "DEF.json")]
    template: Option<String>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    window: Option<window::Window>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sendable: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    billing: Option<window::Billing>,
}

impl<'a> DocReport<'a> {
    fn new(
        source: &'a str,
        line: usize,
        bytes: &[u8],
        kind: Option<DocumentKind>,
        opts: &Options,
        ctx: &WindowArgs,
    ) -> Self {
        // Bytes, not text: input that is not UTF-8 gets a diagnostic with its offset.
        let Ok(text) = std::str::from_utf8(bytes) else {
            let r = wamsg::check_bytes(bytes, kind, opts);
            return DocReport {
                source,
                line,
                kind: r.kind,
                valid: r.valid,
                diagnostics: r.diagnostics,
                window: None,
                sendable: None,
                billing: None,
            };
        };
        let mut r = wamsg::check(text, kind, opts);
        // With a definition, template messages are also checked against it (132000, 132001, ...).
        if let (Some(def), DocumentKind::Message) = (&ctx.template, r.kind) {
            r = wamsg::template::check_send(text, def, opts);
        }
        let mut doc = DocReport {
            source,
            line,
            kind: r.kind,
            valid: r.valid,
            diagnostics: r.diagnostics,
            window: None,
            sendable: None,
            billing: None,
        };
        if let (Some(facts), DocumentKind::Message) = (&ctx.facts, doc.kind) {
            let a = window::assess(text, ctx.template.as_deref(), facts, opts);
            // Parse errors are already in the report once.
            doc.diagnostics.extend(
                a.diagnostics
                    .into_iter()
                    .filter(|d| !d.code.as_str().starts_with("json.")),
            );
            doc.diagnostics.sort_by_key(|d| d.span.start);
            doc.valid = doc.valid && a.sendable;
            doc.window = Some(a.window);
            doc.sendable = Some(a.sendable);
            doc.billing = a.billing;
        }
        doc
    }
}

/// The window facts, when `--last-inbound` or `--now` asked for them.
struct WindowArgs {
    facts: Option<window::Facts>,
    template: Option<String>,
}

fn time_arg(flag: &str, value: Option<&String>) -> Result<Option<i64>, String> {
    value
        .map(|v| {
            window::parse_rfc3339(v).ok_or_else(|| {
                format!("--{flag}: \"{v}\" is not an RFC 3339 time such as 2025-07-01T12:00:00Z")
            })
        })
        .transpose()
}

fn window_args(args: &Args) -> Result<WindowArgs, String> {
    let last_inbound = time_arg("last-inbound", args.last_inbound.as_ref())?;
    let now = time_arg("now", args.now.as_ref())?;
    let free_entry_point_until = time_arg(
        "free-entry-point-until",
        args.free_entry_point_until.as_ref(),
    )?;
    let template = match &args.template {
        Some(path) => Some(input::read_one(path)?.text),
        None => None,
    };
    let facts = if last_inbound.is_some() || now.is_some() {
        let now = match now {
            Some(n) => n,
            None => std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_err(|e| format!("the system clock is before 1970: {e}"))?
                .as_secs()
                .try_into()
                .map_err(|_| "the system clock is out of range".to_string())?,
        };
        Some(window::Facts {
            last_inbound,
            now,
            free_entry_point_until,
        })
    } else {
        None
    };
    Ok(WindowArgs { facts, template })
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let ctx = window_args(args)?;
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
            ndjson(name, bytes, kind, &opts, &ctx, &mut reports);
        } else {
            reports.push(DocReport::new(name, 1, bytes, kind, &opts, &ctx));
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
    ctx: &WindowArgs,
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
        let mut r = DocReport::new(name, i + 1, doc, kind, opts, ctx);
        let line_no = u32::try_from(i).unwrap_or(u32::MAX);
        let shift = u32::try_from(line_start).unwrap_or(u32::MAX);
        for d in &mut r.diagnostics {
            d.line = d.line.saturating_add(line_no);
            d.span.start = d.span.start.saturating_add(shift);
            d.span.end = d.span.end.saturating_add(shift);
        }
        reports.push(r);
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
        if let Some(w) = &r.window {
            let state = match (w.open, w.closes_at) {
                (true, Some(c)) => format!("open until {}", window::rfc3339(c)),
                (false, Some(c)) => format!("closed since {}", window::rfc3339(c)),
                _ => "not open (no inbound message)".to_string(),
            };
            let bill = match &r.billing {
                Some(b) => b.explanation.clone(),
                None => "not sendable".to_string(),
            };
            let _ = writeln!(s, "{at}: window {state}; {bill}");
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
