// Bad input from JavaScript: every case gets a TypeError with a clear message or a
// diagnostic, never a trap, and the instance keeps working afterwards.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import * as wamsg from 'wamsg';
import * as engine from '../dist/wamsg_wasm.js';
import { guarded } from '../dist/guard.js';

const GOOD = '{"messaging_product":"whatsapp","to":"15551234567","type":"text","text":{"body":"hi"}}';
const VALIDATORS = ['validateMessage', 'validateTemplate', 'validateWebhook', 'check'];

// After anything hostile, an ordinary call must still give an ordinary answer.
function stillWorks() {
  const r = wamsg.validateMessage('{"a":1,"a":2}');
  assert.equal(r.kind, 'message');
  assert.ok(r.diagnostics.some((d) => d.code === 'json.duplicate_key'));
  assert.deepEqual(wamsg.measure('ab😀'), { scalars: 3, utf16: 4, graphemes: 3, bytes: 6 });
}

function throwsType(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof TypeError, `expected a TypeError, got ${e}`);
    assert.match(e.message, /^wamsg: /);
    assert.match(e.message, pattern);
    return true;
  });
  stillWorks();
}

test('inputs of the wrong type are TypeErrors naming what was given', () => {
  const cases = [
    [undefined, /got undefined/],
    [null, /got null/],
    [42, /got a number/],
    [true, /got a boolean/],
    [10n, /got a bigint/],
    [Symbol('s'), /got a symbol/],
    [() => 1, /got a function/],
  ];
  for (const name of VALIDATORS) {
    for (const [input, pattern] of cases) {
      throwsType(() => wamsg[name](input), pattern);
    }
  }
  for (const input of [undefined, null, 1, {}, ['a']]) {
    throwsType(() => wamsg.measure(input), /text must be a string/);
  }
});

test('objects that JSON.stringify cannot handle are TypeErrors', () => {
  const cyclic = { a: {} };
  cyclic.a.back = cyclic;
  throwsType(() => wamsg.validateMessage(cyclic), /cannot be turned into JSON: .*circular/i);
  throwsType(() => wamsg.validateMessage({ n: 1n }), /cannot be turned into JSON: .*BigInt/i);
  throwsType(() => wamsg.validateMessage({ toJSON: () => undefined }), /no JSON at all/);
  const getter = {
    get boom() {
      throw new RangeError('from a getter');
    },
  };
  throwsType(() => wamsg.validateMessage(getter), /from a getter/);
});

test('objects are validated as their JSON text', () => {
  const obj = JSON.parse(GOOD);
  assert.deepEqual(wamsg.validateMessage(obj), wamsg.validateMessage(GOOD));
  // An array is JSON too: the validator, not the boundary, says what is wrong with it.
  const r = wamsg.validateMessage([1, 2]);
  assert.equal(r.kind, 'message');
  // Lone surrogates inside an object's strings become \uXXXX escapes, which the JSON layer reports.
  const s = wamsg.validateMessage({ text: { body: 'a\uD800b' } });
  assert.ok(s.diagnostics.some((d) => d.code === 'json.lone_surrogate' && d.path === '/text/body'));
  stillWorks();
});

test('lone surrogates in strings are TypeErrors with their offset', () => {
  for (const name of VALIDATORS) {
    throwsType(() => wamsg[name]('{"a":"x\uDC00"}'), /lone surrogate \(U\+DC00\) at UTF-16 offset 7/);
  }
  throwsType(() => wamsg.measure('ab\uD83D'), /lone surrogate \(U\+D83D\) at UTF-16 offset 2/);
  // A well-formed pair is fine.
  assert.equal(wamsg.measure('\uD83D\uDE00').scalars, 1);
  // Text that goes through the input buffer is checked only when its UTF-8 holds U+FFFD (what
  // a lone surrogate becomes): a real U+FFFD passes, one beside a lone surrogate does not.
  for (const name of VALIDATORS) {
    assert.equal(typeof wamsg[name]('{"a":"\uFFFD"}').valid, 'boolean');
    throwsType(() => wamsg[name]('{"a":"\uFFFD","b":"é\uD800"}'), /lone surrogate \(U\+D800\) at UTF-16 offset 15/);
    throwsType(() => wamsg[name]('{"b":"é\uD800"}'), /lone surrogate \(U\+D800\) at UTF-16 offset 7/);
  }
  stillWorks();
});

test('size: longer than maxBytes in UTF-16 units is a TypeError, within it but over in UTF-8 a diagnostic', () => {
  throwsType(() => wamsg.validateMessage('x'.repeat(101), { maxBytes: 100 }), /101 UTF-16 code units long, over the limit of 100 bytes/);
  // 40 "é" are 40 UTF-16 units but 80 UTF-8 bytes.
  const r = wamsg.validateMessage(`"${'é'.repeat(40)}"`, { maxBytes: 50 });
  assert.equal(r.valid, false);
  assert.equal(r.diagnostics[0].code, 'json.too_large');
  // The default limit (4 MiB) guards the default call: nothing of a 5 MiB string is copied.
  throwsType(() => wamsg.validateMessage(' '.repeat(5 * 1024 * 1024)), /over the limit of 4194304 bytes/);
  throwsType(() => wamsg.measure('x'.repeat(11), { maxBytes: 10 }), /over the limit/);
});

