import { expect } from 'vitest';
import { BillingError } from '../errors.ts';
import type { TaxClass, TaxCustomer, TaxInput, TaxableLine } from './tax.types.ts';

/** A taxable line for tests; the period defaults to one calendar month. */
export function line(
  id: string,
  amount: string,
  taxClass: TaxClass,
  period: { from: string; to: string } = { from: '2025-03-01', to: '2025-04-01' },
  subscriptionId: string | null = null,
): TaxableLine {
  return { id, amount, taxClass, servicePeriod: period, subscriptionId };
}

/** A consumer in the given country unless `overrides` says otherwise. */
export function customer(country: string, overrides: Partial<TaxCustomer> = {}): TaxCustomer {
  return { country, region: null, business: false, vatId: null, exemptions: [], ...overrides };
}

/** A business customer with a VAT id. */
export function business(country: string, vatId: string, overrides: Partial<TaxCustomer> = {}): TaxCustomer {
  return customer(country, { business: true, vatId, ...overrides });
}

/** A one-invoice input; period defaults to March 2025, seller to Germany, currency to EUR. */
export function taxInput(buyer: TaxCustomer, lines: TaxableLine[], overrides: Partial<TaxInput> = {}): TaxInput {
  return {
    currency: 'EUR',
    sellerCountry: 'DE',
    customer: buyer,
    lines,
    subscriptions: [],
    period: { from: '2025-03-01', to: '2025-04-01' },
    ...overrides,
  };
}

/** Asserts that `fn` throws a BillingError with this code and a message matching `message`. */
export function expectBillingError(fn: () => unknown, code: BillingError['code'], message: RegExp): BillingError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(BillingError);
  const err = caught as BillingError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  return err;
}
