// Entry point for browsers and bundlers: fetches and compiles the WebAssembly engine beside
// this module (bundlers follow the `new URL(..., import.meta.url)` pattern and emit the file)
// with top-level await, so the API is ready as soon as the import resolves.
// `markdownToWhatsApp` is synchronous, so its engine (pulldown-cmark, a module of its own
// because it would not fit the main module's size budget: see markdown.js) is fetched and
// compiled alongside, in parallel (README, "Size").
import init from './wamsg_wasm.js';
import initMarkdown from './wamsg_markdown.js';

await Promise.all([
  init({ module_or_path: new URL('./wamsg_wasm_bg.wasm', import.meta.url) }),
  initMarkdown({ module_or_path: new URL('./wamsg_markdown_bg.wasm', import.meta.url) }),
]);

export * from './api.js';
export { markdownToWhatsApp } from './markdown.js';
