import { DEFAULT_INVOICE_PREFERENCES, type InvoiceLayout, type InvoicePreferences } from '../../catalog/account.types.ts';
import type { InvoiceDocument } from '../invoice.types.ts';

// Segments that read the detailed layout; any buyer flagged as a business does too.
const BUSINESS_SEGMENTS = new Set(['small_business', 'business', 'enterprise', 'corporate', 'sme', 'wholesale', 'government']);

/** Whether the buyer is a business: flagged as one (segment or VAT id) or in a business segment. */
export function isBusinessBuyer(doc: Pick<InvoiceDocument, 'buyer'>): boolean {
  return doc.buyer.business || BUSINESS_SEGMENTS.has(doc.buyer.segment.toLowerCase());
}

/** How many phone lines the invoice bills (from its per-line summary, else from its lines). */
export function phoneLineCount(doc: Pick<InvoiceDocument, 'phoneLines' | 'lines'>): number {
  if (doc.phoneLines.length > 0) return doc.phoneLines.filter((p) => p.subscriptionId !== null).length;
  return new Set(doc.lines.map((l) => l.subscriptionId).filter((id) => id !== null)).size;
}

/**
 * The layout an invoice prints in: the account's preference when it names one; "auto" goes by the
 * buyer: a business (segment or VAT id) gets the enterprise layout, a consumer with two or more
 * phone lines on the invoice the family layout, any other consumer the consumer layout.
 */
export function chooseInvoiceLayout(doc: Pick<InvoiceDocument, 'buyer' | 'phoneLines' | 'lines'>, preferences: Pick<InvoicePreferences, 'layout'> = DEFAULT_INVOICE_PREFERENCES): InvoiceLayout {
  if (preferences.layout !== 'auto') return preferences.layout;
  if (isBusinessBuyer(doc)) return 'enterprise';
  return phoneLineCount(doc) >= 2 ? 'family' : 'consumer';
}
