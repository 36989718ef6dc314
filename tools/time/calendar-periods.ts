import { calendarDateSchema } from '../schemas/index.ts';

/**
 * Calendar-date arithmetic on YYYY-MM-DD strings. Taxes change on calendar days in the customer's
 * calendar, so dates stay plain strings (which sort correctly) and never pass through a time zone.
 */

/** True for a YYYY-MM-DD string naming a real day (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  return calendarDateSchema.safeParse(value).success;
}

/** Number of days in a month (1-12) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The date `months` calendar months after `date`, clamped to the month's last day (Jan 31 + 1
 * month = Feb 28/29), always counted from the same anchor so repeated steps do not drift.
 */
export function addMonthsToDate(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Consecutive months of [from, to), each starting on the same day of month as `from`; the last may be partial. */
export function splitIntoMonths(from: string, to: string): { from: string; to: string }[] {
  const months: { from: string; to: string }[] = [];
  for (let k = 0; ; k += 1) {
    const start = addMonthsToDate(from, k);
    if (start >= to) return months;
    const next = addMonthsToDate(from, k + 1);
    months.push({ from: start, to: next < to ? next : to });
  }
}

/** True when [a.from, a.to) and [b.from, b.to) share at least one day (an empty period shares none). */
export function periodsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from < a.to && b.from < b.to && a.from < b.to && b.from < a.to;
}

/** The smallest period containing all of them: earliest from, latest to. */
export function spanOf(periods: readonly { from: string; to: string }[]): { from: string; to: string } {
  if (periods.length === 0) throw new RangeError('spanOf needs at least one period');
  let from = periods[0]!.from;
  let to = periods[0]!.to;
  for (const p of periods) {
    if (p.from < from) from = p.from;
    if (p.to > to) to = p.to;
  }
  return { from, to };
}
