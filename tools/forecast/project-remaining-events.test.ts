import { describe, expect, it } from 'vitest';
import { ratedEvent } from '../charging/testing/charging-fixtures.ts';
import { MAX_PROJECTED_EVENTS, projectRemainingEvents } from './project-remaining-events.ts';

const ME = '447700900123';
const FROM = Date.parse('2025-03-11T00:00:00Z');
const TO = Date.parse('2025-04-01T00:00:00Z');

describe('projectRemainingEvents', () => {
  const five = ratedEvent(ME, 'voice', '2025-03-02T10:00:00Z', 300);
  const eight = ratedEvent(ME, 'voice', '2025-03-03T10:00:00Z', 480);

  it('cycles whole copies from the most recent, stopping where one more would overshoot by more than stopping falls short', () => {
    // 20 minutes to go: 8 + 5 = 13, then 8 more makes 21 (1 over, against 7 short): taken; then 5 more would be 6 over.
    const copies = projectRemainingEvents([five, eight], 1_200_000, { fromMs: FROM, toMs: TO, firstId: -1 });
    expect(copies.map((c) => c.usage)).toEqual([480_000, 300_000, 480_000]);
    expect(copies.map((c) => c.id)).toEqual([-1, -2, -3]);
    expect(copies.map((c) => c.cost)).toEqual([eight.cost, five.cost, eight.cost]);
    expect(copies[0]!.breakdown).toEqual(eight.breakdown);
  });

  it('spreads the copies evenly over the days left, answered when the template was', () => {
    const copies = projectRemainingEvents([eight], 4_800_000, { fromMs: FROM, toMs: TO, firstId: -10 });
    expect(copies).toHaveLength(10);
    expect(copies.every((c, i) => c.startTime >= FROM && c.startTime < TO && (i === 0 || c.startTime > copies[i - 1]!.startTime))).toBe(true);
    expect(copies.every((c) => c.answerTime === c.startTime)).toBe(true);
  });

  it('makes nothing without templates, use to go or days left, and at most MAX_PROJECTED_EVENTS', () => {
    expect(projectRemainingEvents([], 1_000, { fromMs: FROM, toMs: TO, firstId: -1 })).toEqual([]);
    expect(projectRemainingEvents([eight], 0, { fromMs: FROM, toMs: TO, firstId: -1 })).toEqual([]);
    expect(projectRemainingEvents([eight], 480_000, { fromMs: TO, toMs: TO, firstId: -1 })).toEqual([]);
    // Less than half an event to go: none.
    expect(projectRemainingEvents([eight], 200_000, { fromMs: FROM, toMs: TO, firstId: -1 })).toEqual([]);
    const text = ratedEvent(ME, 'sms', '2025-03-02T10:00:00Z', 1);
    expect(projectRemainingEvents([text], 1_000_000, { fromMs: FROM, toMs: TO, firstId: -1 })).toHaveLength(MAX_PROJECTED_EVENTS);
  });

  it('keeps a breakdown a loader holds behind a getter', () => {
    let reads = 0;
    const lazy = { ...eight };
    Object.defineProperty(lazy, 'breakdown', {
      enumerable: false,
      get: () => {
        reads += 1;
        return eight.breakdown;
      },
    });
    const copies = projectRemainingEvents([lazy], 2_400_000, { fromMs: FROM, toMs: TO, firstId: -1 });
    expect(copies).toHaveLength(5);
    expect(copies.every((c) => c.breakdown === eight.breakdown)).toBe(true);
    // Read once, however many copies.
    expect(reads).toBe(1);
  });
});
