import { dec } from '../money/index.ts';
import type { MoneyByCurrency } from './cycle-report.ts';

/** Sums amounts per currency in exact decimals (never floats), currencies in alphabetical order. */
export function sumByCurrency(items: ReadonlyArray<{ currency: string; total: string }>): MoneyByCurrency {
  const by = new Map<string, { total: ReturnType<typeof dec>; count: number }>();
  for (const i of items) {
    const cur = by.get(i.currency) ?? { total: dec(0), count: 0 };
    by.set(i.currency, { total: cur.total.plus(dec(i.total)), count: cur.count + 1 });
  }
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, v]) => ({ currency, total: v.total.toFixed(), count: v.count }));
}
