import { ALLOWANCE_UNIT } from '../charging/consume-allowances.ts';
import { type Decimal, roundDecimal } from '../money/index.ts';

/** How allowance quantities are shown: the display unit and the base unit behind it, per service. */
export const ALLOWANCE_DISPLAY = { voice: { unit: 'min', baseUnit: 'ms' }, sms: { unit: 'SMS', baseUnit: 'message' }, data: { unit: 'MB', baseUnit: 'byte' } } as const;

/** Base units as the display unit, 2 decimals half-up (minutes, texts, MB). */
export function displayUnits(units: Decimal, service: keyof typeof ALLOWANCE_UNIT): string {
  return roundDecimal(units.div(ALLOWANCE_UNIT[service]), 2, 'middle').toFixed(2);
}
