import type { AllocationKind, CreditReason } from '../../tools/payments/payment.types.ts';
import type { Store } from '../open-database.ts';
import { accountCredits, paymentAllocations } from '../payment-schema.ts';

/**
 * Test-only writers of the payments contract's tables, for readers of payment history (the
 * cash-flow forecast) while import and matching live on their own branch: one allocation or credit
 * ledger row, written as the payments code writes them.
 */
export function writeAllocation(store: Store, a: { tenant?: string; invoiceId: number; accountId: string; amount: string; date: string; kind?: AllocationKind; currency?: string }): void {
  store.db
    .insert(paymentAllocations)
    .values({
      tenant: a.tenant ?? 'switchboard.local',
      kind: a.kind ?? 'payment',
      paymentId: null,
      invoiceId: a.invoiceId,
      accountId: a.accountId,
      amount: a.amount,
      currency: a.currency ?? 'GBP',
      date: a.date,
      createdAt: `${a.date}T12:00:00.000Z`,
    })
    .run();
}

/** One row of an account's credit ledger (a positive amount is the customer's money held). */
export function writeCredit(store: Store, c: { tenant?: string; accountId: string; amount: string; date: string; reason?: CreditReason; currency?: string }): void {
  store.db
    .insert(accountCredits)
    .values({
      tenant: c.tenant ?? 'switchboard.local',
      accountId: c.accountId,
      currency: c.currency ?? 'GBP',
      reason: c.reason ?? 'overpayment',
      amount: c.amount,
      date: c.date,
      createdAt: `${c.date}T12:00:00.000Z`,
    })
    .run();
}
