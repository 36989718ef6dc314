import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testAccount, testCatalog, testCustomer, testLine, ratedEvent } from '../charging/testing/charging-fixtures.ts';
import { dec, ZERO } from '../money/index.ts';
import { billAccount, type BillAccountInput } from './bill-account.ts';
import { billingSettingsSchema } from './billing-settings.types.ts';
import { invoiceInvariantViolations } from './check-invoice-invariants.ts';

const GB_SELLER = billingSettingsSchema.parse({});
const DE_SELLER = billingSettingsSchema.parse({
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

function input(over: Partial<BillAccountInput>): BillAccountInput {
  return {
    catalog: testCatalog(),
    customer: testCustomer(),
    account: testAccount(),
    subscriptions: [testLine('L1', '447700900123', [['PLAN_31', '2024-01-01']])],
    period: '2025-03',
    timezone: 'UTC',
    events: [],
    notRated: 0,
    carriedIn: [],
    settings: GB_SELLER,
    previousTotals: [],
    recommend: false,
    ...over,
  };
}

describe('billAccount: invoices computed by hand, exact to the cent', () => {
  it('bills a zero-usage month as the fee plus UK VAT', () => {
    const { doc } = billAccount(input({}));
    expect([doc.subtotal, doc.taxTotal, doc.total]).toEqual(['31.00', '6.20', '37.20']);
    expect(doc.lines.map((l) => l.taxCategory)).toEqual([{ code: 'S', ratePercent: '20' }]);
    expect(doc.holdReasons).toEqual([]);
  });

  it('reverse-charges a business customer with a VAT id in another member state', () => {
    const { doc } = billAccount(
      input({
        settings: DE_SELLER,
        catalog: testCatalog({ currency: 'EUR' }),
        customer: testCustomer({ segment: 'small_business', name: 'Société Exemple SARL', address: { lines: ['1 rue de Rivoli'], city: 'Paris', postcode: '75001', region: null, country: 'FR' } }),
        account: testAccount({ currency: 'EUR', taxJurisdiction: { country: 'FR', region: null }, vatId: 'FR40303265045' }),
      }),
    );
    expect([doc.subtotal, doc.taxTotal, doc.total]).toEqual(['31.00', '0.00', '31.00']);
    expect(doc.taxes.map((t) => [t.categoryCode, t.amount, t.base])).toEqual([['AE', '0.00', '31.00']]);
    expect(doc.taxNotes.map((n) => n.code)).toEqual(['REVERSE_CHARGE']);
    expect(doc.lines[0]!.taxCategory.code).toBe('AE');
  });

  it('splits lines and tax lines where the VAT rate changes inside the period', () => {
    // Estonia: 22% until 30 June 2025, 24% from 1 July. Cycle day 15: the June period runs 15 June to 15 July.
    const { doc } = billAccount(
      input({
        settings: DE_SELLER,
        catalog: testCatalog({ currency: 'EUR' }),
        customer: testCustomer({ address: { lines: ['Narva mnt 1'], city: 'Tallinn', postcode: '10117', region: null, country: 'EE' } }),
        account: testAccount({ currency: 'EUR', billingCycleDay: 15, taxJurisdiction: { country: 'EE', region: null } }),
        period: '2025-06',
      }),
    );
    // 31.00 x 16/30 = 16.5333 -> 16.53 at 22% = 3.6366 -> 3.64; 31.00 x 14/30 = 14.4667 -> 14.47 at 24% = 3.4728 -> 3.47
    expect(doc.lines.map((l) => [l.servicePeriod.from, l.amount, l.taxCategory.ratePercent])).toEqual([
      ['2025-06-15', '16.53', '22'],
      ['2025-07-01', '14.47', '24'],
    ]);
    expect(doc.taxes.map((t) => [t.ratePercent, t.base, t.amount])).toEqual([
      ['22', '16.53', '3.64'],
      ['24', '14.47', '3.47'],
    ]);
    expect([doc.subtotal, doc.taxTotal, doc.total]).toEqual(['31.00', '7.11', '38.11']);
  });

  it('bills in whole yen', () => {
    const catalog = testCatalog({ currency: 'JPY', plans: [{ id: 'PLAN_JP', name: 'Basic', recurringFee: '2980' }], oneTimeCharges: [] });
    const { doc } = billAccount(input({ catalog, account: testAccount({ currency: 'JPY' }), subscriptions: [testLine('L1', '447700900123', [['PLAN_JP', '2025-03-17']])] }));
    // 2980 x 15/31 = 1441.94 -> 1442; VAT 20% = 288.4 -> 288
    expect([doc.subtotal, doc.taxTotal, doc.total]).toEqual(['1442', '288', '1730']);
  });

  it('holds a bill-shock invoice and one with unrated usage', () => {
    const shock = billAccount(input({ previousTotals: ['12.00', '11.00', '13.00'] })).doc;
    expect(shock.holdReasons.map((h) => h.code)).toEqual(['BILL_SHOCK']);
    expect(billAccount(input({ notRated: 2 })).doc.holdReasons.map((h) => h.code)).toEqual(['UNRATED_USAGE']);
    expect(billAccount(input({ previousTotals: ['30.00', '36.00'] })).doc.holdReasons).toEqual([]);
  });

  it('property: every invoice keeps its invariants, whatever the usage', () => {
    const me = '447700900123';
    const eventArb = fc.record({
      service: fc.constantFrom('voice' as const, 'sms' as const, 'data' as const),
      day: fc.integer({ min: 1, max: 31 }),
      usage: fc.integer({ min: 1, max: 4000 }),
      dest: fc.constantFrom('447812345678', '441234567890', '447400123456', '33612345678'),
    });
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 25 }), fc.constantFrom('PLAN_10', 'PLAN_20', 'PLAN_31'), fc.integer({ min: 1, max: 28 }), (evs, plan, startDay) => {
        const events = evs.map((e) => ratedEvent(me, e.service, `2025-03-${String(e.day).padStart(2, '0')}T12:00:00Z`, e.service === 'data' ? e.usage * 1000 : e.usage, e.dest));
        const { doc, charge } = billAccount(input({ events, subscriptions: [testLine('L1', me, [[plan, `2025-03-${String(startDay).padStart(2, '0')}`]])] }));
        expect(invoiceInvariantViolations(doc)).toEqual([]);
        // allowances and promotions never charge an event more than its rated cost
        for (const l of charge.lines) for (const e of l.provenance.usageEvents) expect(dec(e.charged).lessThanOrEqualTo(e.rated)).toBe(true);
        // the tax is 20% of the subtotal, rounded once (per-invoice rounding)
        expect(doc.taxTotal).toBe(dec(doc.subtotal).times('0.2').toDecimalPlaces(2).toFixed(2));
        expect(doc.lines.reduce((s, l) => s.plus(l.amount), ZERO).toFixed(2)).toBe(doc.subtotal);
      }),
      { numRuns: 60 },
    );
  });
});
