import { join } from 'node:path';
import { saveUser, setOperatorSetting, type Store } from '../../../db/index.ts';
import { buildPopulationFor, injectedFraudFor, writeCdrFile, type GeneratorOptions } from '../../../evals/generator/index.ts';
import type { FraudLabel } from '../../../tools/fraud/index.ts';
import { ingestFile } from '../../ingest/index.ts';

/** A small generated month with fraud injected (csv: every service), for tests. */
export const SMALL_FRAUD_MONTH = {
  format: 'csv',
  rows: 12_000,
  seed: 3,
  subscribers: 300,
  start: '2025-03-01',
  days: 31,
  fraud: { irsf: 2, wangiri: 1, simbox: 1, spike: 0 },
} as const satisfies GeneratorOptions;

/** "Now" for ingesting the month: a few days after it, so no record is too old or in the future. */
export const AFTER_MONTH = Date.parse('2025-04-03T00:00:00Z');

/** Sets the operator settings the generated month classifies under, and users of the tenant: alice (analyst), bob (approver). */
export function prepareFraudStore(store: Store, options: GeneratorOptions = SMALL_FRAUD_MONTH): void {
  for (const [k, v] of Object.entries(buildPopulationFor(options).operatorSettings)) setOperatorSetting(store, k, v);
  setOperatorSetting(store, 'timezone', 'Europe/London');
  saveUser(store, { id: 'alice', tenant: 'switchboard.local', name: 'Alice', roles: ['analyst'] });
  saveUser(store, { id: 'bob', tenant: 'switchboard.local', name: 'Bob', roles: ['approver'] });
}

/** Writes the month into the store's directory and returns its path and labels. */
export async function writeFraudMonth(dir: string, options: GeneratorOptions = SMALL_FRAUD_MONTH, name = 'month.csv'): Promise<{ path: string; labels: FraudLabel[] }> {
  const path = join(dir, name);
  await writeCdrFile(path, options);
  return { path, labels: injectedFraudFor(options).labels };
}

/** Prepares the store, writes the month and ingests it (detection on). */
export async function ingestFraudMonth(store: Store & { dir: string }, options: GeneratorOptions = SMALL_FRAUD_MONTH) {
  prepareFraudStore(store, options);
  const month = await writeFraudMonth(store.dir, options);
  const report = await ingestFile(store, month.path, { format: 'csv', now: AFTER_MONTH });
  return { ...month, report };
}
