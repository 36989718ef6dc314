import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AllowanceCarry, AllowanceLedgerRow } from '../tools/charging/index.ts';
import { BillingError } from '../tools/errors.ts';
import { checkStatusChange, isOverdue } from '../tools/invoice/change-invoice-status.ts';
import { invoiceDocumentSchema, type InvoiceDocument, type InvoiceKind, type InvoiceStatus } from '../tools/invoice/invoice.types.ts';
import { addDays } from '../tools/time/index.ts';
import { allowanceLedger, invoiceSeries, invoices } from './billing-schema.ts';
import type { Store } from './open-database.ts';
import { recordNotification } from './notification-store.ts';
import { prepared } from './prepared.ts';
import type { NotificationPayload } from '../tools/notifications/index.ts';
import { dec } from '../tools/money/index.ts';
import { creditToApply } from '../tools/payments/allocate-payment.ts';
import { accountCreditRows, insertAllocations, insertCredit } from './payment-ledger-store.ts';

type InvoiceRow = typeof invoices.$inferSelect;

/** A stored invoice: its row facts and the document. */
export interface StoredInvoice {
  id: number;
  accountId: string;
  period: string;
  kind: InvoiceKind;
  number: string | null;
  status: InvoiceStatus;
  total: string;
  currency: string;
  correctsInvoiceId: number | null;
  document: InvoiceDocument;
}

function toStored(r: InvoiceRow): StoredInvoice {
  return {
    id: r.id,
    accountId: r.accountId,
    period: r.period,
    kind: r.kind,
    number: r.number,
    status: r.status,
    total: r.total,
    currency: r.currency,
    correctsInvoiceId: r.correctsInvoiceId,
    document: invoiceDocumentSchema.parse(JSON.parse(r.documentJson)),
  };
}

/** The invoice (not note) of an account for a period, if one exists. */
export function findPeriodInvoice(store: Store, accountId: string, period: string): StoredInvoice | null {
  const r = store.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.accountId, accountId), eq(invoices.period, period), eq(invoices.kind, 'invoice')))
    .get();
  return r ? toStored(r) : null;
}

/** True when the account already has its invoice for the period (a cheap look-up for re-runs). */
export function hasPeriodInvoice(store: Store, accountId: string, period: string): boolean {
  const q = prepared(store, 'has-period-invoice', () =>
    store.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.accountId, sql.placeholder('a')), eq(invoices.period, sql.placeholder('p')), eq(invoices.kind, 'invoice')))
      .prepare(),
  );
  return q.get({ a: accountId, p: period }) !== undefined;
}

/** An invoice or note by its number or, for drafts and held ones, by its id. */
export function getInvoice(store: Store, ref: string): StoredInvoice {
  const byNumber = store.db.select().from(invoices).where(eq(invoices.number, ref)).get();
  const r =
    byNumber ??
    (/^\d+$/.test(ref)
      ? store.db
          .select()
          .from(invoices)
          .where(eq(invoices.id, Number(ref)))
          .get()
      : undefined);
  if (!r) throw new BillingError('NOT_FOUND', `no invoice ${ref}`);
  return toStored(r);
}

/** Invoices and notes, newest first, optionally for one account, period or status. */
export function listInvoices(store: Store, filter: { accountId?: string; period?: string; status?: InvoiceStatus; limit?: number } = {}): Array<Omit<StoredInvoice, 'document'>> {
  const where = [
    filter.accountId ? eq(invoices.accountId, filter.accountId) : undefined,
    filter.period ? eq(invoices.period, filter.period) : undefined,
    filter.status ? eq(invoices.status, filter.status) : undefined,
  ].filter((w) => w !== undefined);
  return store.db
    .select({
      id: invoices.id,
      accountId: invoices.accountId,
      period: invoices.period,
      kind: invoices.kind,
      number: invoices.number,
      status: invoices.status,
      total: invoices.total,
      currency: invoices.currency,
      correctsInvoiceId: invoices.correctsInvoiceId,
    })
    .from(invoices)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(invoices.id))
    .limit(filter.limit ?? 100)
    .all();
}

/** Totals of an account's issued (or paid) invoices before a period, newest first (bill-shock history). */
export function previousInvoiceTotals(store: Store, accountId: string, beforePeriod: string, limit = 3): string[] {
  const q = prepared(store, 'previous-totals', () =>
    store.db
      .select({ total: invoices.total })
      .from(invoices)
      .where(and(eq(invoices.accountId, sql.placeholder('a')), eq(invoices.kind, 'invoice'), lt(invoices.period, sql.placeholder('p')), sql`${invoices.status} in ('issued', 'paid', 'overdue')`))
      .orderBy(desc(invoices.period))
      .limit(sql.placeholder('n'))
      .prepare(),
  );
  return q.all({ a: accountId, p: beforePeriod, n: limit }).map((r) => r.total);
}

