import { z } from 'zod';
import { saveTaxPackVersion, taxPackInForce } from '../../db/tax-pack-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkTaxPackUpdate, parseTaxPackUpdate } from '../../tools/tax/index.ts';
import { defineOperation } from '../operation.ts';
import { requireOperator, taxPackChangeViewSchema, taxPackVersionView, taxPackVersionViewSchema } from './tax-pack-views.ts';

// A pack version is a JSON file of tens of kilobytes; a megabyte leaves room for a large jurisdiction.
const MAX_TEXT = 1_000_000;

/**
 * Imports a new version of a tax or regulatory pack from its JSON text, with its effective date and
 * sources; it waits, unused, until its adoption is approved. Refused when it would change any rate
 * before its effective date. Importing the same file again changes nothing.
 */
export const importTaxPack = defineOperation({
  name: 'tax.import',
  summary: 'Import a tax pack version',
  effect: 'write',
  roles: ['admin'],
  input: z.object({ text: z.string().min(1).max(MAX_TEXT).describe('the pack version file (JSON)'), fileName: z.string().min(1).max(255).optional().describe('its file name, for messages') }).strict(),
  output: z.object({ created: z.boolean(), version: taxPackVersionViewSchema, inForce: z.string(), changes: z.array(taxPackChangeViewSchema) }),
  handler: (ctx, { text, fileName }) => {
    requireOperator(ctx, 'import tax packs');
    const label = fileName ?? 'tax pack version';
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new BillingError('INVALID_CONFIG', `${label} is not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
    const update = parseTaxPackUpdate(json, label);
    const inForce = taxPackInForce(ctx.store, update.packId);
    const diff = inForce ? checkTaxPackUpdate(inForce.pack, update) : { changes: [] };
    const saved = saveTaxPackVersion(ctx.store, { update, importedBy: ctx.actor.id, at: ctx.clock.now() });
    return { created: saved.created, version: taxPackVersionView(saved.version), inForce: inForce?.version ?? 'none', changes: diff.changes };
  },
});
