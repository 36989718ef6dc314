// kill -9 of `switchboard worker` at random moments of a billing cycle run through the queues (the
// monthly job: close usage, rate, categorise, bill shards, audit, hold, document shards, report),
// then a restart: every account billed once, numbers gapless, totals as an uninterrupted bill run
// on a copy, every issued invoice with its PDF and UBL, each notification recorded once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod } from '../../app/billing/index.ts';
import { setUpManyAccounts } from '../../cli/commands/testing/many-accounts.ts';
import { loadConfig } from '../../config/index.ts';
import { getCycleRun, openDatabase } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { enqueueCycle, jobKey, QUEUES, redisConnection } from './index.ts';
import { deletePrefix, eventually, numberGaps, readInvoices, startWorkerProcess, testPrefix } from './testing/worker-fixture.ts';

const ACCOUNTS = 1200;
const PERIOD = '2025-03';
const TENANT = 'switchboard.local';
const FAST_RECLAIM = ['--shard-size', '100', '--lock-duration', '1500', '--stalled-interval', '500', '--max-stalled', '100', '--poll-ms', '3600000'];

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

const cycleDone = () => getCycleRun(store, TENANT, PERIOD)?.status === 'done';

describe('switchboard worker killed with SIGKILL during a billing cycle', () => {
  it('finishes the cycle once: one invoice per account, gapless, documents whole, notifications once', async () => {
    await enqueueCycle(tasks, TENANT, PERIOD);
    const moments: number[] = [];
    const stages: string[] = [];
    while (moments.length < 10 && !cycleDone()) {
      const proc = await startWorkerProcess(store.path, prefix, FAST_RECLAIM);
      const wait = 200 + Math.floor(Math.random() * 900);
      await new Promise((r) => setTimeout(r, wait));
      proc.child.kill('SIGKILL');
      await proc.ended;
      moments.push(wait);
      const docs = existsSync(documents()) ? readdirSync(documents()).filter((f) => f.endsWith('.pdf')).length : 0;
      stages.push(`${readInvoices(store.path).length} invoices/${docs} pdf`);
    }
    const last = await startWorkerProcess(store.path, prefix, FAST_RECLAIM);
    try {
      await eventually('the cycle to finish', async () => cycleDone(), 120_000);
    } finally {
      last.child.kill('SIGTERM');
    }
    expect((await last.ended).status).toBe(0);
    console.log(`cycle: kill -9 at ${moments.length} moments (ms after ready: ${moments.join(', ')}); at each kill: ${stages.join('; ')}`);
    expect(moments.length).toBeGreaterThanOrEqual(10);

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
    expect(rows.map((r) => [r.accountId, r.total])).toEqual(readInvoices(copy).map((r) => [r.accountId, r.total]));

    // Every issued invoice has both documents, none half-written (written to a temporary name, then renamed).
    const issued = rows.filter((r) => r.number !== null).map((r) => r.number!);
    const files = new Set(readdirSync(documents()));
    expect(issued.filter((n) => !files.has(`${n}.pdf`) || !files.has(`${n}.xml`))).toEqual([]);
    const sqlite = new Database(store.path, { readonly: true });
    try {
      const n = sqlite.prepare("select count(*) n, count(distinct invoice_id) invoices from notifications where kind = 'invoice_issued'").get() as { n: number; invoices: number };
      expect(n).toEqual({ n: issued.length, invoices: issued.length });
    } finally {
      sqlite.close();
    }

    const run = getCycleRun(store, TENANT, PERIOD)!;
    const steps = Object.fromEntries(run.report!.steps.map((s) => [s.step, s]));
    expect(steps.bill!.counts).toMatchObject({ shards: ACCOUNTS / 100, accounts: ACCOUNTS, failed: 0 });
    expect(steps.bill!.counts.created! + steps.bill!.counts.alreadyPresent!).toBe(ACCOUNTS);
    expect(steps.documents!.counts).toMatchObject({ invoices: issued.length });
    expect(run.report!.model.calls).toBe(0);
    // The fan-outs ran as child jobs of their stage, each stage once.
    for (const kind of ['bill', 'documents']) expect(await (await bill.getJob(jobKey('cycle-stage', TENANT, PERIOD, kind)))?.getState()).toBe('completed');
  }, 240_000);
});

function documents(): string {
  return join(store.dir, 'documents', TENANT, PERIOD);
}
