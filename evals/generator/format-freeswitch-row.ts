import type { Disposition } from '../../tools/cdr/usage-record.types.ts';
import { createLocalFormatter, makeImpossibleDate } from './format-timestamp.ts';
import type { MalformedKind, UsageEvent } from './generator.types.ts';
import { quoteAlways as q, splitQuotedCsv, unterminate } from './quote-csv-field.ts';
import { Random, createWeightedPicker } from './random.ts';

/** Malformations a FreeSWITCH mod_cdr_csv line can carry. */
export const FREESWITCH_MALFORMED_KINDS: readonly MalformedKind[] = ['WRONG_COLUMN_COUNT', 'UNTERMINATED_QUOTE', 'INVALID_DATE', 'NEGATIVE_DURATION', 'UNKNOWN_DISPOSITION'];

// Q.850 causes FreeSWITCH writes for each outcome, weighted by how often they show up.
const HANGUP_CAUSES: Record<Disposition, readonly (readonly [string, number])[]> = {
  answered: [['NORMAL_CLEARING', 1]],
  no_answer: [
    ['NO_ANSWER', 6],
    ['ORIGINATOR_CANCEL', 3],
    ['NO_USER_RESPONSE', 1],
  ],
  busy: [['USER_BUSY', 1]],
  failed: [
    ['CALL_REJECTED', 3],
    ['UNALLOCATED_NUMBER', 3],
    ['NORMAL_TEMPORARY_FAILURE', 2],
  ],
  congestion: [['NORMAL_CIRCUIT_CONGESTION', 1]],
};
const BAD_CAUSES = ['NORMAL_CLEARNG', 'HANGUP_COMPLETE_OK', 'CAUSE_999'];
const CODECS = ['PCMA', 'PCMA', 'PCMU', 'G722', 'opus'];

/** Caller name, caller, destination and context: calls from other networks arrive in the `public` context. */
function line0(event: UsageEvent): string {
  const sub = event.subscriber;
  if (event.direction === 'outbound') return q(sub.name) + ',"' + sub.msisdn + '",' + q(event.otherParty) + ',"' + (sub.extension === null ? 'subscribers' : 'default');
  const called = event.direction === 'transit' ? (event.transitTo as string) : sub.msisdn;
  return '"",' + q(event.otherParty) + ',' + q(called) + ',"public';
}

/** Creates a formatter of FreeSWITCH mod_cdr_csv lines in the `default` (13) or `example` (15 columns) template, every field quoted. */
export function createFreeswitchRowFormatter(template: 'default' | 'example', timezone: string, seed: number | string): (event: UsageEvent, malformed?: MalformedKind) => string {
  const time = createLocalFormatter(timezone);
  const rng = new Random(`freeswitch:${String(seed)}`);
  const causes = Object.fromEntries(Object.entries(HANGUP_CAUSES).map(([k, v]) => [k, createWeightedPicker(v)])) as Record<Disposition, (r: Random) => string>;
  const uuid = (): string => {
    const h = rng.hex(32);
    // Version 4, RFC 4122 variant, like switch_uuid_get.
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16] ?? '0', 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };

  return (event, malformed) => {
    const sub = event.subscriber;
    const reached = event.disposition !== 'failed' && event.disposition !== 'congestion';
    let start = time(event.startMs);
    let duration = String(Math.round((event.endMs - event.startMs) / 1000));
    let billsec = String(Math.round(event.billMs / 1000));
    let cause = causes[event.disposition](rng);
    if (malformed === 'INVALID_DATE') start = makeImpossibleDate(start, event.seq);
    else if (malformed === 'NEGATIVE_DURATION') {
      duration = `-${Math.max(1, Number(duration))}`;
      billsec = duration;
    } else if (malformed === 'UNKNOWN_DISPOSITION') cause = BAD_CAUSES[event.seq % BAD_CAUSES.length] as string;

    let line =
      line0(event) +
      '","' +
      start +
      '","' +
      (event.answerMs === null ? '' : time(event.answerMs)) +
      '","' +
      time(event.endMs) +
      '","' +
      duration +
      '","' +
      billsec +
      '","' +
      cause +
      '","' +
      uuid() +
      '","' +
      (reached ? uuid() : '') +
      '",' +
      q(sub.account);
    if (template === 'example') {
      const codec = rng.pick(CODECS);
      line += event.answerMs === null ? ',"",""' : `,"${codec}","${codec}"`;
    }

    if (malformed === 'WRONG_COLUMN_COUNT' || malformed === 'UNTERMINATED_QUOTE') {
      const fields = splitQuotedCsv(line);
      if (malformed === 'WRONG_COLUMN_COUNT') fields.splice(3, 1);
      else unterminate(fields, 'PCMA');
      line = fields.join(',');
    }
    return line;
  };
}
