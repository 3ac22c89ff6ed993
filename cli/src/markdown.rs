//! `wamsg markdown`.

use clap::Args as ClapArgs;

use crate::Outcome;

#[derive(ClapArgs)]
pub(crate) struct Args {
    /// Input files; none or `-` reads standard input.
    files: Vec<String>,
}

pub(crate) fn run(args: &Args) -> Result<Outcome, String> {
    let _ = &args.files;
    Err("`markdown` is not available yet".to_string())
}
