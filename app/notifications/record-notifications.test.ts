import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeInvoiceStatus, claimDueNotifications, getInvoice, getNotification, listNotifications, purgeSettledNotifications, recordNotification, settleNotification } from '../../db/index.ts';
import { DELIVERY_LEASE_MS } from './deliver-notifications.ts';
import { rolledBack } from '../../db/open-database.ts';
import { saveDunningAction } from '../../db/posting-store.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { billPeriod } from '../billing/index.ts';
import { recordScheduledNotifications } from './record-scheduled-notifications.ts';
import { createContext, localActor, systemClock } from '../context.ts';
import { showForecast } from '../forecast/index.ts';
import { runOperation } from '../operation.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(async () => {
  store = createTempStore();
  await setUpLedger(store);
});
afterEach(() => store.cleanup());

const kinds = (kind: string) => listNotifications(store, 't', { limit: 1000 }).filter((n) => n.kind === kind);

describe('the outbox', () => {
  it('records one invoice_issued per issued invoice, and billing the period again records none', () => {
    const issued = kinds('invoice_issued');
    expect(issued.map((n) => n.payload.kind === 'invoice_issued' && n.payload.number).sort()).toEqual(['INV-000001', 'INV-000002']);
    expect(issued.every((n) => n.status === 'queued' && n.tenant === 't')).toBe(true);
    billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
    billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
    expect(kinds('invoice_issued')).toHaveLength(2);
  });

  it('records payment_received once: marking paid again is refused and leaves one', () => {
    const inv = getInvoice(store, 'INV-000001');
    changeInvoiceStatus(store, inv.id, 'paid');
    expect(() => changeInvoiceStatus(store, inv.id, 'paid')).toThrow();
    const paid = kinds('payment_received');
    expect(paid).toHaveLength(1);
    expect(paid[0]!.key).toBe(`invoice:${inv.id}:paid`);
    expect(paid[0]!.payload).toMatchObject({ kind: 'payment_received', number: 'INV-000001', total: inv.total, currency: 'GBP' });
  });

  it('records nothing when the transaction that causes it rolls back', () => {
    const inv = getInvoice(store, 'INV-000002');
    rolledBack(store, () => changeInvoiceStatus(store, inv.id, 'paid'));
    expect(kinds('payment_received')).toHaveLength(0);
  });

  it('records one dunning_step per invoice and step', () => {
    const inv = getInvoice(store, 'INV-000001');
    const action = { accountId: 'A1', invoiceId: inv.id, step: 'reminder', proposalId: 7, detail: {} };
    saveDunningAction(store, action);
    saveDunningAction(store, action);
    expect(kinds('dunning_step').map((n) => n.key)).toEqual([`dunning:${inv.id}:reminder`]);
  });

  it('keeps one row per tenant and key: the second record returns null', () => {
    const payload = { kind: 'invoice_upcoming' as const, period: '2025-04', billingDate: '2025-05-01' };
    expect(recordNotification(store, { key: 'k1', accountId: 'A1', payload })).toBeTypeOf('number');
    expect(recordNotification(store, { key: 'k1', accountId: 'A1', payload })).toBeNull();
    expect(recordNotification(store, { key: 'k1', accountId: 'A1', payload, tenant: 'u' })).toBeTypeOf('number');
    expect(listNotifications(store, 't').filter((n) => n.key === 'k1')).toHaveLength(1);
  });

  it('refuses a payload that does not match its kind', () => {
    expect(() => recordNotification(store, { key: 'bad', accountId: 'A1', payload: { kind: 'usage_threshold', percent: 90 } as never })).toThrow();
  });
});

describe('claiming', () => {
  it('takes a row once; a claim older than the lease is taken over, and the old holder can no longer settle it', () => {
    const now = new Date(Date.now() + 1000);
    const first = claimDueNotifications(store, now, { limit: 100, leaseMs: DELIVERY_LEASE_MS });
    expect(first.length).toBe(listNotifications(store, 't').length);
    expect(claimDueNotifications(store, new Date(now.getTime() + DELIVERY_LEASE_MS - 1), { limit: 100, leaseMs: DELIVERY_LEASE_MS })).toEqual([]);
    const later = new Date(now.getTime() + DELIVERY_LEASE_MS);
    const taken = claimDueNotifications(store, later, { limit: 1, leaseMs: DELIVERY_LEASE_MS });
    expect(taken.map((n) => n.id)).toEqual([first[0]!.id]);
    expect(settleNotification(store, first[0]!.id, now, { status: 'delivered', at: now })).toBe(false);
    expect(settleNotification(store, first[0]!.id, later, { status: 'delivered', at: later })).toBe(true);
    expect(getNotification(store, 't', first[0]!.id)).toMatchObject({ status: 'delivered', attempts: 1, deliveredAt: later.toISOString() });
  });
});

