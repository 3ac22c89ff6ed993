//! The `wamsg` command: a thin layer of argument parsing and file reading over the core.

mod check;
mod format;
mod input;
mod markdown;
mod render;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Check WhatsApp Business messages, templates and webhooks; preview formatting.
#[derive(Parser)]
#[command(name = "wamsg", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate messages, template definitions or webhooks; every problem at once.
    Check(check::Args),
    /// Render the preview of a message (with its template definition): what the recipient sees.
    Render(render::Args),
    /// Parse WhatsApp markup into the preview AST, HTML or plain text.
    Format(format::Args),
    /// Convert Markdown to WhatsApp markup.
    Markdown(markdown::Args),
}

/// Exit status: 0 no errors, 1 an input has errors, 2 usage or I/O error.
pub(crate) enum Outcome {
    Clean,
    Invalid,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Format(args) => format::run(&args),
        Command::Markdown(args) => markdown::run(&args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(message) => {
            eprintln!("wamsg: {message}");
            ExitCode::from(2)
        }
    }
}
