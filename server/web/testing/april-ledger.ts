import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { billPeriod } from '../../../app/billing/index.ts';
import { ingestFile } from '../../../app/ingest/index.ts';
import { BILLING_CDRS } from '../../../cli/commands/testing/billing-setup.ts';
import type { createTempStore } from '../../../db/testing/create-temp-store.ts';

/** The script a page must only ever show as text. */
export const XSS = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2">`;

/** Ingests CSV lines (the generic header first) into the ledger's store, as an upload would. */
export async function ingestLines(store: ReturnType<typeof createTempStore>, name: string, lines: string[]) {
  const path = join(store.dir, `${name}.csv`);
  writeFileSync(path, `${[BILLING_CDRS[0], ...lines].join('\n')}\n`);
  return ingestFile(store, path, { format: 'csv' });
}

/** Renames a customer in both its column and its JSON, as an edit behind the app would (on either engine). */
export function renameCustomer(store: ReturnType<typeof createTempStore>, customerId: string, name: string): void {
  // The JSON is edited here rather than with SQLite's json_set, which PostgreSQL has no counterpart of.
  const row = store.sqlite.prepare('SELECT customer_json FROM customers WHERE id = ?').get(customerId) as { customer_json: string };
  const customer = { ...JSON.parse(row.customer_json), name };
  store.sqlite.prepare('UPDATE customers SET name = ?, customer_json = ? WHERE id = ?').run(name, JSON.stringify(customer), customerId);
}

/**
 * An April on top of the API test ledger: A1's customer renamed to a script, one April call of A1
 * left unrated so A1's April invoice is held (UNRATED_USAGE, id 3), A2's issued as INV-000003.
 */
export async function billAprilWithHeld(store: ReturnType<typeof createTempStore>): Promise<void> {
  renameCustomer(store, 'C1', `Ada ${XSS}`);
  await ingestLines(store, 'april', ['a1,voice,outbound,447700900123,,,,+447812345678,2025-04-03T10:00:00Z,480,answered,,']);
  billPeriod(store, { period: '2025-04', timezone: 'UTC', issueDate: '2025-05-01' });
}
