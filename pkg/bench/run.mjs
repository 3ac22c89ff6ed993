// Speed of the package in Node, against JavaScript baselines measured in the same run.
// Not a test: `npm run bench` in pkg/ after `npm run build`; results go to BENCHMARKS.md.
//
// 1. validateMessage(string) over Meta's 50 OpenAPI request examples vs ajv (draft 2020-12,
//    `discriminator: true`) on the patched schema derived from the same spec, + JSON.parse
//    (ajv validates objects; wamsg takes the text, so the parse is part of the job).
// 2. formatToHtml on a 4 KiB message vs @flasd/whatsapp-formatting's format() on the same text,
//    and the boundary's floor: what moving that text in and an answer of that size out costs
//    in Node before any work is done.
//
// Each figure is the median of 7 rounds of at least 200 ms each, after a warm-up; the
// contenders of one comparison take turns within every round.
// ONLY_FORMAT=1 runs part 2 alone.

import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import flasd from '@flasd/whatsapp-formatting';
import { corpora, data } from './corpus.mjs';

// WAMSG_DIR=/path/to/another/dist measures another build of the package (its `node.js` entry)
// against the same baselines, e.g. the previous commit's, for before/after figures.
const wamsg = process.env.WAMSG_DIR
  ? await import(pathToFileURL(`${process.env.WAMSG_DIR}/node.js`).href)
  : await import('wamsg');

const { formatToHtml } = wamsg;

// Calls fn(), which does `ops` operations, until `ms` have passed; returns ns per operation.
function round(fn, ops, ms) {
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms * 1e6);
  let now = start;
  while (now < until) {
    fn();
    n++;
    now = process.hrtime.bigint();
  }
  return Number(now - start) / (n * ops);
}

// Times several contenders that do the same `ops` operations: after a warm-up, 7 rounds of
// 200 ms each, the contenders taking turns within every round, so that a burst of background
// load on this shared machine hits all of them rather than one; the median round of each.
// Ratios between them are what the figures are for.
function measureAll(fns, ops) {
  for (const fn of fns) for (let i = 0; i < 3; i++) round(fn, ops, 100); // JIT and WebAssembly tiers
  const rounds = fns.map(() => []);
  for (let i = 0; i < 7; i++) {
    fns.forEach((fn, k) => {
      globalThis.gc?.();
      rounds[k].push(round(fn, ops, 200));
    });
  }
  return rounds.map((r) => r.sort((a, b) => a - b)[3]);
}

