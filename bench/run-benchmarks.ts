// `npm run bench [-- --rows N] [-- --rounds R] [-- --base REF] [-- --layouts-only]`: prints the
// billing core's speed figures, then the usage storage layouts side by side (docs/storage.md): this
// checkout against REF (default: the commit before migration 0020), interleaved round by round on
// the same file. Each stage runs in its own process so its peak RSS is its own. Figures, not
// pass/fail: targets are in docs/benchmarks.md. `--database postgres` adds this checkout on
// PostgreSQL (SWITCHBOARD_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) to each
// round of the layouts: end to end into a fresh schema, bytes per event from pg_total_relation_size.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCdrFile } from '../evals/generator/index.ts';
import type { StageResult } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const rows = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 1_000_000;
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Number(args[roundsArg + 1]) : 3;
const baseArg = args.indexOf('--base');
const layoutsOnly = args.includes('--layouts-only');
const databaseArg = args.indexOf('--database');
const engine = databaseArg >= 0 ? args[databaseArg + 1] : 'sqlite';
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error(`--database sqlite|postgres, not ${engine}`);
const postgresUrl = engine === 'postgres' ? process.env.SWITCHBOARD_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' : null;
// The SQLite figures are SQLite's whatever the caller's environment says.
const sqliteEnv = { ...process.env, SWITCHBOARD_DATABASE_URL: '' };
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
  return childIn(ROOT, nodeFlags, script, ...params);
}

function childIn(checkout: string, nodeFlags: string[], script: string, ...params: string[]): StageResult[] {
  return childEnv(sqliteEnv, checkout, nodeFlags, script, ...params);
}

function childEnv(env: NodeJS.ProcessEnv, checkout: string, nodeFlags: string[], script: string, ...params: string[]): StageResult[] {
  const r = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', join(checkout, 'bench', script), ...params], { encoding: 'utf8', maxBuffer: 1 << 24, cwd: checkout, env });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as StageResult);
}

const big = await fileFor(rows);
const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' }).trim();

/**
 * The old layout's checkout: REF (default the parent of the commit that added migration 0020) as a
 * git archive in the temp folder (outside the repository, so no test run or type check picks its
 * files up), with this checkout's node_modules and end-to-end harness.
 */
function baseCheckout(): { dir: string; ref: string } {
  const added = git('log', '--diff-filter=A', '--format=%H', '--', 'db/migrations/0020_usage_compact.sql').split('\n').pop();
  const ref = git('rev-parse', baseArg >= 0 ? args[baseArg + 1]! : `${added}^`);
  const dir = join(tmpdir(), `switchboard-bench-base-${ref.slice(0, 10)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${ref} | tar -x -C "${dir}"`], { cwd: ROOT });
  }
  const modules = join(dir, 'node_modules');
  if (!existsSync(modules)) {
    // A link left by a checkout that is gone (existsSync follows it and says no): replace it.
    rmSync(modules, { force: true });
    symlinkSync(join(ROOT, 'node_modules'), modules);
  }
  // The same harness on both layouts: it uses only openDatabase, createBatch, createRowWriter and ingestFile.
  for (const f of ['bench-end-to-end.ts', 'measure.ts']) copyFileSync(join(ROOT, 'bench', f), join(dir, 'bench', f));
  return { dir, ref };
}

if (!layoutsOnly) {
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
}

