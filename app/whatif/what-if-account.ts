import { BillingError } from '../../tools/errors.ts';
import { recommendPlans, whatIf } from '../../tools/charging/index.ts';
import { chargeInputFor } from '../../tools/invoice/bill-account.ts';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { loadBillingInput } from '../../db/load-billing-input.ts';
import type { Store } from '../../db/open-database.ts';
import { getOperatorSettings } from '../../db/settings-store.ts';

/**
 * What each line of an account would have paid in a period on other plans (exact, before tax):
 * every eligible plan, or only the one named. A plan that cannot be compared says why.
 */
export function whatIfAccount(store: Store, accountId: string, period: string, onlyPlan?: string) {
  const input = chargeInputFor(loadBillingInput(store, accountId, period, getOperatorSettings(store).timezone, getBillingSettings(store)));
  // A plan nobody can name matches nothing: say so, with the plans there are, instead of an empty answer.
  if (onlyPlan && !input.catalog.plans.some((p) => p.id === onlyPlan)) {
    throw new BillingError('NOT_FOUND', `no plan ${onlyPlan} in the catalog of ${period}; plans: ${input.catalog.plans.map((p) => p.id).join(', ')}`);
  }
  const scenarios = [];
  for (const sub of input.subscriptions) {
    for (const plan of input.catalog.plans) {
      if (onlyPlan ? plan.id !== onlyPlan : sub.plans.some((p) => p.planId === plan.id)) continue;
      if (!onlyPlan && plan.segments.length && !plan.segments.includes(input.customer.segment)) continue;
      try {
        scenarios.push({ ...whatIf(input, sub.id, plan.id), msisdn: sub.msisdn, note: null as string | null });
      } catch (err) {
        scenarios.push({ subscriptionId: sub.id, msisdn: sub.msisdn, planId: plan.id, planName: plan.name, note: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  // The cheaper plan per line worth suggesting (a saving of at least 1.00), as on the invoice.
  const recommended = onlyPlan ? [] : recommendPlans(input).map((r) => ({ ...r, msisdn: input.subscriptions.find((s) => s.id === r.subscriptionId)?.msisdn ?? null }));
  return { account: accountId, period, currency: input.account.currency, scenarios, recommended, lines: input.subscriptions.map((s) => ({ subscriptionId: s.id, msisdn: s.msisdn })) };
}
