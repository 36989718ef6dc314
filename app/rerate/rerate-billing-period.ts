import { z } from 'zod';
import { getOperatorSettings, loadTariffVersions } from '../../db/index.ts';
import { createTariffBook } from '../../tools/rating/index.ts';
import { accountIdSchema, billingMonthSchema, calendarDateSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { reratePeriod } from './rerate-period.ts';
import { rerateResultSchema } from './rerate-result.ts';

/**
 * `rerate.run`: re-rates a month after a tariff correction, for the operator's books (an
 * administrator's run, like a bill run): changes logged per event, issued invoices corrected by
 * credit or debit notes, unissued ones billed again.
 */
export const rerateBillingPeriod = defineOperation({
  name: 'rerate.run',
  summary: 'Re-rate a billing month',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      period: billingMonthSchema,
      accountIds: z.array(accountIdSchema).min(1).optional().describe('only these accounts'),
      tariff: z.string().min(1).max(200).optional().describe('tariff plan (default: the most recently imported)'),
      generalRoundingDecimals: z.number().int().min(0).max(12).default(5),
      issueDate: calendarDateSchema.optional().describe('issue date of the notes (default: today)'),
    })
    .strict(),
  output: rerateResultSchema,
  handler: (ctx, { period, accountIds, tariff, generalRoundingDecimals, issueDate }) => {
    const book = createTariffBook(loadTariffVersions(ctx.store, tariff), { generalRoundingDecimals });
    const { timezone, tenant } = getOperatorSettings(ctx.store);
    return reratePeriod(ctx.store, { period, timezone, tenant, book, accountIds, issueDate });
  },
});
