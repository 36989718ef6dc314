import type { Recommendation } from '../invoice/invoice.types.ts';
import { dec, minorUnits, ZERO } from '../money/index.ts';
import { BillingError } from '../errors.ts';
import { chargePeriod } from './charge-period.ts';
import type { ChargeInput, ChargeResult } from './charging.types.ts';

/** Pre-tax total of a charge result. */
function net(r: ChargeResult): string {
  return r.lines.reduce((s, l) => s.plus(l.amount), ZERO).toString();
}

/**
 * Charges the same period again with one line on another plan for the whole period: "you would
 * have paid X on plan Y", exact to the cent, with promotions and discounts applied as they would
 * have been. `charged` is the period as charged, when the caller has it already. Usage keeps its rated cost, so a plan must price usage with the same tariff subject
 * as the line's current plan (otherwise its usage would need re-rating, which this refuses).
 */
export function whatIf(input: ChargeInput, subscriptionId: string, planId: string, charged?: ChargeResult): Recommendation {
  const sub = input.subscriptions.find((s) => s.id === subscriptionId);
  if (!sub) throw new BillingError('NOT_FOUND', `no subscription ${subscriptionId} on account ${input.account.id}`);
  const plan = input.catalog.plans.find((p) => p.id === planId);
  if (!plan) throw new BillingError('NOT_FOUND', `no plan ${planId} in catalog ${input.catalog.id}`);
  const current = [...sub.plans].reverse().find((p) => p.from < input.period.to) ?? sub.plans[0]!;
  const currentPlan = input.catalog.plans.find((p) => p.id === current.planId)!;
  if (currentPlan.ratingSubject !== plan.ratingSubject) {
    throw new BillingError('INVALID_INPUT', `plan ${planId} rates usage as "${plan.ratingSubject}", not "${currentPlan.ratingSubject}": its usage would need re-rating first`);
  }
  const before = charged ?? chargePeriod(input);
  const alternative = { ...sub, plans: [{ planId, from: sub.plans[0]!.from }] };
  const after = chargePeriod({ ...input, subscriptions: input.subscriptions.map((s) => (s.id === subscriptionId ? alternative : s)) });
  const decimals = minorUnits(input.account.currency);
  const currentAmount = dec(net(before));
  const alternativeAmount = dec(net(after));
  return {
    subscriptionId,
    currentPlanId: current.planId,
    planId,
    planName: plan.name,
    currentAmount: currentAmount.toFixed(decimals),
    alternativeAmount: alternativeAmount.toFixed(decimals),
    saving: currentAmount.minus(alternativeAmount).toFixed(decimals),
  };
}

/**
 * The best cheaper plan for each line, from deterministic what-if charging only: eligible plans
 * for the customer's segment that price usage the same way, with a saving of at least `minSaving`.
 * Only plans whose monthly fee is below what the line cost this period are charged (a plan whose
 * fee alone is more than that is not worth suggesting); each figure shown is an exact what-if.
 */
export function recommendPlans(input: ChargeInput, minSaving = '1', charged: ChargeResult = chargePeriod(input)): Recommendation[] {
  const out: Recommendation[] = [];
  for (const sub of input.subscriptions) {
    const lineCost = charged.lines.reduce((s, l) => (l.subscriptionId === sub.id ? s.plus(l.amount) : s), ZERO);
    const candidates = input.catalog.plans.filter((p) => {
      if (p.segments.length && !p.segments.includes(input.customer.segment)) return false;
      if (!dec(p.recurringFee).lessThan(lineCost)) return false;
      return !sub.plans.some((x) => x.planId === p.id);
    });
    let best: Recommendation | null = null;
    for (const plan of candidates) {
      let r: Recommendation;
      try {
        r = whatIf(input, sub.id, plan.id, charged);
      } catch {
        continue;
      }
      if (dec(r.saving).greaterThanOrEqualTo(minSaving) && (!best || dec(r.saving).greaterThan(best.saving))) best = r;
    }
    if (best) out.push(best);
  }
  return out;
}
