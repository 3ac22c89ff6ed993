//! WhatsApp text formatting: markup to preview AST, HTML, plain text; Markdown to markup.
