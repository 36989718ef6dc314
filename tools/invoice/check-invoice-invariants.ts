import { BillingError } from '../errors.ts';
import { dec, minorUnits, ZERO } from '../money/index.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** Every violated invariant of an invoice document, in words; empty when the document is sound. */
export function invoiceInvariantViolations(doc: InvoiceDocument): string[] {
  const problems: string[] = [];
  const decimals = minorUnits(doc.currency);
  const onUnit = (what: string, v: string) => {
    if (dec(v).decimalPlaces() > decimals) problems.push(`${what} ${v} is not a whole number of ${doc.currency} minor units`);
  };
  doc.lines.forEach((l) => onUnit(`line ${l.id}`, l.amount));
  doc.taxes.forEach((t) => onUnit(`tax ${t.taxId}`, t.amount));
  onUnit('subtotal', doc.subtotal);
  onUnit('tax total', doc.taxTotal);
  onUnit('total', doc.total);
  const lines = doc.lines.reduce((s, l) => s.plus(l.amount), ZERO);
  if (!lines.equals(doc.subtotal)) problems.push(`lines add up to ${lines.toString()} but the subtotal is ${doc.subtotal}`);
  const taxes = doc.taxes.reduce((s, t) => s.plus(t.amount), ZERO);
  if (!taxes.equals(doc.taxTotal)) problems.push(`taxes add up to ${taxes.toString()} but the tax total is ${doc.taxTotal}`);
  if (!dec(doc.subtotal).plus(doc.taxTotal).equals(doc.total)) problems.push(`subtotal ${doc.subtotal} + taxes ${doc.taxTotal} is not the total ${doc.total}`);
  // The layouts' per-line and per-cost-centre tables must add up to the same subtotal (when the document has them).
  for (const [what, rows] of [
    ['phone lines', doc.phoneLines],
    ['cost centres', doc.costCentres],
  ] as const) {
    const sum = rows.reduce((s, r) => s.plus(r.amount), ZERO);
    if (rows.length > 0 && !sum.equals(doc.subtotal)) problems.push(`${what} add up to ${sum.toString()} but the subtotal is ${doc.subtotal}`);
  }
  if (doc.kind !== 'credit_note' && dec(doc.total).isNegative()) problems.push(`a ${doc.kind.replace('_', ' ')} cannot have a negative total (${doc.total}); issue a credit note`);
  if (doc.kind === 'credit_note' && dec(doc.total).isPositive() && !dec(doc.total).isZero()) problems.push(`a credit note must not have a positive total (${doc.total})`);
  if (doc.status !== 'draft' && doc.status !== 'held' && !doc.number) problems.push(`an ${doc.status} invoice needs a number`);
  return problems;
}

/** Throws INTERNAL when an invoice breaks an invariant: a defect, never something to print. */
export function checkInvoiceInvariants(doc: InvoiceDocument): void {
  const problems = invoiceInvariantViolations(doc);
  if (problems.length) throw new BillingError('INTERNAL', `invoice invariants broken: ${problems.join('; ')}`, { problems });
}
