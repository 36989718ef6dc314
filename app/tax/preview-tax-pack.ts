import { z } from 'zod';
import { getBillingSettings } from '../../db/billing-settings-store.ts';
import { loadBillingInput, newBillingCaches } from '../../db/load-billing-input.ts';
import { lastBilledPeriod } from '../../db/period-documents.ts';
import { getOperatorSettings } from '../../db/settings-store.ts';
import type { Store } from '../../db/open-database.ts';
import { getTaxPackVersion, taxPacksInForce } from '../../db/tax-pack-store.ts';
import { listTenantInvoices } from '../../db/tenant-scope.ts';
import { checkInvoiceCompliance } from '../../tools/compliance/index.ts';
import { BillingError, toBillingError } from '../../tools/errors.ts';
import { billAccount } from '../../tools/invoice/bill-account.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { projectTaxPack, summarisePackImpact, type PackImpactRow, type TaxPack } from '../../tools/tax/index.ts';
import { defineOperation } from '../operation.ts';
import { requireOperatorVersion, taxPackIdSchema, taxPackVersionLabelSchema } from './tax-pack-views.ts';

const money = z.string();
const groupSchema = z.object({
  jurisdiction: z.string(),
  segment: z.string(),
  currency: z.string(),
  invoices: z.number().int(),
  changed: z.number().int(),
  before: money,
  after: money,
  difference: money,
});
const exampleSchema = z.object({
  invoice: z.string(),
  accountId: z.string(),
  jurisdiction: z.string(),
  segment: z.string(),
  currency: z.string(),
  before: money,
  after: money,
  difference: money,
  failing: z.array(z.string()),
});

/**
 * What adopting a pack version would do, before anyone adopts it: the period's invoices billed again
 * in memory under the rules in force and under the new version, both as they stand on its effective
 * date, so the only difference is the version's. Nothing is stored; issued invoices are untouched.
 */
export const previewTaxPack = defineOperation({
  name: 'tax.preview',
  summary: 'Preview what a tax pack version would change',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      packId: taxPackIdSchema,
      version: taxPackVersionLabelSchema,
      period: billingMonthSchema.optional().describe('the billed period to bill again (default: the last one billed)'),
      keep: z.number().int().min(1).max(500).default(20).describe('how many changed invoices to list'),
    })
    .strict(),
  output: z.object({
    packId: z.string(),
    version: z.string(),
    period: z.string(),
    asOf: z.string(),
    invoices: z.number().int(),
    changed: z.number().int(),
    failing: z.number().int(),
    totals: z.array(z.object({ currency: z.string(), before: money, after: money, difference: money })),
    groups: z.array(groupSchema),
    examples: z.array(exampleSchema),
    summary: z.string(),
  }),
  handler: (ctx, input) => {
    requireOperatorVersion(ctx, input.packId, input.version);
    return previewPackVersion(ctx.store, ctx.tenant, input);
  },
});

/** The preview itself (the operation and an adoption proposal both show it). */
export function previewPackVersion(store: Store, tenant: string, req: { packId: string; version: string; period?: string; keep?: number }) {
  const { packId, version, period, keep = 20 } = req;
  const target = getTaxPackVersion(store, packId, version);
  const billed = period ?? lastBilledPeriod(store, tenant);
  if (!billed) throw new BillingError('CONFLICT', 'nothing has been billed yet: there is no period to preview the version on');
  const asOf = target.effectiveFrom;
  const inForce = taxPacksInForce(store);
  const swap = (pack: TaxPack): readonly TaxPack[] => [...inForce.filter((p) => p.id !== packId), pack];
  const current = inForce.find((p) => p.id === packId);
  const before = swap(projectTaxPack(current ?? { ...target.update.pack, rules: [] }, asOf));
  const after = swap(projectTaxPack(target.update.pack, asOf));
  const settings = getBillingSettings(store);
  const timezone = getOperatorSettings(store).timezone;
  const caches = newBillingCaches();
  const rows: PackImpactRow[] = [];
  for (const inv of listTenantInvoices(store, tenant, { period: billed, kind: 'invoice', limit: 1_000_000_000 })) {
    if (inv.status === 'void' || inv.status === 'draft' || inv.status === 'held') continue;
    const input = { ...loadBillingInput(store, inv.accountId, billed, timezone, settings, caches), recommend: false };
    const where = {
      invoice: inv.number ?? String(inv.id),
      accountId: inv.accountId,
      jurisdiction: jurisdictionOf(input.account.taxJurisdiction),
      segment: input.customer.segment,
      currency: inv.currency,
    };
    try {
      const old = billAccount({ ...input, taxPacks: before }).doc;
      const doc = billAccount({ ...input, taxPacks: after }).doc;
      const failing = checkInvoiceCompliance(doc, { packs: after })
        .findings.filter((f) => f.severity === 'error')
        .map((f) => `${f.code}: ${f.message}`);
      rows.push({ ...where, before: old.total, after: doc.total, failing });
    } catch (err) {
      // One account the rules cannot bill is a finding of the preview, not the end of it.
      rows.push({ ...where, before: inv.total, after: inv.total, failing: [`BILLING_REFUSED: ${toBillingError(err).message}`] });
    }
  }
  const impact = summarisePackImpact(rows, keep);
  const totals = impact.totals.map((t) => `${t.difference} ${t.currency}`).join(', ') || 'nothing';
  return {
    packId,
    version,
    period: billed,
    asOf,
    ...impact,
    summary: `${packId} ${version} on ${billed}'s ${impact.invoices} invoices, as billed on ${asOf}: ${impact.changed} change (in all ${totals}), ${impact.failing} would fail the compliance check.`,
  };
}

function jurisdictionOf(j: { country: string; region: string | null }): string {
  return j.region ? `${j.country}-${j.region}` : j.country;
}
