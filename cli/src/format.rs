//! `wamsg format`: WhatsApp markup to the preview AST (JSON), HTML or plain text.

use clap::{Args as ClapArgs, ValueEnum};

use crate::Outcome;
use crate::input;

#[derive(ClapArgs)]
pub(crate) struct Args {
    /// What to print.
    #[arg(long, value_enum, default_value_t = To::Json)]
    to: To,
    /// Input file; none or `-` reads standard input.
    file: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum To {
    /// The preview AST (DESIGN.md), spans in UTF-8 bytes.
    Json,
    /// Safe HTML.
    Html,
    /// Plain text, as a notification shows it.
    Text,
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let inp = input::read_one(args.file.as_deref().unwrap_or("-"))?;
    let root = wamsg::format::parse(&inp.text);
    let out = match args.to {
        To::Json => {
            serde_json::to_string(&root).map_err(|e| format!("cannot write JSON: {e}"))? + "\n"
        }
        To::Html => root.to_html() + "\n",
        To::Text => root.to_text(),
    };
    input::emit(&out)?;
    Ok(Outcome::Clean)
}
