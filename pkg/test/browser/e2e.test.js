// End-to-end test of the playground in headless Chromium (playwright-core driving the
// system's /usr/bin/chromium): the package loads as plain ES modules in a real browser, typing
// into the editors updates the phone preview, and an error is highlighted where it is.
// Saves a screenshot to pkg/test-results/playground.png (not committed).
// Run: `npm run test:browser` after `npm run build`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

import { serve } from '../../scripts/serve.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const OUT = new URL('../../test-results/', import.meta.url);

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await serve({ port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('pageerror', (e) => pageErrors.push(e));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(new Error(m.text())));
  await page.goto(`${server.url}playground/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const text = (sel) => page.locator(sel).innerText();

// Replaces `from` by `to` in an editor by selecting it and typing, key by key.
async function retype(id, from, to) {
  const at = await page.$eval(`#${id}`, (ta, from) => ta.value.indexOf(from), from);
  assert.ok(at >= 0, `${from} not in #${id}`);
  await page.focus(`#${id}`);
  await page.$eval(`#${id}`, (ta, [s, e]) => ta.setSelectionRange(s, e), [at, at + from.length]);
  await page.keyboard.type(to, { delay: 5 });
}

test('the sample renders: header, formatted body, footer, buttons, counters, no errors', async () => {
  assert.equal(await text('#preview .wa-header'), 'Order A-42');
  const body = page.locator('#preview .wa-body');
  assert.match(await body.innerText(), /Hello Ana 👋, your order A-42 ships on May 2\./);
  // *{{1}}* became bold: formatting is rendered, the markers are gone.
  assert.equal(await body.locator('strong').first().innerText(), 'Ana');
  assert.equal(await text('#preview .wa-footer'), 'Reply STOP to opt out');
  assert.deepEqual(await page.locator('#preview .wa-button').allInnerTexts(), ['↗ Track order', '↩ Talk to us']);
  assert.deepEqual(await page.locator('#counters tbody tr td:first-child').allInnerTexts(), ['Header', 'Body', 'Footer', 'Button 1', 'Button 2']);
  assert.equal(await page.locator('#diagnostics li.error').count(), 0, await text('#diagnostics'));
  assert.deepEqual(pageErrors, []);
});

test('typing into the send payload updates the preview on every keystroke', async () => {
  await retype('payload', '"Ana"', '"Bea"');
  assert.match(await text('#preview .wa-body'), /Hello Bea 👋/);
  const bodyRow = page.locator('#counters tr[data-part="Body"] td');
  const chars = Number(await bodyRow.nth(1).innerText());
  const utf16 = Number(await bodyRow.nth(3).innerText());
  assert.equal(utf16, chars + 1, 'the 👋 is one character but two UTF-16 units');
});

test('a rule violation is listed, highlighted in place and counted', async () => {
  // A button text over the limit (25 characters), typed into the definition.
  await retype('definition', '"Talk to us"', '"Talk to us about anything you like"');
  const item = page.locator('#diagnostics li.error').first();
  await item.waitFor();
  const code = await item.getAttribute('data-code');
  const mark = page.locator('.editor:has(#definition) mark.error').first();
  assert.equal(await mark.getAttribute('data-code'), code);
  assert.equal(await mark.innerText(), '"Talk to us about anything you like"');
  assert.match(await item.innerText(), /Template definition \d+:\d+/);
  // The counter row of the too-long button is flagged too, and the preview shows the text.
  assert.equal(await page.locator('#counters tr[data-part="Button 2"]').getAttribute('class'), 'over');
  assert.match(await text('#preview .wa-buttons'), /Talk to us about anything you like/);
});

test('a syntax error typed into the payload is highlighted where it is, and the list leads there', async () => {
  await retype('payload', '"to": "15551234567",', '"to": "15551234567",,');
  const syntax = page.locator('.editor:has(#payload) mark.error[data-code="json.syntax"]');
  await syntax.waitFor();
  assert.equal(await syntax.innerText(), ',');
  const item = page.locator('#diagnostics li[data-code="json.syntax"]');
  assert.match(await item.innerText(), /Send payload 3:23/);
  // Clicking the diagnostic selects its span in the editor: UTF-16 offsets are string indices.
  await item.click();
  const selected = await page.$eval('#payload', (ta) => ta.value.slice(ta.selectionStart, ta.selectionEnd));
  assert.equal(selected, ',');
  // Meanwhile the last good preview stays, dimmed.
  assert.match(await text('#preview .wa-body'), /Hello Bea/);
  assert.equal(await page.locator('#preview.stale').count(), 1);
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: new URL('playground.png', OUT).pathname, fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test('free text mode previews WhatsApp formatting', async () => {
  await page.click('button[data-mode="text"]');
  await page.focus('#text');
  await page.keyboard.press('Control+A');
  const typed = '*bold* and _italic_ ~gone~\n> quoted';
  await page.keyboard.type(typed, { delay: 5 });
  const body = page.locator('#preview .wa-body');
  assert.equal(await body.locator('strong').innerText(), 'bold');
  assert.equal(await body.locator('em, i').first().innerText(), 'italic');
  assert.equal(await page.locator('#counters tr[data-part="Text body"] td').nth(1).innerText(), String(typed.length));
  await page.screenshot({ path: new URL('playground-text.png', OUT).pathname, fullPage: true });
  assert.deepEqual(pageErrors, []);
});
