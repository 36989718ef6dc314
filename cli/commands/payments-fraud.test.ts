import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFraudAlerts, saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { insertPayments } from '../../db/testing/insert-payments.ts';
import { runCliOn } from '../testing/run-cli.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';

const ADA_IBAN = 'GB29NWBK60161331926819';
const MULE = 'DE89370400440532013000';
// The CLI runs on today's date: payments are booked in the days before it (inside the look-back).
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst'] });
  saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] });
  insertPayments(store, 't', [{ accountId: 'A1', payerName: 'Ada Lovelace', payerIban: ADA_IBAN, amount: '70.00', unallocated: '40.00', bookingDate: daysAgo(10) }]);
});
afterEach(() => store.cleanup());

const sb = (...args: string[]) => runCliOn(store.path, ...args);

describe('switchboard payments refund|scan-fraud', () => {
  it('proposes a refund that another person approves and posts; refuses more than the balance', async () => {
    const over = await sb('payments', 'refund', 'A1', '--amount', '40.01', '--iban', ADA_IBAN, '--reason', 'customer asked', '--as', 'alice', '--json');
    expect(over.code).not.toBe(0);
    expect(over.json.error).toMatchObject({ code: 'CONFLICT' });
    expect(over.json.error.message).toContain('more than the credit balance of 40.00 GBP');
    const text = await sb('payments', 'refund', 'A1', '--amount', '25', '--iban', ADA_IBAN, '--reason', 'customer asked', '--as', 'alice');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Proposed: Proposal 1 [pending] refund for account A1');
    expect(text.stdout).toContain('Destination check: passed');
    const self = await sb('approvals', 'approve', '1', '--reason', 'ok', '--as', 'alice', '--json');
    expect(self.code).not.toBe(0);
    const ok = await sb('approvals', 'approve', '1', '--reason', 'statement checked', '--as', 'bob', '--json');
    expect(ok.json).toMatchObject({ status: 'posted', kind: 'refund' });
    expect(ok.json.postingRef).toMatch(/^refund payment \d+: 25.00 GBP/);
  });

  it('flags a refund to another IBAN, shows the evidence, and scans for fraud', async () => {
    const flagged = await sb('payments', 'refund', 'A1', '--iban', MULE, '--name', 'Max Payne', '--reason', 'new bank details by email', '--as', 'alice');
    expect(flagged.stdout).toContain('FLAGGED (critical)');
    expect(flagged.stdout).toMatch(/Fraud alert \d+ raised on the destination/);
    const shown = await sb('alerts', 'show', String(listFraudAlerts(store, 't')[0]!.id), '--as', 'alice');
    expect(shown.stdout).toContain('refund_destination critical, open');
    expect(shown.stdout).toContain(`destination ${MULE}`);
    insertPayments(store, 't', [
      { accountId: 'A1', payerName: 'Oliver Grant', payerIban: MULE, importId: 3, bookingDate: daysAgo(8) },
      { accountId: 'A2', payerName: 'Oliver Grant', payerIban: MULE, importId: 3, bookingDate: daysAgo(8) },
    ]);
    const scan = await sb('payments', 'scan-fraud', '--import', '3', '--as', 'alice');
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/^Scanned 3 payments and 0 refund requests: 2 new alert\(s\) \(payer_name 2;/);
    expect((await sb('payments', 'scan-fraud', '--as', 'alice', '--json')).json.alerts).toEqual([]);
    const list = await sb('alerts', 'list', '--detector', 'payer_name', '--as', 'alice');
    expect(list.stdout).toContain('"Oliver Grant", not the customer "Ada Lovelace"');
  });
});
