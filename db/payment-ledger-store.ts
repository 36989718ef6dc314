import { and, desc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { BillingError } from '../tools/errors.ts';
import type { PaymentState } from '../tools/payments/payment.types.ts';
import { PAYMENT_STATES } from '../tools/payments/payment.types.ts';
import { calendarDateSchema } from '../tools/schemas/index.ts';
import { accounts, customers, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';
import { paymentImports } from './payment-import-schema.ts';
import { accountCredits, paymentAllocations, payments } from './payment-schema.ts';
import { paidByInvoice } from './payment-store.ts';
import { prepared } from './prepared.ts';

/** A stored payment entry, as read. */
export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type PaymentImportRow = typeof paymentImports.$inferSelect;

/** Stores one entry; returns the row. */
export function insertPayment(store: Store, row: NewPayment): PaymentRow {
  return store.db.insert(payments).values(row).returning().get();
}

/** Changes an entry's state, match or links (a person's match, a return marking the payment it sends back). */
export function updatePayment(store: Store, id: number, patch: Partial<Omit<NewPayment, 'id' | 'tenant'>>): PaymentRow {
  return store.db.update(payments).set(patch).where(eq(payments.id, id)).returning().get();
}

/** The entry (not a duplicate) a tenant already holds under a key, if any. */
export function paymentByKey(store: Store, tenant: string, entryKey: string): PaymentRow | undefined {
  return store.db
    .select()
    .from(payments)
    .where(and(eq(payments.tenant, tenant), eq(payments.entryKey, entryKey), ne(payments.state, 'duplicate')))
    .get();
}

/** The payment a return sends back, by the end-to-end id (bank) or transaction id (processor) it names; the newest if several. */
export function paymentByOriginalRef(store: Store, tenant: string, ref: string): PaymentRow | undefined {
  return store.db
    .select()
    .from(payments)
    .where(and(eq(payments.tenant, tenant), eq(payments.kind, 'payment'), ne(payments.state, 'duplicate'), or(eq(payments.endToEndId, ref), eq(payments.entryKey, `csv:${ref}`))))
    .orderBy(desc(payments.id))
    .get();
}

/** A payment entry of the tenant; another tenant's is NOT_FOUND, like a missing one. */
export function tenantPayment(store: Store, tenant: string, id: number): PaymentRow {
  const row = store.db
    .select()
    .from(payments)
    .where(and(eq(payments.tenant, tenant), eq(payments.id, id)))
    .get();
  if (!row) throw new BillingError('NOT_FOUND', `no payment ${id}`);
  return row;
}

/** The tenant's entries, newest first, optionally in one state, of one account or one import. */
export function listPayments(store: Store, tenant: string, filter: { state?: PaymentState; accountId?: string; importId?: number; limit?: number } = {}): PaymentRow[] {
  const where = [eq(payments.tenant, tenant)];
  if (filter.state) where.push(eq(payments.state, filter.state));
  if (filter.accountId) where.push(eq(payments.accountId, filter.accountId));
  if (filter.importId !== undefined) where.push(eq(payments.importId, filter.importId));
  return store.db
    .select()
    .from(payments)
    .where(and(...where))
    .orderBy(desc(payments.id))
    .limit(filter.limit ?? 100)
    .all();
}

/** How many of the tenant's entries are in each state. */
export function countPaymentStates(store: Store, tenant: string): Record<PaymentState, number> {
  const rows = store.db.select({ state: payments.state, n: sql<number>`count(*)` }).from(payments).where(eq(payments.tenant, tenant)).groupBy(payments.state).all();
  const out = Object.fromEntries(PAYMENT_STATES.map((s) => [s, 0])) as Record<PaymentState, number>;
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}

/** Appends allocations (append-only: a return adds negative ones). */
export function insertAllocations(store: Store, rows: Array<typeof paymentAllocations.$inferInsert>): void {
  if (rows.length) store.db.insert(paymentAllocations).values(rows).run();
}

/** Appends a movement of an account's credit balance. */
export function insertCredit(store: Store, row: typeof accountCredits.$inferInsert): void {
  store.db.insert(accountCredits).values(row).run();
}

/** The allocations an entry made (or, for a write-off, a proposal made), oldest first. */
export function allocationsOf(store: Store, by: { paymentId?: number; proposalId?: number; invoiceId?: number }) {
  const where =
    by.paymentId !== undefined
      ? eq(paymentAllocations.paymentId, by.paymentId)
      : by.proposalId !== undefined
        ? eq(paymentAllocations.proposalId, by.proposalId)
        : eq(paymentAllocations.invoiceId, by.invoiceId ?? -1);
  return store.db.select().from(paymentAllocations).where(where).orderBy(paymentAllocations.id).all();
}

/** The credit ledger rows an entry made. */
export function creditsOfPayment(store: Store, paymentId: number) {
  return store.db.select().from(accountCredits).where(eq(accountCredits.paymentId, paymentId)).orderBy(accountCredits.id).all();
}

const openDoc = z.object({ issueDate: calendarDateSchema.nullable(), buyer: z.object({ name: z.string() }) });

/** An invoice as matching reads it: what is open on it, net of payments and of credit notes correcting it. */
export interface MatchableInvoice {
  id: number;
  number: string | null;
  accountId: string;
  kind: 'invoice' | 'debit_note';
  status: string;
  currency: string;
  total: string;
  issueDate: string | null;
  buyerName: string | null;
  paid: string;
  /** The credit notes issued against it (negative totals). */
  credited: string[];
}

/**
 * The tenant's numbered invoices and debit notes that are issued, overdue or paid (paid ones so a
 * reference to one still finds its account), with what has been paid and credited on each.
 */
export function matchableInvoices(store: Store, tenant: string, filter: { accountId?: string } = {}): MatchableInvoice[] {
  const where = [eq(accounts.tenant, tenant), inArray(invoices.kind, ['invoice', 'debit_note']), inArray(invoices.status, ['issued', 'overdue', 'paid'])];
  if (filter.accountId) where.push(eq(invoices.accountId, filter.accountId));
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
    .where(and(...where))
    .all();
  const notes = new Map<number, string[]>();
  const noteWhere = [eq(accounts.tenant, tenant), eq(invoices.kind, 'credit_note'), inArray(invoices.status, ['issued', 'overdue'])];
  if (filter.accountId) noteWhere.push(eq(invoices.accountId, filter.accountId));
  for (const n of store.db
    .select({ corrects: invoices.correctsInvoiceId, total: invoices.total })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(...noteWhere))
    .all()) {
    if (n.corrects !== null) notes.set(n.corrects, [...(notes.get(n.corrects) ?? []), n.total]);
  }
  const paid = paidByInvoice(
    store,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    // Paid invoices are only looked up by reference: their dates and buyer are not read.
    const doc = r.status === 'paid' ? null : openDoc.parse(JSON.parse(r.documentJson));
    return {
      id: r.id,
      number: r.number,
      accountId: r.accountId,
      kind: r.kind as 'invoice' | 'debit_note',
      status: r.status,
      currency: r.currency,
      total: r.total,
      issueDate: doc?.issueDate ?? null,
      buyerName: doc?.buyer.name ?? null,
      paid: paid.get(r.id) ?? '0',
      credited: notes.get(r.id) ?? [],
    };
  });
}

