import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { dec, isDecimalString, minorUnits, parseRoundingMethod } from '../money/index.ts';
import { isValidTimezone, zonedToEpoch } from '../time/index.ts';
import { parseGoDuration } from './parse-go-duration.ts';
import type { RateSlot } from './tariff.types.ts';

/**
 * What the CGRateS importer and the native loader share: locating a problem in the source file and
 * the field parsers both formats use (so "0.10", "1m", "*up", "08:00:00" mean the same in both).
 * Cross-reference checks are in validate-tariff-references.ts.
 *
 * Field parsers throw RangeError with a message that names the value; each format wraps it with
 * its own file and line.
 */

// ---------------------------------------------------------------------------------------------
// Locations and errors

/** Where a definition came from: a file name and a 1-based line (null when unknown). */
export interface TariffLocation {
  file: string;
  line: number | null;
}

export type TariffSection = 'destinations' | 'rates' | 'destinationRates' | 'timings' | 'ratingPlans' | 'ratingProfiles';

/**
 * Finds the source of a definition: `id` is the section's id (for ratingProfiles, the profile's
 * index as a string) and `index` the row within the id (rate slot after sorting, destination-rate
 * row, rating-plan row).
 */
export type TariffLocator = (section: TariffSection, id: string, index?: number) => TariffLocation;

/** "Rates.csv line 4" or "Rates.csv". */
export function formatLocation(location: TariffLocation): string {
  return location.line === null ? location.file : `${location.file} line ${location.line}`;
}

/** An INVALID_TARIFF error whose message starts with the file and line; details carry them too. */
export function tariffError(location: TariffLocation, message: string, details: Record<string, unknown> = {}): BillingError {
  return new BillingError('INVALID_TARIFF', `${formatLocation(location)}: ${message}`, {
    file: location.file,
    line: location.line,
    ...details,
  });
}

/** The message of anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs a field parser and turns its RangeError (or a zod error of the input) into an INVALID_TARIFF
 * error at `location`, prefixed with `context` (e.g. "Rates RT_1") when given.
 */
export function atLocation<T>(location: TariffLocation, details: Record<string, unknown>, parse: () => T, context?: string): T {
  try {
    return parse();
  } catch (err) {
    // Only the parsers' own failures are the file's fault; anything else (a TypeError, a plain
    // Error) is a defect and must surface as one, not as "your tariff is wrong".
    if (!(err instanceof RangeError || err instanceof z.core.$ZodError)) throw err;
    throw tariffError(location, context ? `${context}: ${errorMessage(err)}` : errorMessage(err), details);
  }
}

// ---------------------------------------------------------------------------------------------
// Field parsers shared by both formats (throw RangeError)

/** Ids name definitions: non-empty, no whitespace, not a reserved "*" name, not "__proto__". */
export function checkTariffId(id: string, what: string): string {
  if (id === '') throw new RangeError(`${what} id is empty`);
  if (/\s/.test(id)) throw new RangeError(`${what} id "${id}" contains whitespace`);
  if (id.startsWith('*')) throw new RangeError(`${what} id "${id}" is reserved (ids starting with "*" are CGRateS meta values)`);
  if (id === '__proto__') throw new RangeError(`${what} id "${id}" is not allowed`);
  return id;
}

/**
 * A non-negative decimal amount, returned in canonical form ("0.10" -> "0.1", ".5" -> "0.5",
 * "+1" -> "1"). Never through a binary float. An empty text is refused (callers decide defaults).
 */
export function parseTariffDecimal(text: string, what: string): string {
  const s = text.trim();
  if (s === '') throw new RangeError(`${what} is empty`);
  if (!isDecimalString(s)) throw new RangeError(`${what} "${text}" is not a decimal number such as "0.01"`);
  if (s.startsWith('-')) throw new RangeError(`${what} "${text}" is negative`);
  return dec(s).toFixed();
}

/** A usage quantity in base units: a Go duration ("60s") or a bare integer ("1024"). */
export function parseTariffQuantity(text: string, what: string): number {
  try {
    return parseGoDuration(text);
  } catch (err) {
    throw new RangeError(`${what}: ${errorMessage(err)}`);
  }
}

