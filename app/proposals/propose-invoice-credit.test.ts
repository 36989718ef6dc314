import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { decideProposal } from '../../graphs/approval/graph.ts';
import { testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { notesFor, saveCatalogVersion, saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { proposeInvoiceCredit } from './propose-invoice-credit.ts';
import { billPeriod } from '../../app/billing/index.ts';

/*
 * A1 (customer since 2024-01) gets a 5% loyalty discount, as the demo's INV-000005 did: Talk 10
 * monthly fee 10.00, loyalty -0.50, subtotal 9.50, VAT 20% 1.90, total 11.40 (no usage billed).
 */
let store: ReturnType<typeof createTempStore>;
let alice: UserRecord;
let bob: UserRecord;
const asAlice = () => ({ tenant: 't', userId: alice.id, kind: 'analyst' as const, threadId: 't-1' });
const FEE = 'rec:L1:2025-03-01';

beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  saveCatalogVersion(store, testCatalog({ discounts: [{ id: 'LOYALTY', name: 'Loyalty discount 5%', kind: 'loyalty', minTenureMonths: 12, percent: '5', appliesTo: 'recurring', sequence: 20 }] }));
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  alice = saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst'] });
  bob = saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] });
});
afterEach(() => store.cleanup());

const waive = () => proposeInvoiceCredit(store, asAlice(), { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'monthly fee', reason: 'outage' }).proposal;
const credit = (amount: string) => proposeInvoiceCredit(store, asAlice(), { kind: 'credit', invoice: 'INV-000001', lineId: FEE, amount, reason: 'goodwill' }).proposal;
const approve = (id: number) => decideProposal({ store, tenant: 't', actor: bob, today: '2025-04-05' }, id, { decision: 'approve', reason: 'agreed' });

describe('fee waivers and credits credit what was charged (real SQLite)', () => {
  it('waives a discounted fee at what was charged, net of the discount: never more than the invoice', async () => {
    const p = waive();
    expect(p).toMatchObject({ kind: 'fee_waiver', amount: '9.50' });
    expect(p.payload.preview).toMatchObject({ subtotal: '-9.50', taxTotal: '-1.90', total: '-11.40' });
    expect(p.summary).toContain('9.50');
    expect((await approve(p.id)).status).toBe('posted');
    expect(notesFor(store, 1).map((n) => n.total)).toEqual(['-11.40']);
  });

  it('waives what is left after an earlier credit, and refuses when nothing is left', async () => {
    await approve(credit('3.00').id);
    const p = waive();
    expect(p).toMatchObject({ amount: '6.50' });
    expect(p.payload.preview).toMatchObject({ subtotal: '-6.50', taxTotal: '-1.30', total: '-7.80' });
    await approve(p.id);
    expect(notesFor(store, 1).map((n) => n.total)).toEqual(['-3.60', '-7.80']);
    expect(() => credit('0.01')).toThrow(/nothing left|0\.00/);
  });

  it('refuses a credit beyond what remains of the line, saying what is left; a credit within it is proposed', async () => {
    expect(() => credit('12.00')).toThrow('has 9.50 GBP left to credit, less than 12.00 (it charged 9.50 net of discounts, 0.00 already credited)');
    const p = credit('9.50');
    expect(p.payload.preview).toMatchObject({ total: '-11.40' });
    await approve(p.id);
    expect(notesFor(store, 1).map((n) => n.total)).toEqual(['-11.40']);
  });

  it('writes a whole-number credit in the currency minor unit and refuses finer amounts', () => {
    const p = credit('5');
    expect(p.amount).toBe('5.00');
    expect(p.summary).toContain('credit note of 5.00 net');
    expect(() => credit('1.005')).toThrow('a credit in GBP has at most 2 decimals, not 1.005');
  });
});
