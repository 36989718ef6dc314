import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importAccounts, saveCatalogVersion, setOperatorSetting } from '../../../db/index.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';
import { accountsFileSchema } from '../../../tools/catalog/index.ts';
import { TEST_TARIFF_YAML, testCatalog } from '../../../tools/charging/testing/charging-fixtures.ts';
import { importTariff } from '../../../cli/commands/testing/billing-setup.ts';
import { billPeriod } from '../../billing/index.ts';
import { ingestFile } from '../../ingest/index.ts';
import { ratePending } from '../../rating/index.ts';

type TempStore = ReturnType<typeof createTempStore>;

/** The lines of the assurance month: A1 on Talk 10 (10 minutes included), A2 from 17 March on Business 31, A3 on Talk 10. */
export const MONTH_LINES = { a1: '447700900123', a2: '447700900456', a3: '447700900777', nobody: '447700900999' } as const;

const HEADER = 'record_id,service,direction,subscriber,imsi,serving_network,visited_country,other_party,start,duration,disposition,volume,notes';

/**
 * March's switch file, generated: A1 makes `calls` 120 s calls to a mobile (0.17 each: 0.05 connect
 * + 2 x 0.06), the first five inside its 10 minutes; A2 sends `sms` SMS from 17 March (0.10 each);
 * A3 makes two such calls. The leaks a switch file brings come with it: an SMS from A2's number on
 * 10 March, before its line starts (its invoice is held: UNATTACHED_USAGE), a 60 s call from a
 * number nobody has (0.11), and an SMS from that number to `*123#`, which no numbering plan knows (unclassified).
 */
export function monthCdrs(opts: { calls?: number; sms?: number } = {}): string[] {
  const rows = [HEADER];
  const at = (day: number, hour: number) => `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
  for (let i = 0; i < (opts.calls ?? 8); i += 1) rows.push(`a1-${i},voice,outbound,${MONTH_LINES.a1},,,,+447812345678,${at(2 + i, 10)},120,answered,,`);
  for (let i = 0; i < (opts.sms ?? 6); i += 1) rows.push(`a2-${i},sms,outbound,${MONTH_LINES.a2},,,,+447812345678,${at(18 + i, 9)},,,1,`);
  rows.push(`a3-0,voice,outbound,${MONTH_LINES.a3},,,,+447812345678,${at(5, 11)},120,answered,,`);
  rows.push(`a3-1,voice,outbound,${MONTH_LINES.a3},,,,+447812345678,${at(6, 11)},120,answered,,`);
  rows.push(`a2-early,sms,outbound,${MONTH_LINES.a2},,,,+447812345678,${at(10, 9)},,,1,`);
  rows.push(`nobody-0,voice,outbound,${MONTH_LINES.nobody},,,,+447812345678,${at(20, 10)},60,answered,,`);
  rows.push(`nobody-ussd,sms,outbound,${MONTH_LINES.nobody},,,,*123#,${at(21, 10)},,,1,`);
  return rows;
}

/** A second, small file of the month (SMS only, 0.10 each) with one line the parser refuses: quarantined, worth the batch's average, 0.10. */
export function lateSmsCdrs(): string[] {
  return [
    HEADER,
    `late-0,sms,outbound,${MONTH_LINES.a3},,,,+447812345678,2025-03-25T09:00:00Z,,,1,`,
    `late-1,sms,outbound,${MONTH_LINES.a3},,,,+447812345678,2025-03-26T09:00:00Z,,,1,`,
    `late-bad,sms,outbound,${MONTH_LINES.a3},,,,+447812345678,not-a-time,,,1,`,
  ];
}

/** Writes CSV lines to a file of the store's folder and ingests it; returns the ingest report. */
export async function ingestLines(store: TempStore, name: string, lines: string[]) {
  const path = join(store.dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return ingestFile(store, path, { format: 'csv' });
}

/** Operator `t` (GB, UTC), the test tariff and catalog, customers C1..C3 with accounts A1..A3 and their lines. */
export function setUpAssuranceOperator(store: TempStore): void {
  setOperatorSetting(store, 'tenant', 't');
  setOperatorSetting(store, 'homeCountry', 'GB');
  setOperatorSetting(store, 'timezone', 'UTC');
  importTariff(store, TEST_TARIFF_YAML);
  saveCatalogVersion(store, testCatalog());
  const address = { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' };
  importAccounts(
    store,
    accountsFileSchema.parse({
      customers: [
        { id: 'C1', name: 'Ada Lovelace', address, customerSince: '2024-01-01' },
        { id: 'C2', name: 'Babbage Engines Ltd', segment: 'small_business', address, customerSince: '2024-01-01' },
        { id: 'C3', name: 'Grace Hopper', address, customerSince: '2024-01-01' },
      ],
      accounts: [
        { id: 'A1', customerId: 'C1', currency: 'GBP', taxJurisdiction: { country: 'GB' } },
        { id: 'A2', customerId: 'C2', currency: 'GBP', taxJurisdiction: { country: 'GB' }, vatId: 'GB987654321' },
        { id: 'A3', customerId: 'C3', currency: 'GBP', taxJurisdiction: { country: 'GB' } },
      ],
      subscriptions: [
        { id: 'L1', accountId: 'A1', msisdn: MONTH_LINES.a1, plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] },
        { id: 'L2', accountId: 'A2', msisdn: MONTH_LINES.a2, plans: [{ planId: 'PLAN_31', from: '2025-03-17' }] },
        { id: 'L3', accountId: 'A3', msisdn: MONTH_LINES.a3, plans: [{ planId: 'PLAN_10', from: '2024-06-01' }] },
      ],
    }),
  );
}

/** The generated March, ingested (the switch file twice: the second time only duplicates), rated and billed. */
export async function billAssuranceMonth(store: TempStore) {
  setUpAssuranceOperator(store);
  const first = await ingestLines(store, 'march.csv', monthCdrs());
  const again = await ingestLines(store, 'march-again.csv', monthCdrs());
  const late = await ingestLines(store, 'late.csv', lateSmsCdrs());
  ratePending(store, {});
  const run = billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  return { first, again, late, run };
}
