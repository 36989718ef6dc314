import { createIrsfDetector } from './detect-irsf.ts';
import { createRevenueDetector } from './detect-revenue.ts';
import { createSimboxDetector } from './detect-simbox.ts';
import { createSpikeDetector } from './detect-spikes.ts';
import { createWangiriDetector } from './detect-wangiri.ts';
import type { FraudThresholds } from './fraud-thresholds.ts';
import { toFraudEvent } from './to-fraud-event.ts';
import { detachString } from '../classify/create-bounded-cache.ts';
import type { AlertCandidate, Detector, UsageFraudDetector as FraudDetector, FraudEvent, FraudStateLoader, FraudStateUpdate, LineIndex } from './fraud.types.ts';

/** Every detector over one stream of events (an ingest, or the scheduled pass over recent usage). */
export interface FraudStage {
  observe(event: FraudEvent): void;
  /**
   * The event of a record, its line numbered in the stage's index now (while the record's strings
   * are fresh): the ingest stage builds it when a chunk is handed over and observes it once the
   * store says the record was new.
   */
  eventOf(...args: Parameters<typeof toFraudEvent>): FraudEvent;
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
  const slotOf = (subscriber: string): number => {
    let slot = slots.get(subscriber);
    if (slot === undefined) {
      slot = index.names.length;
      // The index keeps the name: copied out of the file's text, which it would otherwise pin.
      const name = detachString(subscriber);
      slots.set(name, slot);
      index.names.push(name);
    }
    return slot;
  };
  return {
    eventOf(key, record, classification, rating) {
      const slot = slotOf(record.subscriber);
      const event = toFraudEvent(key, record, classification, rating, index.names[slot]!);
      event.line = slot;
      return event;
    },
    observe(event) {
      observed++;
      if (event.line < 0) event.line = slotOf(event.subscriber);
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
