import { daysInMonth, readDigits } from './parse-switch-timestamp.ts';
import { resolveLocalTime } from '../time/index.ts';

const MINUTE_MS = 60_000;

/**
 * Converts an ISO 8601 date-time to epoch ms, or NaN when it is malformed or does not exist.
 * Accepts `YYYY-MM-DD` then `T` or a space, `HH:MM`, optional `:SS` and a fraction (digits beyond
 * milliseconds are truncated), then `Z`, `±HH:MM`, `±HHMM`, `±HH`, or nothing, which means local
 * time in `timezone` (the earlier instant of a repeated autumn hour; a spring-gap time reads forward).
 */
export function parseIsoTimestamp(text: string, timezone: string): number {
  const len = text.length;
  if (len < 16 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(13) !== 0x3a) return NaN;
  const sep = text.charCodeAt(10);
  if (sep !== 0x54 && sep !== 0x74 && sep !== 0x20) return NaN;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  const hour = readDigits(text, 11, 2);
  const minute = readDigits(text, 14, 2);
  let second = 0;
  let ms = 0;
  let i = 16;
  if (text.charCodeAt(i) === 0x3a) {
    second = readDigits(text, 17, 2);
    i = 19;
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x2c) {
      const from = ++i;
      while (i < len && isDigit(text.charCodeAt(i))) i++;
      if (i === from) return NaN;
      for (let k = from; k < from + 3; k++) ms = ms * 10 + (k < i ? text.charCodeAt(k) - 0x30 : 0);
    }
  }
  // Date.UTC maps years 0..99 to 1900..1999, so only four-digit years from 1000 are read.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;

  // A local time in the repeated autumn hour reads as its earlier instant.
  if (i === len) return resolveLocalTime(year, month, day, hour, minute, second, timezone).epochMs + ms;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second) + ms;
  const c = text.charCodeAt(i);
  if ((c === 0x5a || c === 0x7a) && i + 1 === len) return asUtc;
  if (c !== 0x2b && c !== 0x2d) return NaN;
  const offHours = readDigits(text, i + 1, 2);
  let offMinutes = 0;
  if (len === i + 6 && text.charCodeAt(i + 3) === 0x3a) offMinutes = readDigits(text, i + 4, 2);
  else if (len === i + 5) offMinutes = readDigits(text, i + 3, 2);
  else if (len !== i + 3) return NaN;
  if (offHours < 0 || offHours > 23 || offMinutes < 0 || offMinutes > 59) return NaN;
  const offset = (offHours * 60 + offMinutes) * MINUTE_MS;
  return c === 0x2b ? asUtc - offset : asUtc + offset;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
