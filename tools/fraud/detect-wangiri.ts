import type { FraudThresholds } from './fraud-thresholds.ts';
import { dayLabel, dayOf, evidenceEvents, type AlertCandidate, type Detector } from './fraud.types.ts';
import { chainBursts, peakInWindow } from './detect-irsf.ts';
import { rangeOf } from './number-ranges.ts';
import { kept } from './to-fraud-event.ts';

interface RingCall {
  key: string;
  at: number;
  subscriber: string;
}

/**
 * Wangiri ("one ring and cut"): a wave of short unanswered calls from one international range to
 * many of our lines, hoping they call back a premium number. Waves chain like IRSF bursts; a wave
 * alerts when it has enough calls in one window reaching enough distinct lines. Our lines calling
 * the range back afterwards are counted as callbacks (the money actually lost) and make it critical.
 */
export function createWangiriDetector(t: FraudThresholds['wangiri']): Detector {
  const rings = new Map<string, RingCall[]>();
  // Outbound calls abroad, by the range they reach: callbacks, once the ranges of the waves are known.
  const outbound = new Map<string, RingCall[]>();
  return {
    observe(e) {
      if (e.service !== 'voice' || !e.other || e.category !== 'international') return;
      const range = rangeOf(e.other, t.rangeDigits);
      if (e.direction === 'inbound') {
        if (e.answered || (e.ringMs !== null && e.ringMs > t.maxRingSeconds * 1000)) return;
        let list = rings.get(range);
        if (!list) rings.set(kept(range), (list = []));
        list.push({ key: kept(e.key), at: e.startMs, subscriber: e.subscriber });
      } else if (e.direction === 'outbound' && rings.has(range)) {
        // Only calls to a range that has rung lines of ours can be callbacks (a file is read in time order).
        let list = outbound.get(range);
        if (!list) outbound.set(range, (list = []));
        list.push({ key: kept(e.key), at: e.startMs, subscriber: e.subscriber });
      }
    },
    finish() {
      const alerts: AlertCandidate[] = [];
      const windowMs = t.windowMinutes * 60_000;
      for (const [range, list] of rings) {
        if (list.length < t.warningCalls) continue;
        list.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1));
        for (const wave of chainBursts(list, windowMs)) {
          const peak = peakInWindow(wave, windowMs);
          const lines = new Set(wave.map((c) => c.subscriber));
          if (peak < t.warningCalls || lines.size < t.minDistinctLines) continue;
          const first = wave[0]!.at;
          const last = wave[wave.length - 1]!.at;
          const callbacks = (outbound.get(range) ?? []).filter((c) => c.at >= first && c.at <= last + t.callbackHours * 3_600_000 && lines.has(c.subscriber));
          const signals = callbacks.length > 0 ? [`${callbacks.length} callback(s) from ${new Set(callbacks.map((c) => c.subscriber)).size} line(s)`] : [];
          alerts.push({
            key: `wangiri:${range}:${Math.floor(first / 60_000)}`,
            detector: 'wangiri',
            severity: peak >= t.criticalCalls || callbacks.length > 0 ? 'critical' : 'warning',
            subjectKind: 'calling_range',
            subject: range,
            firstAt: first,
            lastAt: Math.max(last, ...callbacks.map((c) => c.at)),
            summary: `${wave.length} one-ring calls from range +${range}${'x'.repeat(t.rangeDigits)} to ${lines.size} lines on ${dayLabel(dayOf(first))}${callbacks.length > 0 ? `, ${callbacks.length} called back` : ''}`,
            evidence: {
              events: evidenceEvents([...callbacks.map((c) => c.key), ...wave.map((c) => c.key)]),
              eventCount: wave.length + callbacks.length,
              statistics: { oneRingCalls: wave.length, peakInWindow: peak, distinctLines: lines.size, callbacks: callbacks.length },
              threshold: { windowMinutes: t.windowMinutes, maxRingSeconds: t.maxRingSeconds, warningCalls: t.warningCalls, criticalCalls: t.criticalCalls, minDistinctLines: t.minDistinctLines },
              signals,
            },
          });
        }
      }
      return { alerts, states: [] };
    },
  };
}
