import type { InvoiceDocument, InvoiceLine } from '../invoice/invoice.types.ts';
import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';
import { versionAt } from '../tax/resolve-rate-version.ts';
import { roundTaxAmount } from '../tax/round-tax-amount.ts';
import type { PercentageRule, PerLineRule, TaxPack } from '../tax/tax-pack.types.ts';
import type { TaxLine } from '../tax/tax.types.ts';
import { finding } from './build-finding.ts';
import type { ComplianceFinding } from './compliance.types.ts';

type Version = { ratePercent?: string; feePerLine?: string; from: string; to: string | null; source: string; checked: string };

const cite = (v: Version) => `${v.source} (checked ${v.checked})`;

function sameDecimal(a: string | null, b: string): boolean {
  return a !== null && /^-?\d+(\.\d+)?$/.test(a) && dec(a).equals(b);
}

/** The rule version in force for the whole of [from, to), or why there is none. */
function versionFor(rule: PercentageRule | PerLineRule, period: { from: string; to: string }): Version | string {
  const found = versionAt(rule, period.from);
  if (!found) return `the pack has no ${rule.taxId} rate for ${period.from}`;
  if (found.version.to !== null && found.version.to < period.to) return `[${period.from}, ${period.to}) crosses the ${rule.taxId} rate change on ${found.version.to}`;
  return found.version;
}

function checkPercentage(doc: InvoiceDocument, pack: TaxPack, rule: PercentageRule, t: TaxLine, i: number): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const field = `taxes[${i}]`;
  const version = versionFor(rule, t.servicePeriod);
  if (typeof version === 'string') return [finding('TAX_RATE_NOT_IN_FORCE', 'error', `${t.taxId}: ${version}`, { field: `${field}.servicePeriod` })];
  const rate = version.ratePercent!;
  if (!sameDecimal(t.ratePercent, rate)) {
    out.push(
      finding('TAX_RATE_MISMATCH', 'error', `${t.taxId} is charged at ${t.ratePercent ?? 'no rate'}% but the ${rule.jurisdiction} rate from ${version.from} is ${rate}%`, {
        field: `${field}.ratePercent`,
        source: cite(version),
      }),
    );
  }
  const decimals = minorUnits(doc.currency);
  let base: Decimal = ZERO;
  let perLineTax: Decimal = ZERO;
  for (const id of t.lineIds) {
    const line = doc.lines.find((l) => l.id === id);
    if (!line) {
      out.push(finding('TAX_LINE_UNKNOWN_LINE', 'error', `${t.taxId} lists line ${id}, which is not on the invoice`, { field: `${field}.lineIds`, lineId: id }));
      continue;
    }
    out.push(...checkCoveredLine(rule, line, rate, field));
    const share = dec(line.amount)
      .times(rule.classShares?.[line.taxClass as keyof typeof rule.classShares] ?? '100')
      .div(100);
    base = base.plus(share);
    perLineTax = perLineTax.plus(roundTaxAmount(share.times(t.ratePercent ?? rate).div(100), decimals, pack.roundingMethod));
  }
  if (!base.equals(t.base)) {
    out.push(finding('TAX_BASE_MISMATCH', 'error', `${t.taxId}: the base is ${t.base} but its lines (times the class shares) add up to ${base.toString()}`, { field: `${field}.base` }));
  }
  // The stated rate and base, so a wrong rate or base is reported once, as itself, and not again as arithmetic.
  const expected =
    pack.rounding === 'per_line'
      ? perLineTax
      : roundTaxAmount(
          dec(t.base)
            .times(t.ratePercent ?? rate)
            .div(100),
          decimals,
          pack.roundingMethod,
        );
  if (!expected.equals(t.amount)) {
    const how = pack.rounding === 'per_line' ? "each line's tax rounded, then summed" : `${t.base} x ${t.ratePercent ?? rate}% rounded once`;
    out.push(
      finding('TAX_AMOUNT_MISMATCH', 'error', `${t.taxId}: the amount is ${t.amount} but ${how} (${pack.roundingMethod}) is ${expected.toFixed(decimals)}`, {
        field: `${field}.amount`,
        source: `pack ${pack.id}: rounding ${pack.rounding}, ${pack.roundingMethod}`,
      }),
    );
  }
  return out;
}

