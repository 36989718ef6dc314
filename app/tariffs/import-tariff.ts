import { z } from 'zod';
import { saveTariffVersion, type Store } from '../../db/index.ts';
import { isOperatorTenant } from '../../db/operator-books.ts';
import { BillingError } from '../../tools/errors.ts';
import { checkRatePrecision, importCgratesTariffPlan, loadNativeTariff, type TariffPlan } from '../../tools/rating/index.ts';
import { timeZoneSchema } from '../../tools/schemas/index.ts';
import { parseInstant } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';
import { tariffNameSchema } from './list-tariffs.ts';

// A tariff is text: the largest real ones are a few megabytes of CSV.
const MAX_TEXT = 20_000_000;
const common = {
  id: tariffNameSchema.optional().describe('tariff plan name (native: default the file id)'),
  effectiveFrom: z.string().min(1).max(40).optional().describe('when this version takes effect (ISO 8601)'),
  /** Where the text came from, kept with the version as a label; never opened. */
  source: z.string().min(1).max(1000).optional().describe('a label for where the text came from (kept, never read)'),
};

/** A tariff to import, as text: a native JSON/YAML tariff, or the CSV files of a CGRateS plan by file name. */
export const tariffImportSchema = z.discriminatedUnion('format', [
  z
    .object({
      format: z.literal('native'),
      text: z.string().min(1).max(MAX_TEXT).describe('the JSON or YAML tariff'),
      fileName: z.string().min(1).max(255).optional().describe('its file name, for messages'),
      ...common,
    })
    .strict(),
  z
    .object({
      format: z.literal('cgrates'),
      files: z.record(z.string().regex(/^[^/\\]{1,255}$/, 'a file name, without folders'), z.string().max(MAX_TEXT)).describe('the CSV files of the plan by file name (Rates.csv, ...)'),
      id: tariffNameSchema.describe('tariff plan name'),
      timezone: timeZoneSchema.optional().describe('IANA zone timings are evaluated in (default UTC)'),
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'a currency code such as EUR')
        .optional()
        .describe('currency of the costs (default EUR)'),
      effectiveFrom: common.effectiveFrom,
      source: common.source,
    })
    .strict(),
]);
export type TariffImport = z.output<typeof tariffImportSchema>;

/** What an import did: the version, the plan's counts, and notes for the operator. */
export const tariffImportResultSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  created: z.boolean(),
  format: z.enum(['native', 'cgrates']),
  effectiveFrom: z.string(),
  counts: z.object({
    destinations: z.number().int(),
    rates: z.number().int(),
    destinationRates: z.number().int(),
    timings: z.number().int(),
    ratingPlans: z.number().int(),
    ratingProfiles: z.number().int(),
  }),
  messages: z.array(z.string()),
});

/** Reads a tariff import into its plan without storing it (an import, or a what-if that prices with a proposed tariff). */
export function parseTariffImport(input: TariffImport): { plan: TariffPlan; messages: string[]; effectiveFrom: number | null } {
  const effectiveFrom: number | null = input.effectiveFrom ? parseInstant(input.effectiveFrom) : null;
  if (input.format === 'cgrates') return { ...importCgratesTariffPlan(input.files, { id: input.id, timezone: input.timezone, currency: input.currency }), effectiveFrom };
  const loaded = loadNativeTariff(input.text, input.fileName ? { fileName: input.fileName } : {});
  return { plan: { ...loaded.plan, ...(input.id ? { id: input.id } : {}) }, messages: loaded.messages, effectiveFrom: effectiveFrom ?? loaded.effectiveFrom };
}

/**
 * Stores a parsed import as a new version (identical content again changes nothing). Synchronous,
 * for the operation and for setting up test and bench databases; surfaces go through importTariff.
 */
export function importTariffText(store: Store, input: TariffImport): z.input<typeof tariffImportResultSchema> {
  const { effectiveFrom, ...result } = parseTariffImport(input);
  const saved = saveTariffVersion(store, { plan: result.plan, effectiveFrom, sourceFormat: input.format, sourcePath: input.source ?? null });
  const p = result.plan;
  return {
    ...saved,
    format: input.format,
    effectiveFrom: new Date(effectiveFrom ?? 0).toISOString(),
    counts: {
      destinations: Object.keys(p.destinations).length,
      rates: Object.keys(p.rates).length,
      destinationRates: Object.keys(p.destinationRates).length,
      timings: Object.keys(p.timings).length,
      ratingPlans: Object.keys(p.ratingPlans).length,
      ratingProfiles: p.ratingProfiles.length,
    },
    messages: [...result.messages, ...checkRatePrecision(p)],
  };
}

/**
 * Imports a tariff from its text as a new version: the text comes with the request (the CLI reads
 * its file or folder and passes the text); nothing is read from the server's disk.
 */
export const importTariff = defineOperation({
  name: 'tariffs.import',
  summary: 'Import a tariff',
  effect: 'write',
  roles: ['admin'],
  input: tariffImportSchema,
  output: tariffImportResultSchema,
  handler: (ctx, input) => {
    if (!isOperatorTenant(ctx.scope)) throw new BillingError('FORBIDDEN', `${ctx.actor.id} may not import tariffs: they are the operator's books`);
    return importTariffText(ctx.store, input);
  },
});
