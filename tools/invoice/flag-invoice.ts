import { measureBillJump } from './measure-bill-jump.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** What the bill run knows beyond the invoice itself. */
export interface FlagContext {
  /** Totals of the account's last issued invoices, newest first. */
  previousTotals: string[];
  /** Usage events of the account's lines in the period that are not rated (unrated, unclassified, failed). */
  unratedEvents: number;
  /** Events of the account's numbers in the period that fell outside every line. */
  unattachedEvents: number;
}

/** Thresholds a billing team tunes; the defaults are conservative. */
export interface FlagRules {
  /** Hold when the total exceeds this multiple of the recent average… */
  billShockFactor: string;
  /** …and is at least this much above it (so tiny bills do not trip it). */
  billShockMinIncrease: string;
}

export const DEFAULT_FLAG_RULES: FlagRules = { billShockFactor: '2', billShockMinIncrease: '20' };

/**
 * Reasons to hold an invoice for a person before it is issued: usage that could not be priced or
 * attached to a line (the bill would be incomplete), and bill shock against the account's recent
 * history. Deterministic: the same invoice and context give the same flags.
 */
export function flagInvoice(doc: InvoiceDocument, ctx: FlagContext, rules: FlagRules = DEFAULT_FLAG_RULES): Array<{ code: string; message: string }> {
  const flags: Array<{ code: string; message: string }> = [];
  if (ctx.unratedEvents > 0) {
    flags.push({ code: 'UNRATED_USAGE', message: `${ctx.unratedEvents} usage events of this account in the period are not rated (unclassified or rating failed); the bill would be incomplete` });
  }
  if (ctx.unattachedEvents > 0) {
    flags.push({ code: 'UNATTACHED_USAGE', message: `${ctx.unattachedEvents} usage events of this account's numbers fall outside the lines' active dates` });
  }
  const recent = ctx.previousTotals.slice(0, 3);
  const shock = measureBillJump(doc.total, recent, { factor: rules.billShockFactor, minIncrease: rules.billShockMinIncrease });
  if (shock.jump && shock.average) {
    flags.push({ code: 'BILL_SHOCK', message: `total ${doc.total} ${doc.currency} is more than ${rules.billShockFactor}x the average of the last ${recent.length} invoices (${shock.average.toDecimalPlaces(2).toString()})` });
  }
  return flags;
}