/** Allowance units the previous period of these lines carries into this one. */
export function carriesInto(store: Store, subscriptionIds: string[], previousPeriod: string): AllowanceCarry[] {
  if (subscriptionIds.length === 0) return [];
  const oneLine = prepared(store, 'carries-one-line', () =>
    store.db
      .select()
      .from(allowanceLedger)
      .where(and(eq(allowanceLedger.period, sql.placeholder('p')), eq(allowanceLedger.subscriptionId, sql.placeholder('s'))))
      .prepare(),
  );
  const rows =
    subscriptionIds.length === 1
      ? oneLine.all({ p: previousPeriod, s: subscriptionIds[0] })
      : store.db
          .select()
          .from(allowanceLedger)
          .where(and(eq(allowanceLedger.period, previousPeriod), inArray(allowanceLedger.subscriptionId, subscriptionIds)))
          .all();
  return rows.flatMap((r) => (JSON.parse(r.carriesJson) as Array<{ units: number; validThrough: string }>).map((c) => ({ subscriptionId: r.subscriptionId, allowanceId: r.allowanceId, ...c })));
}

/**
 * A stored document, validated but with its fields in their stored order: the database's triggers
 * compare an issued document before and after a status change field by field as JSON text, so a
 * change of status must leave everything else, order included, as it was.
 */
function storedDocument(json: string): InvoiceDocument {
  const raw = JSON.parse(json) as InvoiceDocument;
  invoiceDocumentSchema.parse(raw);
  return raw;
}

/**
 * Takes the next number of a series; call inside the issuing transaction so a failure leaves no gap.
 * The counter moves by `UPDATE ... SET next_number = next_number + 1 RETURNING`, which on
 * PostgreSQL locks the series row until the transaction ends: a concurrent issuer waits, then
 * reads the advanced counter, so numbers stay gapless and unique (invoices_series_number) even
 * without the books' writer lock; SQLite has one writer at a time anyway.
 */
function takeNumber(store: Store, series: string): string {
  const q = prepared(store, 'take-number', () => ({
    ensure: store.db
      .insert(invoiceSeries)
      .values({ series: sql.placeholder('s'), nextNumber: 1 })
      .onConflictDoNothing()
      .prepare(),
    advance: store.db
      .update(invoiceSeries)
      .set({ nextNumber: sql`${invoiceSeries.nextNumber} + 1` })
      .where(eq(invoiceSeries.series, sql.placeholder('s')))
      .returning({ next: invoiceSeries.nextNumber })
      .prepare(),
  }));
  q.ensure.run({ s: series });
  const row = q.advance.get({ s: series })!;
  return `${series}-${String(row.next - 1).padStart(6, '0')}`;
}

/** The outbox rows an issued invoice or note makes (and its plan recommendations), in the transaction that issues it. */
function recordIssued(store: Store, invoiceId: number, accountId: string, doc: InvoiceDocument): void {
  recordNotification(store, { key: `invoice:${invoiceId}:issued`, accountId, payload: invoicePayload('invoice_issued', invoiceId, doc) });
  for (const r of doc.recommendations) {
    recordNotification(store, {
      key: `plan:${accountId}:${r.subscriptionId}:${doc.period.label}`,
      accountId,
      payload: {
        kind: 'plan_recommendation',
        subscriptionId: r.subscriptionId,
        currentPlan: r.currentPlanId,
        recommendedPlan: r.planName,
        saving: r.saving,
        currency: doc.currency,
        period: doc.period.label,
      },
    });
  }
}

/**
 * Applies the account's credit balance (an earlier overpayment) to an invoice just issued: an
 * allocation of kind credit and the matching `applied` movement, the smaller of the balance and
 * the total; true when that pays the invoice in full (it is then marked paid).
 */
function applyAccountCredit(store: Store, invoiceId: number, accountId: string, doc: InvoiceDocument): boolean {
  const rows = accountCreditRows(store, accountId).filter((r) => r.currency === doc.currency);
  if (!rows.length) return false;
  const balance = rows.reduce((s, r) => s.plus(dec(r.amount)), dec(0)).toString();
  const take = creditToApply(balance, doc.total, doc.currency);
  if (dec(take).lte(0)) return false;
  const tenant = rows[0]!.tenant;
  const date = doc.issueDate ?? new Date().toISOString().slice(0, 10);
  const now = new Date().toISOString();
  insertAllocations(store, [{ tenant, kind: 'credit', paymentId: null, invoiceId, accountId, amount: take, currency: doc.currency, date, createdAt: now }]);
  insertCredit(store, { tenant, accountId, currency: doc.currency, reason: 'applied', amount: dec(take).negated().toFixed(), invoiceId, date, createdAt: now });
  if (!dec(take).eq(dec(doc.total))) return false;
  changeInvoiceStatus(store, invoiceId, 'paid');
  return true;
}

