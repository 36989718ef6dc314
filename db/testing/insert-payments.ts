import type { PaymentKind, PaymentSource, PaymentState } from '../../tools/payments/payment.types.ts';
import { dec } from '../../tools/money/index.ts';
import type { Store } from '../open-database.ts';
import { accountCredits, payments } from '../payment-schema.ts';

/** A payments row as a test writes it: what it names, the rest at ordinary values (a matched 30.00 GBP transfer). */
export interface TestPayment {
  source?: PaymentSource;
  importId?: number | null;
  entryKey?: string;
  kind?: PaymentKind;
  state?: PaymentState;
  bookingDate?: string;
  amount?: string;
  currency?: string;
  payerName?: string | null;
  payerIban?: string | null;
  payerToken?: string | null;
  remittance?: string | null;
  accountId?: string | null;
  unallocated?: string;
  returnOf?: number | null;
  returnReason?: string | null;
}

let seq = 0;

/**
 * Writes payments rows straight into the shared table (the payments import's job in the product;
 * tests of payment fraud and refunds need rows without a statement). An overpayment (unallocated
 * > 0 on a matched payment) also writes its account_credits row, as allocation would. Returns the ids.
 */
export function insertPayments(store: Store, tenant: string, rows: readonly TestPayment[]): number[] {
  const at = new Date().toISOString();
  return store.sqlite.transaction(() =>
    rows.map((r) => {
      seq++;
      const kind = r.kind ?? 'payment';
      const row = store.db
        .insert(payments)
        .values({
          tenant,
          source: r.source ?? 'camt.053',
          importId: r.importId ?? null,
          entryNo: seq,
          entryKey: r.entryKey ?? `test-${process.pid}-${seq}-${Math.random().toString(36).slice(2)}`,
          kind,
          state: r.state ?? (kind === 'payment' ? 'matched' : 'returned'),
          bookingDate: r.bookingDate ?? '2025-04-10',
          amount: r.amount ?? '30.00',
          currency: r.currency ?? 'GBP',
          payerName: r.payerName ?? null,
          payerIban: r.payerIban ?? null,
          payerToken: r.payerToken ?? null,
          remittance: r.remittance ?? null,
          accountId: r.accountId ?? null,
          matchMethod: r.accountId ? 'invoice_number' : null,
          unallocated: r.unallocated ?? '0.00',
          returnOf: r.returnOf ?? null,
          returnReason: r.returnReason ?? null,
          createdAt: at,
        })
        .returning({ id: payments.id })
        .get();
      if (kind === 'payment' && r.accountId && dec(r.unallocated ?? '0').greaterThan(0)) {
        store.db
          .insert(accountCredits)
          .values({
            tenant,
            accountId: r.accountId,
            currency: r.currency ?? 'GBP',
            reason: 'overpayment',
            amount: r.unallocated!,
            paymentId: row.id,
            date: r.bookingDate ?? '2025-04-10',
            createdAt: at,
          })
          .run();
      }
      return row.id;
    }),
  )();
}
