// The size budget of the package's WebAssembly engines: each module at most 200 KB
// (200,000 bytes) gzipped (level 9), since a page downloads each one it imports. Run after
// the build; exits non-zero over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET = 200_000;
const dist = new URL('../dist/', import.meta.url);
const modules = readdirSync(dist).filter((f) => f.endsWith('.wasm')).sort();
if (modules.length === 0) {
  console.error('no .wasm in pkg/dist: run `npm run build` first');
  process.exit(1);
}
let over = false;
for (const name of modules) {
  const raw = readFileSync(new URL(name, dist));
  const gz = gzipSync(raw, { level: 9 }).length;
  const pct = ((gz / BUDGET) * 100).toFixed(1);
  console.log(`${name}: ${raw.length} bytes, ${gz} bytes gzipped (${pct}% of the ${BUDGET}-byte budget)`);
  if (gz > BUDGET) {
    console.error(`  over budget by ${gz - BUDGET} bytes: see what grew (\`twiggy top\` on the cargo output) or move a feature into its own module`);
    over = true;
  }
}
process.exit(over ? 1 : 0);
