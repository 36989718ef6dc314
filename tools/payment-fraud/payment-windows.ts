import { daysBetween } from './payment-fraud.types.ts';

/**
 * The windows of items (sorted by date) that qualify: from each item, the items up to `windowDays`
 * later; a window that qualifies is kept and the next one starts after it, so windows never
 * overlap and the same history always gives the same windows (the alerts' keys name their first item).
 */
export function qualifyingWindows<T>(items: readonly T[], dateOf: (t: T) => string, windowDays: number, qualifies: (window: readonly T[]) => boolean): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && daysBetween(dateOf(items[i]!), dateOf(items[j]!)) <= windowDays) j++;
    const window = items.slice(i, j);
    if (qualifies(window)) {
      out.push(window);
      i = j;
    } else i++;
  }
  return out;
}

/** Groups items by a key (items without one are left out), keeping their order. */
export function groupBy<T>(items: readonly T[], keyOf: (t: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

/** Sorted by booking date, then id (a stable order whatever order the rows were read in). */
export function byDate<T extends { bookingDate: string; id: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.bookingDate < b.bookingDate ? -1 : a.bookingDate > b.bookingDate ? 1 : a.id - b.id));
}

/** An IBAN or card token as shown in a summary: the country and the last four characters. */
export function maskInstrument(instrument: string): string {
  if (instrument.startsWith('card:')) return `card …${instrument.slice(-4)}`;
  return instrument.length > 8 ? `${instrument.slice(0, 2)}…${instrument.slice(-4)}` : instrument;
}
