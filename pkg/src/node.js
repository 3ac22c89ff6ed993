// Entry point for Node.js (20+): compiles the WebAssembly engine from the file beside this
// module, synchronously, so the API is ready as soon as the import resolves.
import { readFileSync } from 'node:fs';
import { initSync } from './wamsg_wasm.js';

initSync({ module: readFileSync(new URL('./wamsg_wasm_bg.wasm', import.meta.url)) });

export * from './api.js';
