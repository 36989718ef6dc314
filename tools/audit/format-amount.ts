import { dec, minorUnits, roundDecimal, type DecimalInput } from '../money/index.ts';

/** An amount rounded half-up to the currency's minor unit, as a fixed-point string ("12.40", "1442"). */
export function formatAmount(value: DecimalInput, currency: string): string {
  const decimals = minorUnits(currency);
  return roundDecimal(value, decimals, 'middle').toFixed(decimals);
}

/** A change as a sentence shows it, its sign always written ("+46.50", "-3.00", "0.00"). */
export function signed(amount: string): string {
  return dec(amount).greaterThan(0) ? `+${amount}` : amount;
}
