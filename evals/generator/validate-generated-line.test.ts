import { describe, expect, it } from 'vitest';
import { createLineValidator, parseCsvLine } from './validate-generated-line.ts';

// The generator's tests lean on this validator, so it must itself catch what it claims to.
describe('createLineValidator', () => {
  const asterisk = createLineValidator('asterisk', 'Europe/London');
  const good =
    '"","447400100001","01614960123","from-subscribers","""Ann"" <447400100001>","PJSIP/447400100001-00000001","PJSIP/trunk-00000002","Dial","PJSIP/+441614960123@trunk,60","2025-03-30 00:59:50","2025-03-30 00:59:55","2025-03-30 02:00:05",15,10,"ANSWERED","DOCUMENTATION","1743296390.1",""';

  it('accepts a good Asterisk line across the spring-forward gap', () => {
    expect(asterisk(good)).toBeNull();
  });

  it.each([
    ['WRONG_COLUMN_COUNT', good.replace(',"DOCUMENTATION"', '')],
    ['UNTERMINATED_QUOTE', good.replace(/""$/, '"note')],
    ['MALFORMED_CSV', good.replace('"Dial"', '"Di"al')],
    ['INVALID_DATE', good.replace('2025-03-30 00:59:50', '2025-02-30 00:59:50')],
    ['INVALID_DATE', good.replace('2025-03-30 00:59:50', '2025-03-30 25:59:50')],
    ['NEGATIVE_DURATION', good.replace(',15,10,', ',-15,-15,')],
    ['UNKNOWN_DISPOSITION', good.replace('"ANSWERED"', '"ANSWRED"')],
    ['INCONSISTENT_TIMES', good.replace(',15,10,', ',15,16,')],
    ['INCONSISTENT_TIMES', good.replace(',15,10,', ',14,10,')],
  ])('flags %s', (reason, line) => {
    expect(asterisk(line)).toBe(reason);
  });

  it('checks the generic formats', () => {
    const header = 'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes';
    const csv = createLineValidator('csv', 'UTC', header);
    const row = 'cdr-1,voice,outbound,447400100001,,,,01614960123,2025-03-01T10:00:00Z,1m5s,answered,,"a, ""b"""';
    expect(csv(row)).toBeNull();
    expect(csv(row.replace('voice', 'mms'))).toBe('UNKNOWN_SERVICE');
    expect(csv(row.replace('1m5s', '-65'))).toBe('NEGATIVE_DURATION');
    expect(csv(row.replace(',,,', ',,'))).toBe('WRONG_COLUMN_COUNT');
    const jsonl = createLineValidator('jsonl', 'UTC');
    expect(jsonl('{"service":"data","subscriber":"+447400100001","start":"2025-03-01T10:00:00+01:00","volume":5}')).toBeNull();
    expect(jsonl('{"service":"data","subscriber":"+447400100001","start":"2025-03-01T10:00:00+01:00","volume":5,}')).toBe('INVALID_JSON');
    expect(jsonl('[1]')).toBe('INVALID_JSON');
    expect(jsonl('{"service":"data","subscriber":"+447400100001","start":"2025-04-31T10:00:00Z","volume":5}')).toBe('INVALID_DATE');
  });

  it('unescapes quoted CSV fields', () => {
    expect(parseCsvLine('"a ""b""",,c')).toEqual({ fields: ['a "b"', '', 'c'], quoted: [true, false, false] });
  });
});
