// Entry point `wamsg/webhook` for Node.js (20+): compiles the webhook engine synchronously.
import { readFileSync } from 'node:fs';
import { initSync } from './wamsg_webhook.js';

initSync({ module: readFileSync(new URL('./wamsg_webhook_bg.wasm', import.meta.url)) });

export * from './webhook.js';
