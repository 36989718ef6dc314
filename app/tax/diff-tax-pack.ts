import { z } from 'zod';
import { getTaxPackVersion, taxPackInForce } from '../../db/tax-pack-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { diffTaxPacks } from '../../tools/tax/index.ts';
import { defineOperation } from '../operation.ts';
import { requireOperatorVersion, taxPackChangeViewSchema, taxPackIdSchema, taxPackVersionLabelSchema } from './tax-pack-views.ts';

/** What changes between two versions of a pack, in words (by default: the version in force against an imported one). */
export const diffTaxPack = defineOperation({
  name: 'tax.diff',
  summary: 'Show what a tax pack version changes',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      packId: taxPackIdSchema,
      version: taxPackVersionLabelSchema.describe('the imported version to compare'),
      against: taxPackVersionLabelSchema.optional().describe('an imported version to compare it with (default: the version in force)'),
    })
    .strict(),
  output: z.object({ packId: z.string(), from: z.string(), to: z.string(), effectiveFrom: z.string(), firstRateChange: z.string().nullable(), changes: z.array(taxPackChangeViewSchema) }),
  handler: (ctx, { packId, version, against }) => {
    requireOperatorVersion(ctx, packId, version);
    const target = getTaxPackVersion(ctx.store, packId, version);
    const base = against ? { pack: getTaxPackVersion(ctx.store, packId, against).update.pack, version: against } : taxPackInForce(ctx.store, packId);
    if (!base) {
      const all = diffTaxPacks({ ...target.update.pack, rules: [] }, target.update.pack);
      return { packId, from: 'none', to: version, effectiveFrom: target.effectiveFrom, firstRateChange: all.firstRateChange, changes: all.changes };
    }
    if (base.pack.id !== packId) throw new BillingError('INTERNAL', `pack ${base.pack.id} stored as ${packId}`);
    const diff = diffTaxPacks(base.pack, target.update.pack);
    return { packId, from: base.version, to: version, effectiveFrom: target.effectiveFrom, firstRateChange: diff.firstRateChange, changes: diff.changes };
  },
});