function invoicePayload(kind: 'invoice_issued' | 'payment_received', invoiceId: number, doc: InvoiceDocument): NotificationPayload {
  const facts = { invoiceId, number: doc.number, period: doc.period.label, total: doc.total, currency: doc.currency };
  return kind === 'invoice_issued' ? { kind, ...facts, issueDate: doc.issueDate, dueDate: doc.dueDate } : { kind: 'payment_received', ...facts };
}

/** The document as issued: numbered, dated, due after the payment terms. */
function issued(doc: InvoiceDocument, number: string, issueDate: string, termsDays: number): InvoiceDocument {
  return { ...doc, number, status: 'issued', holdReasons: [], issueDate, dueDate: addDays(issueDate, termsDays) };
}

/**
 * Stores a new invoice or note with its allowance ledger, in one transaction: held when it has hold
 * reasons, otherwise issued with the next gapless number of its series. Returns null when the
 * account already has an invoice for the period (a concurrent or repeated run), storing nothing.
 */
export function saveInvoice(
  store: Store,
  input: {
    accountId: string;
    doc: InvoiceDocument;
    issueDate: string;
    paymentTermsDays: number;
    ledger: AllowanceLedgerRow[];
    carries: AllowanceCarry[];
    correctsInvoiceId?: number;
    correctionKey?: string;
  },
): StoredInvoice | null {
  try {
    return saveInvoiceOnce(store, input);
  } catch (err) {
    // A concurrent run stored this account's invoice (or this correction) between the check and
    // the insert: the unique index refused the second, its transaction (number taken included)
    // rolled back, and it is the same outcome as finding it there.
    if (isUniqueViolationOf(err, 'invoices_one_per_period', 'invoices.account_id, invoices.period') || isUniqueViolationOf(err, 'invoices_correction_key', 'invoices.correction_key')) return null;
    throw err;
  }
}

/** True when `err` is a unique index's refusal: PostgreSQL names the index, SQLite the columns. */
function isUniqueViolationOf(err: unknown, index: string, columns: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE') return false;
  return e.constraint === index || (e.message ?? '').includes(`UNIQUE constraint failed: ${columns}`);
}

function saveInvoiceOnce(store: Store, input: Parameters<typeof saveInvoice>[1]): StoredInvoice | null {
  return store.sqlite.transaction(() => {
    const { doc } = input;
    if (doc.kind === 'invoice' && hasPeriodInvoice(store, input.accountId, doc.period.label)) return null;
    if (input.correctionKey && store.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.correctionKey, input.correctionKey)).get()) return null;
    const held = doc.holdReasons.length > 0;
    const final = held ? { ...doc, status: 'held' as const } : issued(doc, takeNumber(store, doc.series), input.issueDate, input.paymentTermsDays);
    const now = new Date().toISOString();
    const row = store.db
      .insert(invoices)
      .values({
        accountId: input.accountId,
        period: doc.period.label,
        kind: doc.kind,
        series: doc.series,
        number: final.number,
        status: final.status,
        currency: doc.currency,
        total: doc.total,
        documentJson: JSON.stringify(final),
        correctsInvoiceId: input.correctsInvoiceId ?? null,
        correctionKey: input.correctionKey ?? null,
        createdAt: now,
        issuedAt: held ? null : now,
      })
      .returning({ id: invoices.id })
      .get();
    if (!held) recordIssued(store, row.id, input.accountId, final);
    const paidByCredit = !held && doc.kind === 'invoice' && applyAccountCredit(store, row.id, input.accountId, final);
    const insertLedger = prepared(store, 'insert-ledger', () =>
      store.db
        .insert(allowanceLedger)
        .values({
          invoiceId: sql.placeholder('invoiceId'),
          subscriptionId: sql.placeholder('subscriptionId'),
          period: sql.placeholder('period'),
          allowanceId: sql.placeholder('allowanceId'),
          service: sql.placeholder('service'),
          granted: sql.placeholder('granted'),
          carriedIn: sql.placeholder('carriedIn'),
          used: sql.placeholder('used'),
          carriedOut: sql.placeholder('carriedOut'),
          carriesJson: sql.placeholder('carriesJson'),
        })
        .onConflictDoNothing()
        .prepare(),
    );
    for (const l of input.ledger) {
      const carries = input.carries.filter((c) => c.subscriptionId === l.subscriptionId && c.allowanceId === l.allowanceId).map((c) => ({ units: c.units, validThrough: c.validThrough }));
      insertLedger.run({
        invoiceId: row.id,
        subscriptionId: l.subscriptionId,
        period: doc.period.label,
        allowanceId: l.allowanceId,
        service: l.service,
        granted: l.granted,
        carriedIn: l.carriedIn,
        used: l.used,
        carriedOut: l.carriedOut,
        carriesJson: JSON.stringify(carries),
      });
    }
    // Built from what was just written: parsing the stored document back would cost more than billing it.
    return {
      id: row.id,
      accountId: input.accountId,
      period: doc.period.label,
      kind: doc.kind,
      number: final.number,
      status: paidByCredit ? 'paid' : final.status,
      total: doc.total,
      currency: doc.currency,
      correctsInvoiceId: input.correctsInvoiceId ?? null,
      document: paidByCredit ? { ...final, status: 'paid' as const } : final,
    };
  })();
}

