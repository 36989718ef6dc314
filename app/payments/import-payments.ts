import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Store } from '../../db/open-database.ts';
import { createPaymentImport, finishPaymentImport, insertPayment, paymentByKey, paymentByOriginalRef, type NewPayment } from '../../db/payment-ledger-store.ts';
import { dec, minorUnits } from '../../tools/money/index.ts';
import { IMPORT_FORMATS, matchPayment, parsePaymentFile, type ImportFormat, type PaymentSource, type StatementEntry } from '../../tools/payments/index.ts';
import { scanPaymentFraud } from '../payments-fraud/scan-payment-fraud.ts';
import { defineOperation } from '../operation.ts';
import { importResultSchema, type ImportResult } from './payment-view.ts';
import { loadMatchingBook, recordReturn, recordSettlement } from './settle-entries.ts';

/** The largest file accepted through the operation (a month's statement of a large operator fits many times over). */
export const MAX_PAYMENT_FILE = 20 * 1024 * 1024;

function rowOf(tenant: string, source: PaymentSource, importId: number, e: StatementEntry, now: string): NewPayment {
  return {
    tenant,
    source,
    importId,
    entryNo: e.entryNo,
    entryKey: e.entryKey,
    kind: e.kind,
    state: 'unmatched',
    bookingDate: e.bookingDate,
    valueDate: e.valueDate,
    amount: e.amount,
    currency: e.currency,
    payerName: e.payerName,
    payerIban: e.payerIban,
    payerToken: e.payerToken,
    creditorReference: e.creditorReference,
    remittance: e.remittance,
    endToEndId: e.endToEndId,
    returnReason: e.returnReason,
    unallocated: e.amount,
    createdAt: now,
  };
}

/**
 * Imports a payments file (camt.053, camt.054 or processor CSV) in one transaction: each entry is
 * stored once and ends in exactly one state. An entry whose key was seen before is a duplicate
 * (allocating nothing); a return, reversal or chargeback sends back the payment it names; a
 * payment is matched (RF reference, invoice number, amount and known payer) and allocated, or
 * held unmatched for a person. A file that does not parse is refused whole, before anything is stored.
 */
export function importPayments(store: Store, tenant: string, input: { content: string; format?: ImportFormat; fileName?: string; by: string; today: string }): ImportResult {
  const file = parsePaymentFile(input.content, input.format);
  const hash = createHash('sha256').update(input.content).digest('hex');
  return store.sqlite
    .transaction((): ImportResult => {
      const now = new Date().toISOString();
      const imp = createPaymentImport(store, { tenant, format: file.format, contentHash: hash, fileName: input.fileName ?? null, statements: file.statements, importedBy: input.by, createdAt: now });
      const book = loadMatchingBook(store, tenant);
      const counts = { read: 0, matched: 0, partlyMatched: 0, unmatched: 0, duplicate: 0, returned: 0 };
      const byMethod = { creditor_reference: 0, invoice_number: 0, amount_payer: 0 };
      const paid: string[] = [];
      const reopened: string[] = [];
      const feeNotes: string[] = [];
      const credit: Record<string, ReturnType<typeof dec>> = {};
      for (const e of file.entries) {
        counts.read += 1;
        const base = rowOf(tenant, file.format, imp.id, e, now);
        const seen = paymentByKey(store, tenant, e.entryKey);
        if (seen) {
          insertPayment(store, { ...base, state: 'duplicate', duplicateOf: seen.id, unallocated: '0' });
          counts.duplicate += 1;
          continue;
        }
        const row = insertPayment(store, base);
        if (e.kind === 'return' || e.kind === 'reversal' || e.kind === 'chargeback') {
          const original = e.originalRef ? paymentByOriginalRef(store, tenant, e.originalRef) : undefined;
          // A return of a payment we never saw (or one already sent back) is held for a person.
          if (!original || original.returnedBy !== null || original.id === row.id) {
            counts.unmatched += 1;
            continue;
          }
          const r = recordReturn(store, book, { ...row, returnOf: original.id }, original, input.today);
          reopened.push(...r.reopened);
          if (r.feeNote) feeNotes.push(r.feeNote);
          counts.returned += 1;
          continue;
        }
        // A debit that is no return (a bank fee, a payout) is held for a person.
        const match = e.kind === 'payment' ? matchPayment(e, book) : null;
        if (!match) {
          counts.unmatched += 1;
          continue;
        }
        const r = recordSettlement(store, book, row, match, input.today);
        byMethod[match.method as keyof typeof byMethod] += 1;
        if (r.state === 'matched') counts.matched += 1;
        else counts.partlyMatched += 1;
        for (const a of r.plan.allocations) if (a.settles) paid.push(book.invoices.get(a.invoiceId)?.number ?? String(a.invoiceId));
        if (dec(r.plan.excess).gt(0)) credit[e.currency] = (credit[e.currency] ?? dec(0)).plus(dec(r.plan.excess));
      }
      finishPaymentImport(store, imp.id, counts);
      return {
        importId: imp.id,
        format: file.format,
        repeatOf: imp.repeatOf,
        statements: file.statements,
        ...counts,
        byMethod,
        paid,
        reopened,
        feeNotes,
        credit: Object.fromEntries(Object.entries(credit).map(([c, v]) => [c, v.toFixed(minorUnits(c))])),
      };
    })
    .immediate();
}

/** `payments.import`: imports a bank statement (camt.053), a notification (camt.054) or a processor CSV given as text. */
export const importPaymentFile = defineOperation({
  name: 'payments.import',
  summary: 'Import a payments file',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      content: z.string().min(1).max(MAX_PAYMENT_FILE).describe('the file text (camt.053/camt.054 XML or the processor CSV)'),
      format: z.enum(IMPORT_FORMATS).optional().describe('camt.053, camt.054 or csv (default: read from the content)'),
      fileName: z.string().max(200).optional().describe('the file name, kept with the import'),
    })
    .strict(),
  output: importResultSchema,
  handler: (ctx, { content, format, fileName }) => {
    const imported = importPayments(ctx.store, ctx.tenant, { content, ...(format ? { format } : {}), ...(fileName ? { fileName } : {}), by: ctx.actor.id, today: ctx.clock.today() });
    // After the import's transaction: the detectors read what it stored; a scan again finds the same alerts (keys are unique).
    const scan = scanPaymentFraud(ctx.store, ctx.tenant, { importId: imported.importId, today: ctx.clock.today() });
    return { ...imported, fraudAlerts: scan.alerts };
  },
});
