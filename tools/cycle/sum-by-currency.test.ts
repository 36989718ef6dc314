import { describe, expect, it } from 'vitest';
import { sumByCurrency } from './sum-by-currency.ts';

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
