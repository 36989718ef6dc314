import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One billing cycle per tenant and period: its state and the report of its last run. The steps
 * themselves are checkpointed by LangGraph (thread `cycle:<tenant>:<period>`); this row is what
 * people and the worker read.
 */
export const cycleRuns = sqliteTable(
  'cycle_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tenant: text('tenant').notNull(),
    period: text('period').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed', 'waiting'] }).notNull(),
    threadId: text('thread_id').notNull(),
    /** How many times the cycle was started or resumed. */
    runs: integer('runs').notNull().default(1),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    error: text('error'),
    /** The cycle report (JSON, cycleReportSchema), once a run has finished. */
    report: text('report'),
  },
  (t) => [uniqueIndex('cycle_runs_tenant_period').on(t.tenant, t.period)],
);
