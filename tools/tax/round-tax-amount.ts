import { roundDecimal, type Decimal } from '../money/index.ts';
import type { TaxPack } from './tax-pack.types.ts';

/**
 * Rounds a tax amount to `decimals` places the way the pack says: half_up (ties away from zero,
 * so a credit mirrors its charge exactly), half_even, or toward_zero (HMRC's round-down concession,
 * which must never raise a credit either).
 */
export function roundTaxAmount(value: Decimal, decimals: number, method: TaxPack['roundingMethod']): Decimal {
  switch (method) {
    case 'half_up':
      return roundDecimal(value, decimals, 'middle');
    case 'half_even':
      return roundDecimal(value, decimals, 'half_even');
    case 'toward_zero':
      return roundDecimal(value, decimals, value.isNegative() ? 'up' : 'down');
  }
}
