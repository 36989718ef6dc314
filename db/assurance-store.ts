import { and, between, eq, gte, inArray, lt, max, min } from 'drizzle-orm';
import { z } from 'zod';
import type { AssuranceAllocation, AssuranceDuplicate, AssuranceEvent, AssuranceFacts, AssuranceInvoice, AssuranceLedgerRow, AssuranceQuarantined } from '../tools/assurance/index.ts';
import { quarantineMonth } from '../tools/assurance/index.ts';
import { decimalStringSchema } from '../tools/schemas/index.ts';
import { addMonths, localDate, startOfLocalDate } from '../tools/time/index.ts';
import { ID_SLICE } from './account-store.ts';
import { accounts, allowanceLedger, invoices, subscriptions } from './billing-schema.ts';
import { batchRanges } from './batch-events.ts';
import { ownsIngestion } from './list-batches.ts';
import { paymentAllocations } from './payment-schema.ts';
import type { Store } from './open-database.ts';
import type { TenantScope } from './scope.ts';
import { ingestBatches, ingestDuplicates, quarantine, usageEvents } from './schema.ts';
import { getOperatorSettings } from './settings-store.ts';

// Only what the report reads of a stored invoice document (zod drops the rest).
const documentFacts = z.object({
  holdReasons: z.array(z.object({ code: z.string() })),
  lines: z.array(
    z.object({
      section: z.string(),
      subscriptionId: z.string().nullable(),
      provenance: z.object({
        usageEvents: z.array(z.object({ id: z.number().int(), rated: decimalStringSchema, charged: decimalStringSchema, covered: z.number().int(), allowanceId: z.string().nullable() })),
      }),
    }),
  ),
});

