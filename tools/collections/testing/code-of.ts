import { BillingError } from '../../errors.ts';

/** The BillingError code `fn` throws, 'NOT_A_BILLING_ERROR' for anything else, undefined when it returns. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BillingError ? e.code : 'NOT_A_BILLING_ERROR';
  }
  return undefined;
}
