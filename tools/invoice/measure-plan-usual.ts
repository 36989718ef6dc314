import type { Subscription } from '../catalog/account.types.ts';
import { dec, type Decimal } from '../money/index.ts';

/** What comparable accounts on the same plans usually pay, for an account with no invoice history. */
export interface PlanUsual {
  /** The sum over the account's lines of the median total of single-line accounts on each line's plan. */
  total: string;
  /** The plans compared with, one per line, sorted. */
  planIds: string[];
  /** How many comparable invoices the medians were taken from (the fewest of any plan). */
  invoices: number;
}

/** Fewer comparable invoices than this say nothing about what a plan usually costs. */
export const MIN_PLAN_PEERS = 5;
// A plan's median settles long before this; capping what one run adds keeps each insert cheap on
// a 100k-account run.
const MAX_SAMPLES_PER_PLAN = 2000;

/** The plans of the lines active in [from, to) (ISO dates), one per line: each line's plan at the end of the period. */
export function plansInPeriod(subscriptions: readonly Subscription[], from: string, to: string): string[] {
  const plans: string[] = [];
  for (const s of subscriptions) {
    if (s.plans[0]!.from >= to || (s.endDate !== null && s.endDate <= from)) continue;
    let planId = s.plans[0]!.planId;
    for (const p of s.plans) if (p.from < to) planId = p.planId;
    plans.push(planId);
  }
  return plans;
}

/**
 * Collects what single-line accounts pay per plan and currency (stored invoices of recent periods,
 * then this run's own) and answers what an account's plans usually cost. Exact decimals throughout;
 * deterministic for the same samples in the same order.
 */
export function createPlanPeers() {
  const samples = new Map<string, Decimal[]>();
  const keyOf = (planId: string, currency: string) => `${currency} ${planId}`;

  /** Adds one single-line account's invoice total for its plan. */
  function add(planId: string, currency: string, total: string): void {
    const key = keyOf(planId, currency);
    let sorted = samples.get(key);
    if (!sorted) samples.set(key, (sorted = []));
    if (sorted.length >= MAX_SAMPLES_PER_PLAN) return;
    const value = dec(total);
    sorted.splice(upperBound(sorted, value), 0, value);
  }

  /**
   * What an account whose lines are on `planIds` usually pays, leaving out `own` (its own total,
   * when it was added as a sample of its single plan); null when a plan has too few other invoices.
   */
  function usual(planIds: readonly string[], currency: string, own: string | null): PlanUsual | null {
    if (planIds.length === 0) return null;
    let total = dec(0);
    let fewest = Infinity;
    for (const planId of planIds) {
      const sorted = samples.get(keyOf(planId, currency)) ?? [];
      const skip = own !== null && planIds.length === 1 ? indexOf(sorted, dec(own)) : -1;
      const n = sorted.length - (skip >= 0 ? 1 : 0);
      if (n < MIN_PLAN_PEERS) return null;
      const at = (j: number) => sorted[skip >= 0 && j >= skip ? j + 1 : j]!;
      const median =
        n % 2 === 1
          ? at((n - 1) / 2)
          : at(n / 2 - 1)
              .plus(at(n / 2))
              .div(2);
      total = total.plus(median);
      fewest = Math.min(fewest, n);
    }
    return { total: total.toString(), planIds: [...planIds].sort(), invoices: fewest };
  }

  return { add, usual };
}
export type PlanPeers = ReturnType<typeof createPlanPeers>;

function upperBound(sorted: readonly Decimal[], value: Decimal): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.lessThanOrEqualTo(value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function indexOf(sorted: readonly Decimal[], value: Decimal): number {
  const i = upperBound(sorted, value) - 1;
  return i >= 0 && sorted[i]!.equals(value) ? i : -1;
}
