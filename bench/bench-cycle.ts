// `npm run bench:cycle [-- --accounts N --events M --shard-size S]`: the billing cycle of March 2025
// for N accounts with M rated events each (bench/build-bill-base.ts), run by `switchboard worker`
// on Redis with 1 and with 2 worker processes, against `switchboard bill --jobs 2` on the same data.
// Each run is on a fresh copy of the same base database. Prints time per step and end to end.
// `--workers 1,2,4` picks the worker counts. On PostgreSQL: `--database postgres` (the server of
// SWITCHBOARD_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test), or just that
// variable set; each copy is then a schema of its own, which the worker processes open through
// their configuration (they inherit the variable).
// Figures, not pass/fail: docs/benchmarks-billing.md.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import { loadConfig } from '../config/index.ts';
import { openDatabase } from '../db/index.ts';
import { copyBooks, dropBooks, readBooks } from '../db/testing/books-copy.ts';
import { enqueueCycle, QUEUES, redisConnection } from '../server/workers/index.ts';
import type { CycleReport } from '../tools/cycle/index.ts';
import { ensureBillBase } from './build-bill-base.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
if (args.includes('--database')) {
  const engine = args[args.indexOf('--database') + 1];
  if (engine === 'postgres') process.env.SWITCHBOARD_DATABASE_URL ||= 'postgres://postgres@127.0.0.1:5432/test';
  else if (engine === 'sqlite') delete process.env.SWITCHBOARD_DATABASE_URL;
  else throw new Error(`--database sqlite|postgres, not ${engine}`);
}
const N = arg('accounts', 100_000);
const M = arg('events', 100);
const SHARD = arg('shard-size', 1000);
// `--workers 2` runs only the 2-worker cycle (a 100k run takes long); the default runs 1 and 2.
const WORKERS = (args.includes('--workers') ? args[args.indexOf('--workers') + 1]! : '1,2').split(',').map(Number);
const BIN = join(ROOT, 'bin', 'switchboard.js');
const PERIOD = '2025-03';
const { redisUrl, databaseUrl } = loadConfig();
const ENGINE = databaseUrl ? 'PostgreSQL' : 'SQLite';

const base = await ensureBillBase(N, M, ROOT);

function freshCopy(name: string): string {
  const work = join(ROOT, 'bench', 'out', `${name}-${N}x${M}.db`);
  for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
  rmSync(join(dirname(work), 'documents'), { recursive: true, force: true });
  if (databaseUrl) {
    dropBooks(work);
    const from = openDatabase(base);
    try {
      copyBooks(from, work);
    } finally {
      from.close();
    }
  } else copyFileSync(base, work);
  return work;
}

function billRun(): number {
  const work = freshCopy('cycle-bill');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, '--db', work, 'bill', '--period', PERIOD, '--jobs', '2', '--json'], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: '1' } });
  if (r.status !== 0) throw new Error(`bill failed: ${r.stderr}`);
  const seconds = (performance.now() - t0) / 1000;
  dropBooks(work);
  return seconds;
}

function readRun(path: string): { status: string; report: CycleReport | null; error: string | null } | undefined {
  const row = readBooks(path, (db) => db.prepare('select status, report, error from cycle_runs where period = ?').get(PERIOD)) as
    | { status: string; report: string | null; error: string | null }
    | undefined;
  return row ? { ...row, report: row.report ? (JSON.parse(row.report) as CycleReport) : null } : undefined;
}

async function cycleOnWorkers(workers: number): Promise<{ seconds: number; report: CycleReport }> {
  const work = freshCopy(`cycle-${workers}w`);
  const prefix = `sbbench-${randomBytes(4).toString('hex')}`;
  const procs = Array.from({ length: workers }, () =>
    spawn(process.execPath, [BIN, '--db', work, 'worker', '--queue-prefix', prefix, '--no-schedule', '--shard-size', String(SHARD), '--json'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, CI: '1', SWITCHBOARD_LOG_LEVEL: 'warn' },
    }),
  );
  const connection = redisConnection(redisUrl);
  const tasks = new Queue(QUEUES.tasks, { connection, prefix });
  try {
    const t0 = performance.now();
    await enqueueCycle(tasks, 'switchboard.local', PERIOD, 'bench');
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const run = readRun(work);
      if (run?.status === 'failed') throw new Error(`cycle failed: ${run.error}`);
      if (run && (run.status === 'done' || run.status === 'waiting') && run.report) return { seconds: (performance.now() - t0) / 1000, report: run.report };
    }
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
    await tasks.obliterate({ force: true }).catch(() => undefined);
    await new Queue(QUEUES.bill, { connection, prefix }).obliterate({ force: true }).catch(() => undefined);
    await tasks.close();
    await connection.quit();
    dropBooks(work);
  }
}

const bill = billRun();
const runs: Array<{ workers: number; seconds: number; report: CycleReport }> = [];
for (const w of WORKERS) runs.push({ workers: w, ...(await cycleOnWorkers(w)) });

const s = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(1));
const stepMs = (r: CycleReport, step: string) => r.steps.find((x) => x.step === step)?.ms;
const head = runs.map((r) => `${r.workers} worker${r.workers > 1 ? 's' : ''}`.padStart(11)).join(' ');
console.log(`\nSwitchboard cycle benchmark (${ENGINE}) — ${N.toLocaleString('en')} accounts x ${M} rated events, shards of ${SHARD}, node ${process.version}`);
console.log(`step (seconds)       ${head}`);
for (const step of runs[0]!.report.steps.map((x) => x.step)) console.log(`${step.padEnd(20)} ${runs.map((r) => s(stepMs(r.report, step)).padStart(11)).join(' ')}`);
console.log(`${'cycle, end to end'.padEnd(20)} ${runs.map((r) => r.seconds.toFixed(1).padStart(11)).join(' ')}`);
console.log(`switchboard bill --jobs 2 (bill run only, no audit or documents): ${bill.toFixed(1)} s`);
for (const r of runs) {
  const bills = r.report.steps.find((x) => x.step === 'bill')!;
  const docs = r.report.steps.find((x) => x.step === 'documents')!;
  console.log(
    `${r.workers} worker(s): ${bills.counts.created} invoices (${bills.money.map((m) => `${m.total} ${m.currency}`).join(', ')}), ${docs.counts.written} documents, held ${r.report.held.length}, model calls ${r.report.model.calls}`,
  );
}
