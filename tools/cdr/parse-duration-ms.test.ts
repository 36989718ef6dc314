import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDurationMs } from './parse-duration-ms.ts';
import { NUMBER_EMPTY, NUMBER_INVALID, NUMBER_NEGATIVE, parseWholeNumber } from './parse-whole-number.ts';

describe('parseDurationMs', () => {
  it.each([
    ['0', 0],
    ['130', 130_000],
    ['007', 7_000],
    ['12.5', 12_500],
    ['12.345', 12_345],
    ['0.1', 100],
    ['12.500', 12_500],
    ['2m10s', 130_000],
    ['1h', 3_600_000],
    ['45s', 45_000],
    ['1500ms', 1_500],
    ['1h2m3s', 3_723_000],
    ['1h0m0s', 3_600_000],
    ['1.5s', 1_500],
    ['1.5h', 5_400_000],
    ['.5s', 500],
    ['1.s', 1_000],
    ['2m0.001s', 120_001],
    ['1s500ms', 1_500],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDurationMs(text)).toBe(ms);
  });

  it.each(['12.3456', '12.', '.5', 'abc', '1x', '2m10', 's', '1.5.5s', '0.5ms', '0.0001s', ' 12', '12 ', '+12', '1e3', '--5', '-', 'NaN', '99999999999999999999'])('rejects %s', (text) => {
    expect(parseDurationMs(text)).toBe(NUMBER_INVALID);
  });

  it('tells empty and negative apart', () => {
    expect(parseDurationMs('')).toBe(NUMBER_EMPTY);
    expect(parseDurationMs('-5')).toBe(NUMBER_NEGATIVE);
    expect(parseDurationMs('-2m10s')).toBe(NUMBER_NEGATIVE);
    expect(parseDurationMs('-1.5')).toBe(NUMBER_NEGATIVE);
  });

  it('is exact for every decimal with up to 3 places (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 999 }), fc.integer({ min: 1, max: 3 }), (whole, frac, places) => {
        const digits = String(frac).padStart(3, '0').slice(0, places);
        const ms = whole * 1000 + Number(digits.padEnd(3, '0'));
        expect(parseDurationMs(`${whole}.${digits}`)).toBe(ms);
      }),
    );
  });
});

describe('parseWholeNumber', () => {
  it('reads bare non-negative integers and flags the rest', () => {
    expect(parseWholeNumber('0')).toBe(0);
    expect(parseWholeNumber('125')).toBe(125);
    expect(parseWholeNumber('999999999999999')).toBe(999_999_999_999_999);
    expect(parseWholeNumber('')).toBe(NUMBER_EMPTY);
    expect(parseWholeNumber('-3')).toBe(NUMBER_NEGATIVE);
    for (const bad of ['1.0', '1e3', '+1', ' 1', '1 ', '-', '-x', '0x10', '1234567890123456']) expect(parseWholeNumber(bad)).toBe(NUMBER_INVALID);
  });
});
