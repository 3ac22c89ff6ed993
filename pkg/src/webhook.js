// The `wamsg/webhook` entry over its own WebAssembly engine (`wamsg_webhook.js`, the
// `wasm/` crate's `webhook` module): webhook notifications validated and read into their
// typed model. Separate from the main engine so that pages which only edit messages do not
// download the model's code. The entry points (`webhook-node.js`, `webhook-browser.js`)
// instantiate the engine before this module is used.

import * as engine from './wamsg_webhook.js';
import { VALIDATE_KEYS, engineCalls, engineOptions, jsonInput, optionsObject } from './boundary.js';

const { run, put: putInput } = engineCalls(engine);

/**
 * Validates and reads a webhook notification: the report (`valid`, `kind`, `diagnostics`),
 * plus `notification` (the typed model, for a valid document; else null) and `reduced` (the
 * delivery state per message its statuses fold to, when it has statuses).
 */
export function parseWebhook(input, options) {
  const opts = optionsObject(options, VALIDATE_KEYS);
  const [api, maxBytes, maxDepth, maxDiagnostics] = engineOptions(opts);
  const src = jsonInput(input, 'webhook', maxBytes);
  return JSON.parse(run(() => engine.parse_webhook(putInput(src, 'webhook'), api, maxBytes, maxDepth, maxDiagnostics)));
}

