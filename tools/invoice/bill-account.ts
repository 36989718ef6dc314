import type { Account, Customer, Subscription } from '../catalog/account.types.ts';
import type { Catalog } from '../catalog/catalog.types.ts';
import { billingPeriod } from '../charging/billing-period.ts';
import { chargePeriod } from '../charging/charge-period.ts';
import { recommendPlans } from '../charging/what-if.ts';
import type { AllowanceCarry, ChargeableEvent, ChargeInput, ChargeResult } from '../charging/charging.types.ts';
import { calculateTaxes, findRateChanges, type TaxPack } from '../tax/index.ts';
import type { TaxCustomer } from '../tax/tax.types.ts';
import { assembleInvoice } from './assemble-invoice.ts';
import type { BillingSettings } from './billing-settings.types.ts';
import { flagInvoice, type FlagContext } from './flag-invoice.ts';
import type { Buyer, InvoiceDocument } from './invoice.types.ts';
import { computeInvoiceMessages } from './messages/compute-invoice-messages.ts';
import type { EarlierPeriodUsage } from './messages/usage-change.ts';

/** Everything known about one account for one period, loaded by the caller. */
export interface BillAccountInput {
  catalog: Catalog;
  customer: Customer;
  account: Account;
  subscriptions: Subscription[];
  /** YYYY-MM. */
  period: string;
  timezone: string;
  events: ChargeableEvent[];
  /** Events of the account's numbers in the period that are not rated. */
  notRated: number;
  carriedIn: AllowanceCarry[];
  settings: BillingSettings;
  previousTotals: string[];
  /** Add the what-if plan recommendations (default true). */
  recommend?: boolean;
  /** The tax packs in force (adopted versions, db/tax-pack-store.ts); the built-in packs when absent. */
  taxPacks?: readonly TaxPack[];
  /** Usage lines of the account's invoices of the three earlier periods, for the usage insights (absent: none). */
  usageHistory?: readonly EarlierPeriodUsage[];
}

/** The tax view of an account: place of supply, business status, VAT id, exemptions. */
export function taxCustomerOf(customer: Customer, account: Account): TaxCustomer {
  return {
    country: account.taxJurisdiction.country,
    region: account.taxJurisdiction.region,
    business: customer.segment !== 'consumer' || account.vatId !== null,
    vatId: account.vatId,
    exemptions: account.taxExemptions,
  };
}

/** The buyer block of an invoice. */
export function buyerOf(customer: Customer, account: Account): Buyer {
  return {
    accountId: account.id,
    customerId: customer.id,
    name: customer.name,
    address: customer.address,
    vatId: account.vatId,
    email: customer.email,
    segment: customer.segment,
    business: customer.segment !== 'consumer' || account.vatId !== null,
  };
}

/** The charging input of an account's period, its lines split where the customer's tax rates change. */
export function chargeInputFor(input: BillAccountInput): ChargeInput {
  const { catalog, customer, account, settings } = input;
  const period = billingPeriod(input.period, account.billingCycleDay, input.timezone);
  const splitDates = findRateChanges(taxCustomerOf(customer, account), settings.seller.address.country, period.from, period.to, input.taxPacks);
  return {
    catalog,
    customer,
    account,
    subscriptions: input.subscriptions,
    period,
    timezone: input.timezone,
    events: input.events,
    carriedIn: input.carriedIn,
    splitDates,
  };
}

/**
 * Bills one account for one period: charges (split at tax-rate changes), taxes by the account's
 * jurisdiction, the invoice document with its invariants checked, and the reasons to hold it.
 * Pure: storage, numbering and issuing are the caller's.
 */
export function billAccount(input: BillAccountInput): { doc: InvoiceDocument; charge: ChargeResult; flagContext: FlagContext } {
  const { customer, account, settings } = input;
  const chargeInput = chargeInputFor(input);
  const { period } = chargeInput;
  const taxCustomer = taxCustomerOf(customer, account);
  const sellerCountry = settings.seller.address.country;
  const charge = chargePeriod(chargeInput);
  const taxes = calculateTaxes(
    {
      currency: account.currency,
      sellerCountry,
      customer: taxCustomer,
      lines: charge.lines.map((l) => ({ id: l.id, amount: l.amount, taxClass: l.taxClass, servicePeriod: l.servicePeriod, subscriptionId: l.subscriptionId })),
      subscriptions: charge.activeSubscriptions.map((s) => ({ id: s.id, activeFrom: s.activeFrom, activeTo: s.activeTo })),
      period: { from: period.from, to: period.to },
    },
    input.taxPacks,
  );
  const recommendations = input.recommend === false ? [] : recommendPlans(chargeInput, '1', charge);
  const messages = computeInvoiceMessages({
    catalog: input.catalog,
    customer,
    subscriptions: input.subscriptions,
    cycleDay: account.billingCycleDay,
    timezone: input.timezone,
    period,
    currency: account.currency,
    charge,
    recommendations,
    usageHistory: input.usageHistory,
  });
  const doc = assembleInvoice({
    series: settings.invoiceSeries,
    period,
    currency: account.currency,
    language: account.language,
    seller: settings.seller,
    buyer: buyerOf(customer, account),
    lines: charge.lines,
    taxes,
    usageSummary: charge.usageSummary,
    recommendations,
    messages,
    subscriptions: input.subscriptions,
  });
  // The plan's usual is the bill run's to add (it needs the other accounts): it re-flags with flagContext.
  const flagContext: FlagContext = { previousTotals: input.previousTotals, unratedEvents: input.notRated, unattachedEvents: charge.unattachedEvents.length };
  const holdReasons = flagInvoice(doc, flagContext);
  return { doc: { ...doc, holdReasons }, charge, flagContext };
}
