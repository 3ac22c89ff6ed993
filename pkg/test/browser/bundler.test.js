// The package through a bundler: Vite builds test/bundler/ (an app importing 'wamsg' by name)
// and headless Chromium runs the result. Catches what only bundling breaks: the engine's
// initialization dropped as "side-effect free", the .wasm asset not emitted, top-level await.
// Run: `npm run test:browser` after `npm run build`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const PKG = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(PKG, 'test-results', 'bundle');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

test('an app bundled by Vite loads the engine and validates in Chromium', async () => {
  // The app depends on the package as an installed one would: node_modules/wamsg (a link to
  // pkg/, made here; node_modules is not committed), resolved through package.json exports.
  const modules = join(PKG, 'test', 'bundler', 'node_modules');
  mkdirSync(modules, { recursive: true });
  if (!existsSync(join(modules, 'wamsg'))) symlinkSync('../../..', join(modules, 'wamsg'), 'dir');
  await build({
    root: join(PKG, 'test', 'bundler'),
    logLevel: 'warn',
    build: { outDir: OUT, emptyOutDir: true },
  });
  const server = createServer(async (req, res) => {
    const path = req.url === '/' ? '/index.html' : req.url;
    try {
      const body = await readFile(join(OUT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page
      .waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 15_000 })
      .catch((e) => assert.fail(`the bundled app gave no result (${e.message}); page errors: ${errors.join('; ') || 'none'}`));
    const result = JSON.parse(await page.textContent('#out'));
    assert.deepEqual(errors, []);
    // The duplicate "text" key: UTF-16 offsets of `"text"` at its second occurrence.
    assert.deepEqual(result.duplicate, [25, 31]);
    assert.equal(result.kind, 'webhook');
    assert.deepEqual(result.measure, { scalars: 2, utf16: 4, graphemes: 1, bytes: 8 });
    // A second entry with its own engine: both modules emitted and loaded.
    assert.equal(result.html, '<strong>a&lt;b</strong>');
    assert.equal(result.markdown, '*bold*');
  } finally {
    await browser.close();
    server.close();
  }
});
