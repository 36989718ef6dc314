import { createHash } from 'node:crypto';
import { toBillingError } from '../../tools/errors.ts';
import { billingPeriod } from '../../tools/charging/index.ts';
import { billAccount } from '../../tools/invoice/bill-account.ts';
import { billCorrection } from '../../tools/invoice/bill-correction.ts';
import { createEventRater, type TariffBook } from '../../tools/rating/index.ts';
import { currentRateMultipliers } from '../../db/catalog-store.ts';
import { getAccountBundle, listAccountIds, ratingPartyLookup } from '../../db/account-store.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { usageRowsForNumbers } from '../../db/billing-usage-store.ts';
import { findPeriodInvoice, notesFor, replaceUnissuedInvoice, saveInvoice } from '../../db/invoice-store.ts';
import { loadBillingInput, newBillingCaches } from '../../db/load-billing-input.ts';
import type { Store } from '../../db/open-database.ts';
import { storageError } from '../../db/storage-error.ts';
import { saveRerating, type RerateChange } from '../../db/rerate-store.ts';
import { toRecordAndClassification } from '../../db/usage-store.ts';

/** What a re-rating run did. */
export interface RerateResult {
  period: string;
  runId: string;
  /** Events considered; changed (price, status or tariff version); repriced (the cost itself changed). */
  events: { considered: number; changed: number; repriced: number };
  notes: Array<{ accountId: string; kind: string; number: string | null; total: string; corrects: string }>;
  rebilled: string[];
  failed: Array<{ accountId: string; code: string; message: string }>;
}

/**
 * Re-rates a period after a tariff or catalog correction: every classified event of each account's
 * lines in its period is priced again with the tariff now in effect, each change logged per event;
 * then an issued invoice gets a credit or debit note for the difference (never an edit), and one
 * not yet issued is billed again. Running it twice changes nothing the second time.
 */
export function reratePeriod(store: Store, options: { period: string; timezone: string; tenant: string; book: TariffBook; accountIds?: string[]; issueDate?: string }): RerateResult {
  const settings = getBillingSettings(store);
  const runId = createHash('sha256').update(`${options.period}:${new Date().toISOString()}:${Math.random()}`).digest('hex').slice(0, 16);
  const result: RerateResult = { period: options.period, runId, events: { considered: 0, changed: 0, repriced: 0 }, notes: [], rebilled: [], failed: [] };
  const caches = newBillingCaches();
  const rate = createEventRater(options.book, currentRateMultipliers(store), options.timezone, ratingPartyLookup(store, options.timezone));
  for (const accountId of listAccountIds(store, options.accountIds)) {
    try {
      const bundle = getAccountBundle(store, accountId);
      const period = billingPeriod(options.period, bundle.account.billingCycleDay, options.timezone);
      const numbers = bundle.subscriptions.map((s) => s.msisdn);
      const changes: RerateChange[] = [];
      for (const row of usageRowsForNumbers(store, numbers, period.fromMs, period.toMs)) {
        result.events.considered += 1;
        const { record, classification } = toRecordAndClassification(row);
        const outcome = rate(record, classification, row.tenant || options.tenant);
        const newCost = outcome.status === 'rated' ? outcome.cost : null;
        const newVersion = outcome.status === 'rated' ? outcome.tariffVersionId : null;
        if (outcome.status === row.status && newCost === row.cost && newVersion === row.tariffVersionId) continue;
        if (newCost !== row.cost) result.events.repriced += 1;
        changes.push({ eventId: row.id, accountId, period: options.period, old: { status: row.status, cost: row.cost, tariffVersionId: row.tariffVersionId }, outcome });
      }
      result.events.changed += saveRerating(store, runId, changes);

      const invoice = findPeriodInvoice(store, accountId, options.period);
      if (!invoice) continue;
      const input = loadBillingInput(store, accountId, options.period, options.timezone, settings, caches);
      if (invoice.status === 'draft' || invoice.status === 'held') {
        replaceUnissuedInvoice(store, invoice.id, billAccount(input).doc);
        result.rebilled.push(accountId);
        continue;
      }
      const notes = notesFor(store, invoice.id);
      const note = billCorrection({ ...input, original: invoice.document, notes: notes.map((n) => n.document), reason: `re-rated ${options.period} (run ${runId})` });
      if (!note) continue;
      const saved = saveInvoice(store, {
        accountId,
        doc: note,
        issueDate: options.issueDate ?? new Date().toISOString().slice(0, 10),
        paymentTermsDays: bundle.account.paymentTermsDays,
        ledger: [],
        carries: [],
        correctsInvoiceId: invoice.id,
        correctionKey: `${invoice.id}:${notes.length + 1}`,
      });
      if (saved) result.notes.push({ accountId, kind: saved.kind, number: saved.number, total: saved.total, corrects: invoice.number! });
    } catch (err) {
      // A database that cannot be written (or read) fails the run once, not once per account.
      const unusable = storageError(err, store.path);
      if (unusable) throw unusable;
      const e = toBillingError(err);
      result.failed.push({ accountId, code: e.code, message: e.message });
    }
  }
  return result;
}
