// Entry point for Node.js (20+): compiles the WebAssembly engine from the file beside this
// module, synchronously, so the API is ready as soon as the import resolves. The Markdown
// engine (pulldown-cmark, its own module: see markdown.js) is compiled on the first
// `markdownToWhatsApp` call instead, so an import that never converts Markdown never pays for it.
import { readFileSync } from 'node:fs';
import { initSync } from './wamsg_wasm.js';
import { initSync as initMarkdown } from './wamsg_markdown.js';
import { markdownToWhatsApp as convert } from './markdown.js';

initSync({ module: readFileSync(new URL('./wamsg_wasm_bg.wasm', import.meta.url)) });

export * from './api.js';

let markdownReady = false;

/** Markdown (CommonMark) converted to WhatsApp markup. */
export function markdownToWhatsApp(markdown, options) {
  if (!markdownReady) {
    // A no-op if `wamsg/markdown` was imported too: one instance serves both entries.
    initMarkdown({ module: readFileSync(new URL('./wamsg_markdown_bg.wasm', import.meta.url)) });
    markdownReady = true;
  }
  return convert(markdown, options);
}
