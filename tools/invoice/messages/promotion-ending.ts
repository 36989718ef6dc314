import type { Customer, Subscription } from '../../catalog/account.types.ts';
import type { Catalog } from '../../catalog/catalog.types.ts';
import { eligiblePromotions, periodNumber } from '../../charging/apply-promotions.ts';
import type { BillingPeriod } from '../../charging/charging.types.ts';
import { addMonths } from '../../time/index.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import type { InvoiceMessage, MessageLine } from './message.types.ts';

/**
 * Promotions ending: for each line, the promotions it got this period (eligible on the plan it
 * ends the period on) that run for a limited number of periods and whose last period is this one
 * or the next, with the last day they apply. A line that has ended gets none.
 */
export function promotionEndingMessages(input: {
  catalog: Catalog;
  customer: Customer;
  subscriptions: readonly Subscription[];
  lines: readonly MessageLine[];
  period: BillingPeriod;
  cycleDay: number;
  lastDayOf: (period: string) => string;
}): InvoiceMessage[] {
  const out: InvoiceMessage[] = [];
  for (const line of input.lines) {
    const sub = input.subscriptions.find((s) => s.id === line.subscriptionId);
    if (!sub || (sub.endDate !== null && sub.endDate <= input.period.to)) continue;
    const planId = [...sub.plans].reverse().find((p) => p.from < input.period.to)?.planId ?? sub.plans[0]!.planId;
    const n = periodNumber(sub, input.period, input.cycleDay);
    for (const promo of eligiblePromotions(input.catalog, input.customer, sub, planId, input.period, input.cycleDay)) {
      if (promo.periods === undefined) continue;
      const left = promo.periods - n;
      if (left < 0 || left > MESSAGE_THRESHOLDS.promotionEndingWithin) continue;
      const last = addMonths(input.period.label, left);
      out.push({
        kind: 'promotion_ending',
        line,
        promotionId: promo.id,
        promotionName: promo.name,
        figures: {
          periodsLeft: { value: String(left), unit: 'periods', source: `promotion ${promo.id} runs ${promo.periods} periods; this is the line's period ${n}` },
          endsOn: { value: input.lastDayOf(last), unit: 'date', source: `the last day of period ${last}` },
        },
      });
    }
  }
  return out;
}
