import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteAmount, allocate, dec, formatFixed, minorUnits, roundDecimal, roundToCurrency, ROUNDING_METHODS, Decimal } from './index.ts';

const decimalString = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 })).map(([n, s]) => new Decimal(n.toString()).div(new Decimal(10).pow(s)).toFixed(s));

describe('money', () => {
  it('rounds with each method as documented', () => {
    expect(roundDecimal('1.00001', 4, 'up').toString()).toBe('1.0001');
    expect(roundDecimal('1.00005', 4, 'middle').toString()).toBe('1.0001');
    expect(roundDecimal('1.00004', 4, 'middle').toString()).toBe('1');
    expect(roundDecimal('1.00009', 4, 'down').toString()).toBe('1');
    expect(roundDecimal('0.125', 2, 'half_even').toString()).toBe('0.12');
    expect(roundDecimal('0.135', 2, 'half_even').toString()).toBe('0.14');
  });

  it('refuses binary floats as money', () => {
    expect(() => dec(0.1)).toThrow(/non-integer/);
    expect(dec('0.1').plus(dec('0.2')).toString()).toBe('0.3');
  });

  it('knows ISO 4217 minor units and refuses unknown currencies', () => {
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
    expect(roundToCurrency('1234.5', 'JPY').toString()).toBe('1235');
    expect(() => minorUnits('EUD')).toThrow(/unknown ISO 4217/);
  });

  it('never formats with hidden rounding', () => {
    expect(formatFixed('1.5', 2)).toBe('1.50');
    expect(() => formatFixed('1.555', 2)).toThrow(/round explicitly/);
  });

  it('property: rounding is idempotent for every method', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...ROUNDING_METHODS), (x, d, m) => {
        const once = roundDecimal(x, d, m);
        expect(roundDecimal(once, d, m).equals(once)).toBe(true);
      }),
    );
  });

  it('property: rounding moves a value by less than one unit in the last place', () => {
    fc.assert(
      fc.property(decimalString, fc.integer({ min: 0, max: 6 }), fc.constantFrom(...ROUNDING_METHODS), (x, d, m) => {
        const diff = roundDecimal(x, d, m).minus(x).abs();
        expect(diff.lessThan(new Decimal(10).pow(-d))).toBe(true);
      }),
    );
  });

  it('property: allocation never loses or creates a cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (units, weights, decimals) => {
          const total = new Decimal(units.toString()).div(new Decimal(10).pow(decimals));
          const parts = allocate(total, weights, decimals);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, b) => a.plus(b), new Decimal(0)).equals(total)).toBe(true);
          for (const p of parts) expect(p.decimalPlaces()).toBeLessThanOrEqual(decimals);
        },
      ),
    );
  });

  it('allocates proportionally with the remainder to the largest fractions', () => {
    expect(allocate('10.00', [1, 1, 1], 2).map(String)).toEqual(['3.34', '3.33', '3.33']);
    expect(allocate('100', [50, 30, 20], 0).map(String)).toEqual(['50', '30', '20']);
  });
});

describe('absoluteAmount', () => {
  it('drops the sign and keeps the digits as they are', () => {
    expect([absoluteAmount('-10.70'), absoluteAmount('3.5'), absoluteAmount('-0.0125'), absoluteAmount('0')]).toEqual(['10.70', '3.5', '0.0125', '0']);
  });
});
