import { describe, expect, it } from 'vitest';
import { createParser } from '../cdr/create-parser.ts';
import { plausibilityWindow } from '../cdr/check-record-plausibility.ts';
import { FREESWITCH_DEFAULT_COLUMNS } from '../cdr/parse-freeswitch-csv.ts';
import type { CdrFormat, ParseOutcome, UsageRecord } from '../cdr/usage-record.types.ts';
import { directionRulesFor, toE164 } from './decide-direction.ts';
import { makeSettings } from './test-fixtures.ts';

// The fixtures are from 2025; ingest is taken to happen on 2025-06-01.
const WINDOW = plausibilityWindow(Date.UTC(2025, 5, 1));

/** A GB operator serving 07400 1xxxxx and 020 3555 xxxx, with PBX extensions 1000-1999 and an outside-line 9. */
const OPERATOR = makeSettings({
  homeCountry: 'GB',
  onNetPrefixes: ['4474001', '44203555'],
  internalExtensions: ['1000-1999'],
  trunkPrefixes: ['9'],
  homeNetworks: ['23415'],
});
/** The same operator before it told Switchboard its number ranges: only contexts decide. */
const NO_RANGES = makeSettings({ homeCountry: 'GB' });

function parser(format: CdrFormat, settings = OPERATOR, columns?: string[]) {
  return createParser(format, { timezone: 'Europe/London', plausibility: WINDOW, direction: directionRulesFor(settings), ...(columns ? { columns } : {}) });
}

function record(outcome: ParseOutcome): UsageRecord {
  if (outcome.kind !== 'record') throw new Error(`expected a record, got ${JSON.stringify(outcome)}`);
  return outcome.record;
}

/** A Master.csv line (18 columns) as cdr_csv writes it. */
function asterisk(src: string, dst: string, dcontext: string, uniqueid = '1741860000.7'): string {
  return [
    '""',
    `"${src}"`,
    `"${dst}"`,
    `"${dcontext}"`,
    `"""Caller"" <${src}>"`,
    '"PJSIP/trunk-0000a1b2"',
    '"PJSIP/1001-0000a1b3"',
    '"Dial"',
    '"PJSIP/1001,30"',
    '"2025-03-13 10:00:00"',
    '"2025-03-13 10:00:05"',
    '"2025-03-13 10:01:05"',
    '65',
    '60',
    '"ANSWERED"',
    '"DOCUMENTATION"',
    `"${uniqueid}"`,
    '""',
  ].join(',');
}

/** A mod_cdr_csv default-template line (13 columns, every field quoted). */
function freeswitch(caller: string, destination: string, context: string, extra: string[] = []): string {
  return [
    'Caller',
    caller,
    destination,
    context,
    '2025-03-13 10:00:00',
    '2025-03-13 10:00:05',
    '2025-03-13 10:01:05',
    '65',
    '60',
    'NORMAL_CLEARING',
    '5a94f22d-8ab1-4e64-9a8c-5f37b9ed9bb9',
    '',
    '',
    ...extra,
  ]
    .map((s) => `"${s}"`)
    .join(',');
}

const side = (r: UsageRecord) => ({ direction: r.direction, subscriber: r.subscriber, otherParty: r.otherParty });

