import { ingestAndRate, setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { proposeInvoiceCredit } from '../../app/proposals/propose-invoice-credit.ts';
import { saveUser, type UserRecord } from '../user-store.ts';
import type { createTempStore } from './create-temp-store.ts';
import { billPeriod } from '../../app/billing/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The people of the ledger tests: alice asks, bob and carol approve, all of tenant `t`. */
export interface LedgerUsers {
  alice: UserRecord;
  bob: UserRecord;
  carol: UserRecord;
}

/**
 * A billed March on a real SQLite file (INV-000001 for A1, INV-000002 for A2, both issued) with
 * three users of tenant `t`.
 */
export async function setUpLedger(store: TempStore, lines?: string[]): Promise<LedgerUsers> {
  setUpBillingOperator(store);
  await ingestAndRate(store, lines);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  return {
    alice: saveUser(store, { id: 'alice', tenant: 't', name: 'Alice Analyst', roles: ['analyst', 'approver'] }),
    bob: saveUser(store, { id: 'bob', tenant: 't', name: 'Bob Approver', roles: ['approver'] }),
    carol: saveUser(store, { id: 'carol', tenant: 't', name: 'Carol Approver', roles: ['approver', 'analyst'] }),
  };
}

/** Alice's proposal to waive A1's 10.00 Talk 10 fee on INV-000001 (12.00 with VAT). */
export function proposeTalkFeeWaiver(store: TempStore, alice: UserRecord) {
  return proposeInvoiceCredit(
    store,
    { tenant: alice.tenant, userId: alice.id, kind: 'analyst', threadId: 't-1' },
    { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'Talk 10 monthly', reason: 'network outage on 3 March' },
  ).proposal;
}

/** Every column of a row, to show a refused statement changed nothing. */
export function rowOf(store: TempStore, table: string, id: number): Record<string, unknown> | undefined {
  return store.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
}
