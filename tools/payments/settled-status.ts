import { dec } from '../money/index.ts';
import { isOverdue } from '../invoice/change-invoice-status.ts';
import type { InvoiceStatus } from '../invoice/invoice.types.ts';

/**
 * The status an invoice should have after its allocations moved, or null to leave it: an issued or
 * overdue one with nothing open is paid; a paid one with something open again (a payment came
 * back) is reopened, as overdue when past its due date.
 */
export function settledStatus(status: InvoiceStatus, open: string, dueDate: string | null, today: string): 'paid' | 'issued' | 'overdue' | null {
  const settled = dec(open).lte(0);
  if ((status === 'issued' || status === 'overdue') && settled) return 'paid';
  if (status === 'paid' && !settled) return isOverdue('issued', dueDate, today) ? 'overdue' : 'issued';
  return null;
}
