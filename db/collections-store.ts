import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { calendarDateSchema } from '../tools/schemas/index.ts';
import type { PaymentHistory, ReceivableDocument } from '../tools/collections/index.ts';
import { dunningActions, proposals } from './agent-schema.ts';
import { accounts, invoices, subscriptions } from './billing-schema.ts';
import { paymentAllocations, payments } from './payment-schema.ts';
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

/** The account's invoices with a pending customer dispute on them: their ladders stop while it is open. */
export function disputedInvoiceIds(store: Store, tenant: string, accountId: string): Set<number> {
  const rows = store.db
    .select({ invoiceId: proposals.invoiceId })
    .from(proposals)
    .where(and(eq(proposals.tenant, tenant), eq(proposals.accountId, accountId), eq(proposals.kind, 'customer_dispute'), eq(proposals.status, 'pending')))
    .all();
  return new Set(rows.flatMap((r) => (r.invoiceId === null ? [] : [r.invoiceId])));
}

/** The latest proposal made for a target key, whatever became of it (a rejected step is not proposed again). */
export function latestProposalStatus(store: Store, tenant: string, targetKey: string): { id: number; status: string } | undefined {
  return store.db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .where(and(eq(proposals.tenant, tenant), eq(proposals.targetKey, targetKey)))
    .orderBy(desc(proposals.id))
    .get();
}

/** What the payment-risk score reads of an account on a date: its issued invoices and notes, money in and back, disputes, tenure. */
export function accountPaymentHistory(store: Store, tenant: string, accountId: string, asOf: string): PaymentHistory {
  const docs = accountReceivables(store, tenant, accountId).filter((d) => d.number !== null && d.kind !== 'credit_note' && d.status !== 'void' && d.issueDate && d.dueDate);
  const numberOf = new Map(docs.map((d) => [Number(d.id), d.number!]));
  const allocations = store.db
    .select({ invoiceId: paymentAllocations.invoiceId, amount: paymentAllocations.amount, date: paymentAllocations.date, kind: paymentAllocations.kind, paymentKind: payments.kind })
    .from(paymentAllocations)
    .leftJoin(payments, eq(payments.id, paymentAllocations.paymentId))
    .where(and(eq(paymentAllocations.tenant, tenant), eq(paymentAllocations.accountId, accountId)))
    .orderBy(asc(paymentAllocations.date), asc(paymentAllocations.id))
    .all();
  const disputes = store.db
    .select({ invoiceId: proposals.invoiceId, createdAt: proposals.createdAt })
    .from(proposals)
    .where(and(eq(proposals.tenant, tenant), eq(proposals.accountId, accountId), eq(proposals.kind, 'customer_dispute')))
    .all();
  const started = store.db.select({ start: subscriptions.startDate }).from(subscriptions).where(eq(subscriptions.accountId, accountId)).orderBy(asc(subscriptions.startDate)).get();
  return {
    asOf,
    openedOn: started?.start.slice(0, 10) ?? docs[0]?.issueDate ?? asOf,
    invoices: docs.map((d) => ({ number: d.number!, issueDate: d.issueDate!, dueDate: d.dueDate!, total: d.total })),
    payments: allocations
      .filter((a) => a.kind !== 'write_off' && numberOf.has(a.invoiceId))
      .map((a) => ({
        invoiceNumber: numberOf.get(a.invoiceId)!,
        date: a.date,
        amount: a.amount,
        kind: a.amount.startsWith('-') ? (a.paymentKind === 'chargeback' ? ('chargeback' as const) : ('return' as const)) : ('payment' as const),
      })),
    disputes: disputes.flatMap((d) => (d.invoiceId !== null && numberOf.has(d.invoiceId) ? [{ invoiceNumber: numberOf.get(d.invoiceId)!, openedOn: d.createdAt.slice(0, 10) }] : [])),
  };
}

/** What the account paid (allocations net of returns, write-offs left out) on each day from `from`, oldest first. */
export function accountPaymentsSince(store: Store, tenant: string, accountId: string, from: string): { date: string; amount: string }[] {
  return store.db
    .select({ date: paymentAllocations.date, amount: paymentAllocations.amount, kind: paymentAllocations.kind })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.tenant, tenant), eq(paymentAllocations.accountId, accountId), gte(paymentAllocations.date, from)))
    .orderBy(asc(paymentAllocations.date), asc(paymentAllocations.id))
    .all()
    .filter((r) => r.kind !== 'write_off')
    .map(({ date, amount }) => ({ date, amount }));
}
