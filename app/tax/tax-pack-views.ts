import { z } from 'zod';
import { isOperatorTenant } from '../../db/operator-books.ts';
import type { StoredTaxPackVersion } from '../../db/tax-pack-store.ts';
import { TAX_PACK_VERSION_STATUSES } from '../../db/tax-pack-schema.ts';
import { BillingError } from '../../tools/errors.ts';
import type { OperationContext } from '../context.ts';

/** A pack id as the packs name themselves (eu-vat, gb-vat, us-telecom). */
export const taxPackIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a pack id such as eu-vat');
/** A version label of an imported pack version. */
export const taxPackVersionLabelSchema = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, 'a version label such as 2025-08');

/** One change of a diff, as every surface shows it. */
export const taxPackChangeViewSchema = z.object({
  kind: z.string(),
  taxId: z.string().nullable(),
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  source: z.string().nullable(),
  words: z.string(),
});

/** An imported version without its pack body. */
export const taxPackVersionViewSchema = z.object({
  packId: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  status: z.enum(TAX_PACK_VERSION_STATUSES),
  summary: z.string(),
  sources: z.array(z.object({ title: z.string(), url: z.string(), published: z.string().optional() })),
  importedBy: z.string(),
  importedAt: z.string(),
  proposalId: z.number().int().nullable(),
  adoptedAt: z.string().nullable(),
});

/** A stored version as the views show it. */
export function taxPackVersionView(v: StoredTaxPackVersion): z.input<typeof taxPackVersionViewSchema> {
  return {
    packId: v.packId,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
    summary: v.summary,
    sources: v.update.sources,
    importedBy: v.importedBy,
    importedAt: v.importedAt,
    proposalId: v.proposalId,
    adoptedAt: v.adoptedAt,
  };
}

/** Tax packs are the operator's books, like tariffs: another tenant may not import them. */
export function requireOperator(ctx: OperationContext, what: string): void {
  if (!isOperatorTenant(ctx.scope)) throw new BillingError('FORBIDDEN', `${ctx.actor.id} may not ${what}: tax packs are the operator's books`);
}

/** Another tenant finds no pack version of the operator's (as for tariffs): NOT_FOUND, not a hint that it exists. */
export function requireOperatorVersion(ctx: OperationContext, packId: string, version: string): void {
  if (!isOperatorTenant(ctx.scope)) throw new BillingError('NOT_FOUND', `no ${packId} version ${version} imported`);
}
