// Two workers racing for the same shard, the same scheduler tick delivered twice, a restart that
// upserts the same schedulers, and SIGTERM finishing the current job: each against real Redis.
import { Queue, type Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpManyAccounts } from '../../cli/commands/testing/many-accounts.ts';
import type { CliProcess } from '../../cli/testing/cli-processes.ts';
import { loadConfig } from '../../config/index.ts';
import { openDatabase, setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { onPostgres } from '../../db/testing/on-postgres.ts';
import { billShard, type ShardResult } from './bill-run.ts';
import { defaultHandlers, enqueueBillRun, jobKey, QUEUES, redisConnection, startWorkers, type RunningWorkers } from './index.ts';
import { deletePrefix, eventually, numberGaps, readInvoices, startWorkerProcess, testPrefix } from './testing/worker-fixture.ts';

const PERIOD = '2025-03';
const TENANT = 'switchboard.local';
// A shard of 1500 accounts bills in about 25 s on PostgreSQL (each statement a round trip) against
// a few on SQLite; the waits and test timeouts scale with it, the assertions do not.
const SLOW = onPostgres ? 3 : 1;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

let store: ReturnType<typeof createTempStore>;
let prefix: string;
let connection: ReturnType<typeof redisConnection>;
let bill: Queue;
let tasks: Queue;
const running: RunningWorkers[] = [];
const children: CliProcess[] = [];

beforeEach(() => {
  store = createTempStore();
  prefix = testPrefix();
  connection = redisConnection(loadConfig().redisUrl);
  bill = new Queue(QUEUES.bill, { connection, prefix });
  tasks = new Queue(QUEUES.tasks, { connection, prefix });
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((r) => r.close()));
  await Promise.all([bill.close(), tasks.close()]);
  await connection.quit();
  await deletePrefix(prefix);
  store.cleanup();
});

/**
 * Blocks the event loop (as a long synchronous bill does), so this worker's lock is not renewed,
 * until the rival has taken the shard over and its first invoices are in (read synchronously).
 */
function blockUntilRivalBills(path: string, timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && readInvoices(path).length === 0) {
    const pause = Date.now() + 50;
    while (Date.now() < pause) {
      /* busy */
    }
  }
}

async function stateOf(id: string): Promise<string | undefined> {
  return (await bill.getJob(id))?.getState();
}

