// Runs the conformance cases of the Rust tests (tests/cases/<area>/, expectations in the
// `*.expected.json` sidecars) through the WebAssembly build and requires the same results.
//
// The expectations count columns in Unicode scalar values (the Rust side); this package
// reports UTF-16 columns, so each column is converted back with the case's own text before
// comparing: a difference that is not exactly the UTF-16/scalar difference fails.
//
// Each area is run the way its Rust test in tests/tests/<area>.rs runs it; an area without a
// runner here fails, so a new area cannot be skipped silently.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as wamsg from 'wamsg';
import { scalarColumn } from './util.js';

const CASES = fileURLToPath(new URL('../../tests/cases/', import.meta.url));
const COMMENT_KEYS = ['note', 'source', 'reason'];

// The comparable part of a report, as `report_summary` in tests/src/lib.rs builds it, with
// columns converted from UTF-16 units to scalars.
function summary(report, src) {
  return {
    kind: report.kind,
    valid: report.valid,
    diagnostics: report.diagnostics.map((d) => {
      const s = {
        severity: d.severity,
        code: d.code,
        path: d.path,
        line: d.line,
        column: scalarColumn(src, d.line, d.column),
      };
      if (d.metaError !== undefined) s.metaError = d.metaError;
      return s;
    }),
  };
}

// JSON text as serde_json writes a `serde_json::Value`: compact, object keys sorted.
function serdeText(v) {
  if (typeof v === 'string') return v;
  const sorted = (x) => {
    if (Array.isArray(x)) return x.map(sorted);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted(x[k])]));
    }
    return x;
  };
  return JSON.stringify(sorted(v));
}

// area -> { extensions, run(path, text) -> comparable value }, mirroring tests/tests/*.rs.
const RUNNERS = {
  // tests/tests/json.rs: checked as a message; only the JSON layer's own diagnostics.
  json: {
    extensions: ['json', 'txt'],
    run(_path, text) {
      const s = summary(wamsg.validateMessage(text), text);
      s.diagnostics = s.diagnostics.filter((d) => d.code.startsWith('json.'));
      return s;
    },
  },
  // tests/tests/locale.rs (output_equals_intl_for_every_language): each fixture holds what
  // Intl prints; the result is the list of values that differ (expected: none). The fixtures
  // have no sidecar: `expected` returns what the comparison is against.
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
      // About 380 values per language, as the Rust test requires in total.
      assert.ok(checked >= 350, `only ${checked} oracle values in ${lang}`);
      return { differences };
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
      a.diagnostics = a.diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        path: d.path,
        line: d.line,
        column: scalarColumn(message, d.line, d.column),
        metaError: d.metaError ?? null,
      }));
      return a;
    },
  },
};

function caseFiles(dir, extensions, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) caseFiles(p, extensions, out);
    else if (!name.endsWith('.expected.json') && extensions.some((x) => name.endsWith(`.${x}`))) out.push(p);
  }
  return out.sort();
}

function expectedPath(p) {
  const dot = p.lastIndexOf('.');
  return `${p.slice(0, dot)}.expected.json`;
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

const areas = readdirSync(CASES).filter((n) => statSync(join(CASES, n)).isDirectory());

test('every conformance area has a JavaScript runner', () => {
  assert.deepEqual(
    areas.filter((a) => !Object.hasOwn(RUNNERS, a)),
    [],
    'add a runner to pkg/test/conformance.test.js that mirrors tests/tests/<area>.rs',
  );
});

for (const area of areas.filter((a) => Object.hasOwn(RUNNERS, a))) {
  const { extensions, run } = RUNNERS[area];
  const files = caseFiles(join(CASES, area), extensions);
  test(`conformance: ${area} (${files.length} cases)`, async (t) => {
    assert.ok(files.length > 0, `no cases under tests/cases/${area}`);
    for (const file of files) {
      await t.test(relative(CASES, file), () => {
        const expected = RUNNERS[area].expected?.() ?? stripComments(JSON.parse(readFileSync(expectedPath(file), 'utf8')));
        const actual = run(file, readText(file));
        // The harness writes non-object results under "result".
        const comparable = actual !== null && typeof actual === 'object' && !Array.isArray(actual) ? actual : { result: actual };
        assert.deepStrictEqual(comparable, expected);
      });
    }
  });
}
