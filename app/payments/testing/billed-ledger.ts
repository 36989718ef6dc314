import { saveCatalogVersion } from '../../../db/catalog-store.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../../db/testing/ledger-fixture.ts';
import { testCatalog } from '../../../tools/charging/testing/charging-fixtures.ts';
import { buildCamt053, buildCreditorReference, type Camt053Transaction } from '../../../tools/payments/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The operator's account at its bank, as the statements name it. */
export const OPERATOR_IBAN = 'GB29NWBK60161331926819';

/**
 * A billed March (INV-000001 for A1 12.35 GBP, Ada Lovelace; INV-000002 for A2 18.12 GBP, Babbage
 * Engines Ltd), users alice/bob/carol of tenant `t`, and a catalog whose returned-payment fee is
 * 5.00 (RETURNED_PAYMENT) when `fee` is set.
 */
export async function setUpBilledLedger(store: TempStore, options: { fee?: boolean } = {}) {
  const users = await setUpLedger(store);
  if (options.fee) {
    saveCatalogVersion(store, testCatalog({ oneTimeCharges: [{ id: 'RETURNED_PAYMENT', name: 'Returned payment fee', amount: '5.00' }], returnedPaymentChargeId: 'RETURNED_PAYMENT' }));
  }
  return users;
}

/** A payment transaction of a statement, by default in GBP booked on 10 April 2025. */
export function tx(ref: string, amount: string, over: Partial<Camt053Transaction> = {}): Camt053Transaction {
  return { ref, kind: 'payment', amount, currency: 'GBP', bookingDate: '2025-04-10', ...over };
}

/** A one-statement camt.053 file of the given entries (an entry of several transactions is a batch). */
export function statementOf(id: string, entries: Camt053Transaction[][]): string {
  return buildCamt053(`MSG-${id}`, [{ id, iban: OPERATOR_IBAN, created: '2025-04-11T06:00:00Z', entries }]);
}

/** The RF reference of an invoice number. */
export const rf = buildCreditorReference;