test('a large document within the limits is answered, repeatedly, without growing without bound', () => {
  // 3.9 MiB of nested arrays and a long string: one answer each, then memory stays put.
  const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000);
  const r = wamsg.validateMessage(deep);
  assert.equal(r.valid, false);
  assert.ok(r.diagnostics.some((d) => d.code === 'json.too_deep'));
  const long = JSON.stringify({ text: { body: '😀'.repeat(900_000) } });
  const first = wamsg.validateMessage(long);
  const pages = engineMemoryPages();
  for (let i = 0; i < 5; i++) assert.deepEqual(wamsg.validateMessage(long), first);
  assert.equal(engineMemoryPages(), pages, 'repeated calls must reuse memory');
  stillWorks();
});

test('many diagnostics are capped by maxDiagnostics', () => {
  const dupes = `{${Array.from({ length: 5000 }, () => '"k":1').join(',')}}`;
  const r = wamsg.validateMessage(dupes, { maxDiagnostics: 10 });
  assert.equal(r.diagnostics.length, 11);
  assert.equal(r.diagnostics.at(-1).code, 'report.truncated');
  stillWorks();
});

test('bad options are TypeErrors', () => {
  throwsType(() => wamsg.validateMessage(GOOD, 'cloud'), /options must be an object, got a string/);
  throwsType(() => wamsg.validateMessage(GOOD, [1]), /options must be an object, got an array/);
  throwsType(() => wamsg.validateMessage(GOOD, { apii: 'cloud' }), /unknown option "apii"; known options: api, maxBytes/);
  throwsType(() => wamsg.validateMessage(GOOD, { api: 'onprem' }), /options.api must be one of "cloud", "on-prem", got "onprem"/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxBytes: 0 }), /options.maxBytes must be an integer from 1/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxBytes: 1.5 }), /options.maxBytes/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxBytes: Number.NaN }), /got NaN/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxBytes: 2 ** 40 }), /options.maxBytes/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxDepth: -1 }), /options.maxDepth/);
  throwsType(() => wamsg.validateMessage(GOOD, { maxDiagnostics: '10' }), /options.maxDiagnostics .* got "10"/);
  throwsType(() => wamsg.check(GOOD, { as: 'sms' }), /options.as must be one of "auto", "message", "template", "webhook"/);
  throwsType(() => wamsg.measure('x', { as: 'message' }), /unknown option "as"/);
  // undefined and null mean "no options"; undefined values mean "the default".
  assert.deepEqual(wamsg.validateMessage(GOOD, null), wamsg.validateMessage(GOOD));
  assert.deepEqual(wamsg.validateMessage(GOOD, { api: undefined }), wamsg.validateMessage(GOOD));
});

test('options reach the core', () => {
  assert.equal(wamsg.check('{"object":"whatsapp_business_account","entry":[]}').kind, 'webhook');
  assert.equal(wamsg.check(GOOD, { as: 'template' }).kind, 'template');
  const nested = '{"a":[[[[1]]]]}';
  assert.equal(wamsg.validateMessage(nested, { maxDepth: 3 }).diagnostics[0].code, 'json.too_deep');
  assert.ok(!wamsg.validateMessage(nested).diagnostics.some((d) => d.code === 'json.too_deep'));
});

test('a trap replaces the instance and is reported as an Error; the next call works', () => {
  let resets = 0;
  const run = guarded(() => {
    resets++;
    engine.__wbg_reset_state();
  });
  const memoryBefore = engineMemory();
  assert.throws(
    () =>
      run(() => {
        throw new WebAssembly.RuntimeError('unreachable');
      }),
    (e) => e instanceof Error && /internal error in the WebAssembly engine \(unreachable\); the engine was reset/.test(e.message),
  );
  assert.equal(resets, 1);
  assert.notEqual(engineMemory(), memoryBefore, 'a fresh instance has fresh memory');
  stillWorks();
  // Other errors pass through untouched and reset nothing.
  assert.throws(() => run(() => { throw new RangeError('x'); }), RangeError);
  assert.equal(resets, 1);
});

function engineMemory() {
  // The memory of the current instance, through the glue's own view of it.
  return engine.initSync().memory;
}

function engineMemoryPages() {
  return engineMemory().buffer.byteLength / 65536;
}