describe('retention', () => {
  it('purges delivered notifications settled before the cut-off, never queued or dead ones', () => {
    const now = new Date(Date.now() + 1000);
    const [a, b] = claimDueNotifications(store, now, { limit: 2, leaseMs: DELIVERY_LEASE_MS });
    settleNotification(store, a!.id, now, { status: 'delivered', at: now });
    settleNotification(store, b!.id, now, { status: 'dead', at: now });
    const before = listNotifications(store, 't').length;
    expect(purgeSettledNotifications(store, new Date(now.getTime() - 1))).toBe(0);
    expect(purgeSettledNotifications(store, now)).toBe(1);
    expect(listNotifications(store, 't').map((n) => n.id)).not.toContain(a!.id);
    expect(listNotifications(store, 't')).toHaveLength(before - 1);
  });
});

describe('the scheduled scan', () => {
  it('records the upcoming invoice near the period end once, however often it runs', async () => {
    const first = await recordScheduledNotifications(store, { tenant: 't', today: '2025-04-29' });
    const again = await recordScheduledNotifications(store, { tenant: 't', today: '2025-04-30' });
    expect(first).toMatchObject({ accounts: 2, upcoming: 2 });
    expect(again.upcoming).toBe(0);
    expect(
      kinds('invoice_upcoming')
        .map((n) => n.key)
        .sort(),
    ).toEqual(['upcoming:A1:2025-04', 'upcoming:A2:2025-04']);
    expect((await recordScheduledNotifications(store, { tenant: 't', today: '2025-04-10' })).upcoming).toBe(0);
  });

  it('records usage at 80% and 100% of an allowance, once each', async () => {
    // A1's 840 s of March calls use all of Talk 10's 10 minutes.
    const r1 = await recordScheduledNotifications(store, { tenant: 't', today: '2025-03-31' });
    const r2 = await recordScheduledNotifications(store, { tenant: 't', today: '2025-03-31' });
    expect([r1.usageThresholds, r2.usageThresholds]).toEqual([2, 0]);
    expect(
      kinds('usage_threshold')
        .map((n) => n.key)
        .sort(),
    ).toEqual(['usage:A1:L1:UK_MIN:2025-03:100', 'usage:A1:L1:UK_MIN:2025-03:80']);
    expect(kinds('usage_threshold')[0]!.payload).toMatchObject({ used: '10.00', granted: '10.00', service: 'voice' });
  });

  it('records a forecast notice once per line, allowance and period, with the extra charge the forecast computes', async () => {
    // 13 of the 10 minutes used by 4 March: projected well over, with a charge for it.
    const r1 = await recordScheduledNotifications(store, { tenant: 't', today: '2025-03-04' });
    const r2 = await recordScheduledNotifications(store, { tenant: 't', today: '2025-03-05' });
    expect([r1.forecasts, r2.forecasts]).toEqual([1, 0]);
    const [notice] = kinds('usage_forecast');
    expect(notice!.key).toBe('forecast:A1:L1:UK_MIN:2025-03');
    const ctx = createContext({ store, actor: localActor('t'), clock: systemClock('2025-03-04') });
    const minutes = (await runOperation(showForecast, ctx, { accountId: 'A1' })).lines[0]!.allowances.find((a) => a.allowanceId === 'UK_MIN')!;
    expect(notice!.payload).toEqual({
      kind: 'usage_forecast',
      subscriptionId: 'L1',
      allowanceId: 'UK_MIN',
      service: 'voice',
      period: '2025-03',
      lastDay: '2025-03-31',
      unit: 'min',
      included: '10.00',
      used: '13.00',
      projected: minutes.projectedUse,
      extraCharge: minutes.extraCharge,
      currency: 'GBP',
      suggestion: null,
    });
    expect(Number(minutes.extraCharge)).toBeGreaterThan(0);
    // A2 (no allowances) and A1's texts are not heading over anything.
    expect(kinds('usage_forecast')).toHaveLength(1);
  });
});
