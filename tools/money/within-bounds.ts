import { dec } from './decimal.ts';

/** True when an amount lies within the inclusive bounds (either may be absent), compared as exact decimals. */
export function isWithinBounds(amount: string, bounds: { min?: string | undefined; max?: string | undefined }): boolean {
  const value = dec(amount);
  if (bounds.min !== undefined && value.lessThan(dec(bounds.min))) return false;
  if (bounds.max !== undefined && value.greaterThan(dec(bounds.max))) return false;
  return true;
}
