import { describe, expect, it } from 'vitest';
import { addMonthsToDate, isCalendarDate, periodsOverlap, spanOf, splitIntoMonths } from './calendar-periods.ts';

describe('calendar dates', () => {
  it('knows real days, leap years included', () => {
    expect(['2024-02-29', '2000-02-29', '2025-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '1900-02-29', '2025-04-31', '2025-00-10', '2025-1-01'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });

  it('adds months from a fixed anchor, clamping to the month end without drifting', () => {
    expect(addMonthsToDate('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonthsToDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsToDate('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonthsToDate('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('splits a period into billing months anchored on its first day, the last one partial', () => {
    expect(splitIntoMonths('2025-01-31', '2025-04-15')).toEqual([
      { from: '2025-01-31', to: '2025-02-28' },
      { from: '2025-02-28', to: '2025-03-31' },
      { from: '2025-03-31', to: '2025-04-15' },
    ]);
    expect(splitIntoMonths('2025-10-15', '2025-11-15')).toEqual([{ from: '2025-10-15', to: '2025-11-15' }]);
  });

  it('treats periods as [from, to)', () => {
    expect(periodsOverlap({ from: '2025-01-01', to: '2025-02-01' }, { from: '2025-02-01', to: '2025-03-01' })).toBe(false);
    expect(periodsOverlap({ from: '2025-01-01', to: '2025-02-01' }, { from: '2025-01-31', to: '2025-01-31' })).toBe(false);
    expect(periodsOverlap({ from: '2025-01-01', to: '2025-02-01' }, { from: '2025-01-31', to: '2025-02-01' })).toBe(true);
    expect(
      spanOf([
        { from: '2025-02-01', to: '2025-03-01' },
        { from: '2025-01-15', to: '2025-02-01' },
      ]),
    ).toEqual({ from: '2025-01-15', to: '2025-03-01' });
  });
});
