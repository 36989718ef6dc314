import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { writeAllocation } from '../../db/testing/write-allocation.ts';
import type { AssuranceReport, GapCause } from '../../tools/assurance/index.ts';
import { createContext, localActor, systemClock } from '../context.ts';
import { runOperation } from '../operation.ts';
import { reportAssurance } from './report-assurance.ts';
import { billAssuranceMonth } from './testing/assurance-month.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const report = (tenant = 't', limit?: number) =>
  runOperation(reportAssurance, createContext({ store, actor: localActor(tenant), clock: systemClock('2025-04-20') }), { period: '2025-03', limit }) as Promise<AssuranceReport>;
const gap = (r: AssuranceReport, cause: GapCause) => r.gaps.find((g) => g.cause === cause)!;
const stage = (r: AssuranceReport, id: string) => r.stages.find((s) => s.id === id)!;
const eventOf = (recordId: string) => (store.sqlite.prepare('SELECT id FROM usage_events WHERE source_id = ? OR idem_key LIKE ?').get(recordId, `%:${recordId}`) as { id: number }).id;
const invoiceOf = (accountId: string) => listInvoices(store, { period: '2025-03', accountId })[0]!;

/** The leaks the month does not bring by itself, injected into the stored data after the bill run. */
function injectLeaks() {
  const failed = eventOf('a3-1');
  store.sqlite.prepare("UPDATE usage_events SET status = 'rating_failed', cost = NULL, currency = NULL, rating_error_code = 'UNAUTHORIZED_DESTINATION' WHERE id = ?").run(failed);
  const zero = eventOf('a1-7');
  store.sqlite.prepare("UPDATE usage_events SET cost = '0' WHERE id = ?").run(zero);
  // A1's 10 minutes were 5 minutes: half of what UK_MIN covered is beyond its size.
  store.sqlite.prepare("UPDATE allowance_ledger SET granted = 300000 WHERE subscription_id = 'L1' AND allowance_id = 'UK_MIN'").run();
  const a1 = invoiceOf('A1');
  const a3 = invoiceOf('A3');
  writeAllocation(store, { tenant: 't', invoiceId: a1.id, accountId: 'A1', amount: '5.00', currency: 'GBP' });
  writeAllocation(store, { tenant: 't', invoiceId: a1.id, accountId: 'A1', amount: '1.00', currency: 'GBP', kind: 'write_off' });
  writeAllocation(store, { tenant: 't', invoiceId: a3.id, accountId: 'A3', amount: a3.total, currency: 'GBP' });
  return { failed, zero, a1, a3 };
}

describe('assurance.report on a billed month', () => {
  it('adds up on the month as billed: every record read is accepted, a duplicate or quarantined', async () => {
    const { first, again, late } = await billAssuranceMonth(store);
    const r = await report();
    expect(r.gapsAddUp).toBe(true);
    expect(r.checks.every((c) => c.countAddsUp && c.moneyAddsUp)).toBe(true);
    expect(stage(r, 'read').count).toBe(first.read + again.read + late.read);
    expect(stage(r, 'accepted').count).toBe(first.accepted + late.accepted);
    expect(gap(r, 'duplicate')).toMatchObject({ count: again.read, money: {} });
  });

  it('finds each injected leak with its amount, and the stages still add up', async () => {
    await billAssuranceMonth(store);
    const { failed, zero, a1, a3 } = injectLeaks();
    const r = await report();
    expect(r.gapsAddUp).toBe(true);

    // Quarantined and not replayed: the late file's bad line, worth the average SMS of its batch.
    expect(gap(r, 'quarantined')).toMatchObject({ count: 1, money: { GBP: '0.10' }, estimate: 'average of 2 priced events of batch 3' });
    expect(gap(r, 'quarantined').items[0]).toMatchObject({ ref: 'batch 3 line 4', batchId: 3, lineNo: 4, estimated: true, amount: '0.10' });
    // Unclassified: an SMS to *123#, estimated as the average priced outbound SMS (0.10).
    expect(gap(r, 'unclassified')).toMatchObject({ count: 1, money: { GBP: '0.10' }, leak: true });
    expect(gap(r, 'unclassified').items[0]!.detail).toContain('*123#');
    // Rating failed: A3's second call, estimated as the average priced call to a mobile: (8 x 0.17 + 0.11) / 9, to 5 decimals.
    expect(gap(r, 'rating_failed')).toMatchObject({ count: 1, money: { GBP: '0.16333' }, estimate: 'average of 9 priced voice outbound mobile roaming:none events' });
    expect(gap(r, 'rating_failed').items[0]).toMatchObject({ eventId: failed, estimated: true });
    // No subscription: the number nobody has (0.11) and A2's SMS before its line started (0.10).
    expect(gap(r, 'no_subscription')).toMatchObject({ count: 2, money: { GBP: '0.21' } });
    // Chargeable usage rated at zero: nothing in the flow, the same average of its kind at risk.
    expect(gap(r, 'zero_rated')).toMatchObject({ count: 1, money: { GBP: '0.00' }, atRisk: { GBP: '0.16333' } });
    expect(gap(r, 'zero_rated').items[0]).toMatchObject({ eventId: zero, accountId: 'A1', invoiceId: a1.id });
    // Allowance used beyond its size: 10 minutes used of 5, so half of the 0.85 it covered.
    expect(gap(r, 'allowance_overuse')).toMatchObject({ count: 0, money: { GBP: '0.425' } });
    expect(gap(r, 'allowance_overuse').items[0]!.detail).toBe('voice: used 600000 of 300000 (granted 300000 + carried 0)');
    expect(gap(r, 'allowance_covered').money).toEqual({ GBP: '0.795' }); // 0.425 of L1 + A3's call still rated (0.17) + its two SMS (0.20)
    // Held: A2's invoice (its SMS before the line started), 15.00 prorated + 0.60 + 20% VAT.
    expect(gap(r, 'held')).toMatchObject({ count: 1, money: { GBP: '18.72' } });
    expect(gap(r, 'held').items[0]!.detail).toContain('UNATTACHED_USAGE');
    // Unpaid: A1's 12.61 less 5.00 paid and 1.00 written off; A3 paid in full.
    expect(gap(r, 'unpaid')).toMatchObject({ count: 1, money: { GBP: '6.61' } });
    expect(gap(r, 'unpaid').items[0]).toMatchObject({ ref: a1.number, invoiceId: a1.id });
    expect(gap(r, 'written_off')).toMatchObject({ count: 0, money: { GBP: '1.00' } });
    expect(stage(r, 'paid')).toMatchObject({ count: 1, money: { GBP: '17.00' } });
    expect(a3.total).toBe('12.00');
    expect(stage(r, 'invoiced')).toMatchObject({ count: 2, money: { GBP: '24.61' } });
    expect(stage(r, 'billed')).toMatchObject({ count: 3, money: { GBP: '43.33' } });
  });

  it('lists the first items of a gap and counts all of them', async () => {
    await billAssuranceMonth(store);
    const r = await report('t', 3);
    expect(gap(r, 'duplicate')).toMatchObject({ itemCount: 19, count: 19 });
    expect(gap(r, 'duplicate').items).toHaveLength(3);
  });

  it('shows another tenant nothing of this one', async () => {
    await billAssuranceMonth(store);
    const r = await report('other');
    expect(r.stages.map((s) => s.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.gaps.every((g) => g.itemCount === 0)).toBe(true);
  });
});