const fmt = (ns) => (ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const results = [];
function report(name, ns, unit = 'op') {
  results.push({ name, ns });
  console.log(`${name.padEnd(58)} ${fmt(ns).padStart(10)} / ${unit}`);
}

// --- 1. message validation -------------------------------------------------------------
const schema = data('messages.request.schema.patched.ajv-discriminator.json');
const ajvFirst = new Ajv2020({ discriminator: true, strict: false, logger: false }).compile(schema);
const ajvAll = new Ajv2020({ discriminator: true, strict: false, logger: false, allErrors: true }).compile(schema);

let sink = 0;
for (const [label, corpus] of process.env.ONLY_FORMAT ? [] : corpora) {
  const bytes = corpus.reduce((n, s) => n + Buffer.byteLength(s), 0);
  const ajvValid = corpus.filter((s) => ajvFirst(JSON.parse(s))).length;
  const ours = corpus.map((s) => wamsg.validateMessage(s));
  console.log(
    `corpus ${label}: ${corpus.length} messages, ${bytes} bytes; valid for ajv ${ajvValid}, for wamsg ${ours.filter((r) => r.valid).length} (${ours.reduce((n, r) => n + r.diagnostics.length, 0)} diagnostics)`,
  );
  const [wamsgNs, ajvNs, ajvAllNs, parseNs] = measureAll(
    [
      () => {
        for (const s of corpus) sink += wamsg.validateMessage(s).diagnostics.length;
      },
      () => {
        for (const s of corpus) sink += ajvFirst(JSON.parse(s)) ? 1 : 0;
      },
      () => {
        for (const s of corpus) sink += ajvAll(JSON.parse(s)) ? 1 : 0;
      },
      () => {
        for (const s of corpus) sink += JSON.parse(s) ? 1 : 0;
      },
    ],
    corpus.length,
  );
  report('  wamsg validateMessage(string)', wamsgNs, 'message');
  report('  ajv (discriminator) + JSON.parse', ajvNs, 'message');
  report('  ajv (discriminator, allErrors) + JSON.parse', ajvAllNs, 'message');
  report('  JSON.parse alone', parseNs, 'message');
  console.log(`  → wamsg is ${(ajvNs / wamsgNs).toFixed(2)}× ajv + JSON.parse (target ≥ 1.3×), ${(ajvAllNs / wamsgNs).toFixed(2)}× with allErrors`);
  console.log(`  → the target means ≤ ${fmt(ajvNs / 1.3)} a message, ${((ajvNs / 1.3 / parseNs) * 100).toFixed(0)}% of what JSON.parse alone takes\n`);
}

// --- 2. formatting ---------------------------------------------------------------------
// Two 4 KiB messages (cut at 4096 UTF-8 bytes): the "realistic" order confirmation of the
// Rust bench (bench/src/format.rs, so native and WebAssembly figures compare), and a dense
// one with markup on every line.
const REALISTIC =
  'Hello *Maria* 👋,\nthank you for your order *#48213* placed on 12.05.2026. Here is a summary of what ' +
  'happens next, so you know what to expect over the coming days.\n*What you ordered*\n' +
  '- 2 × _Organic coffee beans_ (1 kg)\n- 1 × Ceramic pour-over set ~was 39,90 €~ now 29,90 €\n' +
  '- 1 × Gift card, code `GIFT-7HQ2-PL`\n*Delivery*\n1. We pack your parcel within 24 hours.\n' +
  '2. The carrier picks it up the next working day.\n3. You receive a tracking link by e-mail and here.\n' +
  'Track it any time at https://shop.example.com/orders/48213?ref=wa_msg or reply to this ' +
  'message. Opening hours: Mon–Fri 9:00–18:00, Sat 10:00–14:00.\n> Tip: brew at 93 °C for the best flavour.\n' +
  'Questions about returns? See www.example.com/returns_policy. We are happy to help! ☕\n\n';
const DENSE =
  '*Order update* for _Ana_ 🎉: your parcel ~was~ is on its way. Track it with `TRK-123` or call us.\n' +
  '* ```mono text``` item with *bold _nested_* words\n- second item, plain\n1. numbered _one_\n> a quoted line 😀\n';
function cut4k(block) {
  let s = '';
  while (Buffer.byteLength(s) < 4096) s += block;
  const bytes = Buffer.from(s).subarray(0, 4096);
  return new TextDecoder().decode(bytes).replace(/\uFFFD$/, '');
}
// The same realistic text with its few non-ASCII characters (👋 × € – ° ☕) made ASCII: V8
// keeps such a string in one byte per character, which makes both directions of the boundary
// several times cheaper.
const ASCII = REALISTIC.replace(/[^\x00-\x7f]/gu, (c) => ({ '×': 'x', '€': 'EUR', '–': '-', '°': 'deg' })[c] ?? ':)');
for (const [label, message] of [['realistic', cut4k(REALISTIC)], ['realistic ASCII', cut4k(ASCII)], ['dense', cut4k(DENSE)]]) {
  console.log(`formatting input (${label}): ${Buffer.byteLength(message)} bytes, ${message.length} UTF-16 units`);
  // What any WebAssembly formatter pays in Node before doing any work: the text into its
  // memory (`encodeInto`, as the package does) and an answer of this HTML's size back out
  // as a string (`TextDecoder`, as wasm-bindgen does).
  const html = new TextEncoder().encode(formatToHtml(message));
  const scratch = new Uint8Array(message.length * 3);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const [ours, theirs, floor] = measureAll(
    [
      () => {
        sink += formatToHtml(message).length;
      },
      () => {
        sink += flasd.format(message).length;
      },
      () => {
        sink += encoder.encodeInto(message, scratch).written;
        sink += decoder.decode(html).length;
      },
    ],
    1,
  );
  report(`  wamsg formatToHtml (${label} 4 KiB)`, ours);
  report(`  @flasd/whatsapp-formatting format() (${label} 4 KiB)`, theirs);
  report(`  floor: encodeInto input + decode ${html.length}-byte answer`, floor);
  console.log(
    `  → formatToHtml: ${fmt(ours)} (budget ≤ 10 µs), ${(theirs / ours).toFixed(2)}× @flasd/whatsapp-formatting; ` +
      `${fmt(floor)} of it is the boundary floor, leaving ${fmt(Math.max(0, 10_000 - floor))} of the budget for the work`,
  );
}

if (sink === 0.5) console.log(''); // keep the results alive
