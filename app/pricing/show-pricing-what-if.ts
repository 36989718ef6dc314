import { z } from 'zod';
import { isOperatorTenant } from '../../db/operator-books.ts';
import { loadCatalog } from '../../tools/catalog/index.ts';
import { wholeMs } from '../../tools/cycle/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { parseTariffImport, tariffImportSchema } from '../tariffs/import-tariff.ts';
import { repricePeriod } from './reprice-period.ts';

const revenueRowSchema = z.object({ key: z.string(), before: decimalStringSchema, after: decimalStringSchema, change: decimalStringSchema, changePercent: decimalStringSchema.nullable() });
const accountChangeSchema = z.object({
  accountId: z.string(),
  customerName: z.string(),
  segment: z.string(),
  before: decimalStringSchema,
  after: decimalStringSchema,
  change: decimalStringSchema,
  changePercent: decimalStringSchema.nullable(),
});

/** A proposed catalog: the YAML or JSON text of one catalog version, as `catalog import` reads it. */
export const proposedCatalogSchema = z
  .object({
    text: z.string().min(1).max(20_000_000).describe('the catalog, YAML or JSON'),
    fileName: z.string().min(1).max(255).optional().describe('its file name, for messages'),
  })
  .strict();

/** What a pricing what-if asks: a past month, and a proposed tariff, catalog or both. */
export const pricingWhatIfInputSchema = z
  .object({
    period: billingMonthSchema.describe('the billing month to re-price'),
    tariff: tariffImportSchema.optional().describe('the proposed tariff (as `tariffs import` reads it); it prices the whole month'),
    catalog: proposedCatalogSchema.optional().describe('the proposed catalog; it replaces the one in effect for the month'),
    top: z.number().int().min(1).max(100).default(10).describe('how many of the most affected customers to list each way'),
  })
  .strict();

/** The report of a pricing what-if: before (stored invoices) and after (proposal), net of tax. */
export const pricingWhatIfOutputSchema = z.object({
  period: billingMonthSchema,
  currency: z.string(),
  tariff: z.string(),
  catalog: z.string(),
  accounts: z.number().int(),
  changedAccounts: z.number().int(),
  total: revenueRowSchema,
  byCategory: z.array(revenueRowSchema),
  bySegment: z.array(revenueRowSchema),
  byPlan: z.array(revenueRowSchema),
  increases: z.array(accountChangeSchema),
  decreases: z.array(accountChangeSchema),
  events: z.object({ repriced: z.number().int(), failed: z.number().int(), failures: z.record(z.string(), z.number().int()) }),
  skipped: z.object({
    noInvoice: z.number().int(),
    otherCurrency: z.number().int(),
    failed: z.array(z.object({ accountId: z.string(), code: z.string(), message: z.string() })),
  }),
  notes: z.array(z.string()).describe('what the proposed files said on reading them'),
  ms: z.object({ total: z.number().int(), rating: z.number().int(), charging: z.number().int() }),
});
export type PricingWhatIf = z.output<typeof pricingWhatIfOutputSchema>;

/**
 * `pricing.what-if`: a past month re-priced under a proposed tariff or catalog, in memory (nothing
 * stored changes): revenue by category, segment and plan before and after, and the customers most
 * affected, exact to the cent.
 */
export const showPricingWhatIf = defineOperation({
  name: 'pricing.what-if',
  summary: 'Re-price a past month under a proposed tariff or catalog',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: pricingWhatIfInputSchema.refine((x) => x.tariff !== undefined || x.catalog !== undefined, 'propose a tariff, a catalog or both'),
  output: pricingWhatIfOutputSchema,
  handler: (ctx, input) => {
    // Tariffs and catalogs are the operator's books: another tenant has none to compare with.
    if (!isOperatorTenant(ctx.scope)) throw new BillingError('FORBIDDEN', `${ctx.actor.id} may not re-price the operator's books`);
    const notes: string[] = [];
    let tariff: { plan: ReturnType<typeof parseTariffImport>['plan']; label: string } | undefined;
    if (input.tariff) {
      const parsed = parseTariffImport(input.tariff);
      notes.push(...parsed.messages);
      const label = input.tariff.format === 'native' ? (input.tariff.fileName ?? parsed.plan.id) : parsed.plan.id;
      tariff = { plan: parsed.plan, label };
    }
    const catalog = input.catalog ? { catalog: loadCatalog(input.catalog.text, input.catalog.fileName), label: input.catalog.fileName ?? 'catalog' } : undefined;
    const result = repricePeriod(ctx.scope, input.period, { ...(tariff ? { tariff } : {}), ...(catalog ? { catalog } : {}) }, { top: input.top });
    return { ...result, notes, ms: { total: wholeMs(result.ms.total), rating: wholeMs(result.ms.rating), charging: wholeMs(result.ms.charging) } };
  },
});
