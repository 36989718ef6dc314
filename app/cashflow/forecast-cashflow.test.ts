import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenantInvoices, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { writeAllocation, writeCredit } from '../../db/testing/write-payment-history.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { runOperation } from '../operation.ts';
import { forecastTenantCashflow } from './index.ts';

let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let totals: Map<string, { id: number; accountId: string; total: string }>;
const as = (user: UserRecord, today: string) => createContext({ store, actor: userActor(user), clock: systemClock(today) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );

beforeAll(async () => {
  store = createTempStore();
  ({ alice } = await setUpLedger(store));
  totals = new Map(listTenantInvoices(store, 't', {}).map((i) => [i.number!, { id: i.id, accountId: i.accountId, total: i.total }]));
});
afterAll(() => store.cleanup());

describe('cashflow.forecast', () => {
  it("forecasts the tenant's open invoices from the stored documents, allocations and credit balances", async () => {
    const inv1 = totals.get('INV-000001')!;
    const inv2 = totals.get('INV-000002')!;
    // A1 paid 5.00 of INV-000001; A2 holds 3.00 of credit.
    writeAllocation(store, { tenant: 't', invoiceId: inv1.id, accountId: inv1.accountId, amount: '5.00', date: '2025-04-10' });
    writeCredit(store, { tenant: 't', accountId: inv2.accountId, amount: '3.00', date: '2025-04-02' });
    const r = await runOperation(forecastTenantCashflow, as(alice, '2025-05-20'), {});
    expect(r).toMatchObject({ asOf: '2025-05-20', weeks: 13, openInvoices: { GBP: 2 } });
    const c = r.currencies[0]!;
    const open1 = dec(inv1.total).minus('5.00');
    expect(c.invoices.find((i) => i.number === 'INV-000001')).toMatchObject({ open: open1.toFixed(2), credit: '0.00', daysPastDue: 35, bucket: 'days_31_60', band: 'high' });
    expect(c.invoices.find((i) => i.number === 'INV-000002')).toMatchObject({ open: inv2.total, credit: '3.00' });
    expect(c.open).toBe(open1.plus(inv2.total).toFixed(2));
    expect(dec(c.expected).plus(c.later).plus(c.creditApplied).toFixed(2)).toBe(c.open);
    expect(c.weeks.reduce((s, w) => s.plus(w.expected), ZERO).toFixed(2)).toBe(c.expected);
    expect(c.weeks[0]).toMatchObject({ week: 1, from: '2025-05-21', to: '2025-05-27' });
    expect(c.actions.map((a) => a.accountId).sort()).toEqual([inv1.accountId, inv2.accountId].sort());
    expect(r.history.thin).toBe(true);
  });

  it('is limited to its tenant and to staff', async () => {
    const uma = saveUser(store, { id: 'uma', tenant: 'u', name: 'Uma', roles: ['analyst'] });
    expect((await runOperation(forecastTenantCashflow, as(uma, '2025-05-20'), {})).currencies).toEqual([]);
    const cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
    expect(await code(runOperation(forecastTenantCashflow, as(cora, '2025-05-20'), {}))).toBe('FORBIDDEN');
    expect(await code(runOperation(forecastTenantCashflow, as(alice, '2025-05-20'), { weeks: 14 }))).toBe('INVALID_INPUT');
  });

  it('lists fewer weeks and no invoices when asked', async () => {
    const r = await runOperation(forecastTenantCashflow, as(alice, '2025-05-20'), { weeks: 4, invoices: 0 });
    expect(r.currencies[0]!.weeks).toHaveLength(4);
    expect(r.currencies[0]!.invoices).toEqual([]);
    expect(r.openInvoices).toEqual({ GBP: 2 });
  });
});
