import type { Customer, Subscription } from '../catalog/account.types.ts';
import type { Catalog, Promotion } from '../catalog/catalog.types.ts';
import { allocate, dec, minorUnits, roundDecimal, ZERO } from '../money/index.ts';
import { isoWeekday, localDate, monthsBetween } from '../time/index.ts';
import { periodLabelOf } from './billing-period.ts';
import type { BillingPeriod, ChargeLine } from './charging.types.ts';

/** The subscription's billing period number: 1 for the period it started in. */
export function periodNumber(sub: Subscription, period: BillingPeriod, cycleDay: number): number {
  return monthsBetween(periodLabelOf(sub.plans[0]!.from, cycleDay), period.label) + 1;
}

/** Promotions a line on `planId` gets in this period: eligible by segment, plan, start date and the first-N-periods limit. */
export function eligiblePromotions(catalog: Catalog, customer: Customer, sub: Subscription, planId: string, period: BillingPeriod, cycleDay: number): Promotion[] {
  const start = sub.plans[0]!.from;
  const n = periodNumber(sub, period, cycleDay);
  return catalog.promotions.filter((p) => {
    const e = p.eligibility;
    if (e.segments.length && !e.segments.includes(customer.segment)) return false;
    if (e.plans.length && !e.plans.includes(planId)) return false;
    if (e.subscribedFrom && start < e.subscribedFrom) return false;
    if (e.subscribedTo && start > e.subscribedTo) return false;
    return p.periods === undefined || n <= p.periods;
  });
}

function creditLine(promo: Promotion, target: ChargeLine, amount: string, calculation: string): ChargeLine {
  return {
    ...target,
    id: `promo:${promo.id}:${target.id}`,
    section: 'promotions',
    description: `${promo.name} (on ${target.description.charAt(0).toLowerCase()}${target.description.slice(1)})`,
    quantity: '1',
    unitCode: 'C62',
    unit: 'item',
    unitPrice: amount,
    amount,
    provenance: { catalogItems: [`promotion:${promo.id}`], usageEvents: target.provenance.usageEvents, tariffRows: [], calculation },
  };
}

/**
 * Promotion credits on a line's charges after allowances: a percentage or a fixed amount off the
 * recurring fee (the fixed amount spread over the fee's lines, never beyond them), free on-net
 * calls, free weekend calls (the weekend events' charges, by local date). Bonus data is granted
 * with the allowances instead.
 */
export function applyPromotions(input: {
  catalog: Catalog;
  customer: Customer;
  subs: Subscription[];
  period: BillingPeriod;
  cycleDay: number;
  timezone: string;
  currency: string;
  lines: ChargeLine[];
  planOfLine: (line: ChargeLine) => string;
  startTimeOf: (eventId: number) => number;
}): ChargeLine[] {
  const decimals = minorUnits(input.currency);
  const out: ChargeLine[] = [];
  for (const sub of input.subs) {
    const own = input.lines.filter((l) => l.subscriptionId === sub.id);
    const byPromo = new Map<string, { promo: Promotion; lines: ChargeLine[] }>();
    for (const line of own) {
      for (const promo of eligiblePromotions(input.catalog, input.customer, sub, input.planOfLine(line), input.period, input.cycleDay)) {
        const entry = byPromo.get(promo.id) ?? { promo, lines: [] };
        entry.lines.push(line);
        byPromo.set(promo.id, entry);
      }
    }
    for (const { promo, lines } of byPromo.values()) {
      const fees = lines.filter((l) => l.section === 'plans' && dec(l.amount).greaterThan(0));
      if (promo.kind === 'percent_off_recurring') {
        for (const l of fees) {
          const off = roundDecimal(dec(l.amount).times(promo.percent).div(100), decimals, 'middle');
          if (!off.isZero()) out.push(creditLine(promo, l, off.negated().toFixed(decimals), `${promo.percent}% of ${l.amount}, rounded half-up`));
        }
      } else if (promo.kind === 'fixed_off_recurring') {
        const total = fees.reduce((s, l) => s.plus(l.amount), ZERO);
        const off = dec(promo.amount).lessThan(total) ? roundDecimal(promo.amount, decimals, 'middle') : total;
        if (off.isZero()) continue;
        const parts = allocate(
          off,
          fees.map((l) => l.amount),
          decimals,
        );
        fees.forEach((l, i) => out.push(creditLine(promo, l, parts[i]!.negated().toFixed(decimals), `${promo.amount} off the monthly fee (at most the fee), spread over its lines by amount`)));
      } else if (promo.kind === 'free_on_net_calls') {
        for (const l of lines) {
          if (l.section === 'usage' && l.id.includes(':voice:on_net:') && dec(l.amount).greaterThan(0)) {
            out.push(creditLine(promo, l, dec(l.amount).negated().toFixed(decimals), `the whole ${l.amount} of on-net calls`));
          }
        }
      } else if (promo.kind === 'free_weekend_calls') {
        for (const l of lines) {
          if (l.section !== 'usage' || !l.id.includes(':voice:')) continue;
          const weekend = l.provenance.usageEvents.filter((e) => isoWeekday(localDate(input.startTimeOf(e.id), input.timezone)) >= 6);
          const sum = roundDecimal(
            weekend.reduce((s, e) => s.plus(e.charged), ZERO),
            decimals,
            'middle',
          );
          if (sum.greaterThan(0)) {
            out.push({
              ...creditLine(promo, l, sum.negated().toFixed(decimals), `charges of ${weekend.length} weekend calls = ${sum.toFixed(decimals)}`),
              provenance: {
                catalogItems: [`promotion:${promo.id}`],
                usageEvents: weekend,
                tariffRows: [],
                calculation: `charges of ${weekend.length} calls started on a Saturday or Sunday (local time), rounded half-up`,
              },
            });
          }
        }
      }
    }
  }
  return out;
}
