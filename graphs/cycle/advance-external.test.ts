// The worker's way through a cycle (fan-outs handed out as jobs) when its jobs are retried: a
// job whose worker died after handing a fan-out out meets it again and must not run it itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, systemClock } from '../../app/context.ts';
import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { getCycleRun, listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { advanceCycle, runShardWork, shardJob, type CycleDeps, type FanOut, type Shard } from './index.ts';

let store: ReturnType<typeof createTempStore>;
afterEach(() => store.cleanup());
beforeEach(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
});

const PERIOD = '2025-03';
const ran: string[] = [];
const deps = (): CycleDeps => ({
  ctx: createContext({ store, actor: { id: 'ada', kind: 'user', tenant: 't', roles: ['admin'] }, clock: systemClock('2026-01-01') }),
  options: { shardSize: 1 },
  onStep: (s) => ran.push(s),
});
const external = { fanOut: 'external' as const };

/** What the worker's shard jobs do for a fan-out, and the results its stage job hands back. */
async function runShards(kind: FanOut, shards: Shard[]) {
  const byShard: Record<string, unknown> = {};
  for (const shard of shards) byShard[String(shard.index)] = await runShardWork(kind, store, shardJob(deps(), PERIOD, shard));
  return { kind, shards, startedAt: Date.now(), byShard };
}

describe('advanceCycle with external fan-outs, its jobs retried', () => {
  it('names a fan-out already handed out again instead of running it in process; the cycle finishes once', async () => {
    ran.length = 0;
    const first = await advanceCycle(deps(), PERIOD, external);
    expect(first).toMatchObject({ status: 'fan_out', kind: 'bill' });
    if (first.status !== 'fan_out') throw new Error('unreachable');
    expect(first.shards).toHaveLength(2);

    // The start job retried (its worker died after adding the flow): the same fan-out, nothing billed here.
    ran.length = 0;
    expect(await advanceCycle(deps(), PERIOD, external)).toEqual(first);
    expect(ran).toEqual([]);
    expect(listTenantInvoices(store, 't', { period: PERIOD, kind: 'invoice' })).toHaveLength(0);
    expect(getCycleRun(store, 't', PERIOD)).toMatchObject({ status: 'running', runs: 1 });

    const bill = await runShards('bill', first.shards);
    const audit = await advanceCycle(deps(), PERIOD, { ...external, results: bill });
    expect(audit).toMatchObject({ status: 'fan_out', kind: 'audit', shards: first.shards });

    // The bill stage's job retried after it went on: the audit is named again, not run here.
    ran.length = 0;
    expect(await advanceCycle(deps(), PERIOD, { ...external, results: bill })).toEqual(audit);
    expect(await advanceCycle(deps(), PERIOD, external)).toEqual(audit);
    expect(ran).toEqual([]);

    const documents = await advanceCycle(deps(), PERIOD, { ...external, results: await runShards('audit', first.shards) });
    expect(documents).toMatchObject({ status: 'fan_out', kind: 'documents' });
    const done = await advanceCycle(deps(), PERIOD, { ...external, results: await runShards('documents', first.shards) });
    expect(done).toMatchObject({ status: 'finished', run: { status: 'done', runs: 1 } });
    if (done.status !== 'finished') throw new Error('unreachable');
    expect(done.report.steps.map((s) => s.step)).toEqual(['close_usage', 'rate', 'categorise', 'bill', 'audit', 'hold', 'documents']);
    expect(done.report.steps.find((s) => s.step === 'bill')!.counts).toMatchObject({ shards: 2, created: 2, alreadyPresent: 0 });
    expect(
      listTenantInvoices(store, 't', { period: PERIOD, kind: 'invoice' })
        .map((i) => i.number)
        .sort(),
    ).toEqual(['INV-000001', 'INV-000002']);
  });
});
