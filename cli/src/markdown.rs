//! `wamsg markdown`: Markdown to WhatsApp markup.

use clap::Args as ClapArgs;

use crate::Outcome;
use crate::input;

#[derive(ClapArgs)]
pub(crate) struct Args {
    /// Input file; none or `-` reads standard input.
    file: Option<String>,
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let inp = input::read_one(args.file.as_deref().unwrap_or("-"))?;
    let mut out = wamsg::format::markdown_to_whatsapp(&inp.text);
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    input::emit(&out)?;
    Ok(Outcome::Clean)
}
