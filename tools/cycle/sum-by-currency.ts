import { dec } from '../money/index.ts';
import type { MoneyByCurrency } from './cycle-report.ts';

/** Sums amounts per currency in exact decimals (never floats), currencies in alphabetical order. */
export function sumByCurrency(items: ReadonlyArray<{ currency: string; total: string }>): MoneyByCurrency {
  return addSums(items.map((i) => ({ currency: i.currency, total: i.total, count: 1 })));
}

/** Adds sums made per currency (a shard's, say) into one, exactly; counts add up too. */
export function mergeSums(parts: ReadonlyArray<MoneyByCurrency>): MoneyByCurrency {
  return addSums(parts.flat());
}

function addSums(items: MoneyByCurrency): MoneyByCurrency {
  const by = new Map<string, { total: ReturnType<typeof dec>; count: number }>();
  for (const i of items) {
    const cur = by.get(i.currency) ?? { total: dec(0), count: 0 };
    by.set(i.currency, { total: cur.total.plus(dec(i.total)), count: cur.count + i.count });
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => ({ currency, total: v.total.toFixed(), count: v.count }));
}
