//! `wamsg render`: the preview of a message (hydrated with its template definition) as
//! text, HTML or JSON. With text and HTML the diagnostics go to standard error; with JSON
//! they are part of the output. Exit status as for `check`.

use std::fmt::Write as _;

use clap::{Args as ClapArgs, ValueEnum};
use wamsg::template::{Localize, RenderOptions};

use crate::Outcome;
use crate::input;

#[derive(ClapArgs)]
pub(crate) struct Args {
    /// The template definition (JSON) the message names; a list read back from the API
    /// works too.
    #[arg(long, value_name = "DEF.json")]
    template: Option<String>,
    /// How currency and date_time parameters are shown.
    #[arg(long, value_enum, default_value_t = LocalizeArg::Fallback)]
    localize: LocalizeArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The message (a send payload); `-` or nothing reads standard input.
    #[arg(value_name = "MESSAGE.json")]
    message: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LocalizeArg {
    /// `fallback_value`, as the Cloud API renders.
    Fallback,
    /// Formatted in the template's language (CLDR).
    Locale,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Html,
    Json,
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let msg = input::read_one(args.message.as_deref().unwrap_or("-"))?;
    let template = match &args.template {
        Some(path) if path == "-" && msg.name == "-" => {
            return Err("the message and --template cannot both be standard input".to_string());
        }
        Some(path) => Some(input::read_one(path)?.text),
        None => None,
    };
    let opts = RenderOptions {
        template,
        localize: match args.localize {
            LocalizeArg::Fallback => Localize::Fallback,
            LocalizeArg::Locale => Localize::Locale,
        },
        ..RenderOptions::default()
    };
    let preview = wamsg::template::render(&msg.text, &opts);
    let out = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&preview).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        Format::Text => preview.to_text(),
        Format::Html => preview.to_html(),
    };
    if !matches!(args.format, Format::Json) {
        let mut err = String::new();
        for d in &preview.diagnostics {
            let _ = write!(
                err,
                "{}:{}:{}: {} [{}]",
                msg.name,
                d.line,
                d.column,
                d.severity.as_str(),
                d.code
            );
            if !d.path.segments().is_empty() {
                let _ = write!(err, " {}", d.path);
            }
            let _ = write!(err, ": {}", d.message);
            if let Some(m) = d.meta_error {
                let _ = write!(err, " (Meta error {m})");
            }
            err.push('\n');
        }
        eprint!("{err}");
    }
    input::emit(&out)?;
    Ok(if preview.valid() {
        Outcome::Clean
    } else {
        Outcome::Invalid
    })
}
