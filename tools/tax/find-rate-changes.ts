import { BillingError } from '../errors.ts';
import { isCalendarDate } from '../time/index.ts';
import { builtInTaxPacks } from './parse-tax-pack.ts';
import { rateChangesWithin } from './resolve-rate-version.ts';
import { rulesForCustomer, selectTaxPack } from './select-tax-pack.ts';
import type { TaxPack } from './tax-pack.types.ts';
import type { TaxCustomer } from './tax.types.ts';

/**
 * The days strictly inside [from, to) on which a percentage tax that applies to this customer
 * changes, sorted; charging splits its lines there so no line crosses a change. Per-line fees are
 * left out (they are charged per month, never per line), and so are reverse-charged and
 * out-of-scope customers, whom no rate applies to.
 */
export function findRateChanges(customer: TaxCustomer, sellerCountry: string, from: string, to: string, packs: readonly TaxPack[] = builtInTaxPacks()): string[] {
  for (const date of [from, to]) {
    if (!isCalendarDate(date)) throw new BillingError('INVALID_INPUT', `${date} is not a calendar date (YYYY-MM-DD)`);
  }
  if (to < from) throw new BillingError('INVALID_INPUT', `[${from}, ${to}) is not a period (from must not be after to)`);

  const { pack, treatment } = selectTaxPack(customer, sellerCountry, packs);
  if (treatment !== 'charge') return [];
  const dates = new Set<string>();
  for (const { rule } of rulesForCustomer(pack, customer)) {
    if (rule.kind !== 'percentage') continue;
    for (const date of rateChangesWithin(rule, from, to)) dates.add(date);
  }
  return [...dates].sort();
}
