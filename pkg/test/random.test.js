// Random input against every function of the package (a seeded generator, so a failure
// replays): each call returns or throws a TypeError or RangeError from the boundary, never
// a WebAssembly trap or another error, and ordinary calls keep working throughout.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as wamsg from 'wamsg';
import * as webhook from 'wamsg/webhook';
import * as markdown from 'wamsg/markdown';

// xorshift32: small, deterministic.
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

const PIECES = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u', 'd83d', '\\ud83d', ' ', '\n', '\t', '1', '-0', '1e999', 'true', 'null',
  '"messaging_product"', '"whatsapp"', '"to"', '"type"', '"text"', '"body"', '"template"', '"components"', '"parameters"',
  '"object"', '"entry"', '"changes"', '"statuses"', '"category"', '"UTILITY"', '{{1}}', '<<1>>', '*', '_', '~', '```', '`',
  '> ', '* ', '1. ', 'é', '😀', '👍🏽', '\u0000', '\u200b', '\uFEFF', '\uFFFF', 'https://x.y/', 'www.a.b',
];
// A lone surrogate is a boundary error, kept for some inputs.
const LONE = ['\uD800', '\uDC00'];

function randomText(r, max = 80) {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  if (r() < 0.05) s += LONE[Math.floor(r() * 2)];
  return s;
}

function randomValue(r, depth = 0) {
  const k = Math.floor(r() * (depth > 4 ? 4 : 7));
  switch (k) {
    case 0:
      return randomText(r, 10);
    case 1:
      return Math.floor(r() * 1e6) - 5e5;
    case 2:
      return r() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    default: {
      const o = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[randomText(r, 3)] = randomValue(r, depth + 1);
      return o;
    }
  }
}

// Calls that take one random argument (text, JSON text or a value).
const CALLS = [
  (x) => wamsg.validateMessage(x),
  (x) => wamsg.validateTemplate(x),
  (x) => wamsg.validateWebhook(x, { api: 'on-prem' }),
  (x) => wamsg.check(x),
  (x) => wamsg.validateMessage(x, { template: x }),
  (x) => wamsg.renderMessage(x, { template: x, localize: 'locale' }),
  (x) => wamsg.renderMessage(x, { format: 'html' }),
  (x) => wamsg.assessWindow(x, { template: x, lastInbound: 1_700_000_000, now: 1_700_050_000 }),
  (x) => webhook.parseWebhook(x),
  (x) => wamsg.measure(x),
  (x) => wamsg.formatCurrency(x, 1234, 'EUR'),
  (x) => wamsg.formatCurrency('de', 1234, x),
  (x) => wamsg.formatDateTime(x, { year: 2026, month: 5, day_of_month: 2 }),
  (x) => wamsg.formatTimestamp('en_US', typeof x === 'number' ? x : 0),
  (x) => wamsg.intlLocale(x),
  (x) => wamsg.parseFormatting(x),
  (x) => wamsg.formatToHtml(x),
  (x) => wamsg.formatToText(x),
  (x) => markdown.markdownToWhatsApp(x),
];

function stillWorks() {
  assert.ok(wamsg.validateMessage('{"a":1,"a":2}').diagnostics.some((d) => d.code === 'json.duplicate_key'));
  assert.equal(wamsg.measure('a😀').utf16, 3);
}

test('random input: answers or boundary errors, never a trap', () => {
  const r = rng(0x5eed_2026);
  const seen = { answered: 0, TypeError: 0, RangeError: 0 };
  for (let i = 0; i < 10_000; i++) {
    const input = r() < 0.6 ? randomText(r) : r() < 0.5 ? randomValue(r) : JSON.stringify(randomValue(r));
    const call = CALLS[i % CALLS.length];
    try {
      call(input);
      seen.answered++;
    } catch (e) {
      assert.ok(e instanceof TypeError || e instanceof RangeError, `call ${i % CALLS.length} on ${JSON.stringify(input)}: ${e?.stack ?? e}`);
      assert.ok(!(e instanceof WebAssembly.RuntimeError));
      seen[e.constructor.name]++;
    }
    if (i % 1000 === 0) stillWorks();
  }
  stillWorks();
  // The generator reaches both outcomes, so the test can fail either way.
  assert.ok(seen.answered > 3000 && seen.TypeError > 200, JSON.stringify(seen));
});
