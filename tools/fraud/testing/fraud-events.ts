import type { FraudEvent } from '../fraud.types.ts';

let counter = 0;

/** A fraud event with ordinary defaults (an answered 2-minute outbound mobile call), overridden by `e`. */
export function fraudEvent(e: Partial<FraudEvent> = {}): FraudEvent {
  counter++;
  return {
    key: `t:${counter}`,
    subscriber: '447400100001',
    direction: 'outbound',
    service: 'voice',
    category: 'mobile',
    other: `4473901${String(10_000 + (counter % 89_999)).padStart(5, '0')}`,
    otherCountry: 'GB',
    roaming: 'none',
    startMs: Date.parse('2025-03-10T12:00:00Z'),
    answered: true,
    ringMs: 5000,
    usage: 120_000,
    cost: '0.24',
    line: -1,
    ...e,
  };
}

/** `n` events from `start`, `stepMs` apart, each shaped by `shape(i)`. */
export function eventSeries(n: number, start: number, stepMs: number, shape: (i: number) => Partial<FraudEvent>): FraudEvent[] {
  return Array.from({ length: n }, (_, i) => fraudEvent({ startMs: start + i * stepMs, ...shape(i) }));
}

/** An IRSF burst: `n` answered calls from `subscriber` to sequential satellite numbers, three minutes apart. */
export function irsfBurst(subscriber: string, start: number, n: number): FraudEvent[] {
  return eventSeries(n, start, 180_000, (i) => ({ subscriber, category: 'international', other: `88216000${String(1000 + i)}`, otherCountry: null, usage: 600_000, cost: '12.50' }));
}
