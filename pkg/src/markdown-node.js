// Entry point `wamsg/markdown` for Node.js (20+): compiles the Markdown engine synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from './wamsg_markdown.js';

initSync({ module: readFileSync(new URL('./wamsg_markdown_bg.wasm', import.meta.url)) });

export * from './markdown.js';
