// kill -9 of `switchboard worker` at random moments of a sharded bill run, then a restart: every
// account billed once, numbers gapless, totals as an uninterrupted run on a copy of the database.
import { Queue } from 'bullmq';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod } from '../../app/billing/index.ts';
import { setUpManyAccounts } from '../../cli/commands/testing/many-accounts.ts';
import { loadConfig } from '../../config/index.ts';
import { openDatabase } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { enqueueBillRun, jobKey, QUEUES, redisConnection } from './index.ts';
import { deletePrefix, eventually, numberGaps, readInvoices, startWorkerProcess, testPrefix } from './testing/worker-fixture.ts';

const ACCOUNTS = 5000;
const PERIOD = '2025-03';
const TENANT = 'switchboard.local';
const FAST_RECLAIM = ['--shard-size', '200', '--lock-duration', '1500', '--stalled-interval', '500', '--max-stalled', '100', '--poll-ms', '3600000'];

let store: ReturnType<typeof createTempStore>;
let copy: string;
const prefix = testPrefix();
const connection = redisConnection(loadConfig().redisUrl);
let tasks: Queue;
let bill: Queue;

beforeAll(() => {
  store = createTempStore();
  setUpManyAccounts(store, ACCOUNTS);
  copy = join(store.dir, 'copy.db');
  store.sqlite.exec(`vacuum into '${copy}'`);
  tasks = new Queue(QUEUES.tasks, { connection, prefix });
  bill = new Queue(QUEUES.bill, { connection, prefix });
}, 60_000);
afterAll(async () => {
  await Promise.all([tasks.close(), bill.close()]);
  await connection.quit();
  await deletePrefix(prefix);
  store.cleanup();
});

describe('switchboard worker killed with SIGKILL during a bill run', () => {
  it('bills every account exactly once, gapless, with the totals of an uninterrupted run', async () => {
    const started = Date.now();
    await enqueueBillRun(tasks, TENANT, PERIOD);
    const parent = jobKey('bill-run', TENANT, PERIOD);
    const moments: number[] = [];
    let billedAtKills: number[] = [];
    while (moments.length < 12) {
      const proc = await startWorkerProcess(store.path, prefix, FAST_RECLAIM);
      const wait = 150 + Math.floor(Math.random() * 500);
      await new Promise((r) => setTimeout(r, wait));
      proc.child.kill('SIGKILL');
      await proc.ended;
      moments.push(wait);
      billedAtKills = [...billedAtKills, readInvoices(store.path).length];
      if ((await (await bill.getJob(parent))?.getState()) === 'completed') break;
    }
    const killedAt = Date.now();
    // The last start runs the rest to the end.
    const last = await startWorkerProcess(store.path, prefix, FAST_RECLAIM);
    try {
      await eventually('the bill run to finish', async () => (await (await bill.getJob(parent))?.getState()) === 'completed', 150_000);
    } finally {
      last.child.kill('SIGTERM');
    }
    const end = await last.ended;
    console.log(
      `kill -9 at ${moments.length} moments (ms after ready: ${moments.join(', ')}); invoices at each kill: ${billedAtKills.join(', ')}; killing took ${killedAt - started} ms, finishing ${Date.now() - killedAt} ms`,
    );
    expect(end.status).toBe(0);
    expect(moments.length).toBeGreaterThanOrEqual(10);
    // Some kills fell in the middle of the run (not all before it started or after it ended).
    expect(billedAtKills.filter((n) => n > 0 && n < ACCOUNTS).length).toBeGreaterThanOrEqual(5);

    const rows = readInvoices(store.path);
    expect(rows).toHaveLength(ACCOUNTS);
    expect(new Set(rows.map((r) => `${r.accountId}/${r.period}`)).size).toBe(ACCOUNTS);
    expect(numberGaps(rows)).toEqual([]);

    const reference = openDatabase(copy);
    try {
      billPeriod(reference, { period: PERIOD, timezone: 'UTC' });
    } finally {
      reference.close();
    }
    const expected = readInvoices(copy);
    expect(rows.map((r) => [r.accountId, r.total])).toEqual(expected.map((r) => [r.accountId, r.total]));
    const numbers = (xs: typeof rows) =>
      xs
        .map((r) => r.number)
        .filter((n) => n !== null)
        .sort();
    expect(numbers(rows)).toEqual(numbers(expected));
    // A generous bound: it is there for a hang, not for speed (about 30 s on an idle 2-core machine).
  }, 240_000);
});
