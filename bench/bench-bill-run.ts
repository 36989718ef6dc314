// Bill-run benchmark: N accounts with M rated usage events each, billed in one run. The data is
// built once (bench/out, reused) through the same sink ingestion uses; the run itself is timed on
// a fresh copy. Prints StageResult JSON lines (bench/measure.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureBillBase } from './build-bill-base.ts';
import { measure } from './measure.ts';

const [accountsArg, eventsArg, root, jobsArg] = process.argv.slice(2);
const JOBS = Number(jobsArg ?? 2);
const N = Number(accountsArg ?? 100_000);
const M = Number(eventsArg ?? 100);
const ROOT = resolve(root ?? '.');
const work = join(ROOT, 'bench', 'out', `bill-run-${N}x${M}.db`);

const base = await ensureBillBase(N, M, ROOT);
for (const f of [work, `${work}-wal`, `${work}-shm`]) rmSync(f, { force: true });
copyFileSync(base, work);
// The run as an operator starts it: `switchboard bill --jobs J`, one process per core.
let out: { created: number; held: number; failed: unknown[]; processPeakRssMb?: number[] } = { created: 0, held: 0, failed: [] };
const result = await measure(`bill run, ${JOBS} job${JOBS > 1 ? 's' : ''}`, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'switchboard.js'), '--db', work, 'bill', '--period', '2025-03', '--jobs', String(JOBS), '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, CI: '1' },
  });
  if (r.status !== 0) throw new Error(`bill run failed (status ${r.status}, ${r.error?.message ?? ''}): ${r.stderr}${r.stdout.slice(0, 2000)}`);
  out = JSON.parse(r.stdout);
  if (out.failed.length) throw new Error(`bill run failed for ${out.failed.length} accounts: ${JSON.stringify(out.failed[0])}`);
  return out.created;
});
// The work happens in the bill processes: their peak RSS is what counts, not this parent's.
result.peakRssMb = Math.max(...(out.processPeakRssMb ?? [result.peakRssMb]));
result.extra = { accounts: N, events: N * M, eventsPerSecond: Math.round((N * M) / result.seconds), held: out.held, processPeakRssMb: out.processPeakRssMb ?? null };
console.log(JSON.stringify(result));
