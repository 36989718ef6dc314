import type { Account, Customer } from '../catalog/account.types.ts';
import type { ChargeLine } from '../charging/charging.types.ts';
import { calculateTaxes, type TaxPack, type TaxResult } from '../tax/index.ts';
import { taxCustomerOf } from './bill-account.ts';
import type { BillingSettings } from './billing-settings.types.ts';

/**
 * The taxes of a credit or debit note's lines: the customer's rules applied to the differences
 * alone, with no per-line fees (those were charged once, on the invoice).
 */
export function taxNoteLines(input: {
  currency: string;
  settings: BillingSettings;
  customer: Customer;
  account: Account;
  lines: ChargeLine[];
  period: { from: string; to: string };
  taxPacks?: readonly TaxPack[];
}): TaxResult {
  return calculateTaxes(
    {
      currency: input.currency,
      sellerCountry: input.settings.seller.address.country,
      customer: taxCustomerOf(input.customer, input.account),
      lines: input.lines.map((l) => ({ id: l.id, amount: l.amount, taxClass: l.taxClass, servicePeriod: l.servicePeriod, subscriptionId: l.subscriptionId })),
      subscriptions: [],
      period: input.period,
    },
    input.taxPacks,
  );
}
