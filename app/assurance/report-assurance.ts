import { z } from 'zod';
import { loadAssuranceFacts } from '../../db/index.ts';
import { assuranceReportSchema, buildAssuranceReport } from '../../tools/assurance/index.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { addMonths } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';

/**
 * `assurance.report`: the revenue-assurance reconciliation of the tenant's billing month, from
 * the switch to the bank (records read, accepted, rated, charged; invoices billed, issued, paid),
 * every gap by cause with its items and money, and whether the gaps add up (docs/assurance.md).
 */
export const reportAssurance = defineOperation({
  name: 'assurance.report',
  summary: 'Show the revenue assurance report',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z
    .object({
      period: billingMonthSchema.optional().describe('the billing month, YYYY-MM (default: the month before today, the one last billed)'),
      limit: z.coerce.number().int().min(0).max(1000).default(20).describe('items listed per gap (all are counted)'),
    })
    .strict(),
  output: assuranceReportSchema,
  handler: (ctx, { period, limit }) => buildAssuranceReport(loadAssuranceFacts(ctx.scope, period ?? addMonths(ctx.clock.today().slice(0, 7), -1)), limit),
});
