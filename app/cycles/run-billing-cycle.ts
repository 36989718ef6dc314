import { z } from 'zod';
import { cycleReportSchema } from '../../tools/cycle/index.ts';
import { billingMonthSchema, calendarDateSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** What a cycle run takes from a surface (JSON: the API body, the CLI's flags). */
export const cycleRunRequestSchema = z
  .object({
    period: billingMonthSchema.describe('the billing month'),
    lateCdrDays: z.number().int().min(0).max(60).default(0).describe('days after the period before its usage counts as complete'),
    shardSize: z.number().int().min(1).max(100_000).default(500).describe('accounts per shard of the bill run'),
    issueDate: calendarDateSchema.optional().describe('issue date of the invoices (default: the end of the period)'),
  })
  .strict();

/**
 * Runs (or resumes) the billing cycle of the tenant for a period: close usage, rate, categorise
 * what the rules could not, bill in shards, audit, hold what is flagged with a proposal that waits
 * for a person, render documents. It issues invoices as a bill run does; running it again creates
 * nothing new.
 */
export const runBillingCycle = defineOperation({
  name: 'cycles.run',
  summary: 'Run the billing cycle of a period',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: cycleRunRequestSchema,
  output: cycleReportSchema.extend({ resumed: z.boolean(), runs: z.number().int() }),
  handler: async (ctx, { period, ...options }) => {
    // LangGraph loads only when a cycle runs.
    const { runCycle } = await import('../../graphs/cycle/index.ts');
    const { report, run, resumed } = await runCycle({ ctx, options }, period);
    return { ...report, resumed, runs: run.runs };
  },
});
