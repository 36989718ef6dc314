import { createIrsfDetector } from './detect-irsf.ts';
import { createRevenueDetector } from './detect-revenue.ts';
import { createSimboxDetector } from './detect-simbox.ts';
import { createSpikeDetector } from './detect-spikes.ts';
import { createWangiriDetector } from './detect-wangiri.ts';
import type { FraudThresholds } from './fraud-thresholds.ts';
import type { AlertCandidate, Detector, FraudDetector, FraudEvent, FraudStateLoader, FraudStateUpdate, LineIndex } from './fraud.types.ts';

/** Every detector over one stream of events (an ingest, or the scheduled pass over recent usage). */
export interface FraudStage {
  observe(event: FraudEvent): void;
  /** Events observed so far. */
  readonly observed: number;
  /** The alerts of everything observed, and the state to keep; `load` reads what earlier runs kept. */
  finish(load: FraudStateLoader): { alerts: AlertCandidate[]; states: FraudStateUpdate[] };
}

/** Creates the fraud stage with a tenant's thresholds; `timezone` decides what "night" is. */
export function createFraudStage(thresholds: FraudThresholds, options: { timezone: string; detectors?: readonly FraudDetector[] }): FraudStage {
  const index: LineIndex = { names: [] };
  const slots = new Map<string, number>();
  const all: Record<FraudDetector, () => Detector> = {
    irsf: () => createIrsfDetector(thresholds.irsf, options.timezone, index),
    wangiri: () => createWangiriDetector(thresholds.wangiri),
    simbox: () => createSimboxDetector(thresholds.simbox, index),
    spike: () => createSpikeDetector(thresholds.spike, index),
    revenue: () => createRevenueDetector(thresholds.revenue),
  };
  const detectors = (options.detectors ?? (Object.keys(all) as FraudDetector[])).map((d) => all[d]());
  let observed = 0;
  return {
    observe(event) {
      observed++;
      let slot = slots.get(event.subscriber);
      if (slot === undefined) {
        slot = index.names.length;
        slots.set(event.subscriber, slot);
        index.names.push(event.subscriber);
      }
      event.line = slot;
      for (const d of detectors) d.observe(event);
    },
    get observed() {
      return observed;
    },
    finish(load) {
      // One load per key: detectors share the loader, a key read twice is read once.
      const cache = new Map<string, unknown>();
      const cached: FraudStateLoader = (scope, key) => {
        const k = `${scope}\u0000${key}`;
        if (!cache.has(k)) cache.set(k, load(scope, key) ?? null);
        return cache.get(k);
      };
      // Every line's baseline is read (the spike detector's), so it is fetched in batches first.
      load.prefetch?.(
        'subscriber',
        index.names.map((n) => `baseline:${n}`),
      );
      const alerts: AlertCandidate[] = [];
      const states: FraudStateUpdate[] = [];
      for (const d of detectors) {
        const r = d.finish(cached);
        alerts.push(...r.alerts);
        states.push(...r.states);
      }
      alerts.sort((a, b) => a.firstAt - b.firstAt || (a.key < b.key ? -1 : 1));
      return { alerts, states };
    },
  };
}
