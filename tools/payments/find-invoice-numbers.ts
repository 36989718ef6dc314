import { distance } from 'fastest-levenshtein';
import { dec } from '../money/index.ts';
import type { OpenInvoice } from './allocate-payment.ts';

/** An invoice number reduced to letters and digits in upper case: INV-000123 and "inv 000123" both read INV000123. */
export function invoiceNumberKey(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Words of the remittance and each word joined to the next ("inv 000l23" -> INV000L23), reduced to letters and digits. */
function candidateTokens(remittance: string): string[] {
  const words = remittance
    .split(/[\s,;/]+/)
    .map(invoiceNumberKey)
    .filter((w) => w.length > 0);
  const out = new Set<string>();
  words.forEach((w, i) => {
    out.add(w);
    if (i + 1 < words.length) out.add(w + words[i + 1]);
  });
  return [...out].filter((t) => t.length >= 4 && /\d/.test(t));
}

/** The invoices of a tenant indexed by their number's key, for reading numbers out of remittance text. */
export interface InvoiceNumberIndex {
  byKey: Map<string, OpenInvoice>;
  /** Keys by length, for the one-typo search (only keys within one character of a token's length can be one edit away). */
  byLength: Map<number, string[]>;
}

/** Builds the index over invoices that have a number. */
export function indexInvoiceNumbers(invoices: readonly OpenInvoice[]): InvoiceNumberIndex {
  const byKey = new Map<string, OpenInvoice>();
  const byLength = new Map<number, string[]>();
  for (const inv of invoices) {
    if (!inv.number) continue;
    const key = invoiceNumberKey(inv.number);
    byKey.set(key, inv);
    byLength.set(key.length, [...(byLength.get(key.length) ?? []), key]);
  }
  return { byKey, byLength };
}

/**
 * The invoices a remittance text names, in the order it names them: exact numbers (case, dashes
 * and spaces ignored) first; failing any, a number one typo away (one letter changed, missing or
 * extra: "INV000l23", "INV00123"), but only when exactly one open invoice is that close, so a
 * typo never picks between two invoices.
 */
export function findInvoiceNumbers(remittance: string | null, index: InvoiceNumberIndex): { invoices: OpenInvoice[]; typo: boolean } {
  if (!remittance) return { invoices: [], typo: false };
  const tokens = candidateTokens(remittance);
  const exact: OpenInvoice[] = [];
  for (const t of tokens) {
    const inv = index.byKey.get(t);
    if (inv && !exact.includes(inv)) exact.push(inv);
  }
  if (exact.length) return { invoices: exact, typo: false };
  const near = new Set<string>();
  for (const t of tokens) {
    if (t.length < 6) continue; // too short for a typo to be told from another number
    for (let len = t.length - 1; len <= t.length + 1; len += 1) {
      for (const key of index.byLength.get(len) ?? []) {
        if (distance(t, key) === 1 && dec(index.byKey.get(key)!.outstanding).gt(0)) near.add(key);
      }
    }
  }
  if (near.size !== 1) return { invoices: [], typo: false };
  return { invoices: [index.byKey.get([...near][0]!)!], typo: true };
}