/** A line in a tax's base: a class the rule taxes, and a service date under the same rate as the tax line. */
function checkCoveredLine(rule: PercentageRule, line: InvoiceLine, rate: string, field: string): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  if (!(rule.classes as string[]).includes(line.taxClass)) {
    out.push(finding('TAX_CLASS_NOT_TAXED', 'error', `${rule.taxId} does not tax ${line.taxClass} lines, yet line ${line.id} is in its base`, { field: `${field}.lineIds`, lineId: line.id }));
  }
  const own = versionFor(rule, line.servicePeriod);
  if (typeof own === 'string') out.push(finding('TAX_RATE_NOT_IN_FORCE', 'error', `line ${line.id}: ${own}`, { lineId: line.id, field: 'servicePeriod' }));
  else if (!dec(own.ratePercent!).equals(rate)) {
    out.push(
      finding('TAX_RATE_MISMATCH', 'error', `line ${line.id} is supplied from ${line.servicePeriod.from}, when ${rule.taxId} is ${own.ratePercent}%, but is taxed with the ${rate}% line`, {
        lineId: line.id,
        field: 'servicePeriod',
        source: cite(own),
      }),
    );
  }
  return out;
}

function checkPerLine(doc: InvoiceDocument, rule: PerLineRule, t: TaxLine, i: number): ComplianceFinding[] {
  const field = `taxes[${i}]`;
  // Fees are charged per month at the fee in force on the month's first day; the tax line starts on one.
  const found = versionAt(rule, t.servicePeriod.from);
  if (!found) return [finding('TAX_RATE_NOT_IN_FORCE', 'error', `${t.taxId}: the pack has no fee for ${t.servicePeriod.from}`, { field: `${field}.servicePeriod` })];
  const out: ComplianceFinding[] = [];
  const fee = found.version.feePerLine;
  if (!sameDecimal(t.feePerLine, fee))
    out.push(
      finding('TAX_FEE_MISMATCH', 'error', `${t.taxId} is ${t.feePerLine ?? 'no fee'} per line but the pack's fee from ${found.version.from} is ${fee}`, {
        field: `${field}.feePerLine`,
        source: cite(found.version),
      }),
    );
  const expected = dec(t.feePerLine ?? fee).times(t.base);
  if (!expected.equals(t.amount))
    out.push(
      finding('TAX_AMOUNT_MISMATCH', 'error', `${t.taxId}: ${t.base} line-months x ${t.feePerLine ?? fee} is ${expected.toFixed(minorUnits(doc.currency))}, not ${t.amount}`, {
        field: `${field}.amount`,
      }),
    );
  return out;
}

/**
 * Checks every tax line a pack rule made against the pack: the rule exists with that kind,
 * jurisdiction and category; the rate (or fee) is the one in force for the tax line's and each
 * line's service dates; the lines are of classes it taxes; the base is their sum; the amount is
 * base x rate rounded as the pack rounds. Treatment lines (AE, E, O) are checkTaxTreatments' part.
 */
export function checkTaxRates(doc: InvoiceDocument, pack: TaxPack): ComplianceFinding[] {
  const treatments = new Set([pack.reverseCharge?.taxId, pack.outsideScope?.taxId, pack.exempt?.taxId].filter((id) => id !== undefined));
  const out: ComplianceFinding[] = [];
  doc.taxes.forEach((t, i) => {
    if (t.packId !== pack.id || treatments.has(t.taxId)) return;
    const rule = pack.rules.find((r) => r.taxId === t.taxId);
    if (!rule || rule.kind !== t.kind) {
      out.push(
        finding('TAX_RULE_UNKNOWN', 'error', rule ? `${t.taxId} is a ${rule.kind} tax in pack ${pack.id}, not ${t.kind}` : `pack ${pack.id} has no tax ${t.taxId}`, { field: `taxes[${i}].taxId` }),
      );
      return;
    }
    if (t.jurisdiction !== rule.jurisdiction)
      out.push(finding('TAX_JURISDICTION_MISMATCH', 'error', `${t.taxId} is due to ${rule.jurisdiction}, not ${t.jurisdiction}`, { field: `taxes[${i}].jurisdiction` }));
    const { country, region } = doc.buyer.address;
    if (!rule.countries.includes(country) || (rule.regions !== null && (region === null || !rule.regions.includes(region)))) {
      out.push(
        finding(
          'PLACE_OF_SUPPLY_MISMATCH',
          'warning',
          `${t.taxId} applies to ${rule.countries.join(', ')}${rule.regions ? ` (${rule.regions.join(', ')})` : ''}, but the buyer's address is in ${country}${region ? ` (${region})` : ''}; check the account's tax jurisdiction`,
          { field: 'buyer.address' },
        ),
      );
    }
    if (t.categoryCode !== rule.categoryCode)
      out.push(finding('TAX_CATEGORY_MISMATCH', 'error', `${t.taxId} has category ${rule.categoryCode} in the pack, not ${t.categoryCode}`, { field: `taxes[${i}].categoryCode` }));
    out.push(...(rule.kind === 'percentage' ? checkPercentage(doc, pack, rule, t, i) : checkPerLine(doc, rule, t, i)));
  });
  return out;
}
