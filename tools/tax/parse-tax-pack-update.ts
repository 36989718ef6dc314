import { z } from 'zod';
import { BillingError } from '../errors.ts';
import { changesBefore, diffTaxPacks } from './diff-tax-packs.ts';
import { parseTaxPack } from './parse-tax-pack.ts';
import type { TaxPack } from './tax-pack.types.ts';
import { taxPackUpdateSchema, type TaxPackDiff, type TaxPackUpdate } from './tax-pack-update.types.ts';

/** Validates an imported pack version (parsed JSON); every problem is INVALID_CONFIG naming the field. */
export function parseTaxPackUpdate(value: unknown, label = 'tax pack version'): TaxPackUpdate {
  const parsed = taxPackUpdateSchema.safeParse(value);
  if (!parsed.success) {
    throw new BillingError('INVALID_CONFIG', `${label}: ${z.prettifyError(parsed.error)}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  // The pack's own checks (fee decimals against the currency) beyond its schema.
  parseTaxPack(parsed.data.pack, `${label} pack`);
  return parsed.data;
}

/**
 * The diff of a new version against the version in force, refused when it would rewrite the past:
 * a rate or fee that differs before the version's effective date would change what invoices
 * already billed should have said.
 */
export function checkTaxPackUpdate(inForce: TaxPack, update: TaxPackUpdate): TaxPackDiff {
  const diff = diffTaxPacks(inForce, update.pack);
  const past = changesBefore(diff, update.effectiveFrom);
  if (past.length) {
    throw new BillingError('INVALID_CONFIG', `${update.packId} version ${update.version} changes rates before its effective date ${update.effectiveFrom}: ${past.map((c) => c.words).join('; ')}`, {
      changes: past.map((c) => c.words),
    });
  }
  return diff;
}
