import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../config/index.ts';
import { HANG_GUARD_SCALE, printed, startCli, type CliProcess } from '../../../cli/testing/cli-processes.ts';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll } from 'vitest';
import { billPeriod } from '../../../app/billing/index.ts';
import { setUpManyAccounts } from '../../../cli/commands/testing/many-accounts.ts';
import { openDatabase } from '../../../db/index.ts';
import { copyBooks, dropBooks, readBooks } from '../../../db/testing/books-copy.ts';
import { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { QUEUES, redisConnection } from '../queues.ts';

/** A queue prefix no other test (or Switchboard on this Redis) uses. */
export function testPrefix(): string {
  return `sbtest-${randomBytes(6).toString('hex')}`;
}

/** Deletes every Redis key under a prefix (tests clean up after themselves on the shared Redis). */
export async function deletePrefix(prefix: string, url = loadConfig().redisUrl): Promise<void> {
  const redis = redisConnection(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** Starts the real `switchboard worker` on a database and prefix and waits for its start-up line. */
export async function startWorkerProcess(dbPath: string, prefix: string, extra: string[] = [], env: Record<string, string> = {}): Promise<CliProcess> {
  const proc = startCli(['--db', dbPath, 'worker', '--queue-prefix', prefix, '--json', ...extra], env);
  await printed(proc, /"schedulers"/);
  return proc;
}

/** One invoice row as the fault tests compare them. */
export interface InvoiceRow {
  accountId: string;
  period: string;
  series: string;
  number: string | null;
  total: string;
}

/** The invoices of the books at `path` (a file, or its PostgreSQL schema), read on a connection of its own. */
export function readInvoices(path: string): InvoiceRow[] {
  return readBooks(path, (books) => books.prepare("select account_id accountId, period, series, number, total from invoices where kind = 'invoice' order by account_id").all() as InvoiceRow[]);
}

/** The numbers of a series that are missing between its first and last (empty when gapless). */
export function numberGaps(rows: InvoiceRow[]): string[] {
  const bySeries = new Map<string, number[]>();
  for (const r of rows) {
    if (r.number === null) continue;
    const n = Number(/(\d+)$/.exec(r.number)?.[1]);
    bySeries.set(r.series, [...(bySeries.get(r.series) ?? []), n]);
  }
  const gaps: string[] = [];
  for (const [series, ns] of bySeries) {
    const sorted = [...ns].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]! + 1) gaps.push(`${series}: ${sorted[i - 1]} → ${sorted[i]}`);
  }
  return gaps;
}

/** Polls an async `probe` until it is true, failing after HANG_GUARD_SCALE × `quietMs` with what `explain` says of the moment. */
export async function eventually(what: string, probe: () => Promise<boolean>, quietMs: number, explain?: () => Promise<string>): Promise<void> {
  const timeoutMs = quietMs * HANG_GUARD_SCALE;
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${explain ? `\n${await explain()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where a queue stands (job counts, failed jobs and why) and a worker's last errors: what a stuck fault test prints. */
export async function queueStory(queue: Queue, proc: CliProcess): Promise<string> {
  const counts = await queue.getJobCounts();
  const failed = (await queue.getFailed()).map((j) => `${j.id}: ${j.failedReason} (attempts ${j.attemptsMade})`);
  const errors = proc
    .stderr()
    .split('\n')
    .filter((l) => /"level":(40|50|60)/.test(l))
    .slice(-15);
  return [`${queue.name}: ${JSON.stringify(counts)}`, ...failed.map((f) => `failed ${f}`), "the worker's last warnings and errors:", ...errors].join('\n');
}

/** Worker flags that make a killed worker's jobs come back fast (lock 1.5 s, stalled check every 0.5 s), with shards of `shardSize`. */
export function fastReclaim(shardSize: number): string[] {
  return ['--shard-size', String(shardSize), '--lock-duration', '1500', '--stalled-interval', '500', '--max-stalled', '100', '--poll-ms', '3600000'];
}

/** What a kill test works on: the database, its copy from before any run, and the queues under the test's prefix. */
export interface KillFixture {
  store: ReturnType<typeof createTempStore>;
  /** The database as it was before the run: billed uninterrupted, it is the reference. */
  copy: string;
  prefix: string;
  tasks: Queue;
  bill: Queue;
}

/**
 * Sets up a kill test's world before the file's tests (`accounts` demo accounts, a copy, the
 * queues on a prefix of its own) and removes all of it after, keys included.
 */
export function useKillFixture(accounts: number): KillFixture {
  const connection = redisConnection(loadConfig().redisUrl);
  const f = { prefix: testPrefix() } as KillFixture;
  beforeAll(() => {
    f.store = createTempStore();
    setUpManyAccounts(f.store, accounts);
    f.copy = join(f.store.dir, 'copy.db');
    copyBooks(f.store, f.copy);
    f.tasks = new Queue(QUEUES.tasks, { connection, prefix: f.prefix });
    f.bill = new Queue(QUEUES.bill, { connection, prefix: f.prefix });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([f.tasks.close(), f.bill.close()]);
    await connection.quit();
    await deletePrefix(f.prefix);
    dropBooks(f.copy);
    f.store.cleanup();
  });
  return f;
}

/** The reference: the copy billed for `period` in one uninterrupted run, its invoices as the fault tests compare them. */
export function referenceInvoices(copy: string, period: string): InvoiceRow[] {
  const reference = openDatabase(copy);
  try {
    billPeriod(reference, { period, timezone: 'UTC' });
  } finally {
    reference.close();
  }
  return readInvoices(copy);
}
