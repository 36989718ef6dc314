import type { Customer } from '../../catalog/account.types.ts';
import type { ChargeableEvent } from '../../charging/charging.types.ts';
import { ratedEvent, testAccount, testCatalog, testCustomer, testLine } from '../../charging/testing/charging-fixtures.ts';
import { billAccount, type BillAccountInput } from '../../invoice/bill-account.ts';
import { billCorrection } from '../../invoice/bill-correction.ts';
import { billingSettingsSchema, type BillingSettings } from '../../invoice/billing-settings.types.ts';
import type { InvoiceDocument } from '../../invoice/invoice.types.ts';
import { addDays } from '../../time/index.ts';

/**
 * Invoices for the audit and compliance tests, billed by the real pipeline (rating, charging, tax
 * packs, assembly) from the charging fixtures, then issued the way db/invoice-store.ts issues them.
 * Amounts are worked out by hand in the comments (test tariff: mobile 0.05 connect + 0.06/min per
 * second, international 0.50/min per started minute, SMS 0.10).
 */

export const ME = '447700900123';
const INTL = '33612345678';
const MOBILE = '447700900001';

export const GB_SETTINGS: BillingSettings = billingSettingsSchema.parse({});
export const DE_SETTINGS: BillingSettings = billingSettingsSchema.parse({
  seller: {
    name: 'Nordwind Telekom GmbH',
    address: { lines: ['Hauptstr. 1'], city: 'Berlin', postcode: '10115', region: null, country: 'DE' },
    vatId: 'DE123456789',
    companyId: 'HRB 1',
    email: null,
    phone: null,
    iban: 'DE89370400440532013000',
  },
});
export const US_SETTINGS: BillingSettings = billingSettingsSchema.parse({
  seller: {
    name: 'Switchboard Wireless Inc.',
    address: { lines: ['500 Market Street'], city: 'San Francisco', postcode: '94105', region: 'CA', country: 'US' },
    vatId: null,
    companyId: null,
    email: null,
    phone: null,
    iban: null,
  },
});

/** The bill-run input of account A1 (one line, Business 31 at 31.00, no allowances) for a period. */
export function billInput(over: Partial<BillAccountInput> = {}): BillAccountInput {
  return {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    subscriptions: [testLine('L1', ME, [['PLAN_31', '2024-01-01']])],
    period: '2025-03',
    timezone: 'UTC',
    events: [],
    notRated: 0,
    carriedIn: [],
    settings: GB_SETTINGS,
    previousTotals: [],
    recommend: false,
    ...over,
  };
}

/**
 * Issues a billed draft as the invoice store does: number, issue date, due date = issue date +
 * terms. A deep copy, because assembly shares the settings' seller object and tests tamper with documents.
 */
export function issue(doc: InvoiceDocument, number: string, issueDate = doc.period.to, termsDays = 14): InvoiceDocument {
  return structuredClone({ ...doc, number, status: 'issued' as const, holdReasons: [], issueDate, dueDate: addDays(issueDate, termsDays) });
}

const call = (day: string, seconds: number, to: string) => ratedEvent(ME, 'voice', `${day}T10:00:00Z`, seconds, to);
const sms = (day: string) => ratedEvent(ME, 'sms', `${day}T11:00:00Z`, 1, MOBILE);

/** February 2025: 2 international calls of 60 s (0.50 each) and one 60 s mobile call (0.05 + 0.06 = 0.11). */
export function februaryEvents(): ChargeableEvent[] {
  return [call('2025-02-03', 60, INTL), call('2025-02-10', 60, INTL), call('2025-02-12', 60, MOBILE)];
}

/**
 * March 2025: international calls of 60, 60, 61 (2 started minutes), 120 and 30 s = 0.50 + 0.50 +
 * 1.00 + 1.00 + 0.50 = 3.50; three 90 s mobile calls at 0.05 + 0.09 = 0.14 = 0.42; two SMS = 0.20.
 */
export function marchEvents(): ChargeableEvent[] {
  return [
    call('2025-03-02', 60, INTL),
    call('2025-03-05', 60, INTL),
    call('2025-03-09', 61, INTL),
    call('2025-03-15', 120, INTL),
    call('2025-03-20', 30, INTL),
    call('2025-03-03', 90, MOBILE),
    call('2025-03-04', 90, MOBILE),
    call('2025-03-06', 90, MOBILE),
    sms('2025-03-07'),
    sms('2025-03-08'),
  ];
}

