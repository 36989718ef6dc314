import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { KNOWN_HANGUP_CAUSES, mapHangupCause } from './map-hangup-cause.ts';
import { createFreeswitchParser, FREESWITCH_EXAMPLE_COLUMNS } from './parse-freeswitch-csv.ts';
import { usageRecordSchema, type ParseOutcome, type UsageRecord } from './usage-record.types.ts';

const london = createFreeswitchParser({ timezone: 'Europe/London' });

// A real `example`-template line (FreeSWITCH quotes every field, numbers included).
const EXAMPLE =
  '"spypi","91342657","*1001","blueivr","2023-10-10 23:24:01","2023-10-10 23:24:03","2023-10-10 23:24:11","10","8",' +
  '"NORMAL_CLEARING","eb1e406c-8871-4d69-9631-e7130f7ae390","1e764847-babe-44c7-8187-af0ce971b1ae","","PCMU","PCMU"';

function defaultLine(o: Partial<Record<string, string>> = {}): string {
  const v = {
    caller_id_name: 'Bob "the builder"',
    caller_id_number: '447700900555',
    destination_number: '0033142685300',
    context: 'default',
    start_stamp: '2024-01-20 18:00:00',
    answer_stamp: '2024-01-20 18:00:09',
    end_stamp: '2024-01-20 18:05:09',
    duration: '309',
    billsec: '300',
    hangup_cause: 'NORMAL_CLEARING',
    uuid: '5a94f22d-8ab1-4e64-9a8c-5f37b9ed9bb9',
    bleg_uuid: '',
    accountcode: '1001',
    ...o,
  };
  return Object.values(v)
    .map((s) => `"${s.replaceAll('"', '""')}"`)
    .join(',');
}