describe('worker faults (real Redis)', () => {
  it(
    'two workers racing for the same shard bill each account once',
    async () => {
      setUpManyAccounts(store, 1500);
      const mine: ShardResult[] = [];
      let rival: CliProcess | undefined;
      // This worker takes the only shard, lets a rival process start, then stalls past its lock until
      // the rival has reclaimed the shard and is billing it; waking up, it bills the same accounts too.
      const first = await startWorkers({
        store: openDatabase(store.path),
        redisUrl: loadConfig().redisUrl,
        prefix,
        schedule: false,
        shardSize: 1500,
        lockDurationMs: 600,
        // (one worker's stalled check holds off the others' for this long, so it is short here too)
        stalledIntervalMs: 300,
        logger: quiet,
        handlers: {
          'bill.shard': async (job: Job, deps) => {
            if (!rival) {
              rival = await startWorkerProcess(store.path, prefix, ['--no-schedule', '--lock-duration', '600', '--stalled-interval', '300']);
              children.push(rival);
              blockUntilRivalBills(store.path, 20_000 * SLOW);
            }
            const part = await billShard(job, deps);
            mine.push(part);
            return part;
          },
        },
      });
      running.push(first);
      await enqueueBillRun(tasks, TENANT, PERIOD);
      const parent = jobKey('bill-run', TENANT, PERIOD);
      await eventually('the bill run to finish', async () => (await stateOf(parent)) === 'completed', 30_000 * SLOW);
      await eventually('this worker to finish its copy of the shard', async () => mine.length > 0, 30_000 * SLOW);
      const shard = await bill.getJob(jobKey('bill-shard', TENANT, PERIOD, 0));
      // The shard was taken from under this worker (stalled) while it was blocked, so two processes
      // billed the same accounts; which of them completes the job last depends on timing and is not
      // asserted (it made this test fail under load). What must hold whatever the order is below.
      expect(shard!.stalledCounter).toBeGreaterThanOrEqual(1);
      console.log(`race: this worker created ${mine[0]!.created}, found ${mine[0]!.alreadyPresent} present`);
      expect(mine[0]!.accounts).toBe(1500);
      expect(mine[0]!.created + mine[0]!.alreadyPresent).toBe(1500);
      const rows = readInvoices(store.path);
      expect(rows).toHaveLength(1500);
      expect(new Set(rows.map((r) => r.accountId)).size).toBe(1500);
      expect(numberGaps(rows)).toEqual([]);
    },
    60_000 * SLOW,
  );

  it(
    'the same scheduler tick delivered twice starts one bill run',
    async () => {
      setUpManyAccounts(store, 400);
      const worker = await startWorkers({ store: openDatabase(store.path), redisUrl: loadConfig().redisUrl, prefix, concurrency: 2, shardSize: 100, logger: quiet });
      running.push(worker);
      // The monthly tick of April bills March; the same tick arrives twice (at the same instant).
      const tick = Date.parse('2025-04-01T02:00:00Z');
      const starts = await Promise.all(['a', 'b'].map((k) => tasks.add('bill.start', {}, { jobId: jobKey('tick', TENANT, tick, k), timestamp: tick })));
      const finished = await Promise.all(starts.map((j) => eventually('a start to finish', async () => (await tasks.getJob(j.id!))?.finishedOn !== undefined, 30_000 * SLOW)));
      expect(finished).toHaveLength(2);
      const results = await Promise.all(starts.map(async (j) => (await tasks.getJob(j.id!))!.returnvalue as { period: string; started: boolean }));
      expect(results.map((r) => r.period)).toEqual([PERIOD, PERIOD]);
      const parent = jobKey('bill-run', TENANT, PERIOD);
      await eventually('the bill run to finish', async () => (await stateOf(parent)) === 'completed', 30_000 * SLOW);
      const shards = (await bill.getJobs(['completed', 'failed', 'active', 'wait', 'delayed'])).filter((j) => j.name === 'bill.shard');
      expect(shards.map((j) => j.id).sort()).toEqual([0, 1, 2, 3].map((i) => jobKey('bill-shard', TENANT, PERIOD, i)));
      expect(shards.every((j) => j.attemptsMade <= 1)).toBe(true);
      const total = (await bill.getJob(parent))!.returnvalue as { created: number; alreadyPresent: number };
      expect(total).toMatchObject({ created: 400, alreadyPresent: 0 });
      expect(readInvoices(store.path)).toHaveLength(400);
      // Retention removes finished jobs past their age (here: any age), and with them their ids.
      const cleaned = (await defaultHandlers()['retention.clean']({} as Job, { ...worker.deps, retentionDays: 0 })) as { removed: Record<string, number> };
      expect(cleaned.removed[`${QUEUES.bill}.completed`]).toBe(5);
      expect(await bill.getJob(parent)).toBeUndefined();
    },
    60_000 * SLOW,
  );

  it(
    'a restart upserts the same job schedulers in the tenant’s zone and billing day',
    async () => {
      setOperatorSetting(store, 'timezone', 'Europe/London');
      setOperatorSetting(store, 'billingDay', 3);
      const options = { store: openDatabase(store.path), redisUrl: loadConfig().redisUrl, prefix, logger: quiet, dropFolders: [{ switch: 'fs1', format: 'freeswitch-csv', dir: store.dir }] };
      const once = await startWorkers(options);
      await once.close();
      const again = await startWorkers({ ...options, dropFolders: [] });
      running.push(again);
      const schedulers = await tasks.getJobSchedulers(0, -1);
      expect(schedulers.map((s) => s.key).sort()).toEqual(['audit', 'cycle', 'fraud', 'notifications', 'overdue', 'rating', 'retention'].map((k) => `${TENANT}.${k}`));
      const monthly = schedulers.find((s) => s.key === `${TENANT}.cycle`)!;
      expect(monthly).toMatchObject({ pattern: '0 2 3 * *', tz: 'Europe/London', name: 'cycle.start' });
    },
    30_000 * SLOW,
  );

  it(
    'SIGTERM lets the current shard finish, then the worker exits 0',
    async () => {
      setUpManyAccounts(store, 1500);
      const proc = await startWorkerProcess(store.path, prefix, ['--shard-size', '1500']);
      children.push(proc);
      await enqueueBillRun(tasks, TENANT, PERIOD);
      const shardId = jobKey('bill-shard', TENANT, PERIOD, 0);
      await eventually('the shard to be billing', async () => readInvoices(store.path).length > 0, 30_000 * SLOW);
      proc.child.kill('SIGTERM');
      const end = await proc.ended;
      expect(end.status).toBe(0);
      expect(await stateOf(shardId)).toBe('completed');
      expect(readInvoices(store.path)).toHaveLength(1500);
    },
    60_000 * SLOW,
  );
});
