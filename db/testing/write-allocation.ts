import type { AllocationKind } from '../../tools/payments/payment.types.ts';
import type { Store } from '../open-database.ts';
import { paymentAllocations } from '../payment-schema.ts';

/**
 * Writes one payment allocation straight into `payment_allocations`, for tests of readers of the
 * payments contract (assurance, ageing) while the payments import is built elsewhere.
 */
export function writeAllocation(
  store: Store,
  a: { tenant: string; invoiceId: number; accountId: string; amount: string; currency: string; kind?: AllocationKind; date?: string; paymentId?: number | null },
): number {
  return store.db
    .insert(paymentAllocations)
    .values({
      tenant: a.tenant,
      kind: a.kind ?? 'payment',
      paymentId: a.paymentId ?? null,
      invoiceId: a.invoiceId,
      accountId: a.accountId,
      amount: a.amount,
      currency: a.currency,
      date: a.date ?? '2025-04-10',
      createdAt: new Date().toISOString(),
    })
    .returning({ id: paymentAllocations.id })
    .get().id;
}
