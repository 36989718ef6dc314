import type { Service } from '../../cdr/usage-record.types.ts';
import { ALLOWANCE_UNIT } from '../../charging/consume-allowances.ts';
import { dec, roundDecimal, type Decimal } from '../../money/index.ts';
import type { MessageFigure } from './message.types.ts';

/** Usage-line units per service (what build-usage-lines prints): voice minutes, SMS, data MB. */
export const LINE_UNIT: Record<Service, string> = { voice: 'min', sms: 'SMS', data: 'MB' };

// 1 GB is 1,024 MB: the catalog's MB is 1,048,576 bytes, so the GB follows the same binary convention.
const MB_PER_GB = 1024;

/**
 * A usage quantity in usage-line units as a message prints it: data in GB with one decimal from
 * 1,024 MB (`inGb` forces it, so two figures compared share a unit), otherwise whole MB; voice in
 * whole minutes; SMS as a count. Rounded once, half-up (down for units still to be used, so a
 * message never promises more than is there).
 */
export function displayQuantity(value: Decimal, service: Service, source: string, options: { inGb?: boolean; down?: boolean } = {}): MessageFigure {
  const method = options.down ? 'down' : 'middle';
  if (service === 'data' && (options.inGb ?? value.greaterThanOrEqualTo(MB_PER_GB))) {
    return { value: roundDecimal(value.div(MB_PER_GB), 1, method).toFixed(1), unit: 'GB', source };
  }
  return { value: roundDecimal(value, 0, method).toFixed(0), unit: LINE_UNIT[service], source };
}

/** Base units (voice ms, SMS, data bytes) in usage-line units (min, SMS, MB), exactly. */
export function fromBaseUnits(units: number, service: Service): Decimal {
  return dec(units).div(ALLOWANCE_UNIT[service]);
}

/** Whether a data figure pair prints in GB: when either reaches 1,024 MB. */
export function dataInGb(...values: Decimal[]): boolean {
  return values.some((v) => v.greaterThanOrEqualTo(MB_PER_GB));
}

/** A percentage of `part` in `whole`, computed exactly and rounded once to a whole percent (half away from zero). */
export function wholePercent(part: Decimal, whole: Decimal): { exact: Decimal; rounded: string } {
  const exact = part.div(whole).times(100);
  return { exact, rounded: roundDecimal(exact, 0, 'middle').toFixed(0) };
}
