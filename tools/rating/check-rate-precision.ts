import { Decimal, roundDecimal } from '../money/index.ts';
import { DEFAULT_GENERAL_ROUNDING_DECIMALS } from './compile-tariff.ts';
import type { TariffPlan } from './tariff.types.ts';

/**
 * Warns about rate slots whose cost per increment is lost or distorted by CGRateS's per-span
 * rounding at the general decimals (e.g. 0.005 per MiB charged per KiB rounds to 0 per increment).
 */
export function checkRatePrecision(plan: TariffPlan, generalDecimals = DEFAULT_GENERAL_ROUNDING_DECIMALS): string[] {
  const messages: string[] = [];
  for (const [rateId, slots] of Object.entries(plan.rates)) {
    slots.forEach((slot, i) => {
      if (slot.rateUnit === 0 || new Decimal(slot.rate).isZero() || slot.rateIncrement === 0) return;
      const perIncrement = new Decimal(slot.rate).times(slot.rateIncrement).div(slot.rateUnit);
      const rounded = roundDecimal(perIncrement, generalDecimals, 'middle');
      if (rounded.isZero()) {
        messages.push(`Rates ${rateId} slot ${i}: one increment costs ${perIncrement.toSignificantDigits(6)}, which rounds to 0 at ${generalDecimals} decimals: usage at this rate will cost nothing`);
      } else if (!rounded.equals(perIncrement) && rounded.minus(perIncrement).abs().div(perIncrement).greaterThan('0.01')) {
        messages.push(`Rates ${rateId} slot ${i}: one increment costs ${perIncrement.toSignificantDigits(6)}, rounded to ${rounded} at ${generalDecimals} decimals (more than 1% off)`);
      }
    });
  }
  return messages;
}
