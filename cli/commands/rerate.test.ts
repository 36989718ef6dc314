import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getInvoice, getOperatorSettings, listInvoices, loadTariffVersions, rerateHistory, type Store } from '../../db/index.ts';
import { reratePeriod } from '../../app/rerate/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { TEST_TARIFF_YAML } from '../../tools/charging/testing/charging-fixtures.ts';
import { createTariffBook } from '../../tools/rating/index.ts';
import { BILLING_CDRS, importTariff, ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
});
afterEach(() => store.cleanup());

function rerate(s: Store) {
  const { timezone, tenant } = getOperatorSettings(s);
  return reratePeriod(s, { period: '2025-03', timezone, tenant, book: createTariffBook(loadTariffVersions(s)), issueDate: '2025-04-10' });
}

// The correction: mobile calls lose their connect fee and cost 0.05 a minute instead of 0.06.
const CORRECTED = TEST_TARIFF_YAML.replace('RT_MOBILE: { connectFee: "0.05", rate: "0.06"', 'RT_MOBILE: { connectFee: "0", rate: "0.05"');

describe('re-rating after a tariff correction (real SQLite)', () => {
  it('turns the difference on an issued invoice into a credit note, per event, and never edits the invoice', async () => {
    await ingestAndRate(store);
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const before = getInvoice(store, 'INV-000001').document;
    importTariff(store, CORRECTED);
    const r = rerate(store);
    expect(r.failed).toEqual([]);
    // A1's three calls change price; A2's SMS keeps its price but is now priced by the new version
    expect(r.events).toEqual({ considered: 4, changed: 4, repriced: 3 });
    // usage was 0.29 (180 s after the allowance at 0.06 + a 0.11 call); now a second costs 0.05/60 = 0.000833…, kept
    // per increment at 5 decimals (0.00083, as CGRateS): 180 x 0.00083 + 60 x 0.00083 = 0.1992 -> 0.20: -0.09, VAT -0.018 -> -0.02
    expect(r.notes).toEqual([{ accountId: 'A1', kind: 'credit_note', number: 'CN-000001', total: '-0.11', corrects: 'INV-000001' }]);
    const note = getInvoice(store, 'CN-000001').document;
    expect([note.subtotal, note.taxTotal, note.total, note.correcting?.number]).toEqual(['-0.09', '-0.02', '-0.11', 'INV-000001']);
    expect(note.lines.map((l) => [l.id, l.amount])).toEqual([['corr:use:L1:2025-03-01:voice:mobile:none', '-0.09']]);
    // the per-event difference is kept
    const secondCall = note.lines[0]!.provenance.usageEvents[1]!.id;
    expect(rerateHistory(store, secondCall).map((h) => [h.oldCost, h.newCost])).toEqual([['0.35', '0.249']]);
    // the issued invoice is untouched
    expect(getInvoice(store, 'INV-000001').document).toEqual(before);
  });

  it('changes nothing when run a second time', async () => {
    await ingestAndRate(store);
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    importTariff(store, CORRECTED);
    rerate(store);
    const again = rerate(store);
    expect(again.events.changed).toBe(0);
    expect(again.notes).toEqual([]);
    expect(
      listInvoices(store)
        .map((i) => i.number)
        .sort(),
    ).toEqual(['CN-000001', 'INV-000001', 'INV-000002']);
  });

  it('issues no note (and uses no number) when the corrections cancel out to 0.00', async () => {
    // A national call after the allowance is used up: 60 s at 0.04 a minute.
    await ingestAndRate(store, [...BILLING_CDRS, 'r6,voice,outbound,447700900123,,,,+441614960123,2025-03-06T10:00:00Z,60,answered,,']);
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    // Mobile calls 0.09 cheaper (as CORRECTED), the national call 0.09 dearer: the bill does not change.
    importTariff(store, CORRECTED.replace('RT_NATIONAL: { rate: "0.04"', 'RT_NATIONAL: { rate: "0.13"'));
    const r = rerate(store);
    expect(r.failed).toEqual([]);
    expect(r.events.repriced).toBe(4);
    expect(r.notes).toEqual([]);
    expect(
      listInvoices(store)
        .map((i) => i.number)
        .sort(),
    ).toEqual(['INV-000001', 'INV-000002']);
    // A real change later takes the first credit-note number.
    importTariff(store, CORRECTED);
    expect(rerate(store).notes).toEqual([{ accountId: 'A1', kind: 'credit_note', number: 'CN-000001', total: '-0.11', corrects: 'INV-000001' }]);
  });

  it('raises a debit note when the correction raises the bill', async () => {
    await ingestAndRate(store);
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    importTariff(store, TEST_TARIFF_YAML.replace('RT_SMS: { rate: "0.10"', 'RT_SMS: { rate: "0.20"'));
    const r = rerate(store);
    // A2's one SMS: +0.10, VAT +0.02
    expect(r.notes).toEqual([{ accountId: 'A2', kind: 'debit_note', number: 'DN-000001', total: '0.12', corrects: 'INV-000002' }]);
  });
});
