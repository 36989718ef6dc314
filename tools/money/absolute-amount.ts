import { BillingError } from '../errors.ts';
import { isDecimalString } from './decimal.ts';

/** An amount without its sign, its digits as they are ("-10.70" → "10.70"): a difference said in words ("… more"). */
export function absoluteAmount(value: string): string {
  if (!isDecimalString(value)) throw new BillingError('INVALID_INPUT', `not a decimal amount: ${value}`);
  return value.startsWith('-') || value.startsWith('+') ? value.slice(1) : value;
}
