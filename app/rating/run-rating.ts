import { z } from 'zod';
import { assertOwnsIngestion } from '../ingest/ingestion-owner.ts';
import { countRating } from '../metrics.ts';
import { defineOperation } from '../operation.ts';
import { progressField } from '../progress-field.ts';
import { ratePendingPaced } from './rate-pending.ts';

/** What a rating run takes from a surface (JSON: the API body, the CLI's flags). */
export const ratingRunRequestSchema = z
  .object({
    tariff: z.string().min(1).optional().describe('tariff plan (default: the most recently imported)'),
    generalRoundingDecimals: z.number().int().min(0).max(12).optional().describe('decimals of per-span rounding (default 5)'),
  })
  .strict();

/** Rates every accepted, unrated usage event with the tariff version in effect at its answer time. */
export const runRating = defineOperation({
  name: 'rating.run',
  summary: 'Rate pending usage',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: ratingRunRequestSchema.extend({ onProgress: progressField<[considered: number]>() }),
  output: z.object({
    tariff: z.string(),
    versions: z.array(z.number().int()),
    considered: z.number().int(),
    rated: z.number().int(),
    ratingFailed: z.number().int(),
    takenByAnotherRun: z.number().int(),
    failures: z.record(z.string(), z.number().int()),
  }),
  handler: async (ctx, input) => {
    assertOwnsIngestion(ctx.scope);
    const out = await ratePendingPaced(ctx.store, input);
    countRating({ rated: out.rated, failed: out.ratingFailed });
    return out;
  },
});
