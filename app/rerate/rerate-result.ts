import { z } from 'zod';
import { billingMonthSchema, decimalStringSchema } from '../../tools/schemas/index.ts';

/** What a re-rating run did (or, previewed, would do): events re-priced, notes issued, invoices billed again, failures. */
export const rerateResultSchema = z.object({
  period: billingMonthSchema,
  runId: z.string(),
  events: z.object({ considered: z.number().int(), changed: z.number().int(), repriced: z.number().int() }),
  notes: z.array(z.object({ accountId: z.string(), kind: z.string(), number: z.string().nullable(), total: decimalStringSchema, corrects: z.string() })),
  rebilled: z.array(z.string()),
  failed: z.array(z.object({ accountId: z.string(), code: z.string(), message: z.string() })),
});
