// The message corpus of the benchmarks: Meta's 50 OpenAPI request examples as published, and
// the same with their placeholders filled. Shared by run.mjs (timings) and icount.mjs
// (instruction counts).

import { readFileSync } from 'node:fs';

export const data = (name) => JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

// Meta's examples carry placeholders (`<WHATSAPP_USER_PHONE_NUMBER>`, `{{Recipient-Phone-Number}}`)
// that wamsg reports as errors; the second corpus fills them with plausible values, as a
// real sender's payloads would have them.
const examples = Object.values(data('messages.examples.json'));
const fill = (v, key) => {
  if (typeof v === 'string') {
    if (!/^<[^>]*>$|\{\{[^}]*\}\}/.test(v)) return v;
    if (key === 'to' || key === 'wa_id' || key === 'phone') return '15551234567';
    if (key === 'link' || key === 'url') return 'https://example.com/files/a.jpg';
    return v.replace(/<[^>]*>|\{\{[^}]*\}\}/g, '1234567890');
  }
  if (Array.isArray(v)) return v.map((x) => fill(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, k)]));
  return v;
};

/** The two corpora as JSON texts: `[label, texts]`. */
export const corpora = [
  ['as published', examples.map((m) => JSON.stringify(m))],
  ['placeholders filled', examples.map((m) => JSON.stringify(fill(m)))],
];
