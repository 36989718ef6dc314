import { dec } from '../money/index.ts';
import { measureBillJump } from './measure-bill-jump.ts';
import type { PlanUsual } from './measure-plan-usual.ts';
import type { InvoiceDocument } from './invoice.types.ts';

/** What the bill run knows beyond the invoice itself. */
export interface FlagContext {
  /** Totals of the account's last issued invoices, newest first. */
  previousTotals: string[];
  /** Usage events of the account's lines in the period that are not rated (unrated, unclassified, failed). */
  unratedEvents: number;
  /** Events of the account's numbers in the period that fell outside every line. */
  unattachedEvents: number;
  /** What comparable single-line accounts on the same plans pay (the bill run's peers); null or absent when unknown. */
  planUsual?: PlanUsual | null;
}

/** Thresholds a billing team tunes; the defaults are conservative. */
export interface FlagRules {
  /** Hold when the total exceeds this multiple of the recent average… */
  billShockFactor: string;
  /** …and is at least this much above it (so tiny bills do not trip it). */
  billShockMinIncrease: string;
  /** Without history: hold when the total exceeds this multiple of what the plans usually cost… */
  planShockFactor: string;
  /** …and is at least this much above it (a first bill carries activation fees and devices). */
  planShockMinIncrease: string;
}

export const DEFAULT_FLAG_RULES: FlagRules = { billShockFactor: '2', billShockMinIncrease: '20', planShockFactor: '10', planShockMinIncrease: '100' };

/**
 * Reasons to hold an invoice for a person before it is issued: usage that could not be priced or
 * attached to a line (the bill would be incomplete), bill shock against the account's recent
 * history, and, for an account with none, against what comparable lines on its plans pay. Deterministic: the same invoice and context give the same flags.
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
    flags.push({
      code: 'BILL_SHOCK',
      message: `total ${doc.total} ${doc.currency} is more than ${rules.billShockFactor}x the average of the last ${recent.length} invoices (${shock.average.toDecimalPlaces(2).toString()})`,
    });
  }
  // An account's own history says more than its plan's; without any, the plan's peers are the usual.
  const usual = recent.length === 0 ? ctx.planUsual : null;
  if (usual && measureBillJump(doc.total, [usual.total], { factor: rules.planShockFactor, minIncrease: rules.planShockMinIncrease }).jump) {
    flags.push({
      code: 'PLAN_BILL_SHOCK',
      message: `first invoice total ${doc.total} ${doc.currency} is more than ${rules.planShockFactor}x what single-line accounts on ${usual.planIds.join(', ')} usually pay (${dec(usual.total).toDecimalPlaces(2).toString()}, the median of at least ${usual.invoices} invoices)`,
    });
  }
  return flags;
}
