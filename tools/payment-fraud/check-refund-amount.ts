import { BillingError } from '../errors.ts';
import { dec, minorUnits } from '../money/index.ts';

/**
 * The amount of a refund of an account's credit, checked against the credit balance: positive, in
 * the currency's minor unit, and never more than the balance (a refund pays back the customer's
 * own money held, nothing else). Returns it fixed to the currency's decimals.
 */
export function checkRefundAmount(amount: string, balance: string, currency: string): string {
  const a = dec(amount);
  const places = minorUnits(currency);
  if (a.decimalPlaces() > places) throw new BillingError('INVALID_INPUT', `${amount} is not an amount in ${currency}`);
  if (!dec(balance).greaterThan(0)) throw new BillingError('CONFLICT', `the account has no credit balance to refund (balance ${dec(balance).toFixed(places)} ${currency})`);
  if (a.lessThanOrEqualTo(0)) throw new BillingError('INVALID_INPUT', `a refund is a positive amount, not ${amount}`);
  if (a.greaterThan(dec(balance)))
    throw new BillingError(
      'CONFLICT',
      `a refund of ${a.toFixed(places)} ${currency} is more than the credit balance of ${dec(balance).toFixed(places)} ${currency}; at most the balance can be refunded`,
    );
  return a.toFixed(places);
}