/** Runs a query over slices of ids (SQLite's variable limit). */
function bySlices<T>(ids: readonly number[], query: (slice: number[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += ID_SLICE) out.push(...query(ids.slice(i, i + ID_SLICE)));
  return out;
}

/** The tenant's billing documents of some periods, with what their usage lines charge. */
function periodInvoices(store: Store, tenant: string, periods: string[]): AssuranceInvoice[] {
  const rows = store.db
    .select({
      id: invoices.id,
      number: invoices.number,
      accountId: invoices.accountId,
      period: invoices.period,
      kind: invoices.kind,
      status: invoices.status,
      currency: invoices.currency,
      total: invoices.total,
      correctsInvoiceId: invoices.correctsInvoiceId,
      documentJson: invoices.documentJson,
    })
    .from(invoices)
    .innerJoin(accounts, eq(accounts.id, invoices.accountId))
    .where(and(eq(accounts.tenant, tenant), inArray(invoices.period, periods)))
    .all();
  return rows.map(({ documentJson, ...r }) => {
    const doc = documentFacts.parse(JSON.parse(documentJson));
    return {
      ...r,
      holdReasons: doc.holdReasons.map((h) => h.code),
      events: doc.lines.filter((l) => l.section === 'usage').flatMap((l) => l.provenance.usageEvents.map((e) => ({ ...e, subscriptionId: l.subscriptionId }))),
    };
  });
}

/** The month most of a batch's usage is in (by first and last start time), or null when it spans months. */
function batchUsageMonths(store: Store, batchIds: number[], timezone: string): Map<number, string | null> {
  // Each batch's events are read through its id range (usage_events has no batch_id index).
  const rows = bySlices(batchIds, (slice) => batchRanges(store, slice)).map((b) => ({
    batchId: b.batchId,
    ...store.db
      .select({ first: min(usageEvents.startTime), last: max(usageEvents.startTime) })
      .from(usageEvents)
      .where(and(between(usageEvents.id, b.first, b.last), eq(usageEvents.batchId, b.batchId)))
      .get()!,
  }));
  return new Map(
    rows.map((r) => {
      const [a, b] = [r.first, r.last].map((t) => (t === null ? null : localDate(t, timezone).slice(0, 7)));
      return [r.batchId, a != null && a === b ? a : null] as [number, string | null];
    }),
  );
}

/**
 * What the revenue-assurance report of a tenant and billing month is made from: the usage events
 * that started in the month (operator time zone), the open quarantined lines and duplicates
 * attributed to it (ingestion belongs to the operator's own tenant), the tenant's lines, the
 * period's invoices and notes with their allowance ledger and allocations, and which of the
 * month's events the neighbouring periods' invoices charge.
 */
export function loadAssuranceFacts(scope: TenantScope, period: string): AssuranceFacts {
  const { store, tenant } = scope;
  const { timezone } = getOperatorSettings(store);
  const window = { from: `${period}-01`, to: `${addMonths(period, 1)}-01` };
  const [fromMs, toMs] = [startOfLocalDate(window.from, timezone), startOfLocalDate(window.to, timezone)];
  const inWindow = and(eq(usageEvents.tenant, tenant), gte(usageEvents.startTime, fromMs), lt(usageEvents.startTime, toMs));
  const events: AssuranceEvent[] = store.db
    .select({
      id: usageEvents.id,
      batchId: usageEvents.batchId,
      lineNo: usageEvents.lineNo,
      subscriber: usageEvents.subscriber,
      service: usageEvents.service,
      direction: usageEvents.direction,
      category: usageEvents.category,
      roaming: usageEvents.roaming,
      startTime: usageEvents.startTime,
      usage: usageEvents.usage,
      disposition: usageEvents.disposition,
      status: usageEvents.status,
      cost: usageEvents.cost,
      currency: usageEvents.currency,
      ratingErrorCode: usageEvents.ratingErrorCode,
      classificationReason: usageEvents.classificationReason,
    })
    .from(usageEvents)
    .where(inWindow)
    .orderBy(usageEvents.id)
    .all()
    .map((e) => ({ ...e, localDate: localDate(e.startTime, timezone) }));

  let quarantined: AssuranceQuarantined[] = [];
  let duplicates: AssuranceDuplicate[] = [];
  if (ownsIngestion(scope)) {
    const open = store.db
      .select({
        id: quarantine.id,
        batchId: quarantine.batchId,
        lineNo: quarantine.lineNo,
        reason: quarantine.reason,
        raw: quarantine.raw,
        dedupKey: quarantine.dedupKey,
        readOn: ingestBatches.startedAt,
      })
      .from(quarantine)
      .innerJoin(ingestBatches, eq(ingestBatches.id, quarantine.batchId))
      .where(eq(quarantine.status, 'open'))
      .orderBy(quarantine.id)
      .all();
    const months = batchUsageMonths(store, [...new Set(open.map((q) => q.batchId))], timezone);
    const ours = open.filter((q) => quarantineMonth(q.raw, { usageMonth: months.get(q.batchId) ?? null, readOn: q.readOn }, timezone) === period);
    quarantined = ours.map(({ id, batchId, lineNo, reason }) => ({ id, batchId, lineNo, reason }));
    const byKey = new Map(ours.map((q) => [q.dedupKey, q.id]));
    const ofEvents = store.db
      .select({ batchId: ingestDuplicates.batchId, lineNo: ingestDuplicates.lineNo, eventId: usageEvents.id })
      .from(ingestDuplicates)
      .innerJoin(usageEvents, eq(usageEvents.idemKey, ingestDuplicates.idemKey))
      .where(inWindow)
      .orderBy(ingestDuplicates.id)
      .all()
      .map((d) => ({ ...d, quarantineId: null }));
    const keys = [...byKey.keys()];
    const ofQuarantine: AssuranceDuplicate[] = [];
    for (let i = 0; i < keys.length; i += ID_SLICE)
      for (const d of store.db
        .select({ batchId: ingestDuplicates.batchId, lineNo: ingestDuplicates.lineNo, idemKey: ingestDuplicates.idemKey })
        .from(ingestDuplicates)
        .where(inArray(ingestDuplicates.idemKey, keys.slice(i, i + ID_SLICE)))
        .all())
        ofQuarantine.push({ batchId: d.batchId, lineNo: d.lineNo, eventId: null, quarantineId: byKey.get(d.idemKey)! });
    duplicates = [...ofEvents, ...ofQuarantine];
  }

  const lines = store.db
    .select({ subscriptionId: subscriptions.id, accountId: subscriptions.accountId, msisdn: subscriptions.msisdn, startDate: subscriptions.startDate, endDate: subscriptions.endDate })
    .from(subscriptions)
    .innerJoin(accounts, eq(accounts.id, subscriptions.accountId))
    .where(eq(accounts.tenant, tenant))
    .all();

  const docs = periodInvoices(store, tenant, [period]);
  const neighbours = periodInvoices(store, tenant, [addMonths(period, -1), addMonths(period, 1)]).filter((i) => i.kind === 'invoice' && i.status !== 'void');
  const elsewhere = new Map<number, { invoiceId: number; number: string | null; period: string }>();
  for (const inv of neighbours) for (const e of inv.events) elsewhere.set(e.id, { invoiceId: inv.id, number: inv.number, period: inv.period });

  const ids = docs.map((d) => d.id);
  const ledger: AssuranceLedgerRow[] = bySlices(ids, (slice) =>
    store.db
      .select({
        invoiceId: allowanceLedger.invoiceId,
        subscriptionId: allowanceLedger.subscriptionId,
        allowanceId: allowanceLedger.allowanceId,
        service: allowanceLedger.service,
        granted: allowanceLedger.granted,
        carriedIn: allowanceLedger.carriedIn,
        used: allowanceLedger.used,
      })
      .from(allowanceLedger)
      .where(inArray(allowanceLedger.invoiceId, slice))
      .all(),
  );
  const allocations: AssuranceAllocation[] = bySlices(ids, (slice) =>
    store.db
      .select({ id: paymentAllocations.id, invoiceId: paymentAllocations.invoiceId, kind: paymentAllocations.kind, amount: paymentAllocations.amount, currency: paymentAllocations.currency })
      .from(paymentAllocations)
      .where(and(eq(paymentAllocations.tenant, tenant), inArray(paymentAllocations.invoiceId, slice)))
      .all(),
  );
  return { tenant, period, timezone, window, events, quarantined, duplicates, lines, invoices: docs, elsewhere, ledger, allocations };
}
