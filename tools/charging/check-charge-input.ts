import { BillingError } from '../errors.ts';
import type { ChargeInput } from './charging.types.ts';

/**
 * Refuses charging input that would produce a wrong invoice rather than a clear error: an account
 * billed in another currency than its catalog, a line on a plan or with an order the catalog does
 * not have, a line of another account.
 */
export function checkChargeInput(input: ChargeInput): void {
  const { catalog, account } = input;
  if (account.currency !== catalog.currency) {
    throw new BillingError('INVALID_INPUT', `account ${account.id} is billed in ${account.currency} but catalog ${catalog.id} prices in ${catalog.currency}`);
  }
  if (account.customerId !== input.customer.id) throw new BillingError('INVALID_INPUT', `account ${account.id} does not belong to customer ${input.customer.id}`);
  const plans = new Set(catalog.plans.map((p) => p.id));
  const charges = new Set(catalog.oneTimeCharges.map((c) => c.id));
  for (const sub of input.subscriptions) {
    if (sub.accountId !== account.id) throw new BillingError('INVALID_INPUT', `subscription ${sub.id} belongs to account ${sub.accountId}, not ${account.id}`);
    for (const p of sub.plans) {
      if (!plans.has(p.planId)) throw new BillingError('NOT_FOUND', `subscription ${sub.id} is on plan ${p.planId}, which catalog ${catalog.id} does not have`);
    }
    for (const o of sub.orders) {
      if (!charges.has(o.chargeId)) throw new BillingError('NOT_FOUND', `subscription ${sub.id} orders ${o.chargeId}, which catalog ${catalog.id} does not have`);
    }
  }
  for (const d of account.discounts) {
    if (!catalog.discounts.some((x) => x.id === d)) throw new BillingError('NOT_FOUND', `account ${account.id} has discount ${d}, which catalog ${catalog.id} does not have`);
  }
}
