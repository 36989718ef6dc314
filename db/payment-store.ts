import { and, asc, eq, inArray } from 'drizzle-orm';
import { dec, ZERO } from '../tools/money/index.ts';
import type { AllocationKind } from '../tools/payments/payment.types.ts';
import { ID_SLICE } from './account-store.ts';
import type { Store } from './open-database.ts';
import { accountCredits, paymentAllocations } from './payment-schema.ts';

/** One allocation as collections, assurance and forecasts read it: what settled which invoice, when. */
export interface InvoiceAllocation {
  id: number;
  kind: AllocationKind;
  paymentId: number | null;
  invoiceId: number;
  accountId: string;
  amount: string;
  currency: string;
  date: string;
}

/** What has been paid (net of returns) on each of the given invoices; invoices with nothing allocated are absent. */
export function paidByInvoice(store: Store, invoiceIds: readonly number[]): Map<number, string> {
  const sums = new Map<number, ReturnType<typeof dec>>();
  for (let i = 0; i < invoiceIds.length; i += ID_SLICE) {
    const rows = store.db
      .select({ invoiceId: paymentAllocations.invoiceId, amount: paymentAllocations.amount })
      .from(paymentAllocations)
      .where(inArray(paymentAllocations.invoiceId, invoiceIds.slice(i, i + ID_SLICE)))
      .all();
    for (const r of rows) sums.set(r.invoiceId, (sums.get(r.invoiceId) ?? ZERO).plus(dec(r.amount)));
  }
  return new Map([...sums].map(([id, s]) => [id, s.toString()]));
}

/** Every allocation of a tenant (optionally one account), oldest first: the payment history behind ageing, risk and forecasts. */
export function listAllocations(store: Store, tenant: string, filter: { accountId?: string } = {}): InvoiceAllocation[] {
  const where = filter.accountId ? and(eq(paymentAllocations.tenant, tenant), eq(paymentAllocations.accountId, filter.accountId)) : eq(paymentAllocations.tenant, tenant);
  return store.db
    .select({
      id: paymentAllocations.id,
      kind: paymentAllocations.kind,
      paymentId: paymentAllocations.paymentId,
      invoiceId: paymentAllocations.invoiceId,
      accountId: paymentAllocations.accountId,
      amount: paymentAllocations.amount,
      currency: paymentAllocations.currency,
      date: paymentAllocations.date,
    })
    .from(paymentAllocations)
    .where(where)
    .orderBy(asc(paymentAllocations.date), asc(paymentAllocations.id))
    .all();
}

/** An account's credit balance: the sum of its credit ledger (a positive amount is the customer's money held). */
export function accountCreditBalance(store: Store, tenant: string, accountId: string): string {
  const rows = store.db
    .select({ amount: accountCredits.amount })
    .from(accountCredits)
    .where(and(eq(accountCredits.tenant, tenant), eq(accountCredits.accountId, accountId)))
    .all();
  return rows.reduce((s, r) => s.plus(dec(r.amount)), ZERO).toString();
}
