import { invoiceInvariantViolations } from '../invoice/check-invoice-invariants.ts';
import type { InvoiceDocument } from '../invoice/invoice.types.ts';
import { dec, ZERO } from '../money/index.ts';
import type { TaxLine } from '../tax/tax.types.ts';
import { invoiceExplanationSchema, type InvoiceArithmetic, type InvoiceExplanation, type TaxLineExplanation } from './audit.types.ts';
import { buildLineExplanation } from './explain-invoice-line.ts';
import { explainSettlement } from './explain-settlement.ts';
import { formatAmount } from './format-amount.ts';

const DEFAULT_MAX_EVENTS = 5;

const TREATMENTS: Record<string, string> = {
  AE: 'reverse charge: the customer accounts for the VAT',
  E: 'exempt',
  O: 'outside the scope of the tax',
};

/** The tax line's arithmetic in words, from its own numbers (the pack's rounding is checked by compliance). */
function taxCalculation(t: TaxLine): string {
  if (t.kind === 'per_line') return `${t.feePerLine ?? '?'} per line x ${t.base} line-months = ${t.amount}`;
  const treatment = TREATMENTS[t.categoryCode];
  if (treatment && dec(t.amount).isZero()) return `no tax charged on ${t.base} (${treatment})`;
  if (t.ratePercent === null) return `${t.amount} on ${t.base}`;
  const exact = dec(t.base).times(t.ratePercent).div(100);
  return `${t.ratePercent}% of ${t.base} = ${exact.toString()}, charged ${t.amount}`;
}

function explainTax(t: TaxLine): TaxLineExplanation {
  return { ...structuredClone(t), calculation: taxCalculation(t) };
}

/** Whether the document adds up, with the sums recomputed in exact decimals. */
function arithmeticOf(doc: InvoiceDocument): InvoiceArithmetic {
  const lines = doc.lines.reduce((s, l) => s.plus(l.amount), ZERO);
  const taxes = doc.taxes.reduce((s, t) => s.plus(t.amount), ZERO);
  const both = dec(doc.subtotal).plus(doc.taxTotal);
  return {
    linesSum: formatAmount(lines, doc.currency),
    linesMatchSubtotal: lines.equals(doc.subtotal),
    taxesSum: formatAmount(taxes, doc.currency),
    taxesMatchTaxTotal: taxes.equals(doc.taxTotal),
    subtotalPlusTaxes: formatAmount(both, doc.currency),
    totalMatches: both.equals(doc.total),
    violations: invoiceInvariantViolations(doc),
  };
}

/**
 * Explains an invoice document: its header, every line with its calculation, catalog items,
 * tariff rows and top usage events, every tax line with its arithmetic, and whether it adds up;
 * given the notes issued against it, also where it stands (notes, paid, still open, credit).
 */
export function explainInvoice(doc: InvoiceDocument, options: { maxEventsPerLine?: number; settlement?: { notes: ReadonlyArray<InvoiceDocument>; asOf: string } } = {}): InvoiceExplanation {
  const maxEvents = options.maxEventsPerLine ?? DEFAULT_MAX_EVENTS;
  const explanation: InvoiceExplanation = {
    header: {
      number: doc.number,
      kind: doc.kind,
      status: doc.status,
      series: doc.series,
      issueDate: doc.issueDate,
      dueDate: doc.dueDate,
      period: { ...doc.period },
      currency: doc.currency,
      seller: doc.seller.name,
      buyer: { accountId: doc.buyer.accountId, name: doc.buyer.name },
      subtotal: doc.subtotal,
      taxTotal: doc.taxTotal,
      total: doc.total,
      holdReasons: doc.holdReasons.map((h) => ({ ...h })),
      correcting: doc.correcting ? { ...doc.correcting } : null,
    },
    settlement: options.settlement ? explainSettlement(doc, options.settlement.notes, options.settlement.asOf) : null,
    lines: doc.lines.map((l) => buildLineExplanation(l, doc.currency, maxEvents)),
    taxes: doc.taxes.map(explainTax),
    taxNotes: doc.taxNotes.map((n) => ({ ...n })),
    usageSummary: doc.usageSummary.map((r) => ({ ...r })),
    arithmetic: arithmeticOf(doc),
  };
  return invoiceExplanationSchema.parse(explanation);
}
