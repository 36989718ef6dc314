import type DecimalJs from 'decimal.js';
import { Decimal, dec, type DecimalInput } from './decimal.ts';

/**
 * Rounding methods. `up`, `middle` and `down` are CGRateS's `*up` (ceiling), `*middle` (half-up)
 * and `*down` (floor); `half_even` is banker's rounding, used by some tax jurisdictions.
 */
export const ROUNDING_METHODS = ['up', 'middle', 'down', 'half_even'] as const;
export type RoundingMethod = (typeof ROUNDING_METHODS)[number];

const MODES: Record<RoundingMethod, DecimalJs.Rounding> = {
  up: Decimal.ROUND_CEIL,
  middle: Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_FLOOR,
  half_even: Decimal.ROUND_HALF_EVEN,
};

/** Rounds to `decimals` places with the given method; exact, never through binary floats. */
export function roundDecimal(value: DecimalInput, decimals: number, method: RoundingMethod): Decimal {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 30) {
    throw new RangeError(`rounding decimals must be an integer 0..30, got ${decimals}`);
  }
  return dec(value).toDecimalPlaces(decimals, MODES[method]);
}

/** Parses CGRateS rounding names (`*up`, `*middle`, `*down`) and Switchboard's own names. */
export function parseRoundingMethod(name: string): RoundingMethod {
  const key = name.trim().replace(/^\*/, '').toLowerCase();
  if (key === 'up' || key === 'middle' || key === 'down' || key === 'half_even') return key;
  if (key === 'halfeven' || key === 'bankers') return 'half_even';
  throw new RangeError(`unknown rounding method "${name}"`);
}

/** Formats a decimal with exactly `decimals` places (for display and storage), never rounding implicitly. */
export function formatFixed(value: DecimalInput, decimals: number): string {
  const d = dec(value);
  if (d.decimalPlaces() > decimals) {
    throw new RangeError(`formatFixed would round ${d.toString()} to ${decimals} places; round explicitly first`);
  }
  return d.toFixed(decimals);
}
