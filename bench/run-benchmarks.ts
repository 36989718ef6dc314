// `npm run bench [-- --rows N]`: prints the billing core's speed figures. Each stage runs in its own
// process so its peak RSS is its own. Figures, not pass/fail: targets are in docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCdrFile } from '../evals/generator/index.ts';
import type { StageResult } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const SEED = 42;
const SUBSCRIBERS = 20_000;
const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });

async function fileFor(n: number): Promise<string> {
  const file = join(outDir, `asterisk-${n}-s${SEED}.csv`);
  if (!existsSync(file)) {
    const t = Date.now();
    const stats = await writeCdrFile(file, { format: 'asterisk', rows: n, seed: SEED, subscribers: SUBSCRIBERS });
    console.log(`generated ${file}: ${stats.rows} rows, ${(stats.bytes / 1e6).toFixed(0)} MB in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return file;
}

function child(script: string, ...params: string[]): StageResult[] {
  return childWith([], script, ...params);
}

function childWith(nodeFlags: string[], script: string, ...params: string[]): StageResult[] {
  const r = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(ROOT, 'bench', script), ...params], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as StageResult);
}

const big = await fileFor(rows);
const quarter = await fileFor(Math.round(rows / 4));
const results = [
  ...child('bench-parse.ts', big),
  ...child('bench-rate.ts', big, ROOT, String(SEED), String(SUBSCRIBERS)),
  ...child('bench-end-to-end.ts', big, ROOT, String(SEED), String(SUBSCRIBERS)),
  ...child('bench-end-to-end.ts', quarter, ROOT, String(SEED), String(SUBSCRIBERS)).map((r) => ({ ...r, stage: 'end-to-end (1/4 file)' })),
  // The same without the writer thread: what the second core buys, and what its isolate costs.
  ...child('bench-end-to-end.ts', big, ROOT, String(SEED), String(SUBSCRIBERS), 'inline').map((r) => ({ ...r, stage: 'end-to-end, inline' })),
  // Without the fraud detection stage: what detection costs (bench/bench-fraud-overhead.ts interleaves rounds for a fair figure).
  ...child('bench-end-to-end.ts', big, ROOT, String(SEED), String(SUBSCRIBERS), 'no-detect').map((r) => ({ ...r, stage: 'end-to-end, no detection' })),
  // V8 sizes its heap from the machine's memory; capped, the resident memory left is the floor.
  ...childWith(['--max-old-space-size=128'], 'bench-end-to-end.ts', big, ROOT, String(SEED), String(SUBSCRIBERS)).map((r) => ({ ...r, stage: 'end-to-end, heap 128M' })),
];
console.log(`\nSwitchboard billing-core benchmark — ${rows.toLocaleString('en')} Asterisk rows, node ${process.version}, ${process.platform}/${process.arch}`);
console.log('stage                     items      seconds   per second   peak RSS MB');
for (const r of results) {
  console.log(`${r.stage.padEnd(24)}  ${String(r.items).padStart(9)}  ${r.seconds.toFixed(2).padStart(8)}  ${r.perSecond.toLocaleString('en').padStart(11)}  ${String(r.peakRssMb).padStart(11)}`);
}
for (const r of results) if (r.extra) console.log(`${r.stage}: ${JSON.stringify(r.extra)}`);
