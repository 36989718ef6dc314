// kill -9 of `switchboard worker` at random moments of a billing cycle run through the queues (the
// monthly job: close usage, rate, categorise, bill shards, audit, hold, document shards, report),
// then a restart: every account billed once, numbers gapless, totals as an uninterrupted bill run
// on a copy, every issued invoice with its PDF and UBL, each notification recorded once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCycleRun } from '../../db/index.ts';
import { readBooks } from '../../db/testing/books-copy.ts';
import { enqueueCycle, jobKey } from './index.ts';
import { eventually, fastReclaim, numberGaps, queueStory, readInvoices, referenceInvoices, startWorkerProcess, useKillFixture } from './testing/worker-fixture.ts';

const ACCOUNTS = 1200;
const PERIOD = '2025-03';
const TENANT = 'switchboard.local';
const FAST_RECLAIM = fastReclaim(100);

const f = useKillFixture(ACCOUNTS);

const cycleDone = () => getCycleRun(f.store, TENANT, PERIOD)?.status === 'done';

describe('switchboard worker killed with SIGKILL during a billing cycle', () => {
  it('finishes the cycle once: one invoice per account, gapless, documents whole, notifications once', async () => {
    await enqueueCycle(f.tasks, TENANT, PERIOD);
    const moments: number[] = [];
    const stages: string[] = [];
    while (moments.length < 10 && !cycleDone()) {
      const proc = await startWorkerProcess(f.store.path, f.prefix, FAST_RECLAIM);
      const wait = 200 + Math.floor(Math.random() * 900);
      await new Promise((r) => setTimeout(r, wait));
      proc.child.kill('SIGKILL');
      await proc.ended;
      moments.push(wait);
      const docs = existsSync(documents()) ? readdirSync(documents()).filter((f) => f.endsWith('.pdf')).length : 0;
      stages.push(`${readInvoices(f.store.path).length} invoices/${docs} pdf`);
    }
    const last = await startWorkerProcess(f.store.path, f.prefix, FAST_RECLAIM);
    try {
      // Finished means its report stored and both stage jobs completed (a parent job completes after its children, a moment later).
      const stagesCompleted = async () => {
        for (const kind of ['bill', 'documents']) if ((await (await f.bill.getJob(jobKey('cycle-stage', TENANT, PERIOD, kind)))?.getState()) !== 'completed') return false;
        return true;
      };
      await eventually(
        'the cycle to finish',
        async () => cycleDone() && (await stagesCompleted()),
        150_000,
        async () => `cycle ${getCycleRun(f.store, TENANT, PERIOD)?.status}\n${await queueStory(f.bill, last)}`,
      );
    } finally {
      last.child.kill('SIGTERM');
    }
    expect((await last.ended).status).toBe(0);
    console.log(`cycle: kill -9 at ${moments.length} moments (ms after ready: ${moments.join(', ')}); at each kill: ${stages.join('; ')}`);
    expect(moments.length).toBeGreaterThanOrEqual(10);

    const rows = readInvoices(f.store.path);
    expect(rows).toHaveLength(ACCOUNTS);
    expect(new Set(rows.map((r) => `${r.accountId}/${r.period}`)).size).toBe(ACCOUNTS);
    expect(numberGaps(rows)).toEqual([]);
    expect(rows.map((r) => [r.accountId, r.total])).toEqual(referenceInvoices(f.copy, PERIOD).map((r) => [r.accountId, r.total]));

    // Every issued invoice has both documents, none half-written (written to a temporary name, then renamed).
    const issued = rows.filter((r) => r.number !== null).map((r) => r.number!);
    const files = new Set(readdirSync(documents()));
    expect(issued.filter((n) => !files.has(`${n}.pdf`) || !files.has(`${n}.xml`))).toEqual([]);
    const n = readBooks(f.store.path, (books) => books.prepare("select count(*) n, count(distinct invoice_id) invoices from notifications where kind = 'invoice_issued'").get());
    expect(n).toEqual({ n: issued.length, invoices: issued.length });

    const run = getCycleRun(f.store, TENANT, PERIOD)!;
    const steps = Object.fromEntries(run.report!.steps.map((s) => [s.step, s]));
    expect(steps.bill!.counts).toMatchObject({ shards: ACCOUNTS / 100, accounts: ACCOUNTS, failed: 0 });
    expect(steps.bill!.counts.created! + steps.bill!.counts.alreadyPresent!).toBe(ACCOUNTS);
    expect(steps.documents!.counts).toMatchObject({ invoices: issued.length });
    expect(run.report!.model.calls).toBe(0);
    // The fan-outs ran as child jobs of their stage, each stage once.
    for (const kind of ['bill', 'documents']) expect(await (await f.bill.getJob(jobKey('cycle-stage', TENANT, PERIOD, kind)))?.getState()).toBe('completed');
  }, 810_000);
});

function documents(): string {
  return join(f.store.dir, 'documents', TENANT, PERIOD);
}
