import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, minorUnits, ZERO } from '../money/index.ts';
import { buildPaymentPlan } from './build-payment-plan.ts';
import type { PaymentPlanInput } from './collections.types.ts';
import { codeOf } from './testing/code-of.ts';

const BASE: PaymentPlanInput = { balance: '100.00', currency: 'GBP', instalments: 3, firstDueDate: '2025-01-31', interval: 'month' };
const rows = (p: ReturnType<typeof buildPaymentPlan>): Array<[string, string]> => p.instalments.map((i) => [i.dueDate, i.amount]);

describe('buildPaymentPlan', () => {
  it('splits 100.00 in three monthly parts, the odd cent first, month ends clamped', () => {
    const p = buildPaymentPlan(BASE);
    expect(p).toMatchObject({ currency: 'GBP', balance: '100.00', downPayment: null, financed: '100.00' });
    expect(rows(p)).toEqual([
      ['2025-01-31', '33.34'],
      ['2025-02-28', '33.33'],
      ['2025-03-31', '33.33'],
    ]);
    expect(p.instalments.map((i) => i.sequence)).toEqual([1, 2, 3]);
  });

  it('takes a down payment first and spreads the rest weekly', () => {
    const p = buildPaymentPlan({ ...BASE, balance: '100.01', downPayment: '10.00', instalments: 4, interval: 'week', firstDueDate: '2025-03-03', downPaymentDueDate: '2025-02-28' });
    expect(p.downPayment).toEqual({ amount: '10.00', dueDate: '2025-02-28' });
    expect(p.financed).toBe('90.01');
    expect(rows(p)).toEqual([
      ['2025-03-03', '22.51'],
      ['2025-03-10', '22.50'],
      ['2025-03-17', '22.50'],
      ['2025-03-24', '22.50'],
    ]);
  });

  it('puts several odd cents on the first instalments, in leap years too', () => {
    const p = buildPaymentPlan({ ...BASE, balance: '10.05', instalments: 6, firstDueDate: '2024-01-31' });
    // 1005 cents / 6 = 167 r 3: three parts of 1.68 then three of 1.67
    expect(rows(p)).toEqual([
      ['2024-01-31', '1.68'],
      ['2024-02-29', '1.68'],
      ['2024-03-31', '1.68'],
      ['2024-04-30', '1.67'],
      ['2024-05-31', '1.67'],
      ['2024-06-30', '1.67'],
    ]);
    expect(buildPaymentPlan({ ...BASE, downPayment: '0.00' }).downPayment).toBeNull();
  });

  it('uses the currency minor unit (JPY 0, KWD 3)', () => {
    expect(buildPaymentPlan({ ...BASE, currency: 'JPY', balance: '1000' }).instalments.map((i) => i.amount)).toEqual(['334', '333', '333']);
    expect(buildPaymentPlan({ ...BASE, currency: 'kwd', balance: '1' }).instalments.map((i) => i.amount)).toEqual(['0.334', '0.333', '0.333']);
  });

  it.each([
    ['a zero balance', { balance: '0.00' }],
    ['a negative balance', { balance: '-5.00' }],
    ['one instalment', { instalments: 1 }],
    ['25 instalments', { instalments: 25 }],
    ['a fractional count', { instalments: 2.5 }],
    ['a down payment above the balance', { downPayment: '100.01' }],
    ['a down payment of the whole balance', { downPayment: '100.00' }],
    ['a negative down payment', { downPayment: '-1.00' }],
    ['a down payment due after the first instalment', { downPayment: '1.00', downPaymentDueDate: '2025-02-01' }],
    ['less than one cent per instalment', { balance: '0.02' }],
    ['sub-cent amounts', { balance: '10.001' }],
    ['an unknown currency', { currency: 'EUD' }],
    ['an impossible date', { firstDueDate: '2025-02-30' }],
    ['a float balance', { balance: 10.5 as unknown as string }],
    ['an unknown option', { interest: '5' } as never],
  ])('refuses %s with INVALID_INPUT', (_what, over) => {
    expect(codeOf(() => buildPaymentPlan({ ...BASE, ...over }))).toBe('INVALID_INPUT');
  });

  it('property: instalments add up exactly, differ by at most one minor unit, larger ones first', () => {
    const input = fc.record({
      currency: fc.constantFrom('GBP', 'EUR', 'JPY', 'KWD'),
      units: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      downShare: fc.integer({ min: 0, max: 99 }),
      instalments: fc.integer({ min: 2, max: 24 }),
      interval: fc.constantFrom('month', 'week') as fc.Arbitrary<'month' | 'week'>,
    });
    fc.assert(
      fc.property(input, ({ currency, units, downShare, instalments, interval }) => {
        const d = minorUnits(currency);
        const unit = dec(10).pow(-d);
        const balance = dec(units).plus(instalments).times(unit);
        const down = balance.times(downShare).div(100).toDecimalPlaces(d, 1);
        fc.pre(balance.minus(down).greaterThanOrEqualTo(unit.times(instalments)));
        const p = buildPaymentPlan({ balance: balance.toFixed(d), currency, instalments, firstDueDate: '2025-01-31', interval, downPayment: down.toFixed(d) });
        const amounts = p.instalments.map((i) => dec(i.amount));
        expect(amounts).toHaveLength(instalments);
        expect(
          amounts
            .reduce((s, a) => s.plus(a), ZERO)
            .plus(p.downPayment?.amount ?? '0')
            .equals(balance),
        ).toBe(true);
        const [max, min] = [amounts[0]!, amounts[amounts.length - 1]!];
        expect(max.minus(min).lessThanOrEqualTo(unit)).toBe(true);
        expect(amounts.every((a, i) => i === 0 || a.lessThanOrEqualTo(amounts[i - 1]!))).toBe(true);
        expect(amounts.every((a) => a.greaterThan(0) && a.decimalPlaces() <= d)).toBe(true);
        expect(p.instalments.every((x, i) => i === 0 || x.dueDate > p.instalments[i - 1]!.dueDate)).toBe(true);
      }),
    );
  });
});
