// The package's surface: what it exports matches its hand-written types, and positions are
// UTF-16 offsets that index the input string directly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import * as wamsg from 'wamsg';
import * as webhook from 'wamsg/webhook';
import * as markdown from 'wamsg/markdown';

const declaredIn = (file) => {
  const dts = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
  return [...new Set([...dts.matchAll(/^export declare (?:function|const) (\w+)/gm)].map((m) => m[1]))].sort();
};

test('each entry exports exactly what its hand-written types declare', () => {
  assert.deepEqual(Object.keys(wamsg).sort(), declaredIn('index.d.ts'));
  assert.deepEqual(Object.keys(webhook).sort(), declaredIn('webhook.d.ts'));
  assert.deepEqual(Object.keys(markdown).sort(), declaredIn('markdown.d.ts'));
});

test('spans index the input string and columns count UTF-16 units', () => {
  const src = '{"text":{"body":"👍🏽 ok"},\n "😀": 1, "text": {}}';
  const r = wamsg.validateMessage(src);
  const dup = r.diagnostics.find((d) => d.code === 'json.duplicate_key');
  assert.ok(dup, JSON.stringify(r.diagnostics));
  assert.equal(src.slice(dup.span[0], dup.span[1]), '"text"');
  assert.equal(dup.line, 2);
  // Line 2 is ` "😀": 1, "text"…`: the key starts after 1 + 4 (quote, 2 units, quote) + 5 units.
  assert.equal(dup.column, src.split('\n')[1].indexOf('"text"') + 1);
  assert.equal(dup.column, 11);
});

test('object input is reported against its JSON.stringify text', () => {
  const obj = { text: { body: 'hi' }, n: 1 };
  const src = JSON.stringify(obj);
  assert.deepEqual(wamsg.validateMessage(obj), wamsg.validateMessage(src));
});

test('defaults are the core defaults and frozen', () => {
  assert.deepEqual({ ...wamsg.defaults }, { api: 'cloud', maxBytes: 4194304, maxDepth: 64, maxDiagnostics: 1000 });
  assert.ok(Object.isFrozen(wamsg.defaults));
});

test('limits() has exactly the fields of the Limits type, as positive integers, one frozen object', () => {
  const dts = readFileSync(new URL('../dist/index.d.ts', import.meta.url), 'utf8');
  const block = dts.slice(dts.indexOf('export interface Limits {'), dts.indexOf('}', dts.indexOf('export interface Limits {')));
  const declared = [...block.matchAll(/^\s+(\w+): number;/gm)].map((m) => m[1]).sort();
  const limits = wamsg.limits();
  assert.deepEqual(Object.keys(limits).sort(), declared);
  for (const v of Object.values(limits)) assert.ok(Number.isInteger(v) && v > 0);
  assert.ok(Object.isFrozen(limits));
  assert.equal(wamsg.limits(), limits);
});

test('the preview body AST and parseFormatting spans index their text in UTF-16 units', () => {
  const body = '😀 *bold* and _it_';
  const preview = wamsg.renderMessage({ messaging_product: 'whatsapp', to: '15551234567', type: 'text', text: { body } });
  assert.equal(preview.body.text, body);
  const bold = preview.body.ast.children.find((n) => n.type === 'bold');
  assert.equal(body.slice(bold.span[0], bold.span[1]), '*bold*');
  assert.deepEqual(wamsg.parseFormatting(body), preview.body.ast);
});

test('markdownToWhatsApp from the root entry is the wamsg/markdown conversion', () => {
  assert.equal(wamsg.markdownToWhatsApp('**bold** and *em*'), '*bold* and _em_');
  const doc = '# Title\n\n- one\n- **two** `code`\n\n> quote with [a link](https://example.com)\n';
  assert.equal(wamsg.markdownToWhatsApp(doc), markdown.markdownToWhatsApp(doc));
  assert.equal(wamsg.markdownToWhatsApp('x'.repeat(10), { maxBytes: 10 }), 'x'.repeat(10));
  assert.throws(() => wamsg.markdownToWhatsApp(42), TypeError);
  assert.throws(() => wamsg.markdownToWhatsApp('x'.repeat(11), { maxBytes: 10 }), TypeError);
  assert.throws(() => wamsg.markdownToWhatsApp('\uD800'), TypeError);
});
