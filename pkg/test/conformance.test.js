// Runs the conformance cases of the Rust tests (tests/cases/, expectations in the
// `*.expected.json` sidecars) through the WebAssembly build and requires the same results.
//
// The expectations count columns in Unicode scalar values (the Rust side); this package
// reports UTF-16 columns, so each column is converted back with the case's own text before
// comparing: a difference that is not exactly the UTF-16/scalar difference fails.
//
// Each folder is run the way its Rust test in tests/tests/ runs it (the runner names the
// file); a folder of cases without a runner here fails, so new cases cannot be skipped.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wamsg from 'wamsg';
import { parseWebhook } from 'wamsg/webhook';
import { markdownToWhatsApp } from 'wamsg/markdown';

const format = { ...wamsg, markdownToWhatsApp };
import { byteOffset, scalarColumn } from './util.js';
import { formatRecords } from './format-corpus.js';

const CASES = fileURLToPath(new URL('../../tests/cases/', import.meta.url));
const COMMENT_KEYS = ['note', 'source', 'reason'];

// A diagnostic as `report_summary` in tests/src/lib.rs shows it, column in scalars of `src`.
function diagnosticSummary(d, src, { nullMeta = false } = {}) {
  const s = { severity: d.severity, code: d.code, path: d.path, line: d.line, column: scalarColumn(src, d.line, d.column) };
  if (d.metaError !== undefined) s.metaError = d.metaError;
  else if (nullMeta) s.metaError = null;
  return s;
}

// The comparable part of a report, as `report_summary` builds it.
function summary(report, src) {
  return { kind: report.kind, valid: report.valid, diagnostics: report.diagnostics.map((d) => diagnosticSummary(d, src)) };
}

// JSON text as serde_json writes a `serde_json::Value`: compact, object keys sorted.
function serdeText(v) {
  if (typeof v === 'string') return v;
  const sorted = (x) => {
    if (Array.isArray(x)) return x.map(sorted);
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted(x[k])]));
    return x;
  };
  return JSON.stringify(sorted(v));
}

