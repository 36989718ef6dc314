/**
 * An independent, strict reader of generated lines used by the generator's tests: it reports the
 * quarantine reason a correct parser should give, or null for a good record. Deliberately written
 * apart from the formatters so a formatter bug cannot hide behind shared code.
 */
import { zonedToEpoch } from '../../tools/time/index.ts';
import type { GeneratedFormat, MalformedKind } from './generator.types.ts';

export type LineVerdict = MalformedKind | 'MALFORMED_CSV' | 'INCONSISTENT_TIMES' | 'INVALID_NUMBER' | 'INVALID_VALUE' | null;

/** Splits one RFC 4180 line; quoted fields come back unescaped. */
export function parseCsvLine(line: string): { fields: string[]; quoted: boolean[] } | 'UNTERMINATED_QUOTE' | 'MALFORMED_CSV' {
  const fields: string[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const close = line.indexOf('"', j);
        if (close === -1) return 'UNTERMINATED_QUOTE';
        value += line.slice(j, close);
        if (line[close + 1] === '"') {
          value += '"';
          j = close + 2;
          continue;
        }
        j = close + 1;
        break;
      }
      if (j < line.length && line[j] !== ',') return 'MALFORMED_CSV';
      fields.push(value);
      quoted.push(true);
      i = j;
    } else {
      let j = line.indexOf(',', i);
      if (j === -1) j = line.length;
      const value = line.slice(i, j);
      if (value.includes('"')) return 'MALFORMED_CSV';
      fields.push(value);
      quoted.push(false);
      i = j;
    }
    if (i >= line.length) return { fields, quoted };
    i++; // the comma
  }
}

const LOCAL_STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const ISO_STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

function fieldsExist(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && h < 24 && mi < 60 && s < 60;
}

/** Epoch ms of a switch's local `YYYY-MM-DD HH:MM:SS`, or null if it is not a real date. */
export function parseLocalStamp(text: string, timezone: string): number | null {
  const m = LOCAL_STAMP.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return fieldsExist(y, mo, d, h, mi, s) ? zonedToEpoch(y, mo, d, h, mi, s, timezone) : null;
}

/** Epoch ms of an ISO 8601 stamp with Z or an offset, or null if it is not a real date. */
export function parseIsoStamp(text: string): number | null {
  const m = ISO_STAMP.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return fieldsExist(y, mo, d, h, mi, s) ? Date.parse(text) : null;
}

const ASTERISK_DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);
const FREESWITCH_CAUSES = new Set([
  'NORMAL_CLEARING',
  'NO_ANSWER',
  'ORIGINATOR_CANCEL',
  'NO_USER_RESPONSE',
  'USER_BUSY',
  'CALL_REJECTED',
  'UNALLOCATED_NUMBER',
  'NORMAL_TEMPORARY_FAILURE',
  'NORMAL_CIRCUIT_CONGESTION',
]);
const GENERIC_DISPOSITIONS = new Set(['answered', 'no_answer', 'busy', 'failed', 'congestion']);
const SERVICES = new Set(['voice', 'sms', 'data']);

// Shared by both switch formats: dates, durations and their consistency.
function checkSwitchTimes(start: string, answer: string, end: string, duration: string, billsec: string, answered: boolean, timezone: string): LineVerdict {
  const s = parseLocalStamp(start, timezone);
  const e = parseLocalStamp(end, timezone);
  const a = answer === '' ? null : parseLocalStamp(answer, timezone);
  if (s === null || e === null || (answer !== '' && a === null)) return 'INVALID_DATE';
  if (!/^-?\d+$/.test(duration) || !/^-?\d+$/.test(billsec)) return 'INVALID_NUMBER';
  const dur = Number(duration);
  const bill = Number(billsec);
  if (dur < 0 || bill < 0) return 'NEGATIVE_DURATION';
  if (bill > dur || (a !== null && (a < s || e < a)) || e < s) return 'INCONSISTENT_TIMES';
  if ((e - s) / 1000 !== dur || (a !== null && (e - a) / 1000 !== bill)) return 'INCONSISTENT_TIMES';
  if (answered !== (a !== null) || (answered && bill === 0) || (!answered && bill !== 0)) return 'INCONSISTENT_TIMES';
  return null;
}

