import { BillingError } from '../errors.ts';
import { dec, ZERO } from '../money/index.ts';
import { assembleInvoice } from './assemble-invoice.ts';
import { billAccount, buyerOf, type BillAccountInput } from './bill-account.ts';
import { taxNoteLines } from './tax-note-lines.ts';
import { buildCorrectionLines } from './build-correction.ts';
import { billingPeriod } from '../charging/billing-period.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/**
 * After re-rating, the note that corrects an issued invoice: the period charged again from the
 * same inputs, compared line by line with what the invoice and its earlier notes billed, taxed on
 * the differences alone (per-line fees are not charged again). A credit note when the correction
 * lowers the bill, a debit note when it raises it; null when nothing changed or the changes
 * cancel out to a zero total. The issued invoice
 * itself is never edited.
 */
export function billCorrection(input: BillAccountInput & { original: InvoiceDocument; notes: InvoiceDocument[]; reason: string }): InvoiceDocument | null {
  const { original, settings, account, customer } = input;
  if (!original.number || !original.issueDate) throw new BillingError('CONFLICT', 'only an issued invoice is corrected by a note; a draft or held invoice is billed again');
  const { charge } = billAccount({ ...input, recommend: false });
  const lines = buildCorrectionLines([original.lines, ...input.notes.map((n) => n.lines)], charge.lines, account.currency);
  if (lines.length === 0) return null;
  const period = billingPeriod(input.period, account.billingCycleDay, input.timezone);
  const taxes = taxNoteLines({ currency: account.currency, settings, customer, account, lines, period, taxPacks: input.taxPacks });
  const net = lines.reduce((s, l) => s.plus(l.amount), ZERO).plus(taxes.total);
  // Changes that cancel out owe nothing either way: a 0.00 note would only use up a number. The
  // lines stay unbilled, so a later correction that does change the total carries them too.
  if (dec(net).isZero()) return null;
  const credit = dec(net).lessThanOrEqualTo(0);
  return assembleInvoice({
    kind: credit ? 'credit_note' : 'debit_note',
    series: credit ? settings.creditNoteSeries : settings.debitNoteSeries,
    period,
    currency: account.currency,
    language: account.language,
    seller: settings.seller,
    buyer: buyerOf(customer, account),
    lines: lines.map((l) => ({ ...l, section: 'adjustments' as const })),
    taxes,
    usageSummary: [],
    correcting: { number: original.number, issueDate: original.issueDate, reason: input.reason },
    subscriptions: input.subscriptions,
  });
}
