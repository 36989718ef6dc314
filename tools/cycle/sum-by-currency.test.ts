import { describe, expect, it } from 'vitest';
import { mergeSums, sumByCurrency } from './sum-by-currency.ts';

describe('sumByCurrency', () => {
  it('sums exact decimals per currency, where floats would drift', () => {
    const items = [
      { currency: 'GBP', total: '0.10' },
      { currency: 'GBP', total: '0.20' },
      { currency: 'EUR', total: '-1.005' },
      { currency: 'GBP', total: '12.00' },
    ];
    expect(sumByCurrency(items)).toEqual([
      { currency: 'EUR', total: '-1.005', count: 1 },
      { currency: 'GBP', total: '12.3', count: 3 },
    ]);
    expect(sumByCurrency([])).toEqual([]);
  });
});

describe('mergeSums', () => {
  it("adds shards' sums per currency exactly, with their counts", () => {
    const a = sumByCurrency([
      { currency: 'GBP', total: '0.10' },
      { currency: 'EUR', total: '5' },
    ]);
    const b = sumByCurrency([
      { currency: 'GBP', total: '0.20' },
      { currency: 'GBP', total: '0.005' },
    ]);
    expect(mergeSums([a, b, []])).toEqual([
      { currency: 'EUR', total: '5', count: 1 },
      { currency: 'GBP', total: '0.305', count: 3 },
    ]);
    expect(mergeSums([])).toEqual([]);
  });
});