/** GB consumer, February: 31.00 + 1.00 + 0.11 = 32.11, VAT 20% = 6.422 -> 6.42, total 38.53. */
export function gbFebruary(): InvoiceDocument {
  return issue(billAccount(billInput({ period: '2025-02', events: februaryEvents() })).doc, 'INV-000041');
}

/** GB consumer, March: 31.00 + 3.50 + 0.42 + 0.20 = 35.12, VAT 20% = 7.024 -> 7.02, total 42.14. */
export function gbMarch(events: ChargeableEvent[] = marchEvents()): InvoiceDocument {
  return issue(billAccount(billInput({ events })).doc, 'INV-000042');
}

const EE_CUSTOMER: Partial<Customer> = { address: { lines: ['Narva mnt 1'], city: 'Tallinn', postcode: '10117', region: null, country: 'EE' } };

/**
 * Estonian consumer of a German operator, June 2025 (cycle day 15), split at the 22% -> 24% change
 * on 1 July: 31.00 x 16/30 = 16.53 at 22% = 3.64; 31.00 x 14/30 = 14.47 at 24% = 3.47; total 38.11.
 */
export function eeJune(): InvoiceDocument {
  const { doc } = billAccount(
    billInput({
      settings: DE_SETTINGS,
      catalog: testCatalog({ currency: 'EUR' }),
      customer: testCustomer(EE_CUSTOMER),
      account: testAccount({ currency: 'EUR', billingCycleDay: 15, taxJurisdiction: { country: 'EE', region: null } }),
      period: '2025-06',
    }),
  );
  return issue(doc, 'RE-000007', '2025-07-15');
}

/** French business with a VAT id, German seller: reverse charged, 31.00 with no VAT. */
export function frReverseCharge(): InvoiceDocument {
  const { doc } = billAccount(
    billInput({
      settings: DE_SETTINGS,
      catalog: testCatalog({ currency: 'EUR' }),
      customer: testCustomer({ segment: 'small_business', name: 'Société Exemple SARL', address: { lines: ['1 rue de Rivoli'], city: 'Paris', postcode: '75001', region: null, country: 'FR' } }),
      account: testAccount({ currency: 'EUR', taxJurisdiction: { country: 'FR', region: null }, vatId: 'FR40303265045' }),
    }),
  );
  return issue(doc, 'RE-000008');
}

/**
 * Californian consumer, March 2025, one 60 s international call (0.50). US-FUSF at 36.3% (Q1 2025):
 * 37.1% of 31.00 = 11.501 x 36.3% = 4.174863 -> 4.17, plus 0.50 x 36.3% = 0.1815 -> 0.18 (per-line
 * rounding) = 4.35; CA 911: 0.30 x 1 line. Subtotal 31.50, taxes 4.65, total 36.15.
 */
export function usCalifornia(): InvoiceDocument {
  const { doc } = billAccount(
    billInput({
      settings: US_SETTINGS,
      catalog: testCatalog({ currency: 'USD' }),
      customer: testCustomer({ name: 'Jordan Lee', address: { lines: ['77 Valencia Street'], city: 'San Francisco', postcode: '94103', region: 'CA', country: 'US' } }),
      account: testAccount({ currency: 'USD', taxJurisdiction: { country: 'US', region: 'CA' } }),
      events: [call('2025-03-11', 60, INTL)],
    }),
  );
  return issue(doc, 'US-000001');
}

/** After re-rating, the 120 s international call (1.00) of March is gone: a credit note of -1.00, VAT -0.20, total -1.20. */
export function gbCreditNote(): InvoiceDocument {
  const events = marchEvents();
  const original = gbMarch(events);
  const rerated = events.filter((e) => e.usage !== 120_000);
  const note = billCorrection({ ...billInput({ events: rerated }), original, notes: [], reason: 'International call billed in error' });
  if (!note) throw new Error('expected a credit note');
  return issue(note, 'CN-000003', '2025-04-10', 0);
}
