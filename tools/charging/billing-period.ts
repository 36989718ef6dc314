import { addMonths, checkDate, daysBetween, startOfLocalDate } from '../time/index.ts';
import type { BillingPeriod } from './charging.types.ts';

/** Formats a date from a billing month and a day of month. */
function onDay(label: string, day: number): string {
  return checkDate(`${label}-${String(day).padStart(2, '0')}`);
}

/**
 * The billing period labelled `label` (YYYY-MM) for an account whose cycle starts on `cycleDay`:
 * from that day of the month to the same day of the next month, at local midnight in `timezone`.
 */
export function billingPeriod(label: string, cycleDay: number, timezone: string): BillingPeriod {
  const from = onDay(label, cycleDay);
  const to = onDay(addMonths(label, 1), cycleDay);
  return { label, from, to, days: daysBetween(from, to), fromMs: startOfLocalDate(from, timezone), toMs: startOfLocalDate(to, timezone) };
}

/** The label of the billing period that contains a date, for a cycle day. */
export function periodLabelOf(date: string, cycleDay: number): string {
  const month = date.slice(0, 7);
  return Number(date.slice(8, 10)) >= cycleDay ? month : addMonths(month, -1);
}
