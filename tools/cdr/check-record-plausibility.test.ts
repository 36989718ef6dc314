import { describe, expect, it } from 'vitest';
import { createParser } from './create-parser.ts';
import { plausibilityWindow } from './check-record-plausibility.ts';
import type { CdrFormat, ParseOutcome, UsageRecord } from './usage-record.types.ts';

// Ingest happens on 2025-04-01, three weeks after the calls below.
const NOW = Date.UTC(2025, 3, 1, 9, 0, 0);
const WINDOW = plausibilityWindow(NOW);

// The line of issue 8: answered 06:03:30, ended 06:05:41 (131 s), billsec 8640000 (100 days).
const ISSUE_LINE =
  '"","447400151026","07770150232","from-subscribers","""Priya Smith"" <447400151026>","PJSIP/447400151026-00008812","PJSIP/trunk-00008813","Dial","PJSIP/+447770150232@trunk,60,tT","2025-03-10 06:03:16","2025-03-10 06:03:30","2025-03-10 06:05:41","8640000","8640000","ANSWERED","DOCUMENTATION","QA.4",""';

/** An 18-column Asterisk line; times local to Europe/London (GMT in March). */
function asterisk(o: { src?: string; start?: string; answer?: string; end?: string; duration?: string; billsec?: string } = {}): string {
  const v = { src: '447400151026', start: '2025-03-10 06:03:16', answer: '2025-03-10 06:03:30', end: '2025-03-10 06:05:41', duration: '145', billsec: '131', ...o };
  return `"","${v.src}","07770150232","from-subscribers","","PJSIP/a-1","PJSIP/trunk-2","Dial","","${v.start}","${v.answer}","${v.end}","${v.duration}","${v.billsec}","ANSWERED","DOCUMENTATION","QA.4",""`;
}

/** A default-template FreeSWITCH line. */
function freeswitch(o: { caller?: string; start?: string; answer?: string; end?: string; duration?: string; billsec?: string } = {}): string {
  const v = { caller: '447400151026', start: '2025-03-10 06:03:16', answer: '2025-03-10 06:03:30', end: '2025-03-10 06:05:41', duration: '145', billsec: '131', ...o };
  return `"Priya","${v.caller}","07770150232","default","${v.start}","${v.answer}","${v.end}","${v.duration}","${v.billsec}","NORMAL_CLEARING","5a94f22d-8ab1-4e64-9a8c-5f37b9ed9bb9","",""`;
}

const GENERIC_HEADER = 'record_id,service,subscriber,other_party,start,duration';

function generic(o: { subscriber?: string; start?: string; duration?: string } = {}): Record<string, string> {
  return { record_id: 'r1', service: 'voice', subscriber: '447400151026', other_party: '07770150232', start: '2025-03-10T06:03:30Z', duration: '131', ...o };
}

function csvLine(fields: Record<string, string>): string {
  return GENERIC_HEADER.split(',')
    .map((k) => `"${(fields[k] ?? '').replaceAll('"', '""')}"`)
    .join(',');
}

/** Parses one line of `format` through createParser, as ingest and quarantine replay do. */
function parse(format: CdrFormat, line: string, window = WINDOW): ParseOutcome {
  const parser = createParser(format, { timezone: 'Europe/London', plausibility: window });
  if (format === 'csv') parser.parseLine(GENERIC_HEADER, 1);
  return parser.parseLine(line, 2);
}

function lineFor(format: CdrFormat, o: { subscriber?: string } = {}): string {
  if (format === 'asterisk') return asterisk({ src: o.subscriber });
  if (format === 'freeswitch') return freeswitch({ caller: o.subscriber });
  const fields = generic(o.subscriber === undefined ? {} : { subscriber: o.subscriber });
  return format === 'csv' ? csvLine(fields) : JSON.stringify(fields);
}

function reasonOf(outcome: ParseOutcome): string {
  return outcome.kind === 'quarantine' ? outcome.reason : outcome.kind;
}

