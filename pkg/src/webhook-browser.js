// Entry point `wamsg/webhook` for browsers and bundlers: fetches and compiles the webhook
// engine beside this module (bundlers follow the `new URL(..., import.meta.url)` pattern).
import init from './wamsg_webhook.js';

await init({ module_or_path: new URL('./wamsg_webhook_bg.wasm', import.meta.url) });

export * from './webhook.js';
