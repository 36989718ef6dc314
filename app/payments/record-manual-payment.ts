import type { Store } from '../../db/open-database.ts';
import { allocationsOf, insertPayment } from '../../db/payment-ledger-store.ts';
import { paidByInvoice } from '../../db/payment-store.ts';
import { changeInvoiceStatus, getInvoice, notesFor } from '../../db/invoice-store.ts';
import { tenantInvoice } from '../../db/tenant-scope.ts';
import { BillingError } from '../../tools/errors.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { openAmount } from '../../tools/payments/index.ts';
import { loadMatchingBook, recordSettlement } from './settle-entries.ts';

/**
 * Records a payment a person took by hand (`invoices.pay`): a `manual` payment of what is open on
 * the invoice, allocated to it, so every paid amount is in payment_allocations; the allocation
 * marks it paid. An invoice with nothing open (credit notes took it all) is only marked paid.
 */
export function recordManualPayment(store: Store, tenant: string, req: { invoice: string; by: string; today: string }) {
  return store.sqlite
    .transaction(() => {
      const inv = tenantInvoice(store, tenant, req.invoice);
      if (inv.status !== 'issued' && inv.status !== 'overdue') {
        // The status rules say what may be paid, with their own words.
        return changeInvoiceStatus(store, inv.id, 'paid');
      }
      const credited = notesFor(store, inv.id)
        .filter((n) => n.kind === 'credit_note' && n.status !== 'void')
        .map((n) => n.total);
      const open = openAmount(inv.total, paidByInvoice(store, [inv.id]).get(inv.id) ?? '0', credited);
      if (dec(open).lte(0)) return changeInvoiceStatus(store, inv.id, 'paid');
      if (inv.kind === 'credit_note') throw new BillingError('CONFLICT', `${inv.number ?? inv.id} is a credit note: nothing to pay`);
      const n = allocationsOf(store, { invoiceId: inv.id }).length + 1;
      const now = new Date().toISOString();
      const row = insertPayment(store, {
        tenant,
        source: 'manual',
        entryKey: `manual:${inv.id}:${n}`,
        kind: 'payment',
        state: 'unmatched',
        bookingDate: req.today,
        amount: dec(open).toFixed(minorUnits(inv.currency)),
        currency: inv.currency,
        unallocated: dec(open).toFixed(minorUnits(inv.currency)),
        createdAt: now,
      });
      const book = loadMatchingBook(store, tenant);
      recordSettlement(store, book, row, { accountId: inv.accountId, method: 'manual', invoiceIds: [inv.id], by: req.by }, req.today);
      return getInvoice(store, String(inv.id));
    })
    .immediate();
}
