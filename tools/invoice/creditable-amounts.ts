import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** What is left to credit on one charge line of an issued invoice, in net amounts. */
export interface CreditableLine {
  /** The line's list amount as printed. */
  listed: string;
  /** What the line charged after its promotions and discounts, and after re-rating corrections. */
  charged: string;
  /** Waivers and credits already given against it (a positive amount). */
  credited: string;
  /** charged - credited: the most a waiver or credit may still give; never below zero. */
  left: string;
}

/** What is left to credit on an invoice: per charge line, and for the invoice as a whole. */
export interface CreditableAmounts {
  lines: Map<string, CreditableLine>;
  /** The invoice's net subtotal after every note against it (credits lower it, debits raise it); never below zero. */
  invoiceLeft: string;
}

/**
 * The original line a line of the invoice or of a note against it belongs to: promotions and
 * discounts name their target (`promo:ID:line`, `disc:ID:line`), re-rating corrections the line
 * they correct (`corr:line`), waivers and credits the line they credit (`adj:REF:line`).
 */
export function baseLineId(id: string): string {
  let rest = id;
  for (;;) {
    if (rest.startsWith('corr:')) rest = rest.slice(5);
    else if (/^(adj|promo|disc):[^:]+:/.test(rest)) rest = rest.slice(rest.indexOf(':', rest.indexOf(':') + 1) + 1);
    else return rest;
  }
}

/**
 * What a waiver or credit may still give on an issued invoice, given the notes issued against it
 * (void notes count for nothing): a line credits what it charged net of its discounts and earlier
 * credits, and the invoice never more than its net subtotal after its notes. So a waiver of a
 * discounted fee credits the discounted amount, and no credit note exceeds what is left to credit.
 */
export function creditableAmounts(original: InvoiceDocument, notes: ReadonlyArray<InvoiceDocument>): CreditableAmounts {
  const decimals = minorUnits(original.currency);
  const live = notes.filter((n) => n.status !== 'void');
  const charged = new Map<string, Decimal>();
  const credited = new Map<string, Decimal>();
  const add = (m: Map<string, Decimal>, k: string, v: Decimal) => m.set(k, (m.get(k) ?? ZERO).plus(v));
  for (const doc of [original, ...live]) {
    for (const l of doc.lines) {
      if (l.id.startsWith('adj:')) add(credited, baseLineId(l.id), dec(l.amount).negated());
      else add(charged, baseLineId(l.id), dec(l.amount));
    }
  }
  const lines = new Map<string, CreditableLine>();
  for (const l of original.lines) {
    if (baseLineId(l.id) !== l.id || !dec(l.amount).greaterThan(0)) continue;
    const c = charged.get(l.id) ?? ZERO;
    const given = credited.get(l.id) ?? ZERO;
    const left = c.minus(given);
    lines.set(l.id, { listed: l.amount, charged: c.toFixed(decimals), credited: given.toFixed(decimals), left: (left.isNegative() ? ZERO : left).toFixed(decimals) });
  }
  const net = live.reduce((s, n) => s.plus(n.subtotal), dec(original.subtotal));
  return { lines, invoiceLeft: (net.isNegative() ? ZERO : net).toFixed(decimals) };
}
