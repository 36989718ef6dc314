import { BillingError } from '../errors.ts';
import { isValidTimezone } from '../time/index.ts';

/** Throws INVALID_CONFIG for a time zone the runtime does not know, so a typo fails once at start rather than on every line. */
export function checkTimezone(timezone: string): void {
  if (typeof timezone !== 'string' || !isValidTimezone(timezone)) {
    throw new BillingError('INVALID_CONFIG', `unknown time zone ${JSON.stringify(timezone)}`);
  }
}