/** A non-negative weight ("10", "0", "2.5"). */
export function parseTariffWeight(text: string): number {
  const s = text.trim();
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(s)) {
    throw new RangeError(s.startsWith('-') ? `weight "${text}" is negative` : `weight "${text}" is not a number`);
  }
  return Number(s);
}

/** CGRateS rounding names "*up", "*middle", "*down" (also without the star). */
export function parseTariffRounding(text: string): 'up' | 'middle' | 'down' {
  const s = text.trim();
  if (s === '') throw new RangeError('rounding method is empty (use *up, *middle or *down)');
  let method: string;
  try {
    method = parseRoundingMethod(s);
  } catch {
    throw new RangeError(`unknown rounding method "${text}" (use *up, *middle or *down)`);
  }
  if (method !== 'up' && method !== 'middle' && method !== 'down') {
    throw new RangeError(`rounding method "${text}" is not supported in tariffs (use *up, *middle or *down)`);
  }
  return method;
}

/** Rounding decimals: an integer 0..10. */
export function parseTariffRoundingDecimals(text: string): number {
  const s = text.trim();
  if (!/^\d+$/.test(s) || Number(s) > 10) throw new RangeError(`rounding decimals "${text}" must be an integer from 0 to 10`);
  return Number(s);
}

/** "*free", "*disconnect", or empty (null). */
export function parseMaxCostStrategy(text: string): '*free' | '*disconnect' | null {
  const s = text.trim();
  if (s === '') return null;
  if (s === '*free' || s === '*disconnect') return s;
  throw new RangeError(`unknown MaxCostStrategy "${text}" (use *free or *disconnect)`);
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "HH:MM:SS" (or "HH:MM"), 00:00:00..23:59:59, returned as "HH:MM:SS". */
export function parseTimeOfDay(text: string): string {
  const s = text.trim();
  const m = TIME_OF_DAY.exec(s);
  if (!m) throw new RangeError(`time "${text}" is not HH:MM:SS`);
  const [, hh = '', mm = '', ss = '00'] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) throw new RangeError(`time "${text}" is out of range`);
  return `${hh}:${mm}:${ss}`;
}

/**
 * A CGRateS Timings Time cell: "HH:MM:SS" (start, window to the end of the day), "start;end",
 * or "*asap" (from midnight). The end must be after the start.
 */
export function parseTimingWindow(text: string): { startTime: string; endTime: string | null } {
  const parts = text.split(';').map((p) => p.trim());
  if (parts.length > 2) throw new RangeError(`time "${text}" must be HH:MM:SS or HH:MM:SS;HH:MM:SS`);
  const [start = '', end] = parts;
  const startTime = start === '*asap' || start === '' ? '00:00:00' : parseTimeOfDay(start);
  const endTime = end === undefined || end === '' ? null : parseTimeOfDay(end);
  return { startTime, endTime: checkTimingWindow(startTime, endTime) };
}

/** Refuses a window whose end is not after its start (it would never match). */
export function checkTimingWindow(startTime: string, endTime: string | null): string | null {
  if (endTime !== null && endTime <= startTime) {
    throw new RangeError(`timing window ends (${endTime}) at or before it starts (${startTime})`);
  }
  return endTime;
}

export type TimingField = 'years' | 'months' | 'monthDays' | 'weekDays';
const TIMING_RANGES: Record<TimingField, [number, number]> = {
  years: [1970, 9999],
  months: [1, 12],
  monthDays: [1, 31],
  weekDays: [1, 7],
};
const WEEKDAY_NAMES = new Map<string, number>(
  ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].flatMap((name, i) => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
  ]),
);

/**
 * A Timings list: "*any" (or empty), or integers. Values are range-checked, sorted and de-duplicated.
 * `weekdayZeroIsSunday` accepts Go's 0 = Sunday (CGRateS files) and stores it as ISO 7;
 * `weekdayNames` accepts "mon" … "sun" (native format).
 */
