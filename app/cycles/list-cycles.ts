import { z } from 'zod';
import { listCycleRuns, tenantCycleRun, type CycleRun } from '../../db/index.ts';
import { cycleReportSchema } from '../../tools/cycle/index.ts';
import { billingMonthSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** A cycle as people see it: its state and, once finished, its report. */
export const cycleRunSchema = z.object({
  tenant: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed', 'waiting']),
  threadId: z.string(),
  runs: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  report: cycleReportSchema.nullable(),
});

const view = (r: CycleRun): z.input<typeof cycleRunSchema> => ({
  tenant: r.tenant,
  period: r.period,
  status: r.status,
  threadId: r.threadId,
  runs: r.runs,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
  error: r.error,
  report: r.report,
});

/** The tenant's billing cycles, newest period first, without their reports. */
export const listCycles = defineOperation({
  name: 'cycles.list',
  summary: 'List billing cycles',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ limit: z.number().int().min(1).max(120).default(24) }).strict(),
  output: z.object({ cycles: z.array(cycleRunSchema.omit({ report: true })) }),
  handler: (ctx, { limit }) => ({
    cycles: listCycleRuns(ctx.store, ctx.tenant, limit).map((r) => {
      const { report: _report, ...rest } = view(r);
      return rest;
    }),
  }),
});

/** One billing cycle with its report (the latest period's when none is named). */
export const showCycle = defineOperation({
  name: 'cycles.show',
  summary: 'Show a billing cycle',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ period: billingMonthSchema.optional().describe('the billing month (default: the latest cycle)') }).strict(),
  output: cycleRunSchema,
  handler: (ctx, { period }) => {
    const p = period ?? listCycleRuns(ctx.store, ctx.tenant, 1)[0]?.period;
    return view(tenantCycleRun(ctx.store, ctx.tenant, p ?? 'none'));
  },
});
