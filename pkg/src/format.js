// The `wamsg/format` entry over its own WebAssembly engine (`wamsg_format.js`, the `wasm/`
// crate's `format` module): WhatsApp markup as the preview AST, safe HTML and plain text, and
// Markdown converted to markup. A module of its own because the main engine is at its size
// budget. The entry points (`format-node.js`, `format-browser.js`) instantiate the engine
// before this module is used.

import * as engine from './wamsg_format.js';
import { U32_MAX, defaults, engineCalls, integer, optionsObject, text } from './boundary.js';

const { run, put } = engineCalls(engine);

const TEXT_KEYS = ['maxBytes'];

function markup(value, options, what = 'text') {
  const opts = optionsObject(options, TEXT_KEYS);
  const maxBytes = opts?.maxBytes === undefined ? defaults.maxBytes : integer(opts.maxBytes, 'maxBytes', 1, U32_MAX - 1);
  return text(value, what, maxBytes);
}

/** WhatsApp markup as the preview AST; spans are UTF-16 offsets into `text`. */
export function parseFormatting(value, options) {
  const t = markup(value, options);
  return JSON.parse(run(() => engine.parse_formatting(put(t))));
}

/** WhatsApp markup as HTML: every character of the text escaped, safe to insert. */
export function formatToHtml(value, options) {
  const t = markup(value, options);
  return run(() => engine.format_to_html(put(t)));
}

/** WhatsApp markup as plain text, as a notification shows it. */
export function formatToText(value, options) {
  const t = markup(value, options);
  return run(() => engine.format_to_text(put(t)));
}

/** Markdown (CommonMark) converted to WhatsApp markup. */
export function markdownToWhatsApp(value, options) {
  const t = markup(value, options, 'markdown');
  return run(() => engine.markdown_to_whatsapp(put(t)));
}
