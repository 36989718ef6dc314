import type { Account, Customer } from '../catalog/account.types.ts';
import type { Catalog } from '../catalog/catalog.types.ts';
import type { ChargeLine } from '../charging/charging.types.ts';
import { BillingError } from '../errors.ts';
import { dec, minorUnits, roundToCurrency } from '../money/index.ts';
import { assembleInvoice } from './assemble-invoice.ts';
import { buyerOf } from './bill-account.ts';
import type { BillingSettings } from './billing-settings.types.ts';
import type { InvoiceDocument } from './invoice.types.ts';
import { taxNoteLines } from './tax-note-lines.ts';
import { addDays } from '../time/index.ts';

/** The fallback when the catalog in effect defines no late fee (docs/collections.md). */
export const FALLBACK_LATE_FEE = { name: 'Late payment fee', fixed: '5.00', percentOfOverdue: '0', taxClass: 'telecom' as const };

/** The late fee the catalog defines on an overdue balance: fixed + percent of it, rounded half-up to the currency. */
export function lateFeeAmount(catalog: Pick<Catalog, 'lateFee'> | null, overdue: string, currency: string): { name: string; amount: string; taxClass: 'telecom' | 'equipment'; fromCatalog: boolean } {
  const fee = catalog?.lateFee ?? FALLBACK_LATE_FEE;
  const amount = roundToCurrency(dec(fee.fixed).plus(dec(overdue).times(dec(fee.percentOfOverdue)).div(100)), currency).toFixed(minorUnits(currency));
  return { name: fee.name, amount, taxClass: fee.taxClass, fromCatalog: Boolean(catalog?.lateFee) };
}

/**
 * The debit note of an approved late fee: one line on the overdue invoice it is charged for,
 * taxed as the catalog's tax class says, referencing that invoice; the line id carries the
 * proposal (`fee:<ref>`), so the note traces to its approval.
 */
export function buildLateFeeNote(input: {
  original: InvoiceDocument;
  fee: { name: string; amount: string; taxClass: 'telecom' | 'equipment' };
  customer: Customer;
  account: Account;
  settings: BillingSettings;
  reason: string;
  ref: string;
  issueDate: string;
}): InvoiceDocument {
  const { original, account, customer, settings, fee } = input;
  if (original.kind !== 'invoice' || !original.number || !original.issueDate) throw new BillingError('CONFLICT', 'a late fee is charged on an issued invoice');
  const amount = dec(fee.amount);
  if (amount.lessThanOrEqualTo(0) || amount.decimalPlaces() > minorUnits(original.currency))
    throw new BillingError('INVALID_INPUT', `a late fee is a positive amount in ${original.currency}, not ${fee.amount}`);
  const line: ChargeLine = {
    id: `fee:${input.ref}`,
    section: 'adjustments',
    description: `${fee.name} (invoice ${original.number})`,
    subscriptionId: null,
    msisdn: null,
    quantity: '1',
    unitCode: 'C62',
    unit: 'item',
    unitPrice: fee.amount,
    amount: fee.amount,
    taxClass: fee.taxClass,
    servicePeriod: { from: input.issueDate, to: addDays(input.issueDate, 1) },
    provenance: { catalogItems: ['lateFee'], usageEvents: [], tariffRows: [], calculation: `late fee on invoice ${original.number}: ${input.reason}` },
  };
  // The fee is a one-day supply on the day it is charged: [issueDate, next day).
  const to = addDays(input.issueDate, 1);
  const period = { label: original.period.label, from: input.issueDate, to, days: 1, fromMs: Date.parse(`${input.issueDate}T00:00:00Z`), toMs: Date.parse(`${to}T00:00:00Z`) };
  const taxes = taxNoteLines({ currency: original.currency, settings, customer, account, lines: [line], period });
  return assembleInvoice({
    kind: 'debit_note',
    series: settings.debitNoteSeries,
    period,
    currency: original.currency,
    language: original.language,
    seller: settings.seller,
    buyer: buyerOf(customer, account),
    lines: [line],
    taxes,
    usageSummary: [],
    correcting: { number: original.number, issueDate: original.issueDate, reason: input.reason },
  });
}
