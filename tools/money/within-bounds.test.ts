import { describe, expect, it } from 'vitest';
import { isWithinBounds } from './within-bounds.ts';

describe('isWithinBounds', () => {
  it('includes both bounds and compares exactly, not as binary floats', () => {
    expect(isWithinBounds('12.35', { min: '12.35', max: '12.35' })).toBe(true);
    expect(isWithinBounds('12.35', { min: '12.36' })).toBe(false);
    expect(isWithinBounds('12.35', { max: '12.349999999999999999' })).toBe(false);
    // 0.1 + 0.2 is not 0.3 in floats; as decimals the string 0.3 is exactly 0.3.
    expect(isWithinBounds('0.3', { min: '0.30', max: '0.3' })).toBe(true);
  });
  it('treats absent bounds as open and handles negative totals (credit notes)', () => {
    expect(isWithinBounds('-5.00', {})).toBe(true);
    expect(isWithinBounds('-5.00', { min: '0' })).toBe(false);
    expect(isWithinBounds('-5.00', { max: '-4.99' })).toBe(true);
  });
});
