// Instructions per validateMessage call, for comparing two builds on a shared machine where
// timings drift by ±10%: the count under valgrind is stable to ~0.3% once V8 compiles the
// WebAssembly with TurboFan at once (--no-liftoff --no-wasm-tier-up) instead of tiering up
// on a timer. Not a test and not a speed figure (valgrind runs ~50× slower than the machine).
//
//   node bench/icount.mjs [filled|published|clean|dirty] [DIST]
//
// `clean` / `dirty`: the filled corpus's messages without / with diagnostics. DIST defaults
// to the package's dist/ (another build's dist compares it). Needs valgrind.

import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpora } from './corpus.mjs';

const [which = 'filled', dist = fileURLToPath(new URL('../dist', import.meta.url))] = process.argv.slice(2);

if (process.env.ICOUNT_PASSES) {
  // The measured process: this many passes over the corpus.
  const wamsg = await import(pathToFileURL(`${dist}/node.js`).href);
  const filled = corpora[1][1];
  const clean = (s) => wamsg.validateMessage(s).diagnostics.length === 0;
  const corpus = {
    published: corpora[0][1],
    filled,
    clean: filled.filter(clean),
    dirty: filled.filter((s) => !clean(s)),
  }[which];
  if (!corpus) throw new Error(`unknown corpus ${JSON.stringify(which)}`);
  let sink = 0;
  for (let i = 0; i < Number(process.env.ICOUNT_PASSES); i++) {
    for (const s of corpus) sink += wamsg.validateMessage(s).diagnostics.length;
  }
  console.log(JSON.stringify({ messages: corpus.length, sink }));
} else {
  // Instructions of a whole process with `passes` passes, and its corpus size.
  const run = (passes) => {
    const r = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        '--smc-check=all-non-file',
        process.execPath,
        '--single-threaded',
        '--no-liftoff',
        '--no-wasm-tier-up',
        fileURLToPath(import.meta.url),
        which,
        dist,
      ],
      { env: { ...process.env, ICOUNT_PASSES: String(passes) }, encoding: 'utf8' },
    );
    const collected = /Collected : (\d+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !collected) throw new Error(`valgrind failed (${r.error?.message ?? r.status}): ${r.stderr}`);
    return { instructions: Number(collected[1]), ...JSON.parse(r.stdout) };
  };
  // The difference of 500 and 3000 passes is 2500 passes of steady state: start-up,
  // compilation and warm-up cancel out.
  const a = run(500);
  const b = run(3000);
  const perMessage = (b.instructions - a.instructions) / (2500 * b.messages);
  console.log(`${which}: ${b.messages} messages, ${Math.round(perMessage)} instructions per validateMessage (${dist})`);
}