function recordOf(outcome: ParseOutcome): UsageRecord {
  if (outcome.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(outcome)}`);
  return outcome.record;
}

const FORMATS = ['asterisk', 'freeswitch', 'csv', 'jsonl'] as const;

describe('plausibility: durations against the record’s own timestamps', () => {
  it('quarantines the issue-8 line: billsec 100 days for a call answered 131 s before it ended', () => {
    const out = parse('asterisk', ISSUE_LINE);
    expect(out).toMatchObject({ kind: 'quarantine', reason: 'DURATION_MISMATCH' });
    expect(out.kind === 'quarantine' && out.message).toContain('8640000');
  });

  it('quarantines a huge billsec or duration in FreeSWITCH records too', () => {
    expect(reasonOf(parse('freeswitch', freeswitch({ duration: '8640000', billsec: '8640000' })))).toBe('DURATION_MISMATCH');
    expect(reasonOf(parse('freeswitch', freeswitch({ duration: '99999', billsec: '131' })))).toBe('DURATION_MISMATCH');
  });

  it('accepts switch rounding within the tolerance and refuses beyond it', () => {
    // answer->end is 131 s and start->end 145 s; 5 s either way is rounding, 6 s is not.
    for (const [billsec, duration] of [
      ['131', '145'],
      ['126', '145'],
      ['136', '150'],
      ['131', '140'],
    ]) {
      expect([billsec, duration, reasonOf(parse('asterisk', asterisk({ billsec, duration })))]).toEqual([billsec, duration, 'record']);
    }
    expect(reasonOf(parse('asterisk', asterisk({ billsec: '137', duration: '150' })))).toBe('DURATION_MISMATCH');
    expect(reasonOf(parse('asterisk', asterisk({ billsec: '125' })))).toBe('DURATION_MISMATCH');
    expect(reasonOf(parse('asterisk', asterisk({ duration: '139' })))).toBe('DURATION_MISMATCH');
    // The tolerance is the operator's to set.
    expect(reasonOf(parse('asterisk', asterisk({ billsec: '137', duration: '150' }), plausibilityWindow(NOW, { durationToleranceSeconds: 10 })))).toBe('record');
  });

  it('quarantines a generic voice record longer than the longest plausible call', () => {
    expect(reasonOf(parse('jsonl', JSON.stringify(generic({ duration: String(24 * 3600) }))))).toBe('record');
    expect(reasonOf(parse('jsonl', JSON.stringify(generic({ duration: String(24 * 3600 + 1) }))))).toBe('DURATION_TOO_LONG');
    // 100 days from 1 December ends before ingest, so only its length gives it away.
    expect(reasonOf(parse('csv', csvLine(generic({ start: '2024-12-01T00:00:00Z', duration: '8640000' }))))).toBe('DURATION_TOO_LONG');
    // From 10 March it would end in June, after ingest: the later time is named first.
    expect(reasonOf(parse('csv', csvLine(generic({ duration: '8640000' }))))).toBe('TIME_IN_FUTURE');
  });
});

describe('plausibility: times inside the window', () => {
  it('quarantines a 1970 start with a 2025 answer and end', () => {
    const out = parse('asterisk', asterisk({ start: '1970-01-01 00:00:00' }));
    expect(reasonOf(out)).toBe('TIME_TOO_OLD');
    expect(reasonOf(parse('jsonl', JSON.stringify(generic({ start: '1970-01-01T00:00:00Z' }))))).toBe('TIME_TOO_OLD');
  });

  it('quarantines an end of 9999-12-31 and starts in the future beyond the skew', () => {
    expect(reasonOf(parse('asterisk', asterisk({ end: '9999-12-31 23:59:59' })))).toBe('TIME_IN_FUTURE');
    expect(reasonOf(parse('freeswitch', freeswitch({ end: '9999-12-31 23:59:59' })))).toBe('TIME_IN_FUTURE');
    // 09:14:00 is within the 15-minute skew of 09:00 ingest; 09:16 is not.
    expect(reasonOf(parse('jsonl', JSON.stringify(generic({ start: '2025-04-01T09:14:00Z', duration: '0' }))))).toBe('record');
    expect(reasonOf(parse('jsonl', JSON.stringify(generic({ start: '2025-04-01T09:16:00Z', duration: '0' }))))).toBe('TIME_IN_FUTURE');
    expect(reasonOf(parse('csv', csvLine(generic({ start: '2025-04-01T09:10:00Z', duration: '600' }))))).toBe('TIME_IN_FUTURE');
  });

  it('takes the age limit from the window', () => {
    const line = asterisk();
    expect(reasonOf(parse('asterisk', line))).toBe('record');
    expect(reasonOf(parse('asterisk', line, plausibilityWindow(NOW, { maxRecordAgeDays: 23 })))).toBe('record');
    expect(reasonOf(parse('asterisk', line, plausibilityWindow(NOW, { maxRecordAgeDays: 22 })))).toBe('TIME_TOO_OLD');
  });

  it('still quarantines an answer before the start as inconsistent', () => {
    expect(reasonOf(parse('asterisk', asterisk({ answer: '2025-03-10 06:03:00' })))).toBe('INCONSISTENT_TIMES');
  });

  it('refuses a window that cannot be right (INVALID_CONFIG)', () => {
    expect(() => plausibilityWindow(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => plausibilityWindow(NOW, { maxRecordAgeDays: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    expect(() => plausibilityWindow(NOW, { durationToleranceSeconds: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});

describe('plausibility: the billed party is a number', () => {
  const garbage = ['abc', '+', '*#06#', "'; DROP TABLE usage_events;--", '1'.repeat(100), '4474001510261234', '44 7400 151026', '4474OO151026', 'sip:1001@pbx'];
  it.each(FORMATS)('quarantines garbage subscribers in %s', (format) => {
    for (const subscriber of garbage) {
      expect([subscriber, reasonOf(parse(format, lineFor(format, { subscriber })))]).toEqual([subscriber, 'INVALID_SUBSCRIBER']);
    }
  });

  it.each(FORMATS)('normalises Unicode digits and strips format characters in %s', (format) => {
    const cases: Array<[string, string]> = [
      ['４４７４００１５１０２６', '447400151026'], // full-width
      ['٤٤٧٤٠٠١٥١٠٢٦', '447400151026'], // Arabic-Indic
      ['۴۴۷۴۰۰۱۵۱۰۲۶', '447400151026'], // extended Arabic-Indic
      ['४४७४००१५१०२६', '447400151026'], // Devanagari
      ['447400151026\u200b', '447400151026'], // trailing zero-width space
      ['\u2066+447400151026\u2069', '+447400151026'], // bidi isolates around a number
      ['𝟒𝟒𝟕𝟒𝟎𝟎𝟏𝟓𝟏𝟎𝟐𝟔', '447400151026'], // mathematical bold digits (astral)
    ];
    for (const [written, stored] of cases) {
      expect([written, recordOf(parse(format, lineFor(format, { subscriber: written }))).subscriber]).toEqual([written, stored]);
    }
  });

  it('keeps extensions and national numbers as written', () => {
    for (const subscriber of ['1001', '07700900123', '+447700900123']) {
      expect(recordOf(parse('asterisk', asterisk({ src: subscriber }))).subscriber).toBe(subscriber);
    }
  });
});
