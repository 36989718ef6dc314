import { and, desc, eq, sql } from 'drizzle-orm';
import { cycleReportSchema, type CycleReport } from '../tools/cycle/index.ts';
import { BillingError } from '../tools/errors.ts';
import { cycleRuns } from './cycle-schema.ts';
import type { Store } from './open-database.ts';

/** A billing cycle as stored: its state and the report of its last finished run. */
export interface CycleRun {
  id: number;
  tenant: string;
  period: string;
  status: 'running' | 'done' | 'failed' | 'waiting';
  threadId: string;
  runs: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  report: CycleReport | null;
}

function toRun(r: typeof cycleRuns.$inferSelect): CycleRun {
  // The report was checked against its schema when stored; a row that no longer parses is a defect.
  return { ...r, report: r.report === null ? null : cycleReportSchema.parse(JSON.parse(r.report)) };
}

/** Marks a cycle running (a first run, or a rerun or resume of the same tenant and period). */
export function startCycleRun(store: Store, run: { tenant: string; period: string; threadId: string; at: string }): CycleRun {
  store.db
    .insert(cycleRuns)
    .values({ tenant: run.tenant, period: run.period, status: 'running', threadId: run.threadId, startedAt: run.at })
    .onConflictDoUpdate({
      target: [cycleRuns.tenant, cycleRuns.period],
      set: { status: 'running', runs: sql`${cycleRuns.runs} + 1`, startedAt: run.at, finishedAt: null, error: null },
    })
    .run();
  return getCycleRun(store, run.tenant, run.period)!;
}

/** Records how a run ended: its report (done or waiting for people), or the error it failed with. */
export function finishCycleRun(store: Store, tenant: string, period: string, end: { at: string; report: CycleReport } | { at: string; error: string }): CycleRun {
  const set =
    'report' in end
      ? { status: end.report.status, finishedAt: end.at, report: JSON.stringify(cycleReportSchema.parse(end.report)), error: null }
      : { status: 'failed' as const, finishedAt: end.at, error: end.error.slice(0, 2000) };
  store.db
    .update(cycleRuns)
    .set(set)
    .where(and(eq(cycleRuns.tenant, tenant), eq(cycleRuns.period, period)))
    .run();
  return getCycleRun(store, tenant, period)!;
}

/** The tenant's cycle of a period, or undefined. */
export function getCycleRun(store: Store, tenant: string, period: string): CycleRun | undefined {
  const row = store.db
    .select()
    .from(cycleRuns)
    .where(and(eq(cycleRuns.tenant, tenant), eq(cycleRuns.period, period)))
    .get();
  return row ? toRun(row) : undefined;
}

/** The tenant's cycle of a period; NOT_FOUND when it never ran. */
export function tenantCycleRun(store: Store, tenant: string, period: string): CycleRun {
  const run = getCycleRun(store, tenant, period);
  if (!run) throw new BillingError('NOT_FOUND', `no cycle for ${period}`);
  return run;
}

/** The tenant's cycles, newest period first. */
export function listCycleRuns(store: Store, tenant: string, limit = 24): CycleRun[] {
  return store.db.select().from(cycleRuns).where(eq(cycleRuns.tenant, tenant)).orderBy(desc(cycleRuns.period)).limit(limit).all().map(toRun);
}
