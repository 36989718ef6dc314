import { BillingError } from '../errors.ts';
import type { TaxPack, TaxRule } from './tax-pack.types.ts';

/** A rule's version with its position, so tax lines can be grouped and ordered by it. */
export interface ResolvedVersion<V> {
  version: V;
  index: number;
}

type VersionOf<R extends TaxRule> = R['versions'][number];

/** The version of a rule in force on a date, or undefined when the pack knows no rate for that day. */
export function versionAt<R extends TaxRule>(rule: R, date: string): ResolvedVersion<VersionOf<R>> | undefined {
  const index = rule.versions.findIndex((v) => v.from <= date && (v.to === null || date < v.to));
  return index < 0 ? undefined : { version: rule.versions[index] as VersionOf<R>, index };
}

/**
 * The one version in force for the whole of [from, to). A period that a rate change crosses is
 * the caller's error (charging splits lines there; see findRateChanges); a day the pack has no
 * rate for is the pack's.
 */
export function versionForPeriod<R extends TaxRule>(pack: TaxPack, rule: R, period: { from: string; to: string }, what: string): ResolvedVersion<VersionOf<R>> {
  const found = versionAt(rule, period.from);
  if (!found) throw noRate(pack, rule, period.from);
  const end = found.version.to;
  if (end !== null && end < period.to) {
    const next = rule.versions[found.index + 1];
    if (!next) throw noRate(pack, rule, end);
    throw new BillingError(
      'INVALID_INPUT',
      `${what} [${period.from}, ${period.to}) crosses the ${rule.taxId} rate change on ${end} ` + `(${describe(found.version)} -> ${describe(next)}); charging must split the line at ${end}`,
      { taxId: rule.taxId, changeDate: end },
    );
  }
  return found;
}

/** Version boundaries of a rule strictly inside (from, to): the days its amount changes. */
export function rateChangesWithin(rule: TaxRule, from: string, to: string): string[] {
  const dates: string[] = [];
  for (const v of rule.versions) {
    if (v.from > from && v.from < to) dates.push(v.from);
    // The end of the last version is a change too (to "no rate"), which the caller must not bill past.
    if (v.to !== null && v.to > from && v.to < to) dates.push(v.to);
  }
  return dates;
}

function describe(version: TaxRule['versions'][number]): string {
  return 'ratePercent' in version ? `${version.ratePercent}%` : `${version.feePerLine} per line`;
}

function noRate(pack: TaxPack, rule: TaxRule, date: string): BillingError {
  const first = rule.versions[0]?.from;
  const last = rule.versions[rule.versions.length - 1]?.to;
  const known = last ? `${first} to ${last}` : `from ${first}`;
  return new BillingError('INVALID_CONFIG', `tax pack ${pack.id} has no ${rule.taxId} rate for ${date} (rates known ${known}); the pack must be updated`, { packId: pack.id, taxId: rule.taxId, date });
}
