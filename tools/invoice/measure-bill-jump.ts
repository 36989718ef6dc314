import { dec, ZERO, type Decimal } from '../money/index.ts';

/** How a total stands against the average of earlier totals. */
export interface BillJumpMeasure {
  /** Number of earlier totals averaged. */
  count: number;
  /** Sum of the earlier totals, exact. */
  sum: Decimal;
  /** Their average (sum / count, decimal.js precision 60); null without history. */
  average: Decimal | null;
  /** total / average; null without history or when the average is zero. */
  ratio: Decimal | null;
  /** True when total > factor x average and total - average >= minIncrease. */
  jump: boolean;
}

/**
 * Measures a total against the average of earlier totals: the rule behind the BILL_SHOCK hold and
 * the auditor's bill-jump check, so both answer the same question the same way.
 */
export function measureBillJump(total: string, earlierTotals: readonly string[], rule: { factor: string; minIncrease: string }): BillJumpMeasure {
  const count = earlierTotals.length;
  const sum = earlierTotals.reduce<Decimal>((s, t) => s.plus(t), ZERO);
  if (count === 0) return { count, sum, average: null, ratio: null, jump: false };
  const t = dec(total);
  // Compared as total x n against sum x factor, so no division (and no rounding) decides the flag.
  const scaled = t.times(count);
  const jump = scaled.greaterThan(sum.times(rule.factor)) && scaled.minus(sum).greaterThanOrEqualTo(dec(rule.minIncrease).times(count));
  const average = sum.div(count);
  return { count, sum, average, ratio: sum.isZero() ? null : scaled.div(sum), jump };
}