function checkAsterisk(line: string, timezone: string): LineVerdict {
  const parsed = parseCsvLine(line);
  if (typeof parsed === 'string') return parsed;
  const f = parsed.fields;
  if (f.length !== 16 && f.length !== 18 && f.length !== 21) return 'WRONG_COLUMN_COUNT';
  // duration and billsec are the only bare fields besides the 21-column sequence.
  if (parsed.quoted[12] || parsed.quoted[13] || parsed.quoted.filter((q) => !q).length !== (f.length === 21 ? 3 : 2)) return 'MALFORMED_CSV';
  const [start, answer, end, duration, billsec, disposition] = f.slice(9, 15) as [string, string, string, string, string, string];
  const times = checkSwitchTimes(start, answer, end, duration, billsec, disposition === 'ANSWERED', timezone);
  if (times === 'INVALID_DATE' || times === 'NEGATIVE_DURATION' || times === 'INVALID_NUMBER') return times;
  if (!ASTERISK_DISPOSITIONS.has(disposition)) return 'UNKNOWN_DISPOSITION';
  if (f[15] !== 'DOCUMENTATION' || (f.length >= 18 && !/^\d+\.\d+$/.test(f[16] ?? ''))) return 'INVALID_VALUE';
  return times;
}

function checkFreeswitch(line: string, timezone: string): LineVerdict {
  const parsed = parseCsvLine(line);
  if (typeof parsed === 'string') return parsed;
  const f = parsed.fields;
  if (f.length !== 13 && f.length !== 15) return 'WRONG_COLUMN_COUNT';
  if (parsed.quoted.some((q) => !q)) return 'MALFORMED_CSV';
  const [start, answer, end, duration, billsec, cause, uuid] = f.slice(4, 11) as [string, string, string, string, string, string, string];
  const times = checkSwitchTimes(start, answer, end, duration, billsec, cause === 'NORMAL_CLEARING', timezone);
  if (times === 'INVALID_DATE' || times === 'NEGATIVE_DURATION' || times === 'INVALID_NUMBER') return times;
  if (!FREESWITCH_CAUSES.has(cause)) return 'UNKNOWN_DISPOSITION';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid)) return 'INVALID_VALUE';
  return times;
}

interface GenericFields {
  service: string;
  start: string;
  duration: string;
  disposition: string;
  volume: string;
  subscriber: string;
}

function checkGeneric(g: GenericFields): LineVerdict {
  if (parseIsoStamp(g.start) === null) return 'INVALID_DATE';
  if (g.duration.startsWith('-') || g.volume.startsWith('-')) return 'NEGATIVE_DURATION';
  if (!SERVICES.has(g.service)) return 'UNKNOWN_SERVICE';
  if (!/^\+?\d{8,15}$/.test(g.subscriber)) return 'INVALID_VALUE';
  if (g.service === 'voice') {
    if (!/^(\d+(\.\d{1,3})?|(\d+h)?\d+m\d+s|\d+s)$/.test(g.duration)) return 'INVALID_NUMBER';
    if (!GENERIC_DISPOSITIONS.has(g.disposition)) return 'UNKNOWN_DISPOSITION';
    if ((g.disposition === 'answered') !== (g.duration !== '0')) return 'INCONSISTENT_TIMES';
  } else if (!/^\d+$/.test(g.volume)) return 'INVALID_NUMBER';
  return null;
}

function checkCsv(line: string, header: readonly string[]): LineVerdict {
  const parsed = parseCsvLine(line);
  if (typeof parsed === 'string') return parsed;
  if (parsed.fields.length !== header.length) return 'WRONG_COLUMN_COUNT';
  const get = (name: string): string => parsed.fields[header.indexOf(name)] ?? '';
  return checkGeneric({
    service: get('service'),
    start: get('start'),
    duration: get('duration'),
    disposition: get('disposition'),
    volume: get('volume'),
    subscriber: get('subscriber'),
  });
}

function checkJsonl(line: string): LineVerdict {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'INVALID_JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'INVALID_JSON';
  const o = value as Record<string, unknown>;
  const text = (k: string): string => (o[k] === undefined ? '' : String(o[k]));
  return checkGeneric({
    service: text('service'),
    start: text('start'),
    duration: text('duration'),
    disposition: text('disposition'),
    volume: text('volume'),
    subscriber: text('subscriber'),
  });
}

/** Creates a checker for data lines of `format`: the quarantine reason a line deserves, or null when it is a valid record. */
export function createLineValidator(format: GeneratedFormat, timezone: string, csvHeader?: string): (line: string) => LineVerdict {
  switch (format) {
    case 'asterisk':
      return (line) => checkAsterisk(line, timezone);
    case 'freeswitch':
      return (line) => checkFreeswitch(line, timezone);
    case 'csv': {
      const header = (csvHeader ?? '').split(',');
      return (line) => checkCsv(line, header);
    }
    case 'jsonl':
      return checkJsonl;
  }
}
