// kill -9 of `switchboard worker` at random moments of a sharded bill run, then a restart: every
// account billed once, numbers gapless, totals as an uninterrupted run on a copy of the database.
import { describe, expect, it } from 'vitest';
import { enqueueBillRun, jobKey } from './index.ts';
import { eventually, fastReclaim, numberGaps, queueStory, readInvoices, referenceInvoices, startWorkerProcess, useKillFixture } from './testing/worker-fixture.ts';

const ACCOUNTS = 5000;
const PERIOD = '2025-03';
const TENANT = 'switchboard.local';
const FAST_RECLAIM = fastReclaim(200);

const f = useKillFixture(ACCOUNTS);

describe('switchboard worker killed with SIGKILL during a bill run', () => {
  it('bills every account exactly once, gapless, with the totals of an uninterrupted run', async () => {
    const started = Date.now();
    await enqueueBillRun(f.tasks, TENANT, PERIOD);
    const parent = jobKey('bill-run', TENANT, PERIOD);
    const moments: number[] = [];
    let billedAtKills: number[] = [];
    while (moments.length < 12) {
      const proc = await startWorkerProcess(f.store.path, f.prefix, FAST_RECLAIM);
      const wait = 150 + Math.floor(Math.random() * 500);
      await new Promise((r) => setTimeout(r, wait));
      proc.child.kill('SIGKILL');
      await proc.ended;
      moments.push(wait);
      billedAtKills = [...billedAtKills, readInvoices(f.store.path).length];
      if ((await (await f.bill.getJob(parent))?.getState()) === 'completed') break;
    }
    const killedAt = Date.now();
    // The last start runs the rest to the end.
    const last = await startWorkerProcess(f.store.path, f.prefix, FAST_RECLAIM);
    try {
      await eventually(
        'the bill run to finish',
        async () => (await (await f.bill.getJob(parent))?.getState()) === 'completed',
        150_000,
        () => queueStory(f.bill, last),
      );
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

    const rows = readInvoices(f.store.path);
    expect(rows).toHaveLength(ACCOUNTS);
    expect(new Set(rows.map((r) => `${r.accountId}/${r.period}`)).size).toBe(ACCOUNTS);
    expect(numberGaps(rows)).toEqual([]);

    const expected = referenceInvoices(f.copy, PERIOD);
    expect(rows.map((r) => [r.accountId, r.total])).toEqual(expected.map((r) => [r.accountId, r.total]));
    const numbers = (xs: typeof rows) =>
      xs
        .map((r) => r.number)
        .filter((n) => n !== null)
        .sort();
    expect(numbers(rows)).toEqual(numbers(expected));
    // A generous bound: it is there for a hang, not for speed (about 30 s on an idle 2-core machine).
  }, 720_000);
});
