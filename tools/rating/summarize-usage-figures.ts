import { Decimal, roundDecimal } from '../money/index.ts';

/** A group of events as the store counts them: one bucket, service, category, status and exact cost. */
export interface UsageFigureGroup {
  bucket: number;
  service: string;
  category: string;
  status: string;
  currency: string | null;
  cost: string | null;
  events: number;
  /** Exact integer text: milliseconds (voice), messages (SMS) or bytes (data). */
  usage: string;
}

/** The unit a service's usage is shown in. */
export type UsageUnit = 'minutes' | 'messages' | 'MB';

/** Usage of one service and category: how many events, how much in its unit, and what rated events cost per currency. */
export interface CategoryFigure {
  service: string;
  category: string;
  unit: UsageUnit;
  events: number;
  ratedEvents: number;
  /** The usage in `unit`, to two decimals (half up); messages are whole. */
  quantity: string;
  rated: Array<{ currency: string; amount: string }>;
}

/** The rated amount of one bucket in one currency. */
export interface BucketAmount {
  bucket: number;
  currency: string;
  events: number;
  amount: string;
}

/** Summed usage: per service and category, and rated amounts per bucket and currency. */
export interface UsageFigures {
  events: number;
  byCategory: CategoryFigure[];
  byBucket: BucketAmount[];
  /** The rated total per currency. */
  rated: Array<{ currency: string; amount: string }>;
}

const UNITS: Record<string, { unit: UsageUnit; per: Decimal; decimals: number }> = {
  voice: { unit: 'minutes', per: new Decimal(60000), decimals: 2 },
  sms: { unit: 'messages', per: new Decimal(1), decimals: 0 },
  data: { unit: 'MB', per: new Decimal('1000000'), decimals: 2 },
};

function unitOf(service: string) {
  return UNITS[service] ?? { unit: 'messages' as const, per: new Decimal(1), decimals: 0 };
}

const byCurrency = (m: Map<string, Decimal>) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => ({ currency, amount: amount.toFixed() }));

/**
 * Sums grouped usage exactly: a group's rated amount is its cost times its count, added as decimals
 * (never floats); only rated events with a cost count towards amounts. Quantities are converted to
 * the service's unit (voice minutes, SMS messages, data MB) and rounded once, at the end.
 */
export function summarizeUsageFigures(groups: readonly UsageFigureGroup[]): UsageFigures {
  const cats = new Map<string, { service: string; category: string; events: number; ratedEvents: number; usage: Decimal; rated: Map<string, Decimal> }>();
  const buckets = new Map<string, { bucket: number; currency: string; events: number; amount: Decimal }>();
  const totals = new Map<string, Decimal>();
  let events = 0;
  for (const g of groups) {
    events += g.events;
    const key = `${g.service}\u0000${g.category}`;
    const cat = cats.get(key) ?? { service: g.service, category: g.category, events: 0, ratedEvents: 0, usage: new Decimal(0), rated: new Map<string, Decimal>() };
    cat.events += g.events;
    cat.usage = cat.usage.plus(g.usage);
    cats.set(key, cat);
    if (g.status !== 'rated' || g.cost === null || g.currency === null) continue;
    const amount = new Decimal(g.cost).times(g.events);
    cat.ratedEvents += g.events;
    cat.rated.set(g.currency, (cat.rated.get(g.currency) ?? new Decimal(0)).plus(amount));
    totals.set(g.currency, (totals.get(g.currency) ?? new Decimal(0)).plus(amount));
    const bKey = `${g.bucket}\u0000${g.currency}`;
    const b = buckets.get(bKey) ?? { bucket: g.bucket, currency: g.currency, events: 0, amount: new Decimal(0) };
    b.events += g.events;
    b.amount = b.amount.plus(amount);
    buckets.set(bKey, b);
  }
  const byCategory = [...cats.values()]
    .sort((a, b) => a.service.localeCompare(b.service) || a.category.localeCompare(b.category))
    .map((c) => {
      const u = unitOf(c.service);
      return {
        service: c.service,
        category: c.category,
        unit: u.unit,
        events: c.events,
        ratedEvents: c.ratedEvents,
        quantity: roundDecimal(c.usage.div(u.per), u.decimals, 'middle').toFixed(u.decimals),
        rated: byCurrency(c.rated),
      };
    });
  const byBucket = [...buckets.values()]
    .sort((a, b) => a.bucket - b.bucket || a.currency.localeCompare(b.currency))
    .map((b) => ({ bucket: b.bucket, currency: b.currency, events: b.events, amount: b.amount.toFixed() }));
  return { events, byCategory, byBucket, rated: byCurrency(totals) };
}
