// The `wamsg/markdown` entry over its own WebAssembly engine (`wamsg_markdown.js`, the
// `wasm/` crate's `markdown` module): Markdown converted to WhatsApp markup. A module of its
// own because its CommonMark parser is a third of the main engine's size budget. The entry
// points (`markdown-node.js`, `markdown-browser.js`) instantiate the engine first.

import * as engine from './wamsg_markdown.js';
import { U32_MAX, defaults, engineCalls, integer, optionsObject, sized } from './boundary.js';

const { run, put } = engineCalls(engine);

const TEXT_KEYS = ['maxBytes'];

function markup(value, options, what = 'text') {
  const opts = optionsObject(options, TEXT_KEYS);
  const maxBytes = opts?.maxBytes === undefined ? defaults.maxBytes : integer(opts.maxBytes, 'maxBytes', 1, U32_MAX - 1);
  return sized(value, what, maxBytes);
}

/** Markdown (CommonMark) converted to WhatsApp markup. */
export function markdownToWhatsApp(value, options) {
  const t = markup(value, options, 'markdown');
  return run(() => engine.markdown_to_whatsapp(put(t, 'markdown')));
}
