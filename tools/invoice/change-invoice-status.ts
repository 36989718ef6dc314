import { BillingError } from '../errors.ts';
import type { InvoiceStatus } from './invoice.types.ts';

/**
 * The invoice life cycle: draft -> held (flagged, waiting for a person) -> issued -> paid,
 * overdue or void. Issued documents are never edited: a status change is the only thing that moves,
 * and corrections are notes. Overdue invoices can still be paid or voided.
 */
const NEXT: Record<InvoiceStatus, readonly InvoiceStatus[]> = {
  draft: ['held', 'issued'],
  held: ['issued', 'void'],
  issued: ['paid', 'overdue', 'void'],
  overdue: ['paid', 'void'],
  paid: ['issued', 'overdue'],
  void: [],
};

/** Throws CONFLICT unless an invoice may move from one status to the other. */
export function checkStatusChange(from: InvoiceStatus, to: InvoiceStatus): void {
  if (!NEXT[from].includes(to)) {
    throw new BillingError('CONFLICT', `an invoice that is ${from} cannot become ${to}${NEXT[from].length ? ` (it can become ${NEXT[from].join(' or ')})` : ''}`);
  }
}

/** True when an issued invoice is past its due date on `today` and so overdue. */
export function isOverdue(status: InvoiceStatus, dueDate: string | null, today: string): boolean {
  return status === 'issued' && dueDate !== null && dueDate < today;
}