export function parseTimingList(value: string | number | readonly (string | number)[], field: TimingField, opts: { weekdayZeroIsSunday?: boolean; weekdayNames?: boolean } = {}): '*any' | number[] {
  let items: (string | number)[];
  if (typeof value === 'string') {
    const s = value.trim();
    if (s === '' || s === '*any') return '*any';
    items = s.split(';').map((x) => x.trim());
  } else if (typeof value === 'number') {
    items = [value];
  } else {
    items = [...value];
  }
  if (items.length === 0) throw new RangeError(`${field} is an empty list (use *any)`);
  const [min, max] = TIMING_RANGES[field];
  const out = new Set<number>();
  for (const item of items) {
    let n: number;
    if (typeof item === 'number') {
      n = item;
    } else if (/^\d+$/.test(item)) {
      n = Number(item);
    } else if (field === 'weekDays' && opts.weekdayNames && WEEKDAY_NAMES.has(item.trim().toLowerCase())) {
      n = WEEKDAY_NAMES.get(item.trim().toLowerCase()) ?? 0;
    } else {
      throw new RangeError(`${field} value "${item}" is not a whole number`);
    }
    if (field === 'weekDays' && n === 0 && opts.weekdayZeroIsSunday) n = 7;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new RangeError(`${field} value ${JSON.stringify(item)} is out of range ${min}..${max}`);
    }
    out.add(n);
  }
  return [...out].sort((a, b) => a - b);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * An ISO 8601 / RFC 3339 instant as epoch ms. With "Z" or an offset it is absolute; a date-time
 * without one ("2025-01-01T00:00:00", "2025-01-01 00:00:00") or a bare date is wall-clock time
 * in `timezone`. Fractions of a second finer than a millisecond must be zero.
 */
export function parseTariffInstant(text: string, timezone: string): number {
  const s = text.trim();
  const m = DATE_TIME.exec(s);
  if (!m) throw new RangeError(`"${text}" is not an ISO 8601 date-time such as 2025-01-01T00:00:00Z`);
  const [, y = '', mo = '', d = '', hh = '00', mi = '00', ss = '00', frac = '', z, sign, oh = '00', om = '00'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`"${text}" is not a valid date-time`);
  }
  if (/[1-9]/.test(frac.slice(3))) throw new RangeError(`"${text}" is more precise than a millisecond`);
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
  if (z !== undefined) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (sign !== undefined) {
    if (Number(oh) > 23 || Number(om) > 59) throw new RangeError(`"${text}" has an invalid UTC offset`);
    const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
    return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
  }
  return zonedToEpoch(year, month, day, hour, minute, second, timezone) + ms;
}

/** The rate slot rules: a non-zero rate needs a non-zero rate unit and rate increment. */
export function checkRateSlot(slot: RateSlot): void {
  if (!dec(slot.rate).isZero()) {
    if (slot.rateUnit === 0) throw new RangeError(`rate ${slot.rate} with RateUnit 0 (a rate must be per a non-zero unit)`);
    if (slot.rateIncrement === 0) throw new RangeError(`rate ${slot.rate} with RateIncrement 0 (usage could never be charged)`);
  }
}

/**
 * Sorts a Rates id's slots by groupIntervalStart (stable, carrying `extra` along, e.g. source
 * lines) and returns the index of a slot that repeats an earlier start, or -1.
 */
export function sortRateSlots<T extends { slot: RateSlot }>(slots: T[]): { sorted: T[]; duplicateAt: number } {
  const sorted = [...slots].sort((a, b) => a.slot.groupIntervalStart - b.slot.groupIntervalStart);
  const duplicateAt = sorted.findIndex((s, i) => i > 0 && sorted[i - 1]?.slot.groupIntervalStart === s.slot.groupIntervalStart);
  return { sorted, duplicateAt };
}

/** A plan timezone: an IANA zone this runtime knows. */
export function checkTariffTimezone(timezone: string): string {
  if (!isValidTimezone(timezone)) throw new RangeError(`unknown time zone "${timezone}"`);
  return timezone;
}

/** A plan currency: a known ISO 4217 code, returned upper-case. */
export function checkTariffCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  try {
    if (!/^[A-Z]{3}$/.test(code)) throw new Error();
    minorUnits(code);
  } catch {
    throw new RangeError(`unknown ISO 4217 currency "${currency}"`);
  }
  return code;
}
