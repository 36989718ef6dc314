import type { Account, Customer } from '../catalog/account.types.ts';
import type { OneTimeCharge } from '../catalog/catalog.types.ts';
import type { ChargeLine } from '../charging/charging.types.ts';
import { BillingError } from '../errors.ts';
import { addDays } from '../time/index.ts';
import { roundToCurrency } from '../money/index.ts';
import { assembleInvoice } from './assemble-invoice.ts';
import { buyerOf } from './bill-account.ts';
import type { BillingSettings } from './billing-settings.types.ts';
import type { InvoiceDocument } from './invoice.types.ts';
import { taxNoteLines } from './tax-note-lines.ts';

/**
 * A debit note charging one of the catalog's one-time charges against an issued invoice (the
 * returned-payment fee when a payment of it comes back): one line, taxed as the charge's tax class
 * says, on the day the event happened, referencing the invoice it follows.
 */
export function buildFeeNote(input: {
  original: InvoiceDocument;
  charge: OneTimeCharge;
  customer: Customer;
  account: Account;
  settings: BillingSettings;
  date: string;
  reason: string;
  ref: string;
}): InvoiceDocument {
  const { original, charge, settings } = input;
  if (!original.number || !original.issueDate) throw new BillingError('CONFLICT', 'a fee follows an issued invoice');
  const amount = roundToCurrency(charge.amount, original.currency).toFixed();
  const line: ChargeLine = {
    id: `fee:${input.ref}:${charge.id}`,
    section: 'one_time',
    description: charge.name,
    subscriptionId: null,
    msisdn: null,
    quantity: '1',
    unitCode: 'C62',
    unit: 'item',
    unitPrice: amount,
    amount,
    taxClass: charge.taxClass,
    servicePeriod: { from: input.date, to: addDays(input.date, 1) },
    provenance: { catalogItems: [`charge:${charge.id}`], usageEvents: [], tariffRows: [], calculation: `${charge.amount} once: ${input.reason}` },
  };
  const taxes = taxNoteLines({ currency: original.currency, settings, customer: input.customer, account: input.account, lines: [line], period: { from: input.date, to: addDays(input.date, 1) } });
  return assembleInvoice({
    kind: 'debit_note',
    series: settings.debitNoteSeries,
    period: {
      label: original.period.label,
      from: input.date,
      to: addDays(input.date, 1),
      days: 1,
      fromMs: Date.parse(`${input.date}T00:00:00Z`),
      toMs: Date.parse(`${addDays(input.date, 1)}T00:00:00Z`),
    },
    currency: original.currency,
    language: original.language,
    seller: settings.seller,
    buyer: buyerOf(input.customer, input.account),
    lines: [line],
    taxes,
    usageSummary: [],
    correcting: { number: original.number, issueDate: original.issueDate, reason: input.reason },
  });
}