/** Issues a held invoice (after a person released it): numbered now, never edited afterwards. */
export function issueHeldInvoice(store: Store, id: number, issueDate: string, paymentTermsDays: number): StoredInvoice {
  return store.sqlite.transaction(() => {
    const r = store.db.select().from(invoices).where(eq(invoices.id, id)).get();
    if (!r) throw new BillingError('NOT_FOUND', `no invoice ${id}`);
    if (r.status !== 'held') throw new BillingError('CONFLICT', `invoice ${r.number ?? id} is ${r.status}, not held`);
    const doc = issued(storedDocument(r.documentJson), takeNumber(store, r.series), issueDate, paymentTermsDays);
    const now = new Date().toISOString();
    recordIssued(store, id, r.accountId, doc);
    const stored = toStored(
      store.db
        .update(invoices)
        .set({ number: doc.number, status: 'issued', documentJson: JSON.stringify(doc), issuedAt: now })
        .where(eq(invoices.id, id))
        .returning()
        .get(),
    );
    return r.kind === 'invoice' && applyAccountCredit(store, id, r.accountId, doc) ? getInvoice(store, String(id)) : stored;
  })();
}

/** Notes already issued against an invoice, oldest first. */
export function notesFor(store: Store, invoiceId: number): StoredInvoice[] {
  return store.db.select().from(invoices).where(eq(invoices.correctsInvoiceId, invoiceId)).orderBy(invoices.id).all().map(toStored);
}

/** Replaces the document of an invoice that is not issued yet (draft or held): before issue, billing again is allowed. */
export function replaceUnissuedInvoice(store: Store, id: number, doc: InvoiceDocument): StoredInvoice {
  const r = store.db.select().from(invoices).where(eq(invoices.id, id)).get();
  if (!r) throw new BillingError('NOT_FOUND', `no invoice ${id}`);
  if (r.status !== 'draft' && r.status !== 'held') throw new BillingError('CONFLICT', `invoice ${r.number ?? id} is ${r.status}: an issued invoice is never edited; correct it with a note`);
  const status = doc.holdReasons.length ? 'held' : r.status;
  const final = { ...doc, status } as InvoiceDocument;
  return toStored(
    store.db
      .update(invoices)
      .set({ status, total: doc.total, documentJson: JSON.stringify(final) })
      .where(eq(invoices.id, id))
      .returning()
      .get(),
  );
}

/**
 * Moves an invoice along its life cycle (paid, overdue, void, or back to issued/overdue when a
 * payment of a paid one comes back) after checking the transition; the document keeps its
 * content, only its status changes. Releasing a held invoice is issueHeldInvoice.
 */
export function changeInvoiceStatus(store: Store, id: number, to: 'paid' | 'issued' | 'overdue' | 'void'): StoredInvoice {
  return store.sqlite.transaction(() => {
    const r = store.db.select().from(invoices).where(eq(invoices.id, id)).get();
    if (!r) throw new BillingError('NOT_FOUND', `no invoice ${id}`);
    checkStatusChange(r.status as InvoiceStatus, to);
    const doc = { ...storedDocument(r.documentJson), status: to };
    // Paid once per invoice: marking it paid again is refused by the status rules, and the key holds anyway.
    if (to === 'paid') recordNotification(store, { key: `invoice:${id}:paid`, accountId: r.accountId, payload: invoicePayload('payment_received', id, doc) });
    return toStored(
      store.db
        .update(invoices)
        .set({ status: to, documentJson: JSON.stringify(doc) })
        .where(eq(invoices.id, id))
        .returning()
        .get(),
    );
  })();
}

/** Marks every issued invoice whose due date is before `today` as overdue; returns how many. */
export function markOverdueInvoices(store: Store, today: string): number {
  const due = store.db.select({ id: invoices.id, documentJson: invoices.documentJson }).from(invoices).where(eq(invoices.status, 'issued')).all();
  let n = 0;
  for (const r of due) {
    const doc = invoiceDocumentSchema.parse(JSON.parse(r.documentJson));
    if (isOverdue('issued', doc.dueDate, today)) {
      changeInvoiceStatus(store, r.id, 'overdue');
      n += 1;
    }
  }
  return n;
}
