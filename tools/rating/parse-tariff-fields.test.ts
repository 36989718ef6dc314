import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { atLocation, parseTariffDecimal } from './parse-tariff-fields.ts';

const at = { file: 'Rates.csv', line: 4 };

describe('atLocation', () => {
  it('turns a field parser failure (RangeError) into INVALID_TARIFF at the file and line', () => {
    const err = (() => {
      try {
        atLocation(at, { id: 'RT_1' }, () => parseTariffDecimal('abc', 'Rate'), 'Rates RT_1');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BillingError);
    expect(err).toMatchObject({ code: 'INVALID_TARIFF', details: { file: 'Rates.csv', line: 4, id: 'RT_1' } });
    expect((err as Error).message).toMatch(/^Rates\.csv line 4: Rates RT_1: Rate "abc"/);
  });

  it('turns a zod error of the input into INVALID_TARIFF', () => {
    expect(() => atLocation(at, {}, () => z.object({ rate: z.string() }).parse({ rate: 1 }))).toThrow(expect.objectContaining({ code: 'INVALID_TARIFF' }));
  });

  it('passes a BillingError through unchanged', () => {
    const original = new BillingError('INVALID_CONFIG', 'unknown time zone "Mars/Base"');
    expect(() =>
      atLocation(at, {}, () => {
        throw original;
      }),
    ).toThrow(original);
  });

  it('rethrows a defect (TypeError, plain Error) as it is, not as a bad-tariff user error', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'rate')");
    expect(() =>
      atLocation(at, {}, () => {
        throw bug;
      }),
    ).toThrow(bug);
    const plain = new Error('invariant broken');
    expect(() =>
      atLocation(at, {}, () => {
        throw plain;
      }),
    ).toThrow(plain);
  });
});
