//! Reading inputs: files or standard input (`-` or no argument), and writing output.

use std::io::{Read, Write};
use std::path::Path;

/// One input document's source name and text.
#[allow(dead_code)] // for the text subcommands (format, markdown, render)
pub(crate) struct Input {
    /// The file name as given, or `-` for standard input.
    pub name: String,
    /// The text (must be UTF-8).
    pub text: String,
}

/// Reads every named file, or standard input when the list is empty or an entry is `-`.
/// Errors are one line, naming the file.
#[allow(dead_code)] // for the text subcommands (format, markdown, render)
pub(crate) fn read_all(files: &[String]) -> Result<Vec<Input>, String> {
    if files.is_empty() {
        return Ok(vec![read_one("-")?]);
    }
    files.iter().map(|f| read_one(f)).collect()
}

/// Reads one file, or standard input for `-`, as UTF-8 text.
pub(crate) fn read_one(name: &str) -> Result<Input, String> {
    let bytes = read_bytes(name)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{name} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(Input {
        name: name.to_string(),
        text,
    })
}

/// Like [`read_all`], as `(name, bytes)` pairs.
pub(crate) fn read_all_bytes(files: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    if files.is_empty() {
        return Ok(vec![("-".to_string(), read_bytes("-")?)]);
    }
    files
        .iter()
        .map(|f| Ok((f.clone(), read_bytes(f)?)))
        .collect()
}

/// Reads one file, or standard input for `-`, as bytes (for validators that report invalid
/// UTF-8 as a diagnostic rather than refusing the input).
pub(crate) fn read_bytes(name: &str) -> Result<Vec<u8>, String> {
    if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(Path::new(name)).map_err(|e| format!("cannot read {name}: {}", describe(&e)))
    }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Writes `text` to standard output; a closed pipe is not an error worth a panic.
pub(crate) fn emit(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}
