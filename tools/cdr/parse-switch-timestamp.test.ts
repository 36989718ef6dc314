import { describe, expect, it } from 'vitest';
import { createSwitchTimestampParser, parseSwitchTimestamp } from './parse-switch-timestamp.ts';

const HOUR = 3_600_000;

describe('SwitchTimestampParser', () => {
  it('reports the shift to the other reading after each parse', () => {
    const p = createSwitchTimestampParser('Europe/London');
    expect(p.parse('2024-10-27 01:59:59')).toBe(Date.UTC(2024, 9, 27, 0, 59, 59));
    expect(p.lastShift).toBe(HOUR);
    expect(p.parse('2024-10-27 02:00:00')).toBe(Date.UTC(2024, 9, 27, 2, 0, 0));
    expect(p.lastShift).toBe(0);
    expect(p.parse('bad')).toBeNaN();
    expect(p.lastShift).toBe(0);
  });

  it('gives the same answer from its memo as from a cold parse, minute after minute', () => {
    const warm = createSwitchTimestampParser('America/New_York');
    for (let m = 0; m < 24 * 60; m += 7) {
      const text = `2024-11-03 ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      const cold = createSwitchTimestampParser('America/New_York').parse(text);
      expect(warm.parse(text)).toBe(cold);
      expect(warm.parse(text)).toBe(cold);
    }
    expect(parseSwitchTimestamp('2024-11-03 02:09:22', 'America/New_York')).toBe(Date.UTC(2024, 10, 3, 7, 9, 22));
  });
});