function record(outcome: ParseOutcome): UsageRecord {
  if (outcome.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(outcome)}`);
  return usageRecordSchema.parse(outcome.record);
}

const reason = (o: ParseOutcome): string => (o.kind === 'quarantine' ? o.reason : o.kind);

describe('FreeSWITCH mod_cdr_csv parser', () => {
  it('parses the example template (15 columns), local BST times', () => {
    expect(record(london.parseLine(EXAMPLE, 1))).toEqual({
      sourceId: 'eb1e406c-8871-4d69-9631-e7130f7ae390',
      service: 'voice',
      direction: 'outbound',
      subscriber: '91342657',
      otherParty: '*1001',
      imsi: null,
      servingNetwork: null,
      visitedCountry: null,
      // 23:24:01 BST on 10 Oct 2023 is 22:24:01 UTC.
      startTime: Date.UTC(2023, 9, 10, 22, 24, 1),
      answerTime: Date.UTC(2023, 9, 10, 22, 24, 3),
      endTime: Date.UTC(2023, 9, 10, 22, 24, 11),
      duration: 10_000,
      usage: 8_000,
      disposition: 'answered',
      attributes: {
        caller_id_name: 'spypi',
        context: 'blueivr',
        hangup_cause: 'NORMAL_CLEARING',
        bleg_uuid: '1e764847-babe-44c7-8187-af0ce971b1ae',
        read_codec: 'PCMU',
        write_codec: 'PCMU',
      },
    });
  });

  it('parses the default template (13 columns) in winter (GMT)', () => {
    const r = record(london.parseLine(defaultLine(), 1));
    expect(r.startTime).toBe(Date.UTC(2024, 0, 20, 18, 0, 0));
    expect(r.endTime).toBe(Date.UTC(2024, 0, 20, 18, 5, 9));
    expect(r.usage).toBe(300_000);
    expect(r.attributes).toEqual({ caller_id_name: 'Bob "the builder"', context: 'default', hangup_cause: 'NORMAL_CLEARING', accountcode: '1001' });
  });

  it('accepts unquoted fields too', () => {
    const unquoted = '1001,1001,1002,default,2024-06-01 12:00:00,2024-06-01 12:00:02,2024-06-01 12:00:12,12,10,NORMAL_CLEARING,u-1,,1001';
    const r = record(london.parseLine(unquoted, 1));
    expect(r.startTime).toBe(Date.UTC(2024, 5, 1, 11, 0, 0));
    expect(r.sourceId).toBe('u-1');
  });

  it('maps hangup causes of unanswered calls', () => {
    const cases: Array<[string, string]> = [
      ['NORMAL_CLEARING', 'no_answer'],
      ['NO_ANSWER', 'no_answer'],
      ['NO_USER_RESPONSE', 'no_answer'],
      ['ORIGINATOR_CANCEL', 'no_answer'],
      ['ALLOTTED_TIMEOUT', 'no_answer'],
      ['USER_BUSY', 'busy'],
      ['NORMAL_TEMPORARY_FAILURE', 'failed'],
      ['CALL_REJECTED', 'failed'],
      ['UNALLOCATED_NUMBER', 'failed'],
      ['NO_ROUTE_DESTINATION', 'failed'],
      ['DESTINATION_OUT_OF_ORDER', 'failed'],
      ['INVALID_NUMBER_FORMAT', 'failed'],
      ['RECOVERY_ON_TIMER_EXPIRE', 'failed'],
      ['MEDIA_TIMEOUT', 'failed'],
      ['NORMAL_CIRCUIT_CONGESTION', 'congestion'],
      ['SWITCH_CONGESTION', 'congestion'],
    ];
    for (const [cause, expected] of cases) {
      const r = record(london.parseLine(defaultLine({ hangup_cause: cause, answer_stamp: '', billsec: '0', end_stamp: '2024-01-20 18:00:30', duration: '30' }), 1));
      expect([cause, r.disposition]).toEqual([cause, expected]);
      expect(r.answerTime).toBeNull();
      expect(r.usage).toBe(0);
    }
  });

  it('treats any known cause of an answered call as answered, keeping the cause', () => {
    for (const cause of ['NORMAL_CLEARING', 'MEDIA_TIMEOUT', 'ALLOTTED_TIMEOUT', 'ORIGINATOR_CANCEL']) {
      const r = record(london.parseLine(defaultLine({ hangup_cause: cause }), 1));
      expect(r.disposition).toBe('answered');
      expect(r.usage).toBe(300_000);
      expect(r.attributes.hangup_cause).toBe(cause);
    }
    // Answered, hung up within the first second: answered with nothing billable.
    const short = record(london.parseLine(defaultLine({ end_stamp: '2024-01-20 18:00:09', duration: '9', billsec: '0' }), 1));
    expect(short.disposition).toBe('answered');
    expect(short.usage).toBe(0);
  });

  it('knows every cause it maps, and nothing else', () => {
    expect(KNOWN_HANGUP_CAUSES.length).toBeGreaterThan(60);
    expect(mapHangupCause('NORMAL_CLEARNG', false)).toBeNull();
    expect(mapHangupCause('USER_BUSY', false)).toBe('busy');
  });

  it('uses a custom column list, keeping extra variables as attributes', () => {
    const columns = ['uuid', 'caller_id_number', 'destination_number', 'start_stamp', 'answer_stamp', 'end_stamp', 'duration', 'billsec', 'hangup_cause', 'sip_user_agent'];
    const parser = createFreeswitchParser({ timezone: 'UTC', columns });
    const r = record(parser.parseLine('"id-9","1001","1002","2024-01-01 00:00:00","","2024-01-01 00:00:20","20","0","NO_ANSWER","Yealink"', 1));
    expect(r).toMatchObject({ sourceId: 'id-9', subscriber: '1001', otherParty: '1002', disposition: 'no_answer', startTime: Date.UTC(2024, 0, 1) });
    expect(r.attributes).toEqual({ hangup_cause: 'NO_ANSWER', sip_user_agent: 'Yealink' });
    // With a custom list, only its count is accepted: a 13-column default line does not fit.
    expect(reason(parser.parseLine(defaultLine(), 2))).toBe('WRONG_COLUMN_COUNT');
  });

  it('without a uuid column the record has no id', () => {
    const columns = FREESWITCH_EXAMPLE_COLUMNS.filter((c) => c !== 'uuid');
    const parser = createFreeswitchParser({ timezone: 'UTC', columns });
    const fields = EXAMPLE.split(',');
    fields.splice(10, 1);
    expect(record(parser.parseLine(fields.join(','), 1)).sourceId).toBeNull();
  });

  it('rejects a custom column list that cannot describe a call', () => {
    expect(() => createFreeswitchParser({ timezone: 'UTC', columns: ['uuid', 'caller_id_number'] })).toThrow(BillingError);
    expect(() => createFreeswitchParser({ timezone: 'UTC', columns: [...FREESWITCH_EXAMPLE_COLUMNS, 'uuid'] })).toThrow(/twice/);
  });

  it('skips blank lines and a line naming the columns', () => {
    expect(london.parseLine('', 1)).toEqual({ kind: 'skip' });
    expect(london.parseLine(FREESWITCH_EXAMPLE_COLUMNS.join(','), 1)).toEqual({ kind: 'skip' });
  });

  it.each([
    ['WRONG_COLUMN_COUNT', defaultLine().replace(',"1001"', '')],
    ['WRONG_COLUMN_COUNT', `${defaultLine()},"PCMA"`],
    ['UNTERMINATED_QUOTE', defaultLine().replace(/"1001"$/, '"1001')],
    ['MALFORMED_CSV', defaultLine().replace('"default"', '"def"ault"')],
    ['MISSING_FIELD', defaultLine({ caller_id_number: '' })],
    ['MISSING_FIELD', defaultLine({ destination_number: '' })],
    ['MISSING_FIELD', defaultLine({ hangup_cause: '' })],
    ['MISSING_FIELD', defaultLine({ start_stamp: '' })],
    ['MISSING_FIELD', defaultLine({ billsec: '' })],
    ['INVALID_DATE', defaultLine({ start_stamp: '2024-04-31 18:00:00' })],
    ['INVALID_DATE', defaultLine({ end_stamp: '2024-01-20 25:05:09' })],
    ['INVALID_NUMBER', defaultLine({ billsec: '300.0' })],
    ['NEGATIVE_DURATION', defaultLine({ duration: '-309', billsec: '-309' })],
    ['INCONSISTENT_TIMES', defaultLine({ billsec: '310' })],
    ['INCONSISTENT_TIMES', defaultLine({ answer_stamp: '' })],
    ['INCONSISTENT_TIMES', defaultLine({ end_stamp: '2024-01-20 17:59:00' })],
    ['UNKNOWN_DISPOSITION', defaultLine({ hangup_cause: 'HANGUP_COMPLETE_OK' })],
    ['UNKNOWN_DISPOSITION', defaultLine({ hangup_cause: 'normal_clearing' })],
  ])('quarantines %s (case %#)', (expected, text) => {
    expect(reason(london.parseLine(text, 1))).toBe(expected);
  });
});
