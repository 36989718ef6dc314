import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeInvoiceStatus, getInvoice, getUsageEvent, issueHeldInvoice, listUsageEvents, listInvoices, markOverdueInvoices, saveCatalogVersion } from '../../db/index.ts';
import { TEST_TARIFF_YAML, testCatalog } from '../../tools/charging/testing/charging-fixtures.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { BILLING_CDRS, importTariff, ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
});
afterEach(() => store.cleanup());

describe('the rating step with accounts (real SQLite)', () => {
  it("rates usage with the line's plan subject, falling back to the default profile", async () => {
    const tariff = TEST_TARIFF_YAML.replace('ratingPlans:', 'ratingPlans:\n  RP_BIZ: { destinationRateId: DR_BIZ, weight: 20 }')
      .replace('destinationRates:', 'destinationRates:\n  DR_BIZ: { destinationId: DST_MOBILE, rateId: RT_BIZ, roundingMethod: up, roundingDecimals: 4 }')
      .replace('rates:', 'rates:\n  RT_BIZ: { rate: "0.02", rateUnit: 1m, rateIncrement: 1s }')
      .replace('ratingProfiles:', 'ratingProfiles:\n  - { tenant: t, category: call, subject: BIZ, activationTime: 2020-01-01T00:00:00Z, ratingPlanId: RP_BIZ, fallbackSubjects: ["*any"] }');
    importTariff(store, tariff);
    const catalog = testCatalog();
    saveCatalogVersion(store, { ...catalog, effectiveFrom: '2024-06-01', plans: catalog.plans.map((p) => (p.id === 'PLAN_31' ? { ...p, ratingSubject: 'BIZ' } : p)) });
    await ingestAndRate(store, [
      ...BILLING_CDRS,
      'r6,voice,outbound,447700900456,,,,+447812345678,2025-03-20T11:00:00Z,60,answered,,',
      'r7,voice,outbound,447700900456,,,,+441234567890,2025-03-20T12:00:00Z,60,answered,,',
    ]);
    const cost = (sourceId: string) => listUsageEvents(store, { limit: 50 }).find((e) => e.sourceId === sourceId)!.cost;
    // A1 (Talk 10) pays the default 0.11 for a minute to a mobile; A2 (Business 31, subject BIZ) pays
    // 0.02 a minute: 0.000333… a second kept at 5 decimals (0.00033, as CGRateS) x 60 = 0.0198
    expect([cost('r3'), cost('r6')]).toEqual(['0.11', '0.0198']);
    // BIZ has no national rate: that call falls back to the default profile (0.04 a minute)
    expect(cost('r7')).toBe('0.04');
  });

  it('multiplies usage in a congested band and keeps the multiplier in the stored breakdown', async () => {
    saveCatalogVersion(
      store,
      testCatalog({
        effectiveFrom: '2024-06-01',
        rateMultipliers: [
          {
            id: 'PEAK',
            effectiveFrom: '2025-01-01',
            timeBands: [{ id: 'MORNING', start: '09:00', end: '11:00' }],
            levels: { high: '1.5' },
            congestion: [{ region: '*any', band: 'MORNING', level: 'high' }],
          },
        ],
      }),
    );
    await ingestAndRate(store);
    // r1 at 10:00: 0.53 x 1.5 = 0.795
    const first = getUsageEvent(store, 1)!;
    expect(first.cost).toBe('0.795');
    expect((first.ratingBreakdown as { multiplier: unknown }).multiplier).toEqual({ tableId: 'PEAK', band: 'MORNING', region: '*any', level: 'high', factor: '1.5', costBeforeMultiplier: '0.53' });
  });
});

describe('bill run (real SQLite)', () => {
  it('bills each account exactly to the cent, with VAT, and issues gapless numbers', async () => {
    await ingestAndRate(store);
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
    expect(usage.provenance.usageEvents.map((e) => [e.rated, e.charged])).toEqual([
      ['0.53', '0'],
      ['0.35', '0.18'],
      ['0.11', '0.11'],
    ]);
    expect(usage.provenance.tariffRows[0]).toMatch(/RP_CALLS\/DR_CALLS\/RT_MOBILE#0/);
  });

  it('bills in two processes side by side with gapless numbers (--jobs 2)', async () => {
    await ingestAndRate(store);
    const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/switchboard.js');
    const r = spawnSync(process.execPath, [bin, '--db', store.path, 'bill', '--period', '2025-03', '--jobs', '2', '--json'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { created: number; failed: unknown[]; invoices: Array<{ accountId: string; total: string; number: string }> };
    expect(out.failed).toEqual([]);
    expect(out.invoices.map((i) => [i.accountId, i.total]).sort()).toEqual([
      ['A1', '12.35'],
      ['A2', '18.12'],
    ]);
    expect(out.invoices.map((i) => i.number).sort()).toEqual(['INV-000001', 'INV-000002']);
  });

  it('running the bill again creates nothing and keeps numbering gapless', async () => {
    await ingestAndRate(store);
    billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const again = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    expect(again.created).toEqual([]);
    expect(again.alreadyPresent).toEqual(['A1', 'A2']);
    const numbers = listInvoices(store)
      .map((i) => i.number)
      .sort();
    expect(numbers).toEqual(['INV-000001', 'INV-000002']);
    const april = billPeriod(store, { period: '2025-04', timezone: 'UTC' });
    expect(april.created.map((c) => c.number)).toEqual(['INV-000003', 'INV-000004']);
    // March invoices fall due on 15 April (14 days), April's on 15 May
    expect(markOverdueInvoices(store, '2025-04-16')).toBe(2);
    expect(
      listInvoices(store, { status: 'overdue' })
        .map((i) => i.number)
        .sort(),
    ).toEqual(['INV-000001', 'INV-000002']);
  });

  it('holds an invoice whose usage is not all rated, without using a number', async () => {
    // a call to a number no rule can classify is stored unclassified, and so not rated
    await ingestAndRate(store, [BILLING_CDRS[0]!, 'x1,voice,outbound,447700900123,,,,+447700900001,2025-03-06T10:00:00Z,60,answered,,', BILLING_CDRS[4]!]);
    const run = billPeriod(store, { period: '2025-03', timezone: 'UTC' });
    const a1 = run.created.find((c) => c.accountId === 'A1')!;
    expect([a1.status, a1.number]).toEqual(['held', null]);
    expect(getInvoice(store, String(listInvoices(store, { accountId: 'A1' })[0]!.id)).document.holdReasons.map((h) => h.code)).toEqual(['UNRATED_USAGE']);
    // the next issued invoice takes the first number: held invoices leave no gap
    expect(run.created.find((c) => c.accountId === 'A2')!.number).toBe('INV-000001');
    // a person releases it: it is numbered then, after the one already issued
    const heldId = listInvoices(store, { accountId: 'A1' })[0]!.id;
    const released = issueHeldInvoice(store, heldId, '2025-04-03', 14);
    expect([released.number, released.status, released.document.dueDate]).toEqual(['INV-000002', 'issued', '2025-04-17']);
    expect(() => issueHeldInvoice(store, heldId, '2025-04-03', 14)).toThrow(/issued, not held/);
    expect(changeInvoiceStatus(store, heldId, 'paid').status).toBe('paid');
    expect(() => changeInvoiceStatus(store, heldId, 'void')).toThrow(/paid cannot become void/);
  });
});