describe('call direction of Asterisk records', () => {
  const p = parser('asterisk');

  it.each([
    ['from-pstn', '22245000100', '447400100200', { direction: 'inbound', subscriber: '447400100200', otherParty: '22245000100' }],
    ['from-trunk', '+33142685300', '02035550123', { direction: 'inbound', subscriber: '02035550123', otherParty: '+33142685300' }],
    ['from-subscribers', '447400100200', '01614960123', { direction: 'outbound', subscriber: '447400100200', otherParty: '01614960123' }],
    ['from-subscribers', '447400100200', '07400100300', { direction: 'onnet', subscriber: '447400100200', otherParty: '07400100300' }],
    ['from-internal', '1001', '1002', { direction: 'onnet', subscriber: '1001', otherParty: '1002' }],
    ['from-internal', '1001', '901614960123', { direction: 'outbound', subscriber: '1001', otherParty: '901614960123' }],
    ['from-internal', '1001', '902035550123', { direction: 'onnet', subscriber: '1001', otherParty: '902035550123' }],
  ])('dcontext %s, %s -> %s', (dcontext, src, dst, expected) => {
    const r = record(p.parseLine(asterisk(src, dst, dcontext), 1));
    expect(side(r)).toEqual(expected);
    expect(r.directionRule).toContain(`dcontext ${dcontext}`);
  });

  it('a call from the PSTN to a number that is not ours passes through: transit, billed to nobody', () => {
    const r = record(p.parseLine(asterisk('22245000100', '4915112345678', 'from-pstn'), 1));
    expect(side(r)).toEqual({ direction: 'transit', subscriber: '22245000100', otherParty: '4915112345678' });
    expect(r.directionRule).toBe('dcontext from-pstn is an inbound context, but the called number is not ours: transit');
  });

  it.each([
    ['447400100200', '01614960123', 'outbound', '447400100200'],
    ['22245000100', '+447400100200', 'inbound', '+447400100200'],
    ['447400100200', '0044 7400 100300', 'onnet', '447400100200'],
    ['22245000100', '4915112345678', 'transit', '22245000100'],
  ])('in a context no list names, number ranges decide: %s -> %s is %s', (src, dst, direction, subscriber) => {
    const r = record(p.parseLine(asterisk(src, dst, 'macro-dial-one'), 1));
    expect(r.direction).toBe(direction);
    expect(r.subscriber).toBe(subscriber);
    expect(r.directionRule).toMatch(/^dcontext macro-dial-one is in no context list; number ranges: /);
  });

  it("on-net is one record, the caller's, not one for each end", () => {
    const outcomes = [p.parseLine(asterisk('447400100200', '447400100300', 'from-subscribers'), 1)];
    expect(outcomes.map((o) => o.kind)).toEqual(['record']);
    expect(side(record(outcomes[0]!))).toEqual({ direction: 'onnet', subscriber: '447400100200', otherParty: '447400100300' });
  });

  it('checks the called line of an inbound record as the subscriber (INVALID_SUBSCRIBER), not the caller', () => {
    const noRanges = parser('asterisk', NO_RANGES);
    // A withheld caller is fine: the caller is not billed.
    expect(side(record(noRanges.parseLine(asterisk('anonymous', '447400100200', 'from-pstn'), 1)))).toEqual({ direction: 'inbound', subscriber: '447400100200', otherParty: 'anonymous' });
    // Asterisk's "s" extension as the called line is not a number anyone can be billed on.
    expect(noRanges.parseLine(asterisk('22245000100', 's', 'from-pstn'), 1)).toMatchObject({ kind: 'quarantine', reason: 'INVALID_SUBSCRIBER', message: expect.stringContaining('"s"') });
  });

  it("without ranges or a known context, keeps today's reading and says so", () => {
    const r = record(parser('asterisk', NO_RANGES).parseLine(asterisk('447400100200', '01614960123', 'custom'), 1));
    expect(side(r)).toEqual({ direction: 'outbound', subscriber: '447400100200', otherParty: '01614960123' });
    expect(r.directionRule).toBe('dcontext custom is in no context list; default: no context or number range decides, outbound from the calling number');
  });

  it("takes the operator's own context lists", () => {
    const custom = makeSettings({ homeCountry: 'GB', inboundContexts: ['carrier-in'], transitContexts: ['carrier-hop'] });
    expect(record(parser('asterisk', custom).parseLine(asterisk('22245000100', '447400100200', 'carrier-in'), 1)).direction).toBe('inbound');
    expect(record(parser('asterisk', custom).parseLine(asterisk('22245000100', '447400100200', 'carrier-hop'), 1)).direction).toBe('transit');
    // from-pstn is no longer an inbound context once the list is replaced.
    expect(record(parser('asterisk', custom).parseLine(asterisk('22245000100', '447400100200', 'from-pstn'), 1)).direction).toBe('outbound');
  });

  it('refuses a context listed under two directions', () => {
    const both = makeSettings({ homeCountry: 'GB', inboundContexts: ['x'], outboundContexts: ['x'] });
    expect(() => parser('asterisk', both)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});

describe('call direction of FreeSWITCH records', () => {
  it.each([
    ['public', '22245000100', '447400100200', 'inbound', '447400100200'],
    ['default', '447400100200', '01614960123', 'outbound', '447400100200'],
    ['default', '1001', '1002', 'onnet', '1001'],
    ['public', '22245000100', '4915112345678', 'transit', '22245000100'],
  ])('context %s, %s -> %s is %s', (context, caller, destination, direction, subscriber) => {
    const r = record(parser('freeswitch').parseLine(freeswitch(caller, destination, context), 1));
    expect(r.direction).toBe(direction);
    expect(r.subscriber).toBe(subscriber);
    expect(r.directionRule).toContain(`context ${context}`);
  });

  const withDirection = [...FREESWITCH_DEFAULT_COLUMNS, 'direction'];
  it('reads the direction column when neither context nor ranges decide', () => {
    const p = parser('freeswitch', NO_RANGES, withDirection);
    const r = record(p.parseLine(freeswitch('22245000100', '447400100200', 'ivr', ['inbound']), 1));
    expect(side(r)).toEqual({ direction: 'inbound', subscriber: '447400100200', otherParty: '22245000100' });
    expect(r.directionRule).toBe('context ivr is in no context list; direction column says inbound');
  });

  it('lets the context win over the direction column (an A-leg is "inbound" to the switch whoever dialled)', () => {
    const r = record(parser('freeswitch', NO_RANGES, withDirection).parseLine(freeswitch('447400100200', '01614960123', 'default', ['inbound']), 1));
    expect(side(r)).toEqual({ direction: 'outbound', subscriber: '447400100200', otherParty: '01614960123' });
  });
});

describe('direction of generic CSV and JSON Lines records', () => {
  const header = 'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition';
  const csv = (row: string) => {
    const p = parser('csv');
    p.parseLine(header, 1);
    return p.parseLine(row, 2);
  };

  it('keeps the direction the record carries', () => {
    const r = record(csv('g1,voice,inbound,447400100200,,,,+22245000100,2025-03-13T10:00:00Z,60,answered'));
    expect(side(r)).toEqual({ direction: 'inbound', subscriber: '447400100200', otherParty: '+22245000100' });
    expect(r.directionRule).toBe('as the record says');
    const j = record(parser('jsonl').parseLine('{"service":"voice","direction":"transit","subscriber":"22245000100","other_party":"4915112345678","start":"2025-03-13T10:00:00Z","duration":"60"}', 1));
    expect(j.direction).toBe('transit');
  });

  it('quarantines an inbound record for a number that is not ours, hinting at swapped parties', () => {
    expect(csv('g2,voice,inbound,22245000100,,,,447400100200,2025-03-13T10:00:00Z,60,answered')).toEqual({
      kind: 'quarantine',
      reason: 'NOT_OUR_NUMBER',
      message: 'inbound record for "22245000100", which is not one of our numbers (onNetPrefixes, internalExtensions) (other_party "447400100200" is ours: are subscriber and other_party swapped?)',
    });
    const j = parser('jsonl').parseLine('{"service":"sms","direction":"inbound","subscriber":"+22245000100","other_party":"+447400100200","start":"2025-03-13T10:00:00Z"}', 1);
    expect(j).toMatchObject({ kind: 'quarantine', reason: 'NOT_OUR_NUMBER' });
  });

  it("keeps an inbound record of a visitor's SIM roaming on our network", () => {
    const r = record(csv('g3,voice,inbound,33612345678,208011234567890,23415,GB,447400100200,2025-03-13T10:00:00Z,60,answered'));
    expect(r.direction).toBe('inbound');
  });
});

describe('toE164', () => {
  it.each([
    ['+447400100200', '447400100200'],
    ['00447400100200', '447400100200'],
    ['07400100200', '447400100200'],
    ['447400100200', '447400100200'],
    ['abc', null],
  ])('GB %s -> %s', (n, e164) => expect(toE164(n, '44', '0', '00')).toBe(e164));

  it('gives NANP ten-digit numbers their 1', () => {
    expect(toE164('2125550123', '1', '1', '011')).toBe('12125550123');
    expect(toE164('01144207946', '1', '1', '011')).toBe('44207946');
  });
});