// `<case>.<suffix>` beside `<case>.message.json`, or undefined.
function sibling(path, suffix) {
  const p = path.replace(/\.message\.json$/, `.${suffix}`);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

const onPrem = (path) => path.split(sep).includes('on-prem');

// Folder (relative to tests/cases; the longest matching prefix wins) -> how its cases run.
// `run(path, text)` gives the value compared with the sidecar; `expected` replaces the
// sidecar for folders whose files hold their own expectations.
const RUNNERS = {
  // tests/tests/json.rs: checked as a message; only the JSON layer's own diagnostics and
  // validity.
  json: {
    extensions: ['json', 'txt'],
    run(_path, text) {
      const s = summary(wamsg.validateMessage(text), text);
      s.diagnostics = s.diagnostics.filter((d) => d.code.startsWith('json.'));
      // Validity as far as the JSON layer is concerned.
      s.valid = !s.diagnostics.some((d) => d.severity === 'error');
      return s;
    },
  },
  // tests/tests/messages.rs: corpus payloads and rule cases; `on-prem/` with that API.
  messages: {
    extensions: ['json'],
    run: (path, text) => summary(wamsg.validateMessage(text, { api: onPrem(path) ? 'on-prem' : 'cloud' }), text),
  },
  // tests/tests/templates.rs: definitions (corpus, rules, read-back forms).
  templates: {
    extensions: ['json'],
    run: (_path, text) => summary(wamsg.validateTemplate(text), text),
  },
  // tests/tests/templates.rs (send_against_definition): a payload against its definition.
  'templates/send': {
    extensions: ['message.json'],
    run: (path, text) => summary(wamsg.validateMessage(text, { template: sibling(path, 'definition.json') }), text),
  },
  // tests/tests/render.rs: the preview JSON (AST spans converted to bytes), its diagnostics
  // summarized, and its text and HTML.
  render: {
    extensions: ['message.json'],
    run(path, text) {
      const opts = JSON.parse(sibling(path, 'options.json') ?? 'null');
      const options = { template: sibling(path, 'definition.json'), localize: opts?.localize === 'locale' ? 'locale' : 'fallback' };
      const preview = wamsg.renderMessage(text, options);
      preview.diagnostics = preview.diagnostics.map((d) => diagnosticSummary(d, text));
      // The formatting ASTs index their own text: UTF-8 bytes on the Rust side.
      for (const block of [preview.header, preview.body]) {
        if (block?.ast) block.ast = spansToBytes(block.ast, block.text);
      }
      preview.as_text = wamsg.renderMessage(text, { ...options, format: 'text' });
      preview.as_html = wamsg.renderMessage(text, { ...options, format: 'html' });
      assert.ok(!preview.as_html.includes('<script'), 'unescaped HTML');
      return preview;
    },
  },
  // tests/tests/webhooks.rs: the report (on-prem/ with that API); auto-detection finds the
  // same; the model exists exactly for valid documents; valid status webhooks also give the
  // state their statuses fold to.
  webhooks: {
    extensions: ['json', 'txt'],
    run(path, text) {
      const api = onPrem(path) ? 'on-prem' : 'cloud';
      const report = wamsg.validateWebhook(text, { api });
      const auto = wamsg.check(text, { api });
      const shapeless = report.diagnostics.some((d) => d.code === 'json.syntax') || !text.replace(/^\p{White_Space}+/u, '').startsWith('{');
      if (!shapeless) assert.equal(auto.kind, 'webhook', 'detected kind');
      if (auto.kind === 'webhook') assert.deepEqual(auto.diagnostics, report.diagnostics, 'auto-detection');
      const { notification, reduced, ...read } = parseWebhook(text, { api });
      assert.deepEqual(read, report, 'parseWebhook and validateWebhook disagree');
      assert.equal(notification !== null, report.valid, 'model vs validity');
      const out = summary(report, text);
      if (reduced !== undefined) out.reduced = reduced;
      return out;
    },
  },
  // tests/tests/window.rs: {message, template?, facts, api?}; billing without its
  // explanation; diagnostics with metaError null when absent.
  window: {
    extensions: ['json'],
    run(_path, text) {
      const c = JSON.parse(text);
      const message = serdeText(c.message);
      const a = wamsg.assessWindow(message, {
        template: c.template === undefined ? undefined : serdeText(c.template),
        lastInbound: c.facts.last_inbound ?? undefined,
        now: c.facts.now,
        freeEntryPointUntil: c.facts.free_entry_point_until ?? undefined,
        api: c.api === 'on-prem' ? 'on-prem' : 'cloud',
      });
      if (a.billing) delete a.billing.explanation;
      a.diagnostics = a.diagnostics.map((d) => diagnosticSummary(d, message, { nullMeta: true }));
      return a;
    },
  },
  // tests/tests/locale.rs (output_equals_intl_for_every_language): each fixture holds what
  // Intl prints; the result is the list of values that differ (expected: none).
  locale: {
    extensions: ['json'],
    expected: () => ({ differences: [] }),
    run(_path, text) {
      const f = JSON.parse(text);
      const lang = f.lang;
      const differences = [];
      let checked = 0;
      const check = (what, compute, want) => {
        checked++;
        let got;
        try {
          got = compute();
        } catch (e) {
          got = `${e.name}: ${e.message}`;
        }
        if (got !== want) differences.push(`${lang} ${what}: got ${JSON.stringify(got)}, Intl ${JSON.stringify(want)}`);
      };
      check('intlLocale', () => wamsg.intlLocale(lang), f.intl_locale);
      for (const [amountsKey, tableKey] of [['amounts', 'currency'], ['symbol_amounts', 'symbols']]) {
        for (const [code, outputs] of Object.entries(f[tableKey])) {
          f[amountsKey].forEach((amount, i) => check(`${code} ${amount}`, () => wamsg.formatCurrency(lang, amount, code), outputs[i]));
        }
      }
      assert.deepEqual(f.date_time_fields, ['year', 'month', 'day_of_month', 'day_of_week', 'hour', 'minute']);
      for (const [p, want] of f.date_time) {
        const parts = Object.fromEntries(f.date_time_fields.map((k, i) => [k, p[i]]));
        check(JSON.stringify(p), () => wamsg.formatDateTime(lang, { ...parts, calendar: 'GREGORIAN' }), want);
      }
      for (const [seconds, want] of f.unix_epoch) check(`epoch ${seconds}`, () => wamsg.formatTimestamp(lang, seconds), want);
      assert.ok(checked >= 350, `only ${checked} oracle values in ${lang}`);
      return { differences };
    },
  },
  // tests/tests/format_corpus.rs: peer records, each with its own match semantics; a record
  // fails unless listed in expected-differences.json, and a listed record must fail.
  'format/corpus': {
    extensions: ['json'],
    expected: () => ({ unexpected: [] }),
    run(path, text) {
      return { unexpected: formatRecords(format, JSON.parse(text), loadDifferences(), relative(CASES, path)) };
    },
  },
  // tests/tests/format_cases.rs (markup_cases): the AST (spans in UTF-8 bytes there, so
  // ours are converted from UTF-16), HTML and plain text of each `.wa` case.
  'format/markup': {
    extensions: ['wa'],
    run(_path, text) {
      const ast = format.parseFormatting(text);
      assert.deepEqual([ast.span[0], ast.span[1]], [0, text.length], 'the AST covers the text exactly');
      return { html: format.formatToHtml(text), text: format.formatToText(text), ast: spansToBytes(ast, text) };
    },
  },
  // tests/tests/format_cases.rs (markdown_cases): the WhatsApp markup of each `.md` case.
  'format/markdown': {
    extensions: ['md'],
    run(_path, text) {
      return { whatsapp: format.markdownToWhatsApp(text) };
    },
  },
  // The list of expected differences itself: every id in it names a record.
  'format/expected-differences.json': {
    extensions: ['json'],
    expected: () => ({ unknown: [] }),
    run(_path, text) {
      const ids = new Set();
      for (const f of readdirSync(join(CASES, 'format', 'corpus')).filter((n) => n.endsWith('.json'))) {
        const doc = JSON.parse(readFileSync(join(CASES, 'format', 'corpus', f), 'utf8'));
        for (const r of doc.cases ?? doc) ids.add(r.id);
      }
      return { unknown: Object.keys(JSON.parse(text)).filter((id) => !ids.has(id)) };
    },
  },
};

// A copy of a preview AST with every span converted from UTF-16 offsets to UTF-8 byte
// offsets of `text`, as the Rust side serializes them.
function spansToBytes(node, text) {
  if (Array.isArray(node)) return node.map((n) => spansToBytes(n, text));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, k === 'span' ? v.map((o) => byteOffset(text, o)) : spansToBytes(v, text)]),
  );
}

