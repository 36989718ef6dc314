import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { createAsteriskParser, epochOfUniqueid } from './parse-asterisk-csv.ts';
import { parseCdrLines } from './parse-cdr-lines.ts';
import { usageRecordSchema, type ParseOutcome, type UsageRecord } from './usage-record.types.ts';

const london = createAsteriskParser({ timezone: 'Europe/London' });

/** Builds a Master.csv line the way cdr_csv writes it: strings and dates quoted, numbers bare, empty dates bare. */
function line(overrides: Partial<Record<string, string>> = {}, columns: 16 | 18 | 21 = 18): string {
  const v: Record<string, string> = {
    accountcode: 'acc-7',
    src: '447700900123',
    dst: '00441632960001',
    dcontext: 'from-internal',
    clid: '"Alice" <447700900123>',
    channel: 'PJSIP/1001-00000a1b',
    dstchannel: 'PJSIP/trunk-00000a1c',
    lastapp: 'Dial',
    lastdata: 'PJSIP/+441632960001@trunk,60,tT',
    start: '2024-07-15 14:30:05',
    answer: '2024-07-15 14:30:12',
    end: '2024-07-15 14:32:17',
    duration: '132',
    billsec: '125',
    disposition: 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    uniqueid: '1721050205.42',
    userfield: 'vip customer',
    peeraccount: '',
    linkedid: '1721050205.40',
    sequence: '7',
    ...overrides,
  };
  const q = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  const date = (s: string): string => (s === '' ? '' : q(s));
  const cells = [
    q(v.accountcode!),
    q(v.src!),
    q(v.dst!),
    q(v.dcontext!),
    q(v.clid!),
    q(v.channel!),
    q(v.dstchannel!),
    q(v.lastapp!),
    q(v.lastdata!),
    date(v.start!),
    date(v.answer!),
    date(v.end!),
    v.duration!,
    v.billsec!,
    q(v.disposition!),
    q(v.amaflags!),
  ];
  if (columns >= 18) cells.push(q(v.uniqueid!), q(v.userfield!));
  if (columns === 21) cells.push(q(v.peeraccount!), q(v.linkedid!), v.sequence!);
  return cells.join(',');
}

