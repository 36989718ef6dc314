// `npx tsx bench/bench-fraud-overhead.ts [--rows N] [--rounds R]`: what the fraud detection stage
// adds to ingest. Runs the end-to-end stage (ingest --rate of a generated Asterisk file into a
// fresh SQLite file) with and without detection, interleaved round after round so both see the
// same load, and prints each run and the medians. Figures, not pass/fail (docs/fraud.md).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCdrFile } from '../evals/generator/index.ts';
import type { StageResult } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const rows = arg('--rows', 1_000_000);
const rounds = arg('--rounds', 3);
const SEED = 42;
const SUBSCRIBERS = 20_000;
const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `asterisk-${rows}-s${SEED}.csv`);
if (!existsSync(file)) await writeCdrFile(file, { format: 'asterisk', rows, seed: SEED, subscribers: SUBSCRIBERS });

function run(detect: boolean): StageResult {
  const params = [file, ROOT, String(SEED), String(SUBSCRIBERS), ...(detect ? [] : ['no-detect'])];
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'bench-end-to-end.ts'), ...params], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench-end-to-end failed:\n${r.stderr}`);
  return JSON.parse(
    r.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .at(-1)!,
  ) as StageResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const withDetection: number[] = [];
const without: number[] = [];
// Main-thread CPU per row: on a shared machine it says more than the wall clock.
const cpuWith: number[] = [];
const cpuWithout: number[] = [];
console.log(`fraud detection overhead: ${rows.toLocaleString('en')} Asterisk rows (ingest --rate, fresh SQLite file), ${rounds} interleaved rounds, node ${process.version}`);
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first, so neither always runs on a warmer page cache.
  for (const detect of i % 2 === 0 ? [false, true] : [true, false]) {
    const r = run(detect);
    (detect ? withDetection : without).push(r.seconds);
    const cpu = (r.extra?.cpuUsPerRow as { mainThread: number | null } | undefined)?.mainThread;
    if (typeof cpu === 'number') (detect ? cpuWith : cpuWithout).push(cpu);
    console.log(
      `round ${i + 1}  ${detect ? 'with detection   ' : 'without detection'}  ${r.seconds.toFixed(2).padStart(7)} s  ${r.perSecond.toLocaleString('en').padStart(9)} rows/s  peak RSS ${r.peakRssMb} MB  main-thread CPU ${cpu ?? '-'} µs/row  ${JSON.stringify(r.extra?.detection)}`,
    );
  }
}
const a = median(without);
const b = median(withDetection);
console.log(`median wall clock without ${a.toFixed(2)} s, with ${b.toFixed(2)} s: detection adds ${(((b - a) / a) * 100).toFixed(1)}%`);
if (cpuWith.length && cpuWithout.length) {
  const c = median(cpuWithout);
  const d = median(cpuWith);
  console.log(`median main-thread CPU without ${c} µs/row, with ${d} µs/row: detection adds ${(((d - c) / c) * 100).toFixed(1)}%`);
}
