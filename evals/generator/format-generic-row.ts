import { GENERIC_FIELDS } from '../../tools/cdr/index.ts';
import { createOffsetIsoFormatter, createUtcIsoFormatter, makeImpossibleDate } from './format-timestamp.ts';
import type { MalformedKind, UsageEvent } from './generator.types.ts';
import { quoteIfNeeded, splitQuotedCsv, unterminate } from './quote-csv-field.ts';

/** Column order of the generic CSV header: the format's own field list (the format allows any order). */
export const GENERIC_CSV_COLUMNS = GENERIC_FIELDS;

export const CSV_MALFORMED_KINDS: readonly MalformedKind[] = ['WRONG_COLUMN_COUNT', 'UNTERMINATED_QUOTE', 'INVALID_DATE', 'NEGATIVE_DURATION', 'UNKNOWN_SERVICE'];
export const JSONL_MALFORMED_KINDS: readonly MalformedKind[] = ['INVALID_JSON', 'INVALID_DATE', 'NEGATIVE_DURATION', 'UNKNOWN_SERVICE'];

const BAD_SERVICES = ['mms', 'fax', 'video'];

/** The values both generic formats write, after any malformation is applied. */
interface GenericValues {
  recordId: string;
  service: string;
  start: string;
  /** Voice: seconds as integer, 3-place decimal or Go duration; negative when malformed. '' when absent. */
  duration: string;
  disposition: string;
  /** SMS count or data bytes; '' for voice. */
  volume: string;
}

function genericValues(event: UsageEvent, start: string, malformed: MalformedKind | undefined): GenericValues {
  const v: GenericValues = {
    recordId: `cdr-${String(event.seq + 1).padStart(10, '0')}`,
    service: event.service,
    start,
    duration: event.service === 'voice' ? writeDuration(event.billMs, event.seq) : '',
    disposition: event.service === 'voice' ? event.disposition : '',
    volume: event.service === 'voice' ? '' : String(event.volume),
  };
  if (malformed === 'INVALID_DATE') v.start = makeImpossibleDate(start, event.seq);
  else if (malformed === 'UNKNOWN_SERVICE') v.service = BAD_SERVICES[event.seq % BAD_SERVICES.length] as string;
  else if (malformed === 'NEGATIVE_DURATION') {
    if (event.service === 'voice') v.duration = `-${Math.max(1, Math.round(event.billMs / 1000))}`;
    else v.volume = `-${event.volume}`;
  }
  return v;
}

// Sources differ in how they write seconds; the spec allows all three, so a few rows use each.
function writeDuration(billMs: number, seq: number): string {
  if (billMs % 1000 !== 0) return (billMs / 1000).toFixed(3);
  const sec = billMs / 1000;
  if (sec >= 60 && seq % 29 === 3) {
    const h = Math.floor(sec / 3600);
    const m = Math.floor(sec / 60) % 60;
    const s = sec % 60;
    return `${h > 0 ? `${h}h` : ''}${m}m${s}s`;
  }
  return String(sec);
}

/** Creates a formatter of generic CSV rows (header: GENERIC_CSV_COLUMNS) with UTC `Z` timestamps. */
export function createCsvRowFormatter(): (event: UsageEvent, malformed?: MalformedKind) => string {
  const iso = createUtcIsoFormatter();
  return (event, malformed) => {
    const v = genericValues(event, iso(event.startMs), malformed);
    let line =
      v.recordId +
      ',' +
      v.service +
      ',' +
      event.direction +
      ',' +
      event.subscriber.msisdn +
      ',' +
      (event.subscriber.imsi ?? '') +
      ',' +
      (event.servingNetwork ?? '') +
      ',' +
      (event.visitedCountry ?? '') +
      ',' +
      event.otherParty +
      ',' +
      v.start +
      ',' +
      v.duration +
      ',' +
      v.disposition +
      ',' +
      v.volume +
      ',' +
      (event.note === '' ? '' : quoteIfNeeded(event.note));
    if (malformed === 'WRONG_COLUMN_COUNT' || malformed === 'UNTERMINATED_QUOTE') {
      const fields = splitQuotedCsv(line);
      if (malformed === 'WRONG_COLUMN_COUNT') fields.splice(4, 1);
      else unterminate(fields, 'see ticket 4411, customer disputes');
      line = fields.join(',');
    }
    return line;
  };
}

/** Creates a formatter of JSON Lines objects with snake_case keys and local timestamps carrying the zone's offset. */
export function createJsonlRowFormatter(timezone: string): (event: UsageEvent, malformed?: MalformedKind) => string {
  const iso = createOffsetIsoFormatter(timezone);
  return (event, malformed) => {
    const v = genericValues(event, iso(event.startMs), malformed);
    const sub = event.subscriber;
    let line = `{"record_id":"${v.recordId}","service":"${v.service}","direction":"${event.direction}","subscriber":"+${sub.msisdn}"`;
    if (sub.imsi !== null) line += `,"imsi":"${sub.imsi}"`;
    if (event.servingNetwork !== null) line += `,"serving_network":"${event.servingNetwork}"`;
    if (event.visitedCountry !== null) line += `,"visited_country":"${event.visitedCountry}"`;
    if (event.service !== 'data') line += `,"other_party":"${event.otherParty}"`;
    line += `,"start":"${v.start}"`;
    if (v.duration !== '') line += /^-?[\d.]+$/.test(v.duration) ? `,"duration":${v.duration}` : `,"duration":"${v.duration}"`;
    if (v.disposition !== '') line += `,"disposition":"${v.disposition}"`;
    if (v.volume !== '') line += `,"volume":${v.volume}`;
    if (event.note !== '') line += `,"notes":${JSON.stringify(event.note)}`;
    line += '}';
    if (malformed === 'INVALID_JSON') {
      // A writer killed mid-line, or a hand-edited trailing comma: neither is a JSON object.
      line = event.seq % 2 === 0 ? line.slice(0, Math.max(2, Math.floor(line.length * 0.6))) : `${line.slice(0, -1)},}`;
    }
    return line;
  };
}
