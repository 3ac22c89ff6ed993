// Entry point `wamsg/markdown` for browsers and bundlers: fetches and compiles the formatting
// engine beside this module (bundlers follow the `new URL(..., import.meta.url)` pattern).
import init from './wamsg_markdown.js';

await init({ module_or_path: new URL('./wamsg_markdown_bg.wasm', import.meta.url) });

export * from './markdown.js';
