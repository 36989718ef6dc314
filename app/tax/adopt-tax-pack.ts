import { z } from 'zod';
import type { Store } from '../../db/open-database.ts';
import { createProposal, type StoredProposal } from '../../db/proposal-store.ts';
import { lastBilledPeriod } from '../../db/period-documents.ts';
import { adoptTaxPackVersion, getTaxPackVersion, taxPackInForce } from '../../db/tax-pack-store.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkTaxPackUpdate } from '../../tools/tax/index.ts';
import { defineOperation } from '../operation.ts';
import { proposalCreatedSchema, reasonSchema, requesterOf } from '../proposals/requester.ts';
import { previewPackVersion } from './preview-tax-pack.ts';
import { requireOperatorVersion, taxPackIdSchema, taxPackVersionLabelSchema } from './tax-pack-views.ts';

/** Tax packs belong to no account: the proposal names the operator's books with an id no account can have. */
export const OPERATOR_BOOKS = '*';

/**
 * Proposes adopting an imported pack version, with what it changes in words and the preview of
 * the last billed period, for an approver (four eyes) to decide. No money moves: the proposal's
 * amount is 0 in XXX, the ISO 4217 code for "no currency".
 */
export const proposeTaxPackAdoption = defineOperation({
  name: 'tax.propose-adoption',
  summary: 'Propose adopting a tax pack version',
  effect: 'propose',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ packId: taxPackIdSchema, version: taxPackVersionLabelSchema, reason: reasonSchema }).strict(),
  output: proposalCreatedSchema,
  handler: (ctx, { packId, version, reason }) => {
    requireOperatorVersion(ctx, packId, version);
    const target = getTaxPackVersion(ctx.store, packId, version);
    if (target.status !== 'imported') throw new BillingError('CONFLICT', `${packId} version ${version} is ${target.status}; only an imported version is proposed for adoption`);
    const inForce = taxPackInForce(ctx.store, packId);
    const diff = inForce ? checkTaxPackUpdate(inForce.pack, target.update) : { changes: [] };
    const period = lastBilledPeriod(ctx.store, ctx.tenant);
    const preview = period ? previewPackVersion(ctx.store, ctx.tenant, { packId, version, period }) : null;
    const changes = diff.changes.map((c) => c.words);
    return createProposal(ctx.store, requesterOf(ctx), {
      kind: 'adopt_tax_pack',
      accountId: OPERATOR_BOOKS,
      currency: 'XXX',
      amount: '0',
      summary: `Adopt ${packId} ${version} from ${target.effectiveFrom} (replacing ${inForce?.version ?? 'none'}): ${changes.length ? changes.join('; ') : 'no rate changes'}`,
      payload: {
        packId,
        version,
        effectiveFrom: target.effectiveFrom,
        replaces: inForce?.version ?? 'none',
        changes,
        preview: preview ? { period: preview.period, invoices: preview.invoices, changed: preview.changed, failing: preview.failing, totals: preview.totals } : null,
      },
      reason,
      targetKey: `adopt_tax_pack:${packId}:${version}`,
    });
  },
});

/**
 * Posts an approved adoption: checked again against the version in force now (another version may
 * have been adopted since the proposal), then made the one bills use. Adopting twice does nothing twice.
 */
export function adoptApprovedTaxPack(store: Store, p: StoredProposal<'adopt_tax_pack'>, today: string): string {
  const { packId, version } = p.payload;
  const target = getTaxPackVersion(store, packId, version);
  if (target.status !== 'adopted') {
    const inForce = taxPackInForce(store, packId);
    if (inForce) checkTaxPackUpdate(inForce.pack, target.update);
  }
  const adopted = adoptTaxPackVersion(store, { packId, version, proposalId: p.id, at: new Date(`${today}T00:00:00Z`) });
  return `${packId} ${adopted.version} adopted, in force from ${adopted.effectiveFrom}`;
}
