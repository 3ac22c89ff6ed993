// Entry point for browsers and bundlers: fetches and compiles the WebAssembly engine beside
// this module (bundlers follow the `new URL(..., import.meta.url)` pattern and emit the file)
// with top-level await, so the API is ready as soon as the import resolves.
import init from './wamsg_wasm.js';

await init({ module_or_path: new URL('./wamsg_wasm_bg.wasm', import.meta.url) });

export * from './api.js';
