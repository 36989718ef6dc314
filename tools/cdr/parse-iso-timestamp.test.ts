import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp } from './parse-iso-timestamp.ts';

const LONDON = 'Europe/London';

describe('parseIsoTimestamp', () => {
  it('reads Z and offsets as absolute times, whatever the zone', () => {
    expect(parseIsoTimestamp('2024-07-15T13:30:05Z', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-07-15T14:30:05+01:00', 'Asia/Tokyo')).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-07-15T08:30:05-0500', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-07-15T19:15:05+05:45', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-07-15T15:30:05+02', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-07-15 13:30:05z', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
  });

  it('reads times without an offset as local in the zone, across DST', () => {
    expect(parseIsoTimestamp('2024-07-15T14:30:05', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5));
    expect(parseIsoTimestamp('2024-01-15T14:30:05', LONDON)).toBe(Date.UTC(2024, 0, 15, 14, 30, 5));
    expect(parseIsoTimestamp('2024-03-31T00:59:59', LONDON)).toBe(Date.UTC(2024, 2, 31, 0, 59, 59));
    expect(parseIsoTimestamp('2024-03-31T02:00:00', LONDON)).toBe(Date.UTC(2024, 2, 31, 1, 0, 0));
  });

  it('takes fractions to the millisecond, truncating beyond', () => {
    expect(parseIsoTimestamp('2024-07-15T13:30:05.5Z', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5, 500));
    expect(parseIsoTimestamp('2024-07-15T13:30:05.123456Z', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5, 123));
    expect(parseIsoTimestamp('2024-07-15T14:30:05,25', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30, 5, 250));
  });

  it('accepts minutes without seconds', () => {
    expect(parseIsoTimestamp('2024-07-15T13:30Z', LONDON)).toBe(Date.UTC(2024, 6, 15, 13, 30));
  });

  it.each([
    '2024-02-30T10:00:00Z',
    '2023-02-29T10:00:00Z',
    '2024-04-31T10:00:00Z',
    '2024-07-15T25:00:00Z',
    '2024-07-15T24:00:00Z',
    '2024-07-15T13:60:00Z',
    '2024-07-15T13:30:60Z',
    '2024-07-15',
    '2024-07-15T13:30:05.Z',
    '2024-07-15T13:30:05+1',
    '2024-07-15T13:30:05+01:0',
    '2024-07-15T13:30:05+24:00',
    '2024-07-15T13:30:05ZZ',
    '2024-07-15T13:30:05 ',
    '2024-7-15T13:30:05Z',
    '15/07/2024 13:30',
    '0099-07-15T13:30:05Z',
    '',
  ])('rejects %s', (text) => {
    expect(parseIsoTimestamp(text, LONDON)).toBeNaN();
  });
});
