import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod, getInvoice, importAccounts, listInvoices, saveCatalogVersion, setBillingSettings, setOperatorSetting } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../tools/catalog/index.ts';
import { TEST_TARIFF_YAML, testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { ingestFile } from './ingest.ts';
import { ratePending } from './rate.ts';
import { importTariffFromPath } from './tariffs.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setOperatorSetting(store, 'tenant', 't');
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'timezone', 'UTC');
  writeFileSync(join(store.dir, 'tariff.yaml'), TEST_TARIFF_YAML);
  importTariffFromPath(join(store.dir, 'tariff.yaml'), {}, store);
  saveCatalogVersion(store, testCatalog());
  const address = { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' };
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: [
        { id: 'C1', name: 'Ada Lovelace', address, customerSince: '2024-01-01' },
        { id: 'C2', name: 'Babbage Engines Ltd', segment: 'small_business', address, customerSince: '2024-01-01' },
      ],
      accounts: [
        { id: 'A1', customerId: 'C1', currency: 'GBP', taxJurisdiction: { country: 'GB' } },
        { id: 'A2', customerId: 'C2', currency: 'GBP', taxJurisdiction: { country: 'GB' }, vatId: 'GB987654321' },
      ],
      subscriptions: [
        { id: 'L1', accountId: 'A1', msisdn: '447700900123', plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] },
        { id: 'L2', accountId: 'A2', msisdn: '447700900456', plans: [{ planId: 'PLAN_31', from: '2025-03-17' }] },
      ],
    }),
  );
});
afterEach(() => store.cleanup());

const CDRS = [
  'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes',
  'r1,voice,outbound,447700900123,,,,+447812345678,2025-03-03T10:00:00Z,480,answered,,',
  'r2,voice,outbound,447700900123,,,,+447812345678,2025-03-04T10:00:00Z,300,answered,,',
  'r3,voice,outbound,447700900123,,,,+447812345678,2025-03-05T10:00:00Z,60,answered,,',
  'r4,sms,outbound,447700900456,,,,+447812345678,2025-03-20T10:00:00Z,,,1,',
  'r5,voice,outbound,447700900999,,,,+447812345678,2025-03-20T10:00:00Z,60,answered,,',
];

async function ingestAndRate() {
  const path = join(store.dir, 'cdrs.csv');
  writeFileSync(path, `${CDRS.join('\n')}\n`);
  await ingestFile(store, path, { format: 'csv' });
  ratePending(store, {});
}

describe('bill run (real SQLite)', () => {
  it('bills each account exactly to the cent, with VAT, and issues gapless numbers', async () => {
    await ingestAndRate();
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    expect(run.failed).toEqual([]);
    expect(run.created.map((c) => [c.accountId, c.number, c.status, c.total])).toEqual([
      // 10.00 fee + usage 0.29 (allowance split mid-call) = 10.29; VAT 20% = 2.058 -> 2.06
      ['A1', 'INV-000001', 'issued', '12.35'],
      // 31.00 x 15/31 = 15.00; one SMS 0.10; VAT 20% of 15.10 = 3.02
      ['A2', 'INV-000002', 'issued', '18.12'],
    ]);
    const a1 = getInvoice(store, 'INV-000001').document;
    expect([a1.subtotal, a1.taxTotal, a1.total, a1.issueDate, a1.dueDate]).toEqual(['10.29', '2.06', '12.35', '2025-04-01', '2025-04-15']);
    // every cent explained down to the CDR: the usage line lists its events with what each was charged
    const usage = a1.lines.find((l) => l.section === 'usage')!;
    expect(usage.provenance.usageEvents.map((e) => [e.rated, e.charged])).toEqual([['0.53', '0'], ['0.35', '0.18'], ['0.11', '0.11']]);
    expect(usage.provenance.tariffRows[0]).toMatch(/RP_CALLS\/DR_CALLS\/RT_MOBILE#0/);
  });

  it('running the bill again creates nothing and keeps numbering gapless', async () => {
    await ingestAndRate();
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const again = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    expect(again.created).toEqual([]);
    expect(again.alreadyPresent).toEqual(['A1', 'A2']);
    const numbers = listInvoices(store).map((i) => i.number).sort();
    expect(numbers).toEqual(['INV-000001', 'INV-000002']);
    const april = billPeriod(store, { period: '2025-04', timezone: 'UTC' });
    expect(april.created.map((c) => c.number)).toEqual(['INV-000003', 'INV-000004']);
  });

  it('holds an invoice whose usage is not all rated, without using a number', async () => {
    const path = join(store.dir, 'cdrs.csv');
    // a call to a number no rule can classify is stored unclassified, and so not rated
    writeFileSync(path, `${CDRS[0]}\nx1,voice,outbound,447700900123,,,,+447700900001,2025-03-06T10:00:00Z,60,answered,,\n${CDRS[4]}\n`);
    await ingestFile(store, path, { format: 'csv' });
    ratePending(store, {});
    setBillingSettings(store, {});
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const a1 = run.created.find((c) => c.accountId === 'A1')!;
    expect([a1.status, a1.number]).toEqual(['held', null]);
    expect(getInvoice(store, String(listInvoices(store, { accountId: 'A1' })[0]!.id)).document.holdReasons.map((h) => h.code)).toEqual(['UNRATED_USAGE']);
    // the next issued invoice takes the first number: held invoices leave no gap
    expect(run.created.find((c) => c.accountId === 'A2')!.number).toBe('INV-000001');
  });
});
