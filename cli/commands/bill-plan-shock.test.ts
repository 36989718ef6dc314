import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInvoice, importAccounts, listInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../tools/catalog/index.ts';
import { BILLING_CDRS, ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';

type TempStore = ReturnType<typeof createTempStore>;
const PEERS = ['10', '11', '12', '13', '14', '15'];
const HEADER = BILLING_CDRS[0]!;
const msisdn = (n: string) => `4477009002${n.padStart(2, '0')}`;

/** Six more single-line consumers on Talk 10 like A1 (peers), and A9, new, on Talk 10 too. */
function addAccounts(store: TempStore): void {
  const address = { lines: ['2 Low Road'], city: 'Leeds', postcode: 'LS1 1AA', region: null, country: 'GB' };
  const ids = [...PEERS, '9'];
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: ids.map((n) => ({ id: `C${n}`, name: `Customer ${n}`, address, customerSince: '2024-01-01' })),
      accounts: ids.map((n) => ({ id: `A${n}`, customerId: `C${n}`, currency: 'GBP', taxJurisdiction: { country: 'GB' } })),
      subscriptions: ids.map((n) => ({ id: `L${n}`, accountId: `A${n}`, msisdn: msisdn(n), plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] })),
    }),
  );
}

/** A few minutes a month for each peer; for A9, three 20-hour calls to a mobile (each plausible on its own). */
function usage(period: string, huge: boolean): string[] {
  const peers = PEERS.map((n, i) => `p${period}${n},voice,outbound,${msisdn(n)},,,,+447812345678,${period}-0${i + 2}T10:00:00Z,${120 + i * 30},answered,,`);
  const a9 = huge ? [1, 2, 3].map((d) => `h${period}${d},voice,outbound,${msisdn('9')},,,,+447812345678,${period}-1${d}T01:00:00Z,72000,answered,,`) : [];
  return [HEADER, ...peers, ...a9];
}

let store: TempStore;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  addAccounts(store);
});
afterEach(() => store.cleanup());

describe("bill shock against the plan's usual when the account has no history (real SQLite, issue 8)", () => {
  it('holds a huge first invoice with PLAN_BILL_SHOCK while its plan’s other lines, billed in the same run, are issued', async () => {
    await ingestAndRate(store, [...BILLING_CDRS, ...usage('2025-03', true).slice(1)]);
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    expect(run.failed).toEqual([]);
    const byId = new Map(run.created.map((c) => [c.accountId, c]));
    const peerTotals = ['A1', ...PEERS.map((n) => `A${n}`)].map((id) => Number(byId.get(id)!.total));
    expect(peerTotals.every((t) => t > 10 && t < 20)).toBe(true);
    expect(['A1', ...PEERS.map((n) => `A${n}`)].map((id) => byId.get(id)!.status)).toEqual(Array(7).fill('issued'));
    const a9 = byId.get('A9')!;
    expect(Number(a9.total)).toBeGreaterThan(10 * Math.max(...peerTotals));
    expect([a9.status, a9.number]).toEqual(['held', null]);
    expect(run.held).toEqual(['A9']);
    const [held] = listInvoices(store, { status: 'held' });
    const reasons = getInvoice(store, String(held!.id)).document.holdReasons;
    expect(reasons.map((r) => r.code)).toEqual(['PLAN_BILL_SHOCK']);
    expect(reasons[0]!.message).toMatch(/PLAN_10/);
  });

  it("compares with the plan's stored invoices of recent periods when the account is billed on its own", async () => {
    await ingestAndRate(store, [...BILLING_CDRS, ...usage('2025-03', false).slice(1)]);
    // The peers were billed for March (stored, issued); A9 arrives in April.
    billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A1', ...PEERS.map((n) => `A${n}`)] });
    await ingestAndRate(store, usage('2025-04', true));
    const run = billPeriod(store, { period: '2025-04', timezone: 'UTC', accountIds: ['A9'] });
    expect(run.created.map((c) => [c.accountId, c.status])).toEqual([['A9', 'held']]);
  });

  it('issues an ordinary first invoice, and leaves an account with history to the history check (BILL_SHOCK)', async () => {
    await ingestAndRate(store, [...BILLING_CDRS, ...usage('2025-03', false).slice(1)]);
    const march = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    expect(march.held).toEqual([]);
    expect(march.created.find((c) => c.accountId === 'A9')!.status).toBe('issued');
    await ingestAndRate(store, usage('2025-04', true));
    const april = billPeriod(store, { period: '2025-04', timezone: 'UTC' });
    expect(april.held).toEqual(['A9']);
    const [held] = listInvoices(store, { status: 'held' });
    expect(getInvoice(store, String(held!.id)).document.holdReasons.map((r) => r.code)).toEqual(['BILL_SHOCK']);
  });

  it('needs enough comparable invoices: with fewer than five peers on the plan nothing is held for it', async () => {
    await ingestAndRate(store, [...BILLING_CDRS, ...usage('2025-03', true).slice(1)]);
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC', accountIds: ['A9', 'A10', 'A11', 'A12'] });
    expect(run.created.find((c) => c.accountId === 'A9')!.status).toBe('issued');
  });
});
