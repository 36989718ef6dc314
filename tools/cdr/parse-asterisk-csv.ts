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
export function parseAsteriskLine(line: string, timezone: string, parseStamp: SwitchTimestampParser): ParseOutcome {
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

  const times = parseCallTimes(f[9]!, f[10]!, f[11]!, f[12]!, f[13]!, parseStamp, timezone, NAMES);
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
    const uniqueid = f[16]!;
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

function keep(attributes: Record<string, string>, name: string, value: string): void {
  if (value !== '') attributes[name] = value;
}

/** Creates the Asterisk Master.csv parser; it holds no state between lines. */
export function createAsteriskParser(options: ParserOptions): CdrParser {
  checkTimezone(options.timezone);
  const timezone = options.timezone;
  const parseStamp = createSwitchTimestampParser(timezone);
  return {
    format: 'asterisk',
    parseLine: (line: string) => parseAsteriskLine(line, timezone, parseStamp),
  };
}
