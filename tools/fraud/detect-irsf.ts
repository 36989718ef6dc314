import { dec, ZERO, type Decimal } from '../money/index.ts';
import { localParts } from '../time/index.ts';
import type { FraudThresholds } from './fraud-thresholds.ts';
import { DAY_MS, dayLabel, dayOf, evidenceEvents, type AlertCandidate, type Detector, type FraudEvent, type FraudStateUpdate, type LineIndex } from './fraud.types.ts';
import { longestSequentialRun, matchPrefix } from './number-ranges.ts';
import { kept } from './to-fraud-event.ts';

interface RiskyCall {
  key: string;
  at: number;
  other: string;
  answered: boolean;
  usage: number;
  cost: string | null;
  why: 'premium' | 'high_risk_range' | 'unallocated';
}

/** What IRSF reads of a line's kept state: when the line was first seen (a new line reaching high cost fast). */
export interface LineSeenState {
  firstSeenDay: number;
}

/** Reads the first sighting from a line's kept baseline (or none). */
export function readLineSeen(value: unknown): LineSeenState | null {
  const v = value as Partial<LineSeenState> | null;
  return v && typeof v.firstSeenDay === 'number' ? { firstSeenDay: v.firstSeenDay } : null;
}

/**
 * Why an outbound call counts towards IRSF: a premium-rate number, a high-risk range (satellite,
 * hijacked country ranges), or a number no plan allocates (international-looking digits the
 * classifier could not place). Null for an ordinary call.
 */
export function irsfRisk(e: FraudEvent, prefixes: readonly string[]): RiskyCall['why'] | null {
  if (e.service !== 'voice' || e.direction !== 'outbound' || !e.other) return null;
  if (e.category === 'premium_rate') return 'premium';
  if ((e.category === 'international' || e.category === 'unclassified') && matchPrefix(e.other, prefixes)) return 'high_risk_range';
  if (e.category === 'unclassified' && e.other.length >= 8) return 'unallocated';
  return null;
}

/**
 * IRSF (international revenue share fraud): bursts of calls from one line to premium, high-risk
 * and unallocated ranges. Calls chain into a burst while each comes within the window of the one
 * before; a burst with enough calls in one window alerts. Night calls, sequential (hunting)
 * numbers and a new line are signals that make it critical, as do the critical count and cost.
 */
export function createIrsfDetector(t: FraudThresholds['irsf'], timezone: string, lines: LineIndex): Detector {
  const calls = new Map<number, RiskyCall[]>();
  // First day each line was seen in this run, by slot.
  const seen: number[] = [];
  return {
    observe(e) {
      const day = dayOf(e.startMs);
      const first = seen[e.line];
      if (first === undefined || day < first) seen[e.line] = day;
      const why = irsfRisk(e, t.highRiskPrefixes);
      if (!why) return;
      let list = calls.get(e.line);
      if (!list) calls.set(e.line, (list = []));
      list.push({ key: kept(e.key), at: e.startMs, other: kept(e.other!), answered: e.answered, usage: e.usage, cost: e.cost, why });
    },
    finish(load) {
      const alerts: AlertCandidate[] = [];
      const states: FraudStateUpdate[] = [];
      const windowMs = t.windowMinutes * 60_000;
      for (const [slot, list] of calls) {
        const subscriber = lines.names[slot]!;
        const firstDay = seen[slot]!;
        // When the line was first seen is kept with its baseline (detect-spikes.ts), read only for a burst.
        const seenBefore = readLineSeen(load('subscriber', `baseline:${subscriber}`));
        const firstSeenDay = seenBefore ? Math.min(seenBefore.firstSeenDay, firstDay) : firstDay;
        list.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
        for (const burst of chainBursts(list, windowMs)) {
          const peak = peakInWindow(burst, windowMs);
          if (peak < t.warningCalls) continue;
          alerts.push(irsfAlert(subscriber, burst, peak, firstSeenDay, t, timezone));
        }
      }
      return { alerts, states };
    },
  };
}

/** Splits time-ordered calls into bursts: a gap longer than the window ends one. */
export function chainBursts<T extends { at: number }>(sorted: readonly T[], windowMs: number): T[][] {
  const bursts: T[][] = [];
  let current: T[] = [];
  for (const c of sorted) {
    if (current.length > 0 && c.at - current[current.length - 1]!.at > windowMs) {
      bursts.push(current);
      current = [];
    }
    current.push(c);
  }
  if (current.length > 0) bursts.push(current);
  return bursts;
}

/** The most calls within any one window (sliding) of a time-ordered list. */
export function peakInWindow(sorted: readonly { at: number }[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi]!.at - sorted[lo]!.at > windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function irsfAlert(subscriber: string, burst: RiskyCall[], peak: number, firstSeenDay: number, t: FraudThresholds['irsf'], timezone: string): AlertCandidate {
  const cost = burst.reduce<Decimal>((sum, c) => (c.cost ? sum.plus(dec(c.cost)) : sum), ZERO);
  const minutes = burst.reduce((sum, c) => sum + c.usage, 0) / 60_000;
  const night = burst.filter((c) => {
    const hour = Math.floor(localParts(c.at, timezone).msOfDay / 3_600_000);
    return t.nightStartHour <= t.nightEndHour ? hour >= t.nightStartHour && hour < t.nightEndHour : hour >= t.nightStartHour || hour < t.nightEndHour;
  }).length;
  const sequential = longestSequentialRun(burst.map((c) => c.other));
  const start = burst[0]!.at;
  const lineAgeDays = Math.floor((start - firstSeenDay * DAY_MS) / DAY_MS);
  const signals: string[] = [];
  if (night * 2 >= burst.length) signals.push(`${night} of ${burst.length} calls at night (${t.nightStartHour}:00-${t.nightEndHour}:00)`);
  if (sequential >= t.sequentialRun) signals.push(`${sequential} sequential numbers dialled in a row`);
  if (lineAgeDays < t.newLineDays) signals.push(`line first seen ${lineAgeDays} day(s) before (new line)`);
  const critical = peak >= t.criticalCalls || cost.gte(dec(t.criticalCost)) || signals.length >= 2;
  const ranges = [...new Set(burst.map((c) => matchPrefix(c.other, t.highRiskPrefixes) ?? c.why))].slice(0, 10);
  return {
    key: `irsf:${subscriber}:${Math.floor(start / 60_000)}`,
    detector: 'irsf',
    severity: critical ? 'critical' : 'warning',
    subjectKind: 'subscriber',
    subject: subscriber,
    firstAt: start,
    lastAt: burst[burst.length - 1]!.at,
    summary: `${burst.length} calls from ${subscriber} to premium or high-risk ranges (${ranges.join(', ')}) on ${dayLabel(dayOf(start))}, up to ${peak} within ${t.windowMinutes} min, cost ${cost.toFixed()}`,
    evidence: {
      events: evidenceEvents(burst.map((c) => c.key)),
      eventCount: burst.length,
      statistics: {
        calls: burst.length,
        peakInWindow: peak,
        answered: burst.filter((c) => c.answered).length,
        minutes: Number(minutes.toFixed(1)),
        cost: cost.toFixed(),
        nightCalls: night,
        longestSequentialRun: sequential,
        lineAgeDays,
        premium: burst.filter((c) => c.why === 'premium').length,
        highRiskRange: burst.filter((c) => c.why === 'high_risk_range').length,
        unallocated: burst.filter((c) => c.why === 'unallocated').length,
      },
      threshold: { windowMinutes: t.windowMinutes, warningCalls: t.warningCalls, criticalCalls: t.criticalCalls, criticalCost: t.criticalCost },
      signals,
    },
  };
}
