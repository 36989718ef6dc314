import { createDecimalSum, dec, type DecimalSum } from '../money/index.ts';
import type { FraudThresholds } from './fraud-thresholds.ts';
import { dayLabel, dayOf, evidenceEvents, type AlertCandidate, type Detector, type FraudEvent, type FraudStateUpdate } from './fraud.types.ts';
import { median, robustScore } from './robust-stats.ts';
import { kept } from './to-fraud-event.ts';

/** A destination's day: rated cost (decimal string), billed minutes, answered calls. */
type DestinationDay = [cost: string, minutes: number, calls: number];

/** What the revenue detector keeps per destination between runs: its recent days. */
export interface DestinationHistoryState {
  days: Record<string, DestinationDay>;
}

/** The destination a call's price is judged under: its category and country (or, with no country, its first digits). */
export function destinationKey(e: Pick<FraudEvent, 'category' | 'otherCountry' | 'other'>): string {
  return `${e.category}:${e.otherCountry ?? (e.other ?? '').slice(0, 3)}`;
}

/**
 * Revenue anomalies (a tariff error): a destination whose rated cost per minute on a day moves
 * far from its own history, up (customers overcharged) or down (revenue leaking). Cost per minute
 * is the day's total cost over its total billed minutes (so days merge across files); it must
 * move by the factor and by a robust z-score against the median of previous days.
 */
export function createRevenueDetector(t: FraudThresholds['revenue']): Detector {
  type Day = { cost: DecimalSum; ms: number; calls: number; keys: string[] };
  // By category, then country (or first digits): looking up a joined key would join a string per call.
  const byCategory = new Map<string, Map<string, Map<number, Day>>>();
  return {
    observe(e) {
      if (e.service !== 'voice' || e.direction !== 'outbound' || !e.answered || e.cost === null || e.usage <= 0) return;
      let byPlace = byCategory.get(e.category);
      if (!byPlace) byCategory.set(e.category, (byPlace = new Map()));
      const place = e.otherCountry ?? (e.other ?? '').slice(0, 3);
      let byDay = byPlace.get(place);
      if (!byDay) byPlace.set(kept(place), (byDay = new Map()));
      const day = dayOf(e.startMs);
      let d = byDay.get(day);
      if (!d) byDay.set(day, (d = { cost: createDecimalSum(), ms: 0, calls: 0, keys: [] }));
      d.cost.add(e.cost);
      d.ms += e.usage;
      d.calls++;
      if (d.keys.length < 10) d.keys.push(kept(e.key));
    },
    finish(load) {
      const alerts: AlertCandidate[] = [];
      const states: FraudStateUpdate[] = [];
      const days = new Map<string, Map<number, Day>>();
      for (const [category, byPlace] of byCategory)
        for (const [place, byDay] of byPlace) days.set(destinationKey({ category: category as FraudEvent['category'], otherCountry: place, other: null }), byDay);
      for (const [key, byDay] of days) {
        const before = load('destination', `cpm:${key}`) as DestinationHistoryState | null;
        const all = new Map<number, DestinationDay>();
        for (const [k, v] of Object.entries(before?.days ?? {})) all.set(Number(k), v);
        for (const [day, d] of byDay) {
          const before = all.get(day);
          all.set(day, before ? [dec(before[0]).plus(d.cost.value()).toFixed(), before[1] + d.ms / 60_000, before[2] + d.calls] : [d.cost.value().toFixed(), d.ms / 60_000, d.calls]);
        }
        const perMinute = (v: DestinationDay) =>
          dec(v[0])
            .div(dec(Math.max(1, Math.round(v[1] * 1000))))
            .times(1000)
            .toNumber();
        const flagged: Array<{ day: number; cpm: number; med: number; score: number; history: number }> = [];
        for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
          const today = all.get(day)!;
          if (today[2] < t.minCallsPerDay) continue;
          const history: number[] = [];
          for (let k = day - t.historyDays; k < day; k++) {
            const v = all.get(k);
            if (v && v[2] >= t.minCallsPerDay) history.push(perMinute(v));
          }
          if (history.length < t.minHistoryDays) continue;
          const cpm = perMinute(today);
          const s = robustScore(cpm, history, median(history) * 0.05);
          const ratio = cpm / s.median;
          if ((ratio >= t.factor || ratio <= 1 / t.factor) && Math.abs(s.score) >= t.robustZ) flagged.push({ day, cpm, med: s.median, score: s.score, history: history.length });
        }
        if (flagged.length > 0) {
          const first = flagged[0]!;
          const last = flagged[flagged.length - 1]!;
          const worst = Math.max(...flagged.map((f) => Math.max(f.cpm / f.med, f.med / f.cpm)));
          alerts.push({
            key: `revenue:${key}:${first.day}`,
            detector: 'revenue',
            severity: worst >= t.factor * t.criticalFactor ? 'critical' : 'warning',
            subjectKind: 'destination',
            subject: key,
            firstAt: first.day * 86_400_000,
            lastAt: (last.day + 1) * 86_400_000 - 1,
            summary: `Cost per minute to ${key} moved from ${round4(first.med)} to ${round4(first.cpm)} on ${dayLabel(first.day)} (${flagged.length} day(s)): check the tariff`,
            evidence: {
              events: evidenceEvents(flagged.flatMap((f) => byDay.get(f.day)?.keys ?? [])),
              eventCount: flagged.reduce((n, f) => n + all.get(f.day)![2], 0),
              statistics: {
                costPerMinute: round4(first.cpm),
                historyMedian: round4(first.med),
                ratio: round4(first.cpm / first.med),
                robustZ: round4(first.score),
                historyDays: first.history,
                days: flagged.length,
              },
              threshold: { factor: t.factor, robustZ: t.robustZ, minCallsPerDay: t.minCallsPerDay, minHistoryDays: t.minHistoryDays },
              signals: flagged.map((f) => `${dayLabel(f.day)}: ${round4(f.cpm)} per minute`),
            },
          });
        }
        const newest = Math.max(...all.keys());
        const keep: Record<string, DestinationDay> = {};
        for (const [k, v] of all) if (k > newest - t.historyDays - 1) keep[k] = v;
        states.push({ scope: 'destination', key: `cpm:${key}`, state: { days: keep } satisfies DestinationHistoryState });
      }
      return { alerts, states };
    },
  };
}

function round4(n: number): number {
  return Number(n.toFixed(4));
}
