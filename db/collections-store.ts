import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDateSchema } from '../tools/schemas/index.ts';
import type { ReceivableDocument } from '../tools/collections/index.ts';
import { dunningActions } from './agent-schema.ts';
import { accounts, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';
import { paidByInvoice } from './payment-store.ts';
import { tenantAccount } from './tenant-scope.ts';

/** The parts of a stored document collections reads (checked, not assumed: the rest is not read). */
const receivableDates = z.object({
  issueDate: calendarDateSchema.nullable(),
  dueDate: calendarDateSchema.nullable(),
  correcting: z.object({ number: z.string() }).nullable(),
});

/** An account's invoices and notes as collections reads them (tenant-checked). */
export function accountReceivables(store: Store, tenant: string, accountId: string): ReceivableDocument[] {
  tenantAccount(store, tenant, accountId);
  const rows = store.db
    .select({ id: invoices.id, number: invoices.number, kind: invoices.kind, status: invoices.status, currency: invoices.currency, total: invoices.total, documentJson: invoices.documentJson })
    .from(invoices)
    .where(eq(invoices.accountId, accountId))
    .orderBy(asc(invoices.id))
    .all();
  const paid = paidByInvoice(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const doc = receivableDates.parse(JSON.parse(r.documentJson));
    const settled = paid.get(r.id);
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      currency: r.currency,
      total: r.total,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      corrects: doc.correcting?.number ?? null,
      ...(settled !== undefined && !settled.startsWith('-') ? { paid: settled } : {}),
    };
  });
}

/** Dunning steps already taken for one delinquency (keyed by its oldest open invoice). */
export function takenDunningSteps(store: Store, accountId: string, invoiceId: number): string[] {
  return store.db
    .select({ step: dunningActions.step })
    .from(dunningActions)
    .where(and(eq(dunningActions.accountId, accountId), eq(dunningActions.invoiceId, invoiceId)))
    .all()
    .map((r) => r.step);
}

/** The tenant's accounts with an issued or overdue invoice (the ones dunning looks at). */
export function accountsWithOpenInvoices(store: Store, tenant: string): string[] {
  return store.db
    .selectDistinct({ id: invoices.accountId })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), eq(invoices.kind, 'invoice'), inArray(invoices.status, ['issued', 'overdue'])))
    .all()
    .map((r) => r.id);
}
