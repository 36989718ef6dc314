import { describe, expect, it } from 'vitest';
import { BillingError } from '../errors.ts';
import { dec, ZERO } from '../money/index.ts';
import { explainInvoice } from './explain-invoice.ts';
import { explainInvoiceLine } from './explain-invoice-line.ts';
import { frReverseCharge, gbMarch, marchEvents, usCalifornia } from './testing/billed-invoices.ts';

const INTL_LINE = 'use:L1:2025-03-01:voice:international:none';

describe('explainInvoice', () => {
  it('explains a billed GB invoice: header, lines, tax arithmetic, and that it adds up', () => {
    const x = explainInvoice(gbMarch());
    expect(x.header).toMatchObject({ number: 'INV-000042', kind: 'invoice', status: 'issued', currency: 'GBP', subtotal: '35.12', taxTotal: '7.02', total: '42.14', correcting: null });
    expect(x.lines.map((l) => [l.id, l.section, l.amount, l.eventCount])).toEqual([
      ['rec:L1:2025-03-01', 'plans', '31.00', 0],
      ['use:L1:2025-03-01:sms:mobile:none', 'usage', '0.20', 2],
      [INTL_LINE, 'usage', '3.50', 5],
      ['use:L1:2025-03-01:voice:mobile:none', 'usage', '0.42', 3],
    ]);
    const fee = x.lines[0]!;
    expect(fee.calculation).toBe('31.00 for the whole period');
    expect(fee.catalogItems).toEqual(['plan:PLAN_31']);
    expect(fee.eventsMatchAmount).toBeNull();
    // 35.12 x 20% = 7.024, rounded once per invoice to 7.02
    expect(x.taxes.map((t) => [t.taxId, t.ratePercent, t.base, t.amount, t.calculation])).toEqual([['GB-VAT', '20', '35.12', '7.02', '20% of 35.12 = 7.024, charged 7.02']]);
    expect(x.taxes[0]!.source).toMatch(/VAT Act 1994/);
    expect(x.arithmetic).toEqual({ linesSum: '35.12', linesMatchSubtotal: true, taxesSum: '7.02', taxesMatchTaxTotal: true, subtotalPlusTaxes: '42.14', totalMatches: true, violations: [] });
  });

  it('lists the top N events by charged amount, ties by id, with sums over all of them', () => {
    const events = marchEvents();
    const x = explainInvoice(gbMarch(events), { maxEventsPerLine: 2 });
    const intl = x.lines.find((l) => l.id === INTL_LINE)!;
    // the 61 s and 120 s calls cost two started minutes (1.00); the 61 s one was rated first
    const [, , long61, long120] = events;
    expect(intl.events.map((e) => [e.id, e.charged])).toEqual([
      [long61!.id, '1'],
      [long120!.id, '1'],
    ]);
    expect(intl.eventsOmitted).toBe(3);
    expect(intl.eventTotals).toEqual({ rated: '3.50', charged: '3.50', ratedExact: '3.5', chargedExact: '3.5' });
    expect(intl.eventsMatchAmount).toBe(true);
    expect(intl.tariffRows).toEqual(['tariff 1: RP_CALLS/DR_INTL/RT_INTL#0']);
  });

  it('shows the reverse charge and per-line fees in words', () => {
    expect(explainInvoice(frReverseCharge()).taxes.map((t) => t.calculation)).toEqual(['no tax charged on 31.00 (reverse charge: the customer accounts for the VAT)']);
    // FUSF: 37.1% of 31.00 + 0.50 = 12.001 at 36.3% = 4.356363 before per-line rounding (4.17 + 0.18)
    expect(explainInvoice(usCalifornia()).taxes.map((t) => t.calculation)).toEqual(['36.3% of 12.001 = 4.356363, charged 4.35', '0.30 per line x 1 line-months = 0.30']);
  });

  it('reports a document that does not add up', () => {
    const doc = gbMarch();
    doc.lines[2]!.amount = '3.60';
    const x = explainInvoice(doc);
    expect(x.arithmetic.linesMatchSubtotal).toBe(false);
    expect(x.arithmetic.linesSum).toBe('35.22');
    expect(x.arithmetic.violations).toEqual(['lines add up to 35.22 but the subtotal is 35.12']);
    expect(x.lines[2]!.eventsMatchAmount).toBe(false);
  });
});

describe('explainInvoiceLine', () => {
  it('lists every event of a usage line, and their charges add up to the line amount', () => {
    const events = marchEvents();
    const doc = gbMarch(events);
    for (const [lineId, expected] of [
      [INTL_LINE, events.filter((e) => e.category === 'international')],
      ['use:L1:2025-03-01:voice:mobile:none', events.filter((e) => e.service === 'voice' && e.category === 'mobile')],
      ['use:L1:2025-03-01:sms:mobile:none', events.filter((e) => e.service === 'sms')],
    ] as const) {
      const x = explainInvoiceLine(doc, lineId);
      expect(x.eventsOmitted).toBe(0);
      expect(x.events.map((e) => e.id).sort((a, b) => a - b)).toEqual(expected.map((e) => e.id).sort((a, b) => a - b));
      const charged = x.events.reduce((s, e) => s.plus(e.charged), ZERO);
      expect(charged.toDecimalPlaces(2).toFixed(2)).toBe(x.amount);
      expect(dec(x.eventTotals.charged).equals(x.amount)).toBe(true);
    }
    expect(explainInvoiceLine(doc, INTL_LINE).events.map((e) => e.charged)).toEqual(['1', '1', '0.5', '0.5', '0.5']);
  });

  it('refuses a line the invoice does not have (NOT_FOUND)', () => {
    const run = () => explainInvoiceLine(gbMarch(), 'use:L9:2025-03-01:voice:mobile:none');
    expect(run).toThrow(BillingError);
    expect(run).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
