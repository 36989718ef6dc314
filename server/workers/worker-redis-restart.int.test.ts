// Redis killed and restarted in the middle of a bill run. The machine's shared Redis is never
// touched: this test runs its own redis-server (append-only file, fsync always) on a free port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpManyAccounts } from '../../cli/commands/testing/many-accounts.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { enqueueBillRun, jobKey, QUEUES, redisConnection } from './index.ts';
import { eventually, numberGaps, readInvoices, startWorkerProcess, testPrefix } from './testing/worker-fixture.ts';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
const ACCOUNTS = 3000;
const PERIOD = '2025-03';
const TENANT = 'switchboard.local';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let port: number;
let redis: ChildProcess | undefined;
let store: ReturnType<typeof createTempStore>;

/** Starts (or restarts on the same files) the private redis-server and waits until it answers. */
async function startRedis(): Promise<void> {
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], { stdio: 'ignore' });
  await eventually(
    'the private redis-server',
    async () =>
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG',
    10_000,
  );
}

async function killRedis(): Promise<void> {
  const r = redis!;
  const gone = new Promise((resolve) => r.once('exit', resolve));
  r.kill('SIGKILL');
  await gone;
}

describe.skipIf(!hasRedisServer)('switchboard worker when Redis is killed and restarted mid-run (private redis-server)', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'switchboard-redis-'));
    port = await freePort();
    await startRedis();
    store = createTempStore();
    setUpManyAccounts(store, ACCOUNTS);
  }, 180_000);
  afterAll(async () => {
    if (redis && redis.exitCode === null) await killRedis();
    rmSync(dataDir, { recursive: true, force: true });
    store.cleanup();
  });

  it('finishes the run once Redis is back: one invoice per account, gapless', async () => {
    const url = `redis://127.0.0.1:${port}`;
    const prefix = testPrefix();
    const worker = await startWorkerProcess(store.path, prefix, ['--shard-size', '200', '--lock-duration', '5000', '--stalled-interval', '1000'], { REDIS_URL: url });
    const connection = redisConnection(url);
    // Refused connections while Redis is down are expected here; ioredis retries them.
    connection.on('error', () => undefined);
    const tasks = new Queue(QUEUES.tasks, { connection, prefix });
    const bill = new Queue(QUEUES.bill, { connection, prefix });
    for (const q of [tasks, bill]) q.on('error', () => undefined);
    try {
      await enqueueBillRun(tasks, TENANT, PERIOD);
      await eventually('the first invoices', async () => readInvoices(store.path).length > 0, 30_000);
      await killRedis();
      const atOutage = readInvoices(store.path).length;
      await new Promise((r) => setTimeout(r, 1000));
      await startRedis();
      const parent = jobKey('bill-run', TENANT, PERIOD);
      await eventually('the bill run to finish', async () => (await (await bill.getJob(parent))?.getState()) === 'completed', 60_000);
      console.log(`redis killed with ${atOutage} of ${ACCOUNTS} invoices written; restarted 1 s later; the run finished`);
      expect(atOutage).toBeLessThan(ACCOUNTS);
      const rows = readInvoices(store.path);
      expect(rows).toHaveLength(ACCOUNTS);
      expect(new Set(rows.map((r) => r.accountId)).size).toBe(ACCOUNTS);
      expect(numberGaps(rows)).toEqual([]);
    } finally {
      worker.child.kill('SIGTERM');
      const end = await worker.ended;
      expect(end.status).toBe(0);
      await Promise.all([tasks.close(), bill.close()]);
      await connection.quit();
    }
  }, 270_000);
});
