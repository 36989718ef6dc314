import { BillingError } from '../errors.ts';
import { billingMonthSchema, calendarDateSchema } from '../schemas/index.ts';
import { localParts, zonedToEpoch } from './zoned-time.ts';

/**
 * Calendar dates (YYYY-MM-DD) and billing months (YYYY-MM) as plain strings: billing periods, plan
 * changes and tax rate changes are days in the operator's calendar, not instants.
 */

const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  if (!calendarDateSchema.safeParse(date).success) throw new BillingError('INVALID_INPUT', `not a calendar date YYYY-MM-DD: "${date}"`);
  return date.split('-').map(Number) as [number, number, number];
}

function format(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date);
  return format(Date.UTC(y, m - 1, d + n));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** The billing month `n` months after `label` (YYYY-MM). */
export function addMonths(label: string, n: number): string {
  if (!billingMonthSchema.safeParse(label).success) throw new BillingError('INVALID_INPUT', `not a billing month YYYY-MM: "${label}"`);
  const [y, m] = label.split('-').map(Number) as [number, number];
  return format(Date.UTC(y, m - 1 + n, 1)).slice(0, 7);
}

/** Months from `from` to `to` (both YYYY-MM). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = from.split('-').map(Number) as [number, number];
  const [y2, m2] = to.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** The local calendar date of an instant in a zone. */
export function localDate(epochMs: number, timezone: string): string {
  const p = localParts(epochMs, timezone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant a local date starts (its first local midnight) in a zone. */
export function startOfLocalDate(date: string, timezone: string): number {
  const [y, m, d] = parts(date);
  return zonedToEpoch(y, m, d, 0, 0, 0, timezone);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = parts(date);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** Throws unless the text is a calendar date YYYY-MM-DD. */
export function checkDate(date: string): string {
  parts(date);
  return date;
}
