import { dec, ZERO, type Decimal } from '../money/index.ts';
import { daysBetween } from '../time/index.ts';
import type { ParsedCashflowInput } from './cashflow.types.ts';

/** What a plan schedules of one invoice's open amount: by week, after the horizon, and in all. */
export interface PlannedPart {
  total: Decimal;
  weeks: Decimal[];
  later: Decimal;
}

/** The week (0-based) an instalment due on `dueDate` is expected in: an instalment already due is expected in the first week. */
function weekOf(asOf: string, dueDate: string): number {
  const days = daysBetween(asOf, dueDate);
  return days <= 0 ? 0 : Math.floor((days - 1) / 7);
}

/**
 * An account's agreed payment plan as a queue of what is still to come: the latest plan agreed on
 * or before asOf, less the cash the account paid since it was agreed (which settles its
 * instalments oldest first). `take(amount)` hands the oldest instalments to an invoice (the
 * account's open invoices come oldest first, as a plan spreads the whole balance), up to the
 * amount, and says in which weeks they fall. Without a plan, nothing is taken.
 */
export function planSchedule(input: ParsedCashflowInput, accountId: string, currency: string): { take(amount: Decimal): PlannedPart } {
  const plan = input.plans
    .filter((p) => p.accountId === accountId && p.currency.toUpperCase() === currency && p.agreedOn <= input.asOf)
    .sort((a, b) => (a.agreedOn < b.agreedOn ? -1 : a.agreedOn > b.agreedOn ? 1 : 0))
    .at(-1);
  const queue: { week: number; amount: Decimal }[] = [];
  if (plan) {
    let paidSince = input.allocations
      .filter((a) => a.accountId === accountId && (a.kind === 'payment' || a.kind === 'return') && a.date >= plan.agreedOn && a.date <= input.asOf)
      .reduce((s, a) => s.plus(a.amount), ZERO);
    for (const i of [...plan.instalments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))) {
      let amount = dec(i.amount);
      const covered = paidSince.greaterThan(amount) ? amount : paidSince.greaterThan(0) ? paidSince : ZERO;
      paidSince = paidSince.minus(covered);
      amount = amount.minus(covered);
      if (amount.greaterThan(0)) queue.push({ week: weekOf(input.asOf, i.dueDate), amount });
    }
  }
  return {
    take(amount) {
      const part: PlannedPart = { total: ZERO, weeks: Array.from({ length: input.weeks }, () => ZERO), later: ZERO };
      let want = amount;
      while (want.greaterThan(0) && queue.length > 0) {
        const head = queue[0]!;
        const used = head.amount.lessThan(want) ? head.amount : want;
        if (head.week < input.weeks) part.weeks[head.week] = part.weeks[head.week]!.plus(used);
        else part.later = part.later.plus(used);
        part.total = part.total.plus(used);
        want = want.minus(used);
        head.amount = head.amount.minus(used);
        if (head.amount.isZero()) queue.shift();
      }
      return part;
    },
  };
}