test('locale formatting: wrong types are TypeErrors, unsupported values RangeErrors', () => {
  assert.equal(wamsg.formatCurrency('en_US', 100990, 'USD'), '$100.99');
  throwsType(() => wamsg.formatCurrency(undefined, 1, 'USD'), /language must be a string/);
  throwsType(() => wamsg.formatCurrency('en_US', 1.5, 'USD'), /amount1000 must be an integer, got 1.5/);
  throwsType(() => wamsg.formatCurrency('en_US', 1n, 'USD'), /amount1000 must be an integer/);
  throwsType(() => wamsg.formatCurrency('en_US', 1, 840), /currency must be a string/);
  throwsType(() => wamsg.formatCurrency('en\uD800', 1, 'USD'), /lone surrogate/);
  throwsType(() => wamsg.formatCurrency('x'.repeat(5000), 1, 'USD'), /over the limit of 4096/);
  const range = (fn, pattern) => {
    assert.throws(fn, (e) => e instanceof RangeError && pattern.test(e.message));
    stillWorks();
  };
  range(() => wamsg.formatCurrency('en-US', 1, 'USD'), /not one of Meta's template language codes; did you mean `en_US`/);
  range(() => wamsg.formatCurrency('de', 1, 'XYZ'), /XYZ/);
  range(() => wamsg.formatCurrency('de', 2 ** 31, 'EUR'), /./);
  range(() => wamsg.formatDateTime('de', { year: 2024, month: 300 }), /month 300 is out of range/);
  range(() => wamsg.formatDateTime('de', { year: 2024, month: 13 }), /./);
  range(() => wamsg.formatDateTime('de', { year: 2024, calendar: 'HEBREW' }), /HEBREW/);
  range(() => wamsg.formatTimestamp('de', 1e15), /./);
  throwsType(() => wamsg.formatDateTime('de', null), /parts must be an object, got null/);
  throwsType(() => wamsg.formatDateTime('de', { yeer: 2024 }), /unknown date_time field "yeer"/);
  throwsType(() => wamsg.formatDateTime('de', { year: '2024' }), /year must be an integer, got "2024"/);
  // A payload's date_time object is accepted as is.
  const param = { fallback_value: 'May 2', year: 2026, month: 5, day_of_month: 2 };
  assert.equal(typeof wamsg.formatDateTime('en_US', param), 'string');
});

test('preview, send check and webhook reading refuse bad arguments the same way', async () => {
  const { parseWebhook } = await import('wamsg/webhook');
  throwsType(() => wamsg.renderMessage(undefined), /message must be a string of JSON text or an object, got undefined/);
  throwsType(() => wamsg.renderMessage(GOOD, { localize: 'de' }), /options.localize must be one of "fallback", "locale"/);
  throwsType(() => wamsg.renderMessage(GOOD, { format: 'xml' }), /options.format must be one of "json", "html", "text"/);
  throwsType(() => wamsg.renderMessage(GOOD, { template: 42 }), /options.template must be a string of JSON text or an object, got a number/);
  throwsType(() => wamsg.validateMessage(GOOD, { template: null }), /options.template must be a string of JSON text or an object, got null/);
  const cyclic = {};
  cyclic.self = cyclic;
  throwsType(() => wamsg.validateMessage(GOOD, { template: cyclic }), /options.template cannot be turned into JSON/);
  throwsType(() => parseWebhook(Symbol('x')), /webhook must be a string of JSON text or an object, got a symbol/);
  throwsType(() => parseWebhook('{}', { as: 'webhook' }), /unknown option "as"/);
  throwsType(() => parseWebhook('"\uD800"'), /lone surrogate/);
  // Broken JSON is a diagnostic, not an exception, everywhere.
  assert.equal(wamsg.renderMessage('{').diagnostics[0].code, 'json.syntax');
  assert.equal(parseWebhook('{').diagnostics[0].code, 'json.syntax');
  assert.equal(parseWebhook('{').notification, null);
  assert.equal(typeof wamsg.renderMessage('{', { format: 'html' }), 'string');
});

test('formatting refuses non-text the same way and survives hostile markup', async () => {
  const format = { ...wamsg, ...(await import('wamsg/markdown')) };
  for (const name of ['parseFormatting', 'formatToHtml', 'formatToText', 'markdownToWhatsApp']) {
    throwsType(() => format[name](undefined), /must be a string, got undefined/);
    throwsType(() => format[name]({ text: 'x' }), /must be a string, got an object/);
    throwsType(() => format[name]('a\uDFFF'), /lone surrogate \(U\+DFFF\) at UTF-16 offset 1/);
    throwsType(() => format[name]('\uFFFD *x* \uD83D'), /lone surrogate \(U\+D83D\) at UTF-16 offset 6/);
    assert.match(JSON.stringify(format[name]('\uFFFD *x* \uD83D\uDE00')), /\uFFFD/);
    throwsType(() => format[name]('x'.repeat(11), { maxBytes: 10 }), /over the limit of 10 bytes/);
    throwsType(() => format[name]('x', { max: 1 }), /unknown option "max"/);
  }
  // Deeply nested and unbalanced markup: linear, no trap, every character accounted for.
  const hostile = '*_~'.repeat(50_000) + '```' + '>'.repeat(10_000) + '\n* '.repeat(20_000);
  const root = format.parseFormatting(hostile);
  assert.deepEqual(root.span, [0, hostile.length]);
  assert.ok(format.formatToHtml(hostile).length >= hostile.length);
  assert.equal(typeof format.markdownToWhatsApp('['.repeat(100_000) + '>'.repeat(100_000)), 'string');
  stillWorks();
});