let differences;
function loadDifferences() {
  differences ??= JSON.parse(readFileSync(join(CASES, 'format', 'expected-differences.json'), 'utf8'));
  return differences;
}

function runnerFor(rel) {
  const key = Object.keys(RUNNERS)
    .filter((k) => rel === k || rel.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  return key && { key, ...RUNNERS[key] };
}

// Every case file: not an expectation, and with an extension its runner takes. Files a runner
// does not take (a send case's definition, a render case's options) belong to another case.
function allFiles(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) allFiles(p, out);
    // README files document a folder; everything else that is not an expectation is a case.
    else if (!name.endsWith('.expected.json') && !/^README/i.test(name)) out.push(p);
  }
  return out.sort();
}

function expectedPath(p) {
  const name = p.slice(p.lastIndexOf(sep) + 1);
  const stem = name.slice(0, name.lastIndexOf('.'));
  return join(p.slice(0, p.lastIndexOf(sep)), `${stem}.expected.json`);
}

// Like Rust's read_to_string(..).unwrap_or_default(): text that is not UTF-8 reads as "".
function readText(p) {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(p));
  } catch {
    return '';
  }
}

function stripComments(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !COMMENT_KEYS.includes(k)));
}

const groups = new Map();
const unclaimed = [];
for (const file of allFiles(CASES)) {
  const rel = relative(CASES, file).split(sep).join('/');
  const runner = runnerFor(rel);
  if (!runner) {
    unclaimed.push(rel);
    continue;
  }
  if (!runner.extensions.some((x) => rel.endsWith(`.${x}`))) continue;
  // A file that belongs to a case of a more specific runner's sibling (definition.json of a
  // send case) is skipped by the extension test above; others are this runner's cases.
  if (!groups.has(runner.key)) groups.set(runner.key, { runner, files: [] });
  groups.get(runner.key).files.push(file);
}

test('every folder of conformance cases has a JavaScript runner', () => {
  assert.deepEqual(unclaimed, [], 'add a runner to pkg/test/conformance.test.js that mirrors the Rust test of these cases');
});

for (const [key, { runner, files }] of groups) {
  test(`conformance: ${key} (${files.length} cases)`, async (t) => {
    for (const file of files) {
      await t.test(relative(CASES, file), () => {
        const expected = runner.expected?.() ?? stripComments(JSON.parse(readFileSync(expectedPath(file), 'utf8')));
        const actual = runner.run(file, readText(file));
        // The harness writes non-object results under "result".
        const comparable = actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? actual : { result: actual };
        assert.deepStrictEqual(comparable, expected);
      });
    }
  });
}
