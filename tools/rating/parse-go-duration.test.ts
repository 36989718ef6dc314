import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatGoDuration, parseGoDuration } from './parse-go-duration.ts';

const S = 1_000_000_000;

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['60s', 60 * S],
    ['1m', 60 * S],
    ['1m30s', 90 * S],
    ['1h', 3600 * S],
    ['1h0m0s', 3600 * S],
    ['2h45m', (2 * 3600 + 45 * 60) * S],
    ['0.5s', S / 2],
    ['0.1s', 100_000_000],
    ['.5s', 500_000_000],
    ['1.s', S],
    ['1500ms', 1_500_000_000],
    ['1.5ms', 1_500_000],
    ['2us', 2_000],
    ['2µs', 2_000],
    ['2μs', 2_000],
    ['7ns', 7],
    ['1s1s', 2 * S], // Go adds repeated components
    ['+1s', S],
    [' 1m ', 60 * S],
    ['1.000000001s', S + 1],
  ])('%s -> %d', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it('reads a bare integer as that many units, like CGRateS ParseDurationWithNanosecs', () => {
    expect(parseGoDuration('60')).toBe(60);
    expect(parseGoDuration('1024')).toBe(1024);
    expect(parseGoDuration('1')).toBe(1);
    expect(parseGoDuration('007')).toBe(7);
  });

  it.each(['', ' ', '-1s', '-1', '1x', 's', '.s', '1m30', 'abc', '1d', '1H', '1.5', '0.5ns', '1e3s', '1 s', '1s-1s', '--1s', '9007199254740992', '3000h'])('refuses %j with a RangeError', (text) => {
    expect(() => parseGoDuration(text)).toThrow(RangeError);
  });

  it('names the text and the reason in its error', () => {
    expect(() => parseGoDuration('-5s')).toThrow(/invalid duration "-5s": negative/);
    expect(() => parseGoDuration('1.5ns')).toThrow(/finer than one nanosecond/);
  });

  it('is exact for any decimal fraction of a unit (no float error)', () => {
    const units: [string, bigint][] = [
      ['ns', 1n],
      ['us', 1_000n],
      ['ms', 1_000_000n],
      ['s', 1_000_000_000n],
      ['m', 60_000_000_000n],
      ['h', 3_600_000_000_000n],
    ];
    const component = fc.record({
      whole: fc.integer({ min: 0, max: 999 }),
      frac: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
      unit: fc.constantFrom(...units),
    });
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 4 }), (parts) => {
        let text = '';
        let expected = 0n;
        let exact = true;
        for (const { whole, frac, unit } of parts) {
          text += `${whole}${frac === undefined ? '' : `.${frac}`}${unit[0]}`;
          expected += BigInt(whole) * unit[1];
          if (frac !== undefined) {
            const scale = 10n ** BigInt(frac.length);
            if ((BigInt(frac) * unit[1]) % scale !== 0n) exact = false;
            expected += (BigInt(frac) * unit[1]) / scale;
          }
        }
        if (!exact || expected > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => parseGoDuration(text)).toThrow(RangeError);
        } else {
          expect(parseGoDuration(text)).toBe(Number(expected));
        }
      }),
    );
  });

  it('either throws RangeError or returns a safe non-negative integer, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.hmsun]{0,8}$/)), (text) => {
        try {
          const n = parseGoDuration(text);
          expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(RangeError);
        }
      }),
    );
  });
});

describe('formatGoDuration', () => {
  it.each([
    [0, '0s'],
    [7, '7ns'],
    [2_000, '2µs'],
    [1_500_000, '1.5ms'],
    [500_000_000, '500ms'],
    [S, '1s'],
    [1_500_000_000, '1.5s'],
    [60 * S, '1m'],
    [90 * S, '1m30s'],
    [3600 * S, '1h'],
    [3601 * S, '1h1s'],
    [3661 * S + 1, '1h1m1.000000001s'],
  ])('%d -> %s', (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
  });

  it('refuses negative, fractional and unsafe values', () => {
    expect(() => formatGoDuration(-1)).toThrow(RangeError);
    expect(() => formatGoDuration(1.5)).toThrow(RangeError);
    expect(() => formatGoDuration(2 ** 53)).toThrow(RangeError);
  });

  it('round-trips: parseGoDuration(formatGoDuration(n)) === n', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: 0, max: 10_000 }).map((n) => n * S),
        ),
        (n) => {
          expect(parseGoDuration(formatGoDuration(n))).toBe(n);
        },
      ),
    );
  });
});
