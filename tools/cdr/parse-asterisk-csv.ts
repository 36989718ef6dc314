import { checkTimezone } from './check-parser-options.ts';
import { accept, quarantine, quarantineCsvFailure, showValue, SKIP } from './create-outcome.ts';
import { parseCallTimes, type CallFieldNames } from './parse-call-times.ts';
import { createSwitchTimestampParser, type SwitchTimestampParser } from './parse-switch-timestamp.ts';
import { isBlankLine } from './read-lines.ts';
import { splitCsvLine } from './split-csv-line.ts';
import type { CdrParser, Disposition, ParseOutcome, ParserOptions } from './usage-record.types.ts';

const NAMES: CallFieldNames = { start: 'start', answer: 'answer', end: 'end', duration: 'duration', billsec: 'billsec' };

/** Maps Asterisk's disposition strings (ast_cdr_disp2str) to the normalised enum; exact, upper-case as cdr_csv writes them. */
function mapDisposition(text: string): Disposition | null {
  switch (text) {
    case 'ANSWERED':
      return 'answered';
    case 'NO ANSWER':
      return 'no_answer';
    case 'BUSY':
      return 'busy';
    case 'FAILED':
      return 'failed';
    case 'CONGESTION':
      return 'congestion';
    default:
      return null;
  }
}

/**
 * Parses one line of Asterisk cdr_csv Master.csv (16, 18 or 21 columns, chosen per line by count)
 * into a voice record, a quarantine verdict, or a skip for blank and header lines.
 */
export function parseAsteriskLine(line: string, stamps: SwitchTimestampParser): ParseOutcome {
  if (isBlankLine(line)) return SKIP;
  const f = splitCsvLine(line);
  if (!Array.isArray(f)) return quarantineCsvFailure(f);
  const accountcode = f[0]!;
  // Asterisk never writes a header; one added by an export tool names its first column this way.
  if (accountcode === 'accountcode') return SKIP;
  const n = f.length;
  if (n !== 16 && n !== 18 && n !== 21) {
    return quarantine('WRONG_COLUMN_COUNT', `${n} columns; Asterisk cdr_csv writes 16, 18 or 21`);
  }
  const src = f[1]!;
  const dst = f[2]!;
  if (src === '') return quarantine('MISSING_FIELD', 'src (the billed subscriber) is empty');
  if (dst === '') return quarantine('MISSING_FIELD', 'dst (the dialled party) is empty');
  const dispositionText = f[14]!;
  if (dispositionText === '') return quarantine('MISSING_FIELD', 'disposition is empty');
  const disposition = mapDisposition(dispositionText);
  if (disposition === null) return quarantine('UNKNOWN_DISPOSITION', `disposition ${showValue(dispositionText)} is not an Asterisk disposition`);

  const uniqueid = n >= 18 ? f[16]! : '';
  const times = parseCallTimes(f[9]!, f[10]!, f[11]!, f[12]!, f[13]!, stamps, NAMES, epochOfUniqueid(uniqueid));
  if ('kind' in times) return times;

  let sourceId: string | null = null;
  const attributes: Record<string, string> = {};
  if (accountcode !== '') attributes.accountcode = accountcode;
  keep(attributes, 'dcontext', f[3]!);
  keep(attributes, 'clid', f[4]!);
  keep(attributes, 'channel', f[5]!);
  keep(attributes, 'dstchannel', f[6]!);
  keep(attributes, 'lastapp', f[7]!);
  keep(attributes, 'lastdata', f[8]!);
  keep(attributes, 'amaflags', f[15]!);
  if (n >= 18) {
    keep(attributes, 'userfield', f[17]!);
    if (uniqueid !== '') sourceId = uniqueid;
    if (n === 21) {
      keep(attributes, 'peeraccount', f[18]!);
      keep(attributes, 'linkedid', f[19]!);
      const sequence = f[20]!;
      // One Asterisk call can log several CDRs sharing a uniqueid; the sequence tells them apart.
      if (sourceId !== null && sequence !== '') sourceId = `${sourceId}#${sequence}`;
    }
  }

  return accept({
    sourceId,
    service: 'voice',
    direction: 'outbound',
    subscriber: src,
    otherParty: dst,
    imsi: null,
    servingNetwork: null,
    visitedCountry: null,
    startTime: times.startTime,
    answerTime: times.answerTime,
    endTime: times.endTime,
    duration: times.durationMs,
    usage: times.usageMs,
    disposition,
    attributes,
  });
}

/**
 * The channel creation time in a uniqueid (`[systemname-]epoch.sequence`), or NaN. It tells which
 * reading of a start in the repeated autumn hour is the real one.
 */
export function epochOfUniqueid(uniqueid: string): number {
  const dot = uniqueid.lastIndexOf('.');
  let i = dot;
  let seconds = 0;
  let scale = 1;
  while (i > 0) {
    const d = uniqueid.charCodeAt(i - 1) - 0x30;
    if (!(d >= 0 && d <= 9)) break;
    seconds += d * scale;
    scale *= 10;
    i--;
  }
  const digits = dot - i;
  // Nine or ten digits: epoch seconds from 2001 to 2286, not some other counter.
  return digits === 9 || digits === 10 ? seconds * 1000 : NaN;
}

function keep(attributes: Record<string, string>, name: string, value: string): void {
  if (value !== '') attributes[name] = value;
}

/** Creates the Asterisk Master.csv parser; it holds no state between lines. */
export function createAsteriskParser(options: ParserOptions): CdrParser {
  checkTimezone(options.timezone);
  const stamps = createSwitchTimestampParser(options.timezone);
  return {
    format: 'asterisk',
    parseLine: (line: string) => parseAsteriskLine(line, stamps),
  };
}
