import { describe, expect, it } from 'vitest';
import { localParts, nextLocalMidnight, parseInstant, zonedToEpoch } from './zoned-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time', () => {
  it('converts ordinary local times in zones ahead of and behind UTC', () => {
    expect(iso(zonedToEpoch(2024, 7, 1, 8, 30, 0, 'Europe/London'))).toBe('2024-07-01T07:30:00.000Z');
    expect(iso(zonedToEpoch(2024, 1, 15, 8, 30, 0, 'America/New_York'))).toBe('2024-01-15T13:30:00.000Z');
    expect(iso(zonedToEpoch(2024, 1, 15, 8, 30, 0, 'Asia/Kolkata'))).toBe('2024-01-15T03:00:00.000Z');
  });

  it('reads the hour after an autumn change correctly behind UTC', () => {
    // 02:09 on 3 Nov 2024 in New York is unambiguous (EST): 07:09Z
    expect(iso(zonedToEpoch(2024, 11, 3, 2, 9, 0, 'America/New_York'))).toBe('2024-11-03T07:09:00.000Z');
  });

  it('takes the first reading of a repeated autumn hour, in both hemispheres of UTC', () => {
    expect(iso(zonedToEpoch(2024, 10, 27, 1, 30, 0, 'Europe/London'))).toBe('2024-10-27T00:30:00.000Z');
    expect(iso(zonedToEpoch(2024, 11, 3, 1, 30, 0, 'America/New_York'))).toBe('2024-11-03T05:30:00.000Z');
  });

  it('moves a time inside a spring-forward gap past the gap', () => {
    // 01:30 does not exist in London on 31 Mar 2024; read with GMT it is 01:30Z, shown as 02:30 BST
    expect(iso(zonedToEpoch(2024, 3, 31, 1, 30, 0, 'Europe/London'))).toBe('2024-03-31T01:30:00.000Z');
  });

  it('knows local days, weekdays and midnights across a DST change', () => {
    const p = localParts(Date.parse('2024-03-31T12:00:00Z'), 'Europe/London');
    expect([p.year, p.month, p.day, p.weekday]).toEqual([2024, 3, 31, 7]);
    expect(iso(p.dayStart)).toBe('2024-03-31T00:00:00.000Z');
    expect(iso(nextLocalMidnight(p.dayStart, 'Europe/London'))).toBe('2024-03-31T23:00:00.000Z');
  });

  it('parses instants with Z, offsets, or in a given zone, and refuses impossible dates', () => {
    expect(iso(parseInstant('2024-03-04T10:00:00Z'))).toBe('2024-03-04T10:00:00.000Z');
    expect(iso(parseInstant('2024-03-04T10:00:00+02:00'))).toBe('2024-03-04T08:00:00.000Z');
    expect(iso(parseInstant('2024-07-04T10:00:00', 'Europe/London'))).toBe('2024-07-04T09:00:00.000Z');
    expect(() => parseInstant('2024-02-30T10:00:00Z')).toThrow(/not a real date/);
    expect(() => parseInstant('yesterday')).toThrow(/ISO 8601/);
  });
});
