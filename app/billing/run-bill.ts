import { z } from 'zod';
import { getOperatorSettings, tenantAccountIds } from '../../db/index.ts';
import { accountIdSchema, billingMonthSchema, calendarDateSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { progressField } from '../progress-field.ts';
import { billPeriod, type BillRunResult } from './bill-period.ts';
import { ingestWarnings } from './ingest-warnings.ts';

/** What a bill run takes from a surface (JSON: the API body, the CLI's flags). */
export const billRunRequestSchema = z
  .object({
    period: billingMonthSchema.describe('the billing month'),
    issueDate: calendarDateSchema.optional().describe('issue date of the invoices (default: the end of the period)'),
    accountIds: z.array(accountIdSchema).min(1).optional().describe('only these accounts'),
    allowRunningIngest: z.boolean().default(false).describe('bill even while an ingest is still writing usage (with a warning)'),
  })
  .strict();

const createdSchema = z.object({ accountId: z.string(), number: z.string().nullable(), status: z.string(), total: z.string(), currency: z.string() });

/** The report of a bill run, as `switchboard bill --json` prints it. */
export const billRunReportSchema = z.object({
  period: z.string(),
  created: z.number().int(),
  issued: z.number().int(),
  held: z.number().int(),
  alreadyPresent: z.number().int(),
  nothingToBill: z.number().int().describe('accounts with nothing to bill in the period (no invoice made)'),
  failed: z.array(z.object({ accountId: z.string(), code: z.string(), message: z.string() })),
  invoices: z.array(createdSchema),
  warnings: z.array(z.string()),
});

/** Turns what billPeriod did, account by account, into the run's report. */
export function billRunReport(result: BillRunResult, warnings: string[]): z.input<typeof billRunReportSchema> {
  return {
    period: result.period,
    created: result.created.length,
    issued: result.created.filter((c) => c.status === 'issued').length,
    held: result.held.length,
    alreadyPresent: result.alreadyPresent.length,
    nothingToBill: result.nothingToBill.length,
    failed: result.failed,
    invoices: result.created,
    warnings,
  };
}

/**
 * Bills a period for the tenant's accounts (or the given ones): one invoice per account, issued
 * or held for a person; running it again creates nothing. An ingest still writing usage refuses
 * the run unless allowed.
 */
export const runBill = defineOperation({
  name: 'bill-runs.run',
  summary: 'Run billing for a period',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: billRunRequestSchema.extend({ onProgress: progressField<[done: number, total: number]>() }),
  output: billRunReportSchema,
  handler: (ctx, input) => {
    const accountIds = tenantAccountIds(ctx.scope, input.accountIds);
    const warnings = ingestWarnings(ctx.store, input.allowRunningIngest);
    // A tenant without accounts bills nothing (billPeriod reads an empty list as "every account").
    if (accountIds.length === 0) return billRunReport({ period: input.period, created: [], alreadyPresent: [], nothingToBill: [], held: [], failed: [] }, warnings);
    const { timezone } = getOperatorSettings(ctx.store);
    const result = billPeriod(ctx.store, { period: input.period, timezone, accountIds, issueDate: input.issueDate, onProgress: input.onProgress });
    return billRunReport(result, warnings);
  },
});