function record(outcome: ParseOutcome): UsageRecord {
  if (outcome.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(outcome)}`);
  // Every accepted record must satisfy the shared contract.
  return usageRecordSchema.parse(outcome.record);
}

function reason(outcome: ParseOutcome): string {
  return outcome.kind === 'quarantine' ? outcome.reason : outcome.kind;
}

describe('Asterisk cdr_csv parser', () => {
  it('parses the 18-column layout with times converted from BST', () => {
    const r = record(london.parseLine(line(), 1));
    expect(r).toEqual({
      sourceId: '1721050205.42',
      service: 'voice',
      direction: 'outbound',
      subscriber: '447700900123',
      otherParty: '00441632960001',
      imsi: null,
      servingNetwork: null,
      visitedCountry: null,
      // 14:30:05 BST is 13:30:05 UTC.
      startTime: Date.UTC(2024, 6, 15, 13, 30, 5),
      answerTime: Date.UTC(2024, 6, 15, 13, 30, 12),
      endTime: Date.UTC(2024, 6, 15, 13, 32, 17),
      duration: 132_000,
      usage: 125_000,
      disposition: 'answered',
      attributes: {
        accountcode: 'acc-7',
        dcontext: 'from-internal',
        clid: '"Alice" <447700900123>',
        channel: 'PJSIP/1001-00000a1b',
        dstchannel: 'PJSIP/trunk-00000a1c',
        lastapp: 'Dial',
        lastdata: 'PJSIP/+441632960001@trunk,60,tT',
        amaflags: 'DOCUMENTATION',
        userfield: 'vip customer',
      },
    });
    expect(r.startTime).toBe(1721050205000);
  });

  it('parses the 16-column layout, which has no id', () => {
    const r = record(london.parseLine(line({}, 16), 1));
    expect(r.sourceId).toBeNull();
    expect(r.attributes).not.toHaveProperty('userfield');
    expect(r.usage).toBe(125_000);
  });

  it('parses the 21-column layout with uniqueid#sequence as the id', () => {
    const r = record(london.parseLine(line({}, 21), 1));
    expect(r.sourceId).toBe('1721050205.42#7');
    expect(r.attributes.linkedid).toBe('1721050205.40');
    // peeraccount was empty, so it is not kept.
    expect(r.attributes).not.toHaveProperty('peeraccount');
  });

  it('falls back to null / uniqueid when the id columns are empty', () => {
    expect(record(london.parseLine(line({ uniqueid: '' }), 1)).sourceId).toBeNull();
    expect(record(london.parseLine(line({ sequence: '' }, 21), 1)).sourceId).toBe('1721050205.42');
  });

  it('reads winter times as GMT and uses the zone given', () => {
    const winter = line({ start: '2024-01-10 09:00:00', answer: '2024-01-10 09:00:05', end: '2024-01-10 09:01:05', duration: '65', billsec: '60' });
    expect(record(london.parseLine(winter, 1)).startTime).toBe(Date.UTC(2024, 0, 10, 9, 0, 0));
    const ny = createAsteriskParser({ timezone: 'America/New_York' });
    // EST is UTC-5 in January.
    expect(record(ny.parseLine(winter, 1)).startTime).toBe(Date.UTC(2024, 0, 10, 14, 0, 0));
  });

  it('converts a call across the spring-forward change', () => {
    // 00:59:30 GMT, then clocks jump from 01:00 GMT to 02:00 BST: the call lasts 60 s.
    const r = record(london.parseLine(line({ start: '2024-03-31 00:59:30', answer: '2024-03-31 00:59:40', end: '2024-03-31 02:00:30', duration: '60', billsec: '50' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 2, 31, 0, 59, 30));
    expect(r.endTime).toBe(Date.UTC(2024, 2, 31, 1, 0, 30));
  });

  it('uses duration to read a call across the autumn change, whose end is in the repeated hour', () => {
    // Starts 01:50 BST (00:50 UTC); at 02:00 BST clocks go back to 01:00 GMT; ends 01:10 GMT.
    const r = record(london.parseLine(line({ start: '2024-10-27 01:50:00', answer: '2024-10-27 01:50:10', end: '2024-10-27 01:10:00', duration: '1200', billsec: '1190' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 9, 27, 0, 50, 0));
    expect(r.answerTime).toBe(Date.UTC(2024, 9, 27, 0, 50, 10));
    expect(r.endTime).toBe(Date.UTC(2024, 9, 27, 1, 10, 0));
  });

  it('uses duration to read a call that starts in the second pass of the repeated hour', () => {
    // 01:30 GMT (after the change) to 02:10 GMT: 40 minutes, not 1 h 40.
    const r = record(london.parseLine(line({ start: '2024-10-27 01:30:00', answer: '2024-10-27 01:30:05', end: '2024-10-27 02:10:00', duration: '2400', billsec: '2395' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 9, 27, 1, 30, 0));
    expect(r.endTime).toBe(Date.UTC(2024, 9, 27, 2, 10, 0));
  });

  it('uses duration to read a call that starts in the first pass of the repeated hour and ends after it', () => {
    // 01:30 BST (00:30 UTC) to 02:10 GMT (02:10 UTC): 1 h 40, which only the first reading of 01:30 gives.
    const r = record(london.parseLine(line({ start: '2024-10-27 01:30:00', answer: '2024-10-27 01:30:05', end: '2024-10-27 02:10:00', duration: '6000', billsec: '5995' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 9, 27, 0, 30, 0));
    expect(r.answerTime).toBe(Date.UTC(2024, 9, 27, 0, 30, 5));
    expect(r.endTime).toBe(Date.UTC(2024, 9, 27, 2, 10, 0));
  });

  it('reads the repeated hour west of UTC too (New York, November)', () => {
    const ny = createAsteriskParser({ timezone: 'America/New_York' });
    // 00:50 EDT (04:50 UTC); at 02:00 EDT clocks go back to 01:00 EST; ends 01:10 EST (06:10 UTC).
    const r = record(ny.parseLine(line({ start: '2024-11-03 00:50:00', answer: '2024-11-03 00:50:10', end: '2024-11-03 01:10:00', duration: '4800', billsec: '4790' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 10, 3, 4, 50, 0));
    expect(r.endTime).toBe(Date.UTC(2024, 10, 3, 6, 10, 0));
  });

  it('lets the uniqueid epoch settle a call lying wholly inside the repeated hour', () => {
    const times = { start: '2024-10-27 01:10:00', answer: '2024-10-27 01:10:05', end: '2024-10-27 01:20:00', duration: '600', billsec: '595' };
    // Channel created at 01:10 GMT (01:10 UTC): the second pass.
    const second = record(london.parseLine(line({ ...times, uniqueid: `${Date.UTC(2024, 9, 27, 1, 10) / 1000}.5` }), 1));
    expect([second.startTime, second.answerTime, second.endTime]).toEqual([Date.UTC(2024, 9, 27, 1, 10, 0), Date.UTC(2024, 9, 27, 1, 10, 5), Date.UTC(2024, 9, 27, 1, 20, 0)]);
    // Channel created at 01:10 BST (00:10 UTC): the first pass.
    const first = record(london.parseLine(line({ ...times, uniqueid: `${Date.UTC(2024, 9, 27, 0, 10) / 1000}.6` }), 1));
    expect(first.startTime).toBe(Date.UTC(2024, 9, 27, 0, 10, 0));
    // No id to go by (16 columns): the earlier reading.
    expect(record(london.parseLine(line(times, 16), 1)).startTime).toBe(Date.UTC(2024, 9, 27, 0, 10, 0));
  });

  it('reads the hour after the autumn change in New York at its real instant', () => {
    const ny = createAsteriskParser({ timezone: 'America/New_York' });
    const r = record(ny.parseLine(line({ start: '2024-11-03 02:09:22', answer: '', end: '2024-11-03 02:09:30', duration: '8', billsec: '0', disposition: 'FAILED' }), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 10, 3, 7, 9, 22));
  });

  it('finds the epoch in a uniqueid, with or without a system name', () => {
    expect(epochOfUniqueid('1721050205.42')).toBe(1721050205000);
    expect(epochOfUniqueid('pbx-01-1721050205.42')).toBe(1721050205000);
    expect(epochOfUniqueid('42.1')).toBeNaN();
    expect(epochOfUniqueid('abc')).toBeNaN();
    expect(epochOfUniqueid('')).toBeNaN();
  });

  it('accepts unanswered calls with an empty answer and zero usage', () => {
    const cases: Array<[string, string]> = [
      ['NO ANSWER', 'no_answer'],
      ['BUSY', 'busy'],
      ['FAILED', 'failed'],
      ['CONGESTION', 'congestion'],
    ];
    for (const [disposition, expected] of cases) {
      const r = record(london.parseLine(line({ answer: '', billsec: '0', disposition }), 1));
      expect(r.disposition).toBe(expected);
      expect(r.answerTime).toBeNull();
      expect(r.usage).toBe(0);
      expect(r.duration).toBe(132_000);
    }
  });

  it('accepts an answered call with zero billable seconds', () => {
    const r = record(london.parseLine(line({ end: '2024-07-15 14:30:12', duration: '7', billsec: '0' }), 1));
    expect(r.disposition).toBe('answered');
    expect(r.usage).toBe(0);
  });

  it('keeps only non-empty attributes', () => {
    const r = record(london.parseLine(line({ accountcode: '', dstchannel: '', userfield: '', lastdata: '' }), 1));
    expect(Object.keys(r.attributes).sort()).toEqual(['amaflags', 'channel', 'clid', 'dcontext', 'lastapp']);
  });

  it('skips blank lines and a header line', () => {
    expect(london.parseLine('', 1)).toEqual({ kind: 'skip' });
    expect(london.parseLine('   ', 1)).toEqual({ kind: 'skip' });
    const header = 'accountcode,src,dst,dcontext,clid,channel,dstchannel,lastapp,lastdata,start,answer,end,duration,billsec,disposition,amaflags,uniqueid,userfield';
    expect(london.parseLine(header, 1)).toEqual({ kind: 'skip' });
  });

  it.each([
    ['WRONG_COLUMN_COUNT', line({}, 18).split(',"vip customer"')[0]!],
    ['WRONG_COLUMN_COUNT', `${line()},"extra","more"`],
    ['WRONG_COLUMN_COUNT', `${line({}, 21)},"extra"`],
    ['WRONG_COLUMN_COUNT', 'just some text'],
    ['UNTERMINATED_QUOTE', line().replace(/"vip customer"$/, '"vip customer')],
    ['MALFORMED_CSV', line().replace('"Dial"', '"Dial"x')],
    ['MALFORMED_CSV', line().replace(',132,', ',13"2,')],
    ['MISSING_FIELD', line({ src: '' })],
    ['MISSING_FIELD', line({ dst: '' })],
    ['MISSING_FIELD', line({ start: '' })],
    ['MISSING_FIELD', line({ end: '' })],
    ['MISSING_FIELD', line({ duration: '' })],
    ['MISSING_FIELD', line({ billsec: '' })],
    ['MISSING_FIELD', line({ disposition: '' })],
    ['INVALID_DATE', line({ start: '2024-02-30 10:00:00' })],
    ['INVALID_DATE', line({ start: '2023-02-29 10:00:00' })],
    ['INVALID_DATE', line({ answer: '2024-07-15 25:00:00' })],
    ['INVALID_DATE', line({ end: '2024-07-15 14:60:00' })],
    ['INVALID_DATE', line({ start: '2024-07-15T14:30:05' })],
    ['INVALID_DATE', line({ start: '15/07/2024 14:30:05' })],
    ['INVALID_DATE', line({ start: '0024-07-15 14:30:05' })],
    ['INVALID_NUMBER', line({ duration: '132.5' })],
    ['INVALID_NUMBER', line({ billsec: 'abc' })],
    ['INVALID_NUMBER', line({ billsec: ' 12' })],
    ['INVALID_NUMBER', line({ duration: '+132' })],
    ['INVALID_NUMBER', line({ duration: '1234567890123456' })],
    ['NEGATIVE_DURATION', line({ duration: '-132' })],
    ['NEGATIVE_DURATION', line({ billsec: '-5' })],
    ['INCONSISTENT_TIMES', line({ billsec: '133' })],
    ['INCONSISTENT_TIMES', line({ answer: '', billsec: '125' })],
    ['INCONSISTENT_TIMES', line({ answer: '', billsec: '125', disposition: 'ANSWERED' })],
    ['INCONSISTENT_TIMES', line({ end: '2024-07-15 14:29:00' })],
    ['INCONSISTENT_TIMES', line({ answer: '2024-07-15 14:30:00' })],
    ['INCONSISTENT_TIMES', line({ answer: '2024-07-15 14:33:00' })],
    ['UNKNOWN_DISPOSITION', line({ disposition: 'ANSWRED' })],
    ['UNKNOWN_DISPOSITION', line({ disposition: 'answered' })],
  ])('quarantines %s (case %#)', (expected, text) => {
    const outcome = london.parseLine(text, 1);
    expect(reason(outcome)).toBe(expected);
    expect(outcome.kind === 'quarantine' && outcome.message.length > 0).toBe(true);
  });

  it('quarantines a malformed line in the middle of a file without touching its neighbours', async () => {
    const file = [line({ uniqueid: 'a.1' }), line({ uniqueid: 'b.2', start: '2024-02-30 10:00:00' }), '"broken', line({ uniqueid: 'c.3' })].join('\r\n');
    const results = [];
    for await (const r of parseCdrLines(Readable.from([Buffer.from(file)]), createAsteriskParser({ timezone: 'Europe/London' }))) results.push(r);
    expect(results.map((r) => [r.lineNo, reason(r.outcome)])).toEqual([
      [1, 'record'],
      [2, 'INVALID_DATE'],
      [3, 'UNTERMINATED_QUOTE'],
      [4, 'record'],
    ]);
    expect(record(results[0]!.outcome).sourceId).toBe('a.1');
    expect(record(results[3]!.outcome).sourceId).toBe('c.3');
    expect(record(results[3]!.outcome)).toEqual({ ...record(results[0]!.outcome), sourceId: 'c.3' });
  });

  it('rejects an unknown time zone once, at creation', () => {
    expect(() => createAsteriskParser({ timezone: 'Mars/Olympus' })).toThrow(BillingError);
    expect(() => createAsteriskParser({ timezone: 'Mars/Olympus' })).toThrow(/time zone/);
  });

  it('reads UTC switches without conversion', () => {
    const utc = createAsteriskParser({ timezone: 'UTC' });
    expect(record(utc.parseLine(line(), 1)).startTime).toBe(Date.UTC(2024, 6, 15, 14, 30, 5));
  });
});
