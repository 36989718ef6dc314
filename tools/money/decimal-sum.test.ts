import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDecimalSum } from './decimal-sum.ts';
import { dec, ZERO } from './decimal.ts';

describe('createDecimalSum', () => {
  it('adds decimal strings exactly, fast path or not', () => {
    const amount = fc.oneof(
      fc.tuple(fc.boolean(), fc.nat(999_999_999), fc.nat(99_999_999)).map(([neg, i, f]) => `${neg ? '-' : ''}${i}.${String(f).padStart(8, '0')}`),
      fc.tuple(fc.nat(1000), fc.nat(999_999)).map(([i, f]) => `${i}.${String(f).padStart(6, '0')}123456`),
      fc.nat(1000).map(String),
    );
    // An amount past 2^53 units of 10^-8 (found by this property once): exact through the slow path.
    const big = createDecimalSum();
    for (const a of ['1.00000000', '-90071992.71637015']) big.add(a);
    expect(big.value().toFixed()).toBe('-90071991.71637015');
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (amounts) => {
        const sum = createDecimalSum();
        for (const a of amounts) sum.add(a);
        expect(sum.value().toFixed()).toBe(amounts.reduce((s, a) => s.plus(dec(a)), ZERO).toFixed());
      }),
    );
  });
});
