import { versionAt } from './resolve-rate-version.ts';
import type { TaxPack, TaxRule } from './tax-pack.types.ts';

/**
 * The pack as it stands on one day, for every day: each rule keeps only the version in force on
 * `date`, stretched over all time (a rule with no rate that day is left out). A preview bills a past
 * period with it to show what a version's rules would have done to that period's bills.
 */
export function projectTaxPack(pack: TaxPack, date: string): TaxPack {
  const rules: TaxRule[] = [];
  for (const rule of pack.rules) {
    const found = versionAt(rule, date);
    if (found) rules.push({ ...rule, versions: [{ ...found.version, from: '1900-01-01', to: null }] } as TaxRule);
  }
  return { ...pack, rules };
}
