import type { ChargeLine, BillingPeriod } from '../charging/charging.types.ts';
import { minorUnits, ZERO } from '../money/index.ts';
import type { TaxResult } from '../tax/tax.types.ts';
import type { Buyer, InvoiceDocument, InvoiceKind, InvoiceLine, Recommendation, Seller, UsageSummaryRow } from './invoice.types.ts';
import { checkInvoiceInvariants } from './check-invoice-invariants.ts';
import type { InvoiceMessage } from './messages/message.types.ts';
import { summariseCostCentres, summarisePhoneLines, type LineParty } from './summarise-phone-lines.ts';

const SECTION_ORDER = ['plans', 'usage', 'one_time', 'promotions', 'discounts', 'adjustments'] as const;

/** The VAT category a line carries in the e-invoice: that of the percentage tax whose base includes it. */
function taxCategoryOf(line: ChargeLine, taxes: TaxResult): InvoiceLine['taxCategory'] {
  const tax = taxes.lines.find((t) => t.kind === 'percentage' && t.lineIds.includes(line.id));
  if (tax) return { code: tax.categoryCode, ratePercent: tax.ratePercent };
  const note = taxes.notes[0];
  return { code: note ? note.categoryCode : 'O', ratePercent: null };
}

/**
 * Puts charges and taxes together into an invoice document (a draft: no number, no issue date),
 * lines in print order, totals summed from the rounded lines, and its invariants checked: the
 * sum of lines is the subtotal, subtotal plus taxes is the total, every amount on the currency's
 * minor unit, no negative total except on a credit note.
 */
export function assembleInvoice(input: {
  kind?: InvoiceKind;
  series: string;
  period: BillingPeriod;
  currency: string;
  language: string;
  seller: Seller;
  buyer: Buyer;
  lines: ChargeLine[];
  taxes: TaxResult;
  usageSummary: UsageSummaryRow[];
  recommendations?: Recommendation[];
  messages?: InvoiceMessage[];
  correcting?: InvoiceDocument['correcting'];
  /** The account's lines, for the label and cost centre each layout prints (absent: none). */
  subscriptions?: readonly LineParty[];
}): InvoiceDocument {
  const decimals = minorUnits(input.currency);
  const order = (l: ChargeLine) => SECTION_ORDER.indexOf(l.section);
  const lines: InvoiceLine[] = [...input.lines]
    .sort((a, b) => order(a) - order(b) || (a.msisdn ?? '').localeCompare(b.msisdn ?? '') || a.servicePeriod.from.localeCompare(b.servicePeriod.from) || a.id.localeCompare(b.id))
    .map((l) => ({ ...l, taxCategory: taxCategoryOf(l, input.taxes) }));
  const subtotal = lines.reduce((s, l) => s.plus(l.amount), ZERO);
  const taxTotal = input.taxes.lines.reduce((s, t) => s.plus(t.amount), ZERO);
  const phoneLines = summarisePhoneLines(lines, input.subscriptions ?? [], input.currency);
  const doc: InvoiceDocument = {
    kind: input.kind ?? 'invoice',
    number: null,
    series: input.series,
    status: 'draft',
    holdReasons: [],
    issueDate: null,
    dueDate: null,
    period: { label: input.period.label, from: input.period.from, to: input.period.to },
    currency: input.currency,
    language: input.language,
    seller: input.seller,
    buyer: input.buyer,
    lines,
    taxes: input.taxes.lines,
    taxNotes: input.taxes.notes,
    usageSummary: input.usageSummary,
    recommendations: input.recommendations ?? [],
    messages: input.messages ?? [],
    subtotal: subtotal.toFixed(decimals),
    taxTotal: taxTotal.toFixed(decimals),
    total: subtotal.plus(taxTotal).toFixed(decimals),
    correcting: input.correcting ?? null,
    phoneLines,
    costCentres: summariseCostCentres(phoneLines, input.currency),
  };
  checkInvoiceInvariants(doc);
  return doc;
}
