// The size budget of the package's WebAssembly engine: at most 200 KB (200,000 bytes)
// gzipped (level 9). Run after the build; exits non-zero over budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 200_000;
const file = new URL('../dist/wamsg_wasm_bg.wasm', import.meta.url);
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
const pct = ((gz / BUDGET) * 100).toFixed(1);
console.log(`wamsg_wasm_bg.wasm: ${raw.length} bytes, ${gz} bytes gzipped (${pct}% of the ${BUDGET}-byte budget)`);
if (gz > BUDGET) {
  console.error(`over budget by ${gz - BUDGET} bytes: see what grew with \`twiggy top\` or drop a dependency`);
  process.exit(1);
}
