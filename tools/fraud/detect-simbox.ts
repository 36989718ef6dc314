import type { FraudThresholds } from './fraud-thresholds.ts';
import { dayLabel, dayOf, evidenceEvents, type AlertCandidate, type Detector, type FraudStateUpdate, type LineIndex } from './fraud.types.ts';
import { median, medianAbsoluteDeviation } from './robust-stats.ts';
import { kept } from './to-fraud-event.ts';

const OFF_NET = new Set(['mobile', 'national', 'local']);
// Call lengths kept per line and day: enough for a median, bounded however busy the line.
const MAX_DURATIONS = 400;
// A line that sent a message or used data this many days before a day is not a SIM box that day.
const SERVICE_MEMORY_DAYS = 28;
// Destinations, lengths and keys are kept from a day's sixth call on: most lines never make that
// many calls a day, and keeping every call's strings would make every record outlive its chunk.
const DETAIL_FROM_CALL = 6;

interface LineDay {
  calls: number;
  answered: number;
  /** From the day's sixth call on (DETAIL_FROM_CALL). */
  destinations: Set<string>;
  seconds: number[];
  keys: string[];
}

/** What the SIM box detector keeps per line between runs: the last day it sent an SMS or used data. */
export interface LineServicesState {
  lastSmsOrDataDay: number;
}

/**
 * SIM box (interconnect bypass): a line that places many calls a day to many distinct off-net
 * numbers, never sends a message or uses data, gets most calls answered, and whose calls last
 * about the same (relayed traffic, not a person). Only lines with no SMS or data so far are
 * tracked, so the detector costs little on ordinary handsets.
 */
export function createSimboxDetector(t: FraudThresholds['simbox'], lines: LineIndex): Detector {
  // By line slot: its days (while it has sent no SMS and used no data), the last day it did.
  const days: Array<number[] | undefined> = [];
  // The details of a line's day from its sixth call on, by slot and day.
  const details = new Map<number, LineDay>();
  const messaged: Array<number | undefined> = [];
  return {
    observe(e) {
      if (e.service !== 'voice') {
        const day = dayOf(e.startMs);
        messaged[e.line] = Math.max(day, messaged[e.line] ?? day);
        days[e.line] = undefined;
        return;
      }
      if (e.direction !== 'outbound' || messaged[e.line] !== undefined) return;
      // A line's days as flat triples (day, calls, answered): an ordinary day allocates no object.
      let f = days[e.line];
      if (!f) days[e.line] = f = [];
      const day = dayOf(e.startMs);
      let at = f.length - 3;
      while (at >= 0 && f[at] !== day) at -= 3;
      if (at < 0) {
        at = f.length;
        f.push(day, 0, 0);
      }
      const calls = ++f[at + 1]!;
      if (e.answered) f[at + 2]!++;
      if (calls < DETAIL_FROM_CALL) return;
      const detailKey = e.line * 65_536 + (day & 0xffff);
      let d = details.get(detailKey);
      if (!d) details.set(detailKey, (d = { calls: 0, answered: 0, destinations: new Set(), seconds: [], keys: [] }));
      if (d.keys.length < 50) d.keys.push(kept(e.key));
      if (e.other && OFF_NET.has(e.category)) d.destinations.add(kept(e.other));
      if (e.answered && d.seconds.length < MAX_DURATIONS) d.seconds.push(e.usage / 1000);
    },
    finish(load) {
      const alerts: AlertCandidate[] = [];
      const states: FraudStateUpdate[] = [];
      for (let slot = 0; slot < messaged.length; slot++) {
        const day = messaged[slot];
        if (day === undefined) continue;
        const subscriber = lines.names[slot]!;
        const before = load('subscriber', `services:${subscriber}`) as LineServicesState | null;
        if (!before || before.lastSmsOrDataDay < day) states.push({ scope: 'subscriber', key: `services:${subscriber}`, state: { lastSmsOrDataDay: day } satisfies LineServicesState });
      }
      for (let slot = 0; slot < days.length; slot++) {
        const f = days[slot];
        if (!f) continue;
        const byDay = new Map<number, LineDay>();
        for (let at = 0; at < f.length; at += 3) {
          const day = f[at]!;
          const d = details.get(slot * 65_536 + (day & 0xffff));
          if (d) byDay.set(day, { ...d, calls: f[at + 1]!, answered: f[at + 2]! });
        }
        const subscriber = lines.names[slot]!;
        const flagged: Array<{ day: number; d: LineDay; spread: number; ratio: number }> = [];
        for (const [day, d] of byDay) {
          if (d.calls < t.minCallsPerDay || d.destinations.size < t.minDistinctDestinations) continue;
          const ratio = d.answered / d.calls;
          const med = median(d.seconds);
          const spread = med > 0 ? medianAbsoluteDeviation(d.seconds) / med : 1;
          if (ratio < t.minAnswerRatio || spread > t.maxDurationSpread) continue;
          flagged.push({ day, d, spread, ratio });
        }
        if (flagged.length === 0) continue;
        const before = load('subscriber', `services:${subscriber}`) as LineServicesState | null;
        const clean = flagged.filter((f) => !before || f.day - before.lastSmsOrDataDay > SERVICE_MEMORY_DAYS);
        if (clean.length === 0) continue;
        clean.sort((a, b) => a.day - b.day);
        const calls = clean.reduce((n, f) => n + f.d.calls, 0);
        const destinations = new Set(clean.flatMap((f) => [...f.d.destinations])).size;
        const first = clean[0]!;
        alerts.push({
          key: `simbox:${subscriber}:${first.day}`,
          detector: 'simbox',
          severity: clean.length >= t.criticalDays || first.d.calls >= 2 * t.minCallsPerDay ? 'critical' : 'warning',
          subjectKind: 'subscriber',
          subject: subscriber,
          firstAt: first.day * 86_400_000,
          lastAt: (clean[clean.length - 1]!.day + 1) * 86_400_000 - 1,
          summary: `${subscriber} looks like a SIM box: ${calls} calls to ${destinations} distinct off-net numbers over ${clean.length} day(s) from ${dayLabel(first.day)}, no SMS or data, regular call lengths`,
          evidence: {
            events: evidenceEvents(clean.flatMap((f) => f.d.keys)),
            eventCount: calls,
            statistics: {
              days: clean.length,
              calls,
              distinctDestinations: destinations,
              answerRatio: Number(Math.min(...clean.map((f) => f.ratio)).toFixed(3)),
              durationSpread: Number(Math.max(...clean.map((f) => f.spread)).toFixed(3)),
              medianSeconds: median(clean.flatMap((f) => f.d.seconds)),
              smsOrDataEvents: 0,
            },
            threshold: {
              minCallsPerDay: t.minCallsPerDay,
              minDistinctDestinations: t.minDistinctDestinations,
              minAnswerRatio: t.minAnswerRatio,
              maxDurationSpread: t.maxDurationSpread,
              criticalDays: t.criticalDays,
            },
            signals: clean.map((f) => `${dayLabel(f.day)}: ${f.d.calls} calls, ${f.d.destinations.size} distinct numbers`),
          },
        });
      }
      return { alerts, states };
    },
  };
}
