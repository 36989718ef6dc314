import { BillingError } from '../errors.ts';
import { dec, formatFixed, ZERO, type Decimal } from '../money/index.ts';
import { spanOf } from '../time/index.ts';
import { versionForPeriod } from './resolve-rate-version.ts';
import { roundTaxAmount } from './round-tax-amount.ts';
import type { TaxContext } from './tax-context.types.ts';
import type { PercentageRule, PercentageVersion } from './tax-pack.types.ts';
import type { TaxableLine, TaxLine } from './tax.types.ts';

/** A percentage tax line before formatting, with the rule's place in the pack for ordering. */
export interface RuleTaxLine {
  ruleIndex: number;
  line: TaxLine;
}

interface Group {
  ruleIndex: number;
  rule: PercentageRule;
  version: PercentageVersion;
  versionIndex: number;
  base: Decimal;
  /** Sum of each line's rounded tax (per-line rounding only). */
  roundedSum: Decimal;
  lines: TaxableLine[];
}

/**
 * Applies the percentage rules to the lines of the classes they cover, one tax line per
 * (rule, rate version), rounded per line or per invoice as the pack says. Returns the tax lines
 * and the ids of the lines some rule taxed.
 */
export function computePercentageTaxes(ctx: TaxContext, rules: readonly { rule: PercentageRule; index: number }[]): { taxLines: RuleTaxLine[]; taxedLineIds: Set<string> } {
  const { pack, decimals } = ctx;
  const groups = new Map<string, Group>();
  const taxedLineIds = new Set<string>();

  for (const line of ctx.input.lines) {
    let matches = 0;
    for (const { rule, index } of rules) {
      if (!rule.classes.includes(line.taxClass)) continue;
      const { version, index: versionIndex } = versionForPeriod(pack, rule, line.servicePeriod, `line ${line.id}`);
      const share = rule.classShares?.[line.taxClass] ?? '100';
      const base = dec(line.amount).times(share).div(100);
      const key = `${index}:${versionIndex}`;
      let group = groups.get(key);
      if (!group) {
        group = { ruleIndex: index, rule, version, versionIndex, base: ZERO, roundedSum: ZERO, lines: [] };
        groups.set(key, group);
      }
      group.base = group.base.plus(base);
      group.lines.push(line);
      if (pack.rounding === 'per_line') {
        group.roundedSum = group.roundedSum.plus(roundTaxAmount(base.times(version.ratePercent).div(100), decimals, pack.roundingMethod));
      }
      matches += 1;
    }
    // A VAT-style pack gives every line exactly one category; two rules on one line would give two.
    if (pack.exempt && matches > 1) {
      throw new BillingError('INVALID_CONFIG', `tax pack ${pack.id}: more than one rule taxes line ${line.id} (${line.taxClass}); a VAT pack allows one`);
    }
    if (matches > 0) taxedLineIds.add(line.id);
  }

  const ordered = [...groups.values()].sort((a, b) => a.ruleIndex - b.ruleIndex || a.versionIndex - b.versionIndex);
  const taxLines = ordered.map((g) => ({ ruleIndex: g.ruleIndex, line: toTaxLine(ctx, g) }));
  return { taxLines, taxedLineIds };
}

function toTaxLine(ctx: TaxContext, g: Group): TaxLine {
  const amount = ctx.pack.rounding === 'per_line' ? g.roundedSum : roundTaxAmount(g.base.times(g.version.ratePercent).div(100), ctx.decimals, ctx.pack.roundingMethod);
  return {
    taxId: g.rule.taxId,
    packId: ctx.pack.id,
    name: g.rule.name,
    jurisdiction: g.rule.jurisdiction,
    kind: 'percentage',
    ratePercent: dec(g.version.ratePercent).toString(),
    feePerLine: null,
    // A class share (safe harbor) can give the base more decimals than the currency; it is kept
    // exact so the printed base times the rate is the tax before rounding.
    base: formatFixed(g.base, Math.max(ctx.decimals, g.base.decimalPlaces())),
    amount: formatFixed(amount, ctx.decimals),
    servicePeriod: spanOf(g.lines.map((l) => l.servicePeriod)),
    lineIds: g.lines.map((l) => l.id),
    categoryCode: g.rule.categoryCode,
    governmentMandated: true,
    source: `${g.version.source} (checked ${g.version.checked})`,
  };
}
