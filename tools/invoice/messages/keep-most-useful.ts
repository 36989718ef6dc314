import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import type { InvoiceMessage } from './message.types.ts';

// Which kinds are kept first when an invoice would carry more than MESSAGE_THRESHOLDS.maxPerInvoice:
// money the customer could save, then changes in their use, then what is about to end or lapse.
const PRIORITY: Record<InvoiceMessage['kind'], number> = { plan_saving: 0, usage_change: 1, promotion_ending: 2, rollover_left: 3, allowance_expired: 4 };

/** The messages an invoice prints: the most useful kinds first, at most `max`; within a kind, the order its rule gave (by line). */
export function keepMostUseful(messages: readonly InvoiceMessage[], max: number = MESSAGE_THRESHOLDS.maxPerInvoice): InvoiceMessage[] {
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => PRIORITY[a.m.kind] - PRIORITY[b.m.kind] || a.i - b.i)
    .slice(0, max)
    .map((x) => x.m);
}