/** Payers seen on each account: the payer names and IBANs of the tenant's matched payments. */
export function knownPayers(store: Store, tenant: string): Array<{ accountId: string; payerName: string | null; payerIban: string | null }> {
  return store.db
    .selectDistinct({ accountId: payments.accountId, payerName: payments.payerName, payerIban: payments.payerIban })
    .from(payments)
    .where(and(eq(payments.tenant, tenant), eq(payments.kind, 'payment'), inArray(payments.state, ['matched', 'partly_matched'])))
    .all()
    .filter((r): r is { accountId: string; payerName: string | null; payerIban: string | null } => r.accountId !== null);
}

/** The customer names of the tenant's accounts (a payer of that name counts as seen on the account). */
export function accountHolderNames(store: Store, tenant: string): Array<{ accountId: string; name: string }> {
  return store.db.select({ accountId: accounts.id, name: customers.name }).from(accounts).innerJoin(customers, eq(customers.id, accounts.customerId)).where(eq(accounts.tenant, tenant)).all();
}

/** Records an import before its entries are stored; the counts are filled in by finishPaymentImport. */
export function createPaymentImport(
  store: Store,
  row: Pick<typeof paymentImports.$inferInsert, 'tenant' | 'format' | 'contentHash' | 'fileName' | 'statements' | 'importedBy' | 'createdAt'>,
): PaymentImportRow {
  const repeat = store.db
    .select({ id: paymentImports.id })
    .from(paymentImports)
    .where(and(eq(paymentImports.tenant, row.tenant), eq(paymentImports.contentHash, row.contentHash)))
    .orderBy(paymentImports.id)
    .get();
  return store.db
    .insert(paymentImports)
    .values({ ...row, repeatOf: repeat?.id ?? null, read: 0, matched: 0, partlyMatched: 0, unmatched: 0, duplicate: 0, returned: 0 })
    .returning()
    .get();
}

/** Writes an import's final counts. */
export function finishPaymentImport(store: Store, id: number, counts: Pick<PaymentImportRow, 'read' | 'matched' | 'partlyMatched' | 'unmatched' | 'duplicate' | 'returned'>): PaymentImportRow {
  return store.db.update(paymentImports).set(counts).where(eq(paymentImports.id, id)).returning().get();
}

/** The tenant's imports, newest first. */
export function listPaymentImports(store: Store, tenant: string, limit = 20): PaymentImportRow[] {
  return store.db.select().from(paymentImports).where(eq(paymentImports.tenant, tenant)).orderBy(desc(paymentImports.id)).limit(limit).all();
}

/** An account's credit ledger rows with its tenant (one indexed look-up through the account), for applying credit when an invoice is issued. */
export function accountCreditRows(store: Store, accountId: string): Array<{ tenant: string; currency: string; amount: string }> {
  const q = prepared(store, 'account-credit-rows', () =>
    store.db
      .select({ tenant: accountCredits.tenant, currency: accountCredits.currency, amount: accountCredits.amount })
      .from(accounts)
      .innerJoin(accountCredits, and(eq(accountCredits.tenant, accounts.tenant), eq(accountCredits.accountId, accounts.id)))
      .where(eq(accounts.id, sql.placeholder('a')))
      .prepare(),
  );
  return q.all({ a: accountId });
}
