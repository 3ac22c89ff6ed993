// Entry point `wamsg/format` for Node.js (20+): compiles the formatting engine synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from './wamsg_format.js';

initSync({ module: readFileSync(new URL('./wamsg_format_bg.wasm', import.meta.url)) });

export * from './format.js';
