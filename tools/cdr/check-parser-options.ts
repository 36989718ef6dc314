import { BillingError } from '../errors.ts';
import { isValidTimezone } from '../time/index.ts';
import type { PlausibilityWindow } from './check-record-plausibility.ts';

/** Throws INVALID_CONFIG for a time zone the runtime does not know, so a typo fails once at start rather than on every line. */
export function checkTimezone(timezone: string): void {
  if (typeof timezone !== 'string' || !isValidTimezone(timezone)) {
    throw new BillingError('INVALID_CONFIG', `unknown time zone ${JSON.stringify(timezone)}`);
  }
}

/** Throws INVALID_CONFIG for a plausibility window that would refuse everything or nothing sensible (it may come from a stored batch). */
export function checkPlausibilityWindow(window: PlausibilityWindow): void {
  if (typeof window !== 'object' || window === null) throw new BillingError('INVALID_CONFIG', 'plausibility window is missing');
  const { nowMs, maxRecordAgeDays, maxFutureSkewSeconds, durationToleranceSeconds, maxCallSeconds } = window;
  if (!Number.isSafeInteger(nowMs)) throw new BillingError('INVALID_CONFIG', `ingest time ${JSON.stringify(nowMs)} is not an epoch-ms instant`);
  const whole = (value: number, name: string, min: number) => {
    if (!Number.isSafeInteger(value) || value < min) throw new BillingError('INVALID_CONFIG', `${name} must be a whole number of at least ${min}, got ${JSON.stringify(value)}`);
  };
  whole(maxRecordAgeDays, 'maxRecordAgeDays', 1);
  whole(maxFutureSkewSeconds, 'maxFutureSkewSeconds', 0);
  whole(durationToleranceSeconds, 'durationToleranceSeconds', 0);
  whole(maxCallSeconds, 'maxCallSeconds', 1);
}
