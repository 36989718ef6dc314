import type { FraudThresholds } from './fraud-thresholds.ts';
import { dayLabel, dayOf, evidenceEvents, type AlertCandidate, type Detector, type FraudStateUpdate, type LineIndex } from './fraud.types.ts';
import { robustScore } from './robust-stats.ts';
import { kept as keep } from './to-fraud-event.ts';

/** A line's totals of one day: outbound call ms, outbound calls, data bytes, call ms while roaming, calls while roaming, data sessions. */
type DayTotals = [voiceMs: number, calls: number, dataBytes: number, roamingMs: number, roamingCalls: number, dataSessions: number];

/** What the spike detector keeps per line between runs: when it was first seen and its recent daily totals. */
export interface LineBaselineState {
  firstSeenDay: number;
  days: Record<string, DayTotals>;
}

const METRICS = [
  { name: 'voice', index: 0, unit: 'minutes', scale: 60_000 },
  { name: 'data', index: 2, unit: 'bytes', scale: 1 },
  { name: 'roaming', index: 3, unit: 'minutes', scale: 60_000 },
] as const;

function readBaseline(value: unknown): LineBaselineState | null {
  const v = value as Partial<LineBaselineState> | null;
  return v && typeof v.firstSeenDay === 'number' && v.days && typeof v.days === 'object' ? (v as LineBaselineState) : null;
}

/**
 * Spikes against the line's own baseline: a day's outbound minutes, data bytes or roaming minutes
 * far above the median of the line's previous days (zero days included, since it was first
 * seen), by a robust z-score (1.4826 MAD as the spread), and above an absolute floor, so that a
 * quiet line making one long call is not a spike. The daily totals are the state kept per line.
 */
export function createSpikeDetector(t: FraudThresholds['spike'], index: LineIndex): Detector {
  // By line slot.
  // A day keeps evidence once it passes a third of a floor (precomputed: checked on every event).
  const keepVoiceMs = (t.voiceMinutes * 60_000) / 3;
  const keepDataBytes = t.dataBytes / 3;
  const keepRoamingMs = (t.roamingMinutes * 60_000) / 3;
  // A line's days as one flat list of numbers, seven a day (the day, then its DayTotals): a month of
  // twenty thousand lines would otherwise be half a million small arrays held to the end of the file.
  const lines: Array<{ firstDay: number; flat: number[]; keys: Map<number, string[]> | null } | undefined> = [];
  return {
    observe(e) {
      const day = dayOf(e.startMs);
      let line = lines[e.line];
      if (!line) lines[e.line] = line = { firstDay: day, flat: [], keys: null };
      else if (day < line.firstDay) line.firstDay = day;
      const outboundCall = e.service === 'voice' && (e.direction === 'outbound' || e.direction === 'onnet');
      if (!outboundCall && e.service !== 'data') return;
      const f = line.flat;
      // Files run in time order, so the day is nearly always the last one.
      let at = f.length - 7;
      while (at >= 0 && f[at] !== day) at -= 7;
      if (at < 0) {
        at = f.length;
        f.push(day, 0, 0, 0, 0, 0, 0);
      }
      if (outboundCall) {
        f[at + 1]! += e.usage;
        f[at + 2]!++;
        if (e.roaming === 'outbound') {
          f[at + 4]! += e.usage;
          f[at + 5]!++;
        }
      } else {
        f[at + 3]! += e.usage;
        f[at + 6]!++;
      }
      // Evidence is kept once the day has reached a third of a floor: an ordinary day keeps no strings.
      if (f[at + 1]! < keepVoiceMs && f[at + 3]! < keepDataBytes && f[at + 4]! < keepRoamingMs) return;
      line.keys ??= new Map();
      let keys = line.keys.get(day);
      if (!keys) line.keys.set(day, (keys = []));
      if (keys.length < 50) keys.push(keep(e.key));
    },
    finish(load) {
      const alerts: AlertCandidate[] = [];
      const states: FraudStateUpdate[] = [];
      for (let slot = 0; slot < lines.length; slot++) {
        const line = lines[slot];
        if (!line) continue;
        const subscriber = index.names[slot]!;
        const runDays = new Map<number, DayTotals>();
        for (let at = 0; at < line.flat.length; at += 7) runDays.set(line.flat[at]!, line.flat.slice(at + 1, at + 7) as DayTotals);
        const kept = readBaseline(load('subscriber', `baseline:${subscriber}`));
        const firstSeenDay = Math.min(kept?.firstSeenDay ?? line.firstDay, line.firstDay);
        // Without kept days (a line's first file) this run's days are the whole history: no copy.
        const all = kept && Object.keys(kept.days).length > 0 ? new Map<number, DayTotals>() : runDays;
        if (all !== runDays) {
          for (const [k, v] of Object.entries(kept!.days)) all.set(Number(k), [...v] as DayTotals);
          for (const [day, v] of runDays) {
            const sum = all.get(day);
            all.set(day, sum ? (sum.map((x, i) => (x ?? 0) + v[i]!) as DayTotals) : v);
          }
        }
        for (const day of runDays.keys()) {
          const today = all.get(day)!;
          const from = Math.max(firstSeenDay, day - t.historyDays);
          if (day - from < t.minHistoryDays) continue;
          for (const m of METRICS) {
            const value = today[m.index] / m.scale;
            const floor = m.name === 'voice' ? t.voiceMinutes : m.name === 'data' ? t.dataBytes : t.roamingMinutes;
            if (value < floor || (m.name !== 'data' && today[m.name === 'voice' ? 1 : 4] < t.minCalls)) continue;
            const history: number[] = [];
            for (let k = from; k < day; k++) history.push((all.get(k)?.[m.index] ?? 0) / m.scale);
            // The spread is floored at a tenth of the floor: a line that never varied is not alarmed by a small change.
            const s = robustScore(value, history, floor / 10);
            if (s.score < t.robustZ) continue;
            alerts.push({
              key: `spike:${subscriber}:${m.name}:${day}`,
              detector: 'spike',
              severity: value >= floor * t.criticalFactor ? 'critical' : 'warning',
              subjectKind: 'subscriber',
              subject: subscriber,
              firstAt: day * 86_400_000,
              lastAt: (day + 1) * 86_400_000 - 1,
              summary: `${m.name} spike on ${subscriber} on ${dayLabel(day)}: ${fmt(value)} ${m.unit} against a median of ${fmt(s.median)} over ${history.length} days`,
              evidence: {
                events: evidenceEvents(line.keys?.get(day) ?? []),
                eventCount: today[m.name === 'voice' ? 1 : m.name === 'data' ? 5 : 4],
                statistics: { metric: m.name, value: fmt(value), baselineMedian: fmt(s.median), robustSpread: fmt(s.spread), robustZ: fmt(s.score), historyDays: history.length },
                threshold: { floor, robustZ: t.robustZ, minHistoryDays: t.minHistoryDays, criticalAt: floor * t.criticalFactor },
                signals: [],
              },
            });
          }
        }
        let newest = Number.NEGATIVE_INFINITY;
        for (const k of all.keys()) if (k > newest) newest = k;
        const days: Record<string, DayTotals> = {};
        for (const [k, v] of all) if (k > newest - t.historyDays - 1) days[k] = v;
        states.push({ scope: 'subscriber', key: `baseline:${subscriber}`, state: { firstSeenDay, days } satisfies LineBaselineState });
      }
      return { alerts, states };
    },
  };
}

function fmt(n: number): number {
  return Number(n.toFixed(n >= 100 ? 0 : 2));
}
