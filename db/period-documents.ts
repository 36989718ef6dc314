import { z } from 'zod';
import { invoiceDocumentSchema } from '../tools/invoice/invoice.types.ts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { BilledDocument } from '../tools/audit/index.ts';
import { BillingError } from '../tools/errors.ts';
import { accounts, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';

// The figures a month's totals add up, checked as they are read: stored money is never taken on trust.
const billedFiguresSchema = invoiceDocumentSchema
  .pick({ subtotal: true, taxTotal: true })
  .extend({ taxes: z.array(z.looseObject({ name: z.string(), amount: invoiceDocumentSchema.shape.subtotal })) });

/**
 * The tenant's invoices and notes of one billing month (or of its latest billed month), as the
 * billing summary reads them: kind, status, currency and the document's own totals and taxes.
 */
export function tenantPeriodDocuments(store: Store, tenant: string, period?: string): { period: string; documents: BilledDocument[] } {
  const month =
    period ??
    store.db
      .select({ period: invoices.period })
      .from(invoices)
      .innerJoin(accounts, eq(accounts.id, invoices.accountId))
      .where(eq(accounts.tenant, tenant))
      .orderBy(desc(invoices.period))
      .limit(1)
      .get()?.period;
  if (!month) throw new BillingError('NOT_FOUND', 'nothing has been billed yet');
  const rows = store.db
    .select({
      id: invoices.id,
      number: invoices.number,
      accountId: invoices.accountId,
      kind: invoices.kind,
      status: invoices.status,
      currency: invoices.currency,
      total: invoices.total,
      documentJson: invoices.documentJson,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), eq(invoices.period, month), inArray(invoices.status, ['issued', 'paid', 'overdue', 'held'])))
    .all();
  return {
    period: month,
    documents: rows.map((r) => {
      const doc = billedFiguresSchema.parse(JSON.parse(r.documentJson));
      return {
        id: r.id,
        number: r.number,
        accountId: r.accountId,
        kind: r.kind,
        status: r.status,
        currency: r.currency,
        total: r.total,
        subtotal: doc.subtotal,
        taxTotal: doc.taxTotal,
        taxes: doc.taxes.map((t) => ({ name: t.name, amount: t.amount })),
      };
    }),
  };
}

/** The latest period a tenant has an issued (or paid, overdue) invoice for, or null before its first bill. */
export function lastBilledPeriod(store: Store, tenant: string): string | null {
  const row = store.db
    .select({ period: invoices.period })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), eq(invoices.kind, 'invoice'), inArray(invoices.status, ['issued', 'paid', 'overdue'])))
    .orderBy(desc(invoices.period))
    .limit(1)
    .get();
  return row?.period ?? null;
}
