import { dec, minorUnits, ZERO, type Decimal } from '../money/index.ts';

/** One invoice of the preview: its total re-billed under the pack in force and under the new version. */
export interface PackImpactRow {
  invoice: string;
  accountId: string;
  /** The customer's tax jurisdiction (country, or country-region). */
  jurisdiction: string;
  /** The customer type (segment: consumer, business...). */
  segment: string;
  currency: string;
  before: string;
  after: string;
  /** Compliance findings (errors) the new version's invoice would fail with. */
  failing: string[];
}

/** A group of the preview (one jurisdiction, customer type and currency). */
export interface PackImpactGroup {
  jurisdiction: string;
  segment: string;
  currency: string;
  invoices: number;
  changed: number;
  before: string;
  after: string;
  difference: string;
}

/** What a pack version would do to a period, summed exactly per group and currency. */
export interface PackImpact {
  invoices: number;
  changed: number;
  failing: number;
  totals: Array<{ currency: string; before: string; after: string; difference: string }>;
  groups: PackImpactGroup[];
  /** The invoices that change or would fail, largest change first (at most `keep`). */
  examples: Array<PackImpactRow & { difference: string }>;
}

/** Sums a pack preview by jurisdiction, customer type and currency (exact decimals), with the invoices that change. */
export function summarisePackImpact(rows: readonly PackImpactRow[], keep = 20): PackImpact {
  const groups = new Map<string, { g: Omit<PackImpactGroup, 'before' | 'after' | 'difference'>; before: Decimal; after: Decimal }>();
  const totals = new Map<string, { before: Decimal; after: Decimal }>();
  let changed = 0;
  let failing = 0;
  const examples: Array<PackImpactRow & { difference: string; abs: Decimal }> = [];
  for (const r of rows) {
    const [before, after] = [dec(r.before), dec(r.after)];
    const differs = !before.equals(after);
    if (differs) changed += 1;
    if (r.failing.length) failing += 1;
    const key = `${r.jurisdiction}\u0000${r.segment}\u0000${r.currency}`;
    const entry = groups.get(key) ?? { g: { jurisdiction: r.jurisdiction, segment: r.segment, currency: r.currency, invoices: 0, changed: 0 }, before: ZERO, after: ZERO };
    entry.g.invoices += 1;
    if (differs) entry.g.changed += 1;
    entry.before = entry.before.plus(before);
    entry.after = entry.after.plus(after);
    groups.set(key, entry);
    const t = totals.get(r.currency) ?? { before: ZERO, after: ZERO };
    totals.set(r.currency, { before: t.before.plus(before), after: t.after.plus(after) });
    if (differs || r.failing.length) examples.push({ ...r, difference: after.minus(before).toFixed(), abs: after.minus(before).abs() });
  }
  examples.sort((a, b) => b.abs.comparedTo(a.abs) || (a.invoice < b.invoice ? -1 : a.invoice > b.invoice ? 1 : 0));
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    invoices: rows.length,
    changed,
    failing,
    totals: [...totals]
      .sort(([a], [b]) => order(a, b))
      .map(([currency, t]) => ({ currency, before: fmt(t.before, currency), after: fmt(t.after, currency), difference: fmt(t.after.minus(t.before), currency) })),
    groups: [...groups.values()]
      .sort((a, b) => order(a.g.jurisdiction, b.g.jurisdiction) || order(a.g.segment, b.g.segment) || order(a.g.currency, b.g.currency))
      .map(({ g, before, after }) => ({ ...g, before: fmt(before, g.currency), after: fmt(after, g.currency), difference: fmt(after.minus(before), g.currency) })),
    examples: examples.slice(0, keep).map(({ abs: _abs, ...e }) => ({ ...e, difference: fmt(dec(e.difference), e.currency) })),
  };
}

// Stored totals are on the currency's minor unit, so their sums and differences are too: shown with all its places.
function fmt(x: Decimal, currency: string): string {
  return x.toFixed(minorUnits(currency));
}
