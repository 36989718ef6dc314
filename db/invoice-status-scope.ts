import { and, eq } from 'drizzle-orm';
import { isOverdue } from '../tools/invoice/change-invoice-status.ts';
import { invoiceDocumentSchema } from '../tools/invoice/invoice.types.ts';
import { accounts, invoices } from './billing-schema.ts';
import { changeInvoiceStatus } from './invoice-store.ts';
import type { TenantScope } from './scope.ts';

/** Marks the scope's issued invoices whose due date is before `today` as overdue; returns the numbers marked. */
export function markScopedOverdueInvoices(scope: TenantScope, today: string): string[] {
  const where = [eq(accounts.tenant, scope.tenant), eq(invoices.status, 'issued' as const)];
  if (scope.accountId !== undefined) where.push(eq(invoices.accountId, scope.accountId));
  const issued = scope.store.db
    .select({ id: invoices.id, documentJson: invoices.documentJson })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(...where))
    .all();
  const marked: string[] = [];
  for (const r of issued) {
    const doc = invoiceDocumentSchema.parse(JSON.parse(r.documentJson));
    if (isOverdue('issued', doc.dueDate, today)) marked.push(changeInvoiceStatus(scope.store, r.id, 'overdue').number ?? String(r.id));
  }
  return marked;
}
