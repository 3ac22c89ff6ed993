// Entry point `wamsg/format` for browsers and bundlers: fetches and compiles the formatting
// engine beside this module (bundlers follow the `new URL(..., import.meta.url)` pattern).
import init from './wamsg_format.js';

await init({ module_or_path: new URL('./wamsg_format_bg.wasm', import.meta.url) });

export * from './format.js';
