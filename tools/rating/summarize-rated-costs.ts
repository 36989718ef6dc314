import { Decimal } from '../money/index.ts';

/** Exact totals of rated costs per currency and per category. */
export interface CostSummary {
  events: number;
  totals: Record<string, string>;
  byCategory: Record<string, { events: number; totals: Record<string, string> }>;
}

/** Sums rated costs exactly (decimal strings in, decimal strings out), streaming page by page. */
export function summarizeRatedCosts(pages: Iterable<Array<{ category: string; cost: string; currency: string }>>): CostSummary {
  const totals = new Map<string, Decimal>();
  const byCategory = new Map<string, { events: number; totals: Map<string, Decimal> }>();
  let events = 0;
  for (const page of pages) {
    for (const row of page) {
      events++;
      totals.set(row.currency, (totals.get(row.currency) ?? new Decimal(0)).plus(row.cost));
      const cat = byCategory.get(row.category) ?? { events: 0, totals: new Map<string, Decimal>() };
      cat.events++;
      cat.totals.set(row.currency, (cat.totals.get(row.currency) ?? new Decimal(0)).plus(row.cost));
      byCategory.set(row.category, cat);
    }
  }
  const plain = (m: Map<string, Decimal>) => Object.fromEntries([...m].map(([k, v]) => [k, v.toString()]));
  return {
    events,
    totals: plain(totals),
    byCategory: Object.fromEntries([...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { events: v.events, totals: plain(v.totals) }])),
  };
}
