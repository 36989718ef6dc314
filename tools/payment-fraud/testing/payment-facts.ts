import type { AccountHolder, PaymentFact } from '../payment-fraud.types.ts';

let counter = 0;

/** A matched 30.00 GBP bank payment with ordinary defaults, overridden by `p`. */
export function paymentFact(p: Partial<PaymentFact> = {}): PaymentFact {
  counter++;
  return {
    id: counter,
    kind: 'payment',
    state: 'matched',
    importId: 1,
    bookingDate: '2025-04-01',
    amount: '30.00',
    currency: 'GBP',
    payerName: 'Chidi Brown',
    payerIban: 'GB29NWBK60161331926819',
    payerToken: null,
    remittance: null,
    accountId: 'A00001',
    unallocated: '0.00',
    returnOf: null,
    returnReason: null,
    ...p,
  };
}

/** Holders of accounts by `[accountId, customerId, name]`. */
export function holders(...rows: [string, string, string][]): Map<string, AccountHolder> {
  return new Map(rows.map(([a, c, n]) => [a, { customerId: c, customerName: n }]));
}
