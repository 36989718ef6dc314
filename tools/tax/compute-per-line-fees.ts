import { BillingError } from '../errors.ts';
import { dec, formatFixed, ZERO, type Decimal } from '../money/index.ts';
import { periodsOverlap, spanOf, splitIntoMonths } from '../time/index.ts';
import type { RuleTaxLine } from './compute-percentage-taxes.ts';
import { versionAt } from './resolve-rate-version.ts';
import type { TaxContext } from './tax-context.types.ts';
import type { PerLineRule, PerLineVersion } from './tax-pack.types.ts';

interface Group {
  version: PerLineVersion;
  versionIndex: number;
  lineMonths: number;
  amount: Decimal;
  subscriptionIds: Set<string>;
  months: { from: string; to: string }[];
}

/**
 * Per-line fees (911 surcharges): each subscription active on any day of a billing month counts
 * once for that month, at the fee in force on the month's first day; never prorated. A monthly
 * invoice is one month; a quarterly one counts each of its three months.
 */
export function computePerLineFees(ctx: TaxContext, rules: readonly { rule: PerLineRule; index: number }[]): RuleTaxLine[] {
  const { input, pack, decimals } = ctx;
  const months = splitIntoMonths(input.period.from, input.period.to);
  const out: RuleTaxLine[] = [];

  for (const { rule, index } of rules) {
    if (rule.currency !== input.currency) {
      throw new BillingError(
        'INVALID_INPUT',
        `${rule.taxId} is a fee of ${rule.currency} per line; an invoice in ${input.currency} cannot carry it (convert before invoicing or bill in ${rule.currency})`,
      );
    }
    const groups = new Map<number, Group>();
    for (const month of months) {
      const active = input.subscriptions.filter((s) => periodsOverlap({ from: s.activeFrom, to: s.activeTo }, month));
      if (active.length === 0) continue;
      // Statutes charge the fee per month or partial month and change it from the 1st of a month
      // (California every 1 January), so the month's first day picks the fee.
      const found = versionAt(rule, month.from);
      if (!found) {
        throw new BillingError('INVALID_CONFIG', `tax pack ${pack.id} has no ${rule.taxId} fee for ${month.from}; the pack must be updated`, {
          packId: pack.id,
          taxId: rule.taxId,
          date: month.from,
        });
      }
      let group = groups.get(found.index);
      if (!group) {
        group = { version: found.version, versionIndex: found.index, lineMonths: 0, amount: ZERO, subscriptionIds: new Set(), months: [] };
        groups.set(found.index, group);
      }
      group.lineMonths += active.length;
      group.amount = group.amount.plus(dec(found.version.feePerLine).times(active.length));
      for (const s of active) group.subscriptionIds.add(s.id);
      group.months.push(month);
    }
    for (const g of [...groups.values()].sort((a, b) => a.versionIndex - b.versionIndex)) {
      out.push({
        ruleIndex: index,
        line: {
          taxId: rule.taxId,
          packId: pack.id,
          name: rule.name,
          jurisdiction: rule.jurisdiction,
          kind: 'per_line',
          ratePercent: null,
          feePerLine: formatFixed(g.version.feePerLine, decimals),
          base: String(g.lineMonths),
          amount: formatFixed(g.amount, decimals),
          servicePeriod: spanOf(g.months),
          lineIds: [],
          subscriptionIds: input.subscriptions.filter((s) => g.subscriptionIds.has(s.id)).map((s) => s.id),
          categoryCode: rule.categoryCode,
          governmentMandated: true,
          source: `${g.version.source} (checked ${g.version.checked})`,
        },
      });
    }
  }
  return out;
}
