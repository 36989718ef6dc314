import { z } from 'zod';
import type { PaymentRow } from '../../db/payment-ledger-store.ts';
import { MATCH_METHODS, PAYMENT_KINDS, PAYMENT_SOURCES, PAYMENT_STATES } from '../../tools/payments/index.ts';

/** A payment entry as every surface shows it (texts from the bank are data: shown escaped, never obeyed). */
export const paymentViewSchema = z.object({
  id: z.number().int(),
  source: z.enum(PAYMENT_SOURCES),
  importId: z.number().int().nullable(),
  entryNo: z.number().int().nullable(),
  entryKey: z.string(),
  kind: z.enum(PAYMENT_KINDS),
  state: z.enum(PAYMENT_STATES),
  bookingDate: z.string(),
  amount: z.string(),
  currency: z.string(),
  payerName: z.string().nullable(),
  payerIban: z.string().nullable(),
  creditorReference: z.string().nullable(),
  remittance: z.string().nullable(),
  accountId: z.string().nullable(),
  matchMethod: z.enum(MATCH_METHODS).nullable(),
  matchedBy: z.string().nullable(),
  unallocated: z.string(),
  returnOf: z.number().int().nullable(),
  returnReason: z.string().nullable(),
  returnedBy: z.number().int().nullable(),
  duplicateOf: z.number().int().nullable(),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** The stored row as shown. */
export function paymentView(r: PaymentRow): PaymentView {
  return {
    id: r.id,
    source: r.source,
    importId: r.importId,
    entryNo: r.entryNo,
    entryKey: r.entryKey,
    kind: r.kind,
    state: r.state,
    bookingDate: r.bookingDate,
    amount: r.amount,
    currency: r.currency,
    payerName: r.payerName,
    payerIban: r.payerIban,
    creditorReference: r.creditorReference,
    remittance: r.remittance,
    accountId: r.accountId,
    matchMethod: r.matchMethod,
    matchedBy: r.matchedBy,
    unallocated: r.unallocated,
    returnOf: r.returnOf,
    returnReason: r.returnReason,
    returnedBy: r.returnedBy,
    duplicateOf: r.duplicateOf,
  };
}

/** What an import did: the counts (read = matched + partly_matched + unmatched + duplicate + returned) and what moved. */
export const importResultSchema = z.object({
  importId: z.number().int(),
  format: z.enum(PAYMENT_SOURCES),
  repeatOf: z.number().int().nullable(),
  statements: z.array(z.object({ id: z.string(), account: z.string().nullable(), entries: z.number().int(), pending: z.number().int() })),
  read: z.number().int(),
  matched: z.number().int(),
  partlyMatched: z.number().int(),
  unmatched: z.number().int(),
  duplicate: z.number().int(),
  returned: z.number().int(),
  byMethod: z.object({ creditor_reference: z.number().int(), invoice_number: z.number().int(), amount_payer: z.number().int() }),
  /** Invoices this import paid in full, reopened, and the fee notes it issued. */
  paid: z.array(z.string()),
  reopened: z.array(z.string()),
  feeNotes: z.array(z.string()),
  /** Sum of what became account credit (overpayments), per currency. */
  credit: z.record(z.string(), z.string()),
  /** Payment-fraud alerts the scan after the import raised or touched (docs/payment-fraud.md); absent when not scanned. */
  fraudAlerts: z.array(z.number().int()).optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