// The storage layouts, interleaved: each round runs parse-only, then both layouts end to end (the
// order alternating), so every figure of a round shares the machine's load of those minutes.
const base = baseCheckout();
type Layout = 'old' | 'new';
const runs: Record<Layout, StageResult[]> = { old: [], new: [] };
const postgresRuns: StageResult[] = [];
const parses: StageResult[] = [];
for (let round = 0; round < rounds; round++) {
  parses.push(...child('bench-parse.ts', big));
  const order: Layout[] = round % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
  for (const layout of order) {
    const dir = layout === 'old' ? base.dir : ROOT;
    runs[layout].push(...childIn(dir, [], 'bench-end-to-end.ts', big, dir, String(SEED), String(SUBSCRIBERS), 'insert'));
  }
  if (postgresUrl) postgresRuns.push(...childEnv({ ...process.env, SWITCHBOARD_DATABASE_URL: postgresUrl }, ROOT, [], 'bench-end-to-end.ts', big, ROOT, String(SEED), String(SUBSCRIBERS)));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const parseMedian = median(parses.map((p) => p.perSecond));
console.log(`\nUsage storage layouts — ${rows.toLocaleString('en')} Asterisk rows, ${rounds} interleaved rounds; old = ${base.ref.slice(0, 10)}, new = this checkout (medians; every run in brackets)`);
console.log(`parse-only: ${parseMedian.toLocaleString('en')} events/s [${parses.map((p) => p.perSecond).join(', ')}]`);
console.log('layout  bytes/event  without indexes  insert-only us/row  end-to-end events/s  e2e / parse-only  writer+GC CPU us/row');
for (const layout of ['old', 'new'] as Layout[]) {
  const rs = runs[layout];
  const storage = rs[0]!.extra!.storage as { bytesPerEvent: number; bytesPerEventNoIndexes: number | null };
  const inserts = rs.map((r) => (r.extra!.insertOnly as { usPerRow: number }).usPerRow);
  const cpu = rs.map((r) => (r.extra!.cpuUsPerRow as { otherThreads: number | null }).otherThreads ?? 0);
  const e2e = rs.map((r) => r.perSecond);
  // The ratio pairs each end-to-end run with the parse-only run of its own round.
  const ratios = rs.map((r, i) => r.perSecond / parses[i]!.perSecond);
  console.log(
    `${layout.padEnd(6)}  ${String(storage.bytesPerEvent).padStart(11)}  ${String(storage.bytesPerEventNoIndexes ?? '–').padStart(15)}  ${`${median(inserts)} [${inserts.join(', ')}]`.padStart(18)}  ${`${median(e2e).toLocaleString('en')} [${e2e.join(', ')}]`.padStart(19)}  ${median(ratios).toFixed(3).padStart(16)}  ${String(median(cpu)).padStart(20)}`,
  );
}
if (postgresRuns.length) {
  // The same checkout on PostgreSQL: its one writer (inline, multi-row inserts), no insert-only figure.
  const storage = postgresRuns[0]!.extra!.storage as { bytesPerEvent: number; bytesPerEventNoIndexes: number | null };
  const e2e = postgresRuns.map((r) => r.perSecond);
  const ratios = postgresRuns.map((r, i) => r.perSecond / parses[i]!.perSecond);
  const cpu = postgresRuns.map((r) => (r.extra!.cpuUsPerRow as { mainThread: number | null }).mainThread ?? 0);
  console.log(
    `${'pg'.padEnd(6)}  ${String(storage.bytesPerEvent).padStart(11)}  ${String(storage.bytesPerEventNoIndexes ?? '–').padStart(15)}  ${'–'.padStart(18)}  ${`${median(e2e).toLocaleString('en')} [${e2e.join(', ')}]`.padStart(19)}  ${median(ratios).toFixed(3).padStart(16)}  ${`main ${median(cpu)}`.padStart(20)}`,
  );
}
const ratio = (f: (r: StageResult) => number) => median(runs.new.map(f)) / median(runs.old.map(f));
console.log(
  `new / old: end-to-end ${ratio((r) => r.perSecond).toFixed(2)}x, bytes/event ${ratio((r) => (r.extra!.storage as { bytesPerEvent: number }).bytesPerEvent).toFixed(2)}x, insert-only us/row ${ratio((r) => (r.extra!.insertOnly as { usPerRow: number }).usPerRow).toFixed(2)}x`,
);
for (const layout of ['old', 'new'] as Layout[]) console.log(`${layout} storage: ${JSON.stringify(runs[layout][0]!.extra!.storage)}`);
if (postgresRuns.length) console.log(`pg storage (${postgresUrl!.replace(/\/\/[^@/]*@/, '//***@')}): ${JSON.stringify(postgresRuns[0]!.extra!.storage)}`);
