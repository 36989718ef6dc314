import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser, type UserRecord } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { BillingError } from '../../tools/errors.ts';
import { showAccount } from '../accounts/index.ts';
import { createContext, systemClock, userActor } from '../context.ts';
import { explainInvoice, listInvoices, renderInvoicePdf, showInvoice } from '../invoices/index.ts';
import { runOperation, type Operation } from '../operation.ts';
import { showWhatIf } from '../whatif/index.ts';
import { showCurrentPeriod, showMyPayments } from './index.ts';

// The operations the portal calls: open to a customer, and narrowed to their one account.
let store: ReturnType<typeof createTempStore>;
let cora: UserRecord;
const asCora = () => createContext({ store, actor: userActor(cora), clock: systemClock('2025-04-05') });
const run = (op: unknown, input: unknown) => runOperation(op as Operation, asCora(), input);
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof BillingError ? e.code : String(e)),
  );

beforeAll(async () => {
  store = createTempStore();
  await setUpLedger(store);
  cora = saveUser(store, { id: 'cora', tenant: 't', name: 'Cora', roles: ['customer'], accountId: 'A1' });
});
afterAll(() => store.cleanup());

describe('cora, customer of A1', () => {
  it('is allowed every portal operation', () => {
    for (const op of [showInvoice, listInvoices, renderInvoicePdf, explainInvoice, showWhatIf, showAccount, showCurrentPeriod, showMyPayments]) expect(op.roles, op.name).toContain('customer');
  });

  it('reads her own invoice, its explanation, PDF, plan comparison and account', async () => {
    expect(((await run(showInvoice, { number: 'INV-000001' })) as { document: { number: string } }).document.number).toBe('INV-000001');
    expect(await code(run(explainInvoice, { number: 'INV-000001', totalsOnly: true }))).toBe('resolved');
    expect(((await run(renderInvoicePdf, { number: 'INV-000001' })) as { fileName: string }).fileName).toBe('INV-000001.pdf');
    expect((await run(showWhatIf, { accountId: 'A1' })) as { account: string; period: string }).toMatchObject({ account: 'A1', period: '2025-03' });
    expect(((await run(showWhatIf, { invoice: 'INV-000001' })) as { account: string }).account).toBe('A1');
    expect(((await run(showAccount, { accountId: 'A1' })) as { account: { id: string } }).account.id).toBe('A1');
    expect(((await run(listInvoices, {})) as { invoices: Array<{ accountId: string }> }).invoices.map((i) => i.accountId)).toEqual(['A1']);
  });

  it("cannot read A2's invoice INV-000002 or account, by any of them: NOT_FOUND", async () => {
    expect(await code(run(showInvoice, { number: 'INV-000002' }))).toBe('NOT_FOUND');
    expect(await code(run(explainInvoice, { number: 'INV-000002' }))).toBe('NOT_FOUND');
    expect(await code(run(renderInvoicePdf, { number: 'INV-000002' }))).toBe('NOT_FOUND');
    expect(await code(run(showWhatIf, { invoice: 'INV-000002' }))).toBe('NOT_FOUND');
    expect(await code(run(showWhatIf, { accountId: 'A2' }))).toBe('NOT_FOUND');
    expect(await code(run(showAccount, { accountId: 'A2' }))).toBe('NOT_FOUND');
    expect(await code(run(showCurrentPeriod, { accountId: 'A2' }))).toBe('NOT_FOUND');
    expect(((await run(listInvoices, { accountId: 'A2' })) as { invoices: unknown[] }).invoices).toEqual([]);
  });
});
