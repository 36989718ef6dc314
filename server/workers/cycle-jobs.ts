import type { Job } from 'bullmq';
import { advanceCycle, runShardWork, shardJob, type CycleAdvance, type CycleDeps, type FanOut, type Shard } from '../../graphs/cycle/index.ts';
import { billingMonthSchema, parseOrThrow } from '../../tools/schemas/index.ts';
import { cycleContext, previousMonthIn } from './cycle-context.ts';
import type { WorkerDeps } from './job-handlers.ts';
import { jobKey, QUEUES } from './queues.ts';

/** What a cycle job reports: where the cycle is (a fan-out handed out, or finished with its status). */
export type CycleJobResult =
  | { period: string; stage: 'fan_out'; kind: FanOut; shards: number; added: boolean }
  | { period: string; stage: 'finished'; status: string; invoices: number; held: number; waiting: number; totalMs: number };

interface StageData {
  period: string;
  kind: FanOut;
  shards: Shard[];
  startedAt: number;
}

/** The instant a job was meant for: a scheduler's job waits (delay) from when it was added until its tick. */
const scheduledAt = (job: Job) => new Date(job.timestamp + (job.opts.delay ?? 0));

const cycleDeps = (deps: WorkerDeps): CycleDeps => ({ ctx: cycleContext(deps.store, deps.tenant, deps.timezone, deps.logger), options: { shardSize: deps.shardSize } });

/**
 * Advances the tenant's cycle of a period as far as it goes without its shards; at a fan-out it
 * adds one flow, a `cycle.stage` parent with a `cycle.shard` child per shard. Ids come from
 * (tenant, period, fan-out, shard), so a repeated tick or a retried job adds nothing twice.
 */
async function advance(deps: WorkerDeps, period: string, results?: CycleAdvance['results']): Promise<CycleJobResult> {
  const out = await advanceCycle(cycleDeps(deps), period, { fanOut: 'external', results });
  if (out.status === 'finished') {
    const r = out.report;
    deps.logger.info({ period, status: r.status, totalMs: r.totalMs }, 'cycle finished');
    const invoices = r.invoices.issued.reduce((n, m) => n + m.count, 0) + r.invoices.held.reduce((n, m) => n + m.count, 0);
    return { period, stage: 'finished', status: r.status, invoices, held: r.held.length, waiting: r.waiting.length, totalMs: r.totalMs };
  }
  const parentId = jobKey('cycle-stage', deps.tenant, period, out.kind);
  if (await deps.queues.bill.getJob(parentId)) return { period, stage: 'fan_out', kind: out.kind, shards: out.shards.length, added: false };
  const data: StageData = { period, kind: out.kind, shards: out.shards, startedAt: Date.now() };
  await deps.flows.add({
    name: 'cycle.stage',
    queueName: QUEUES.bill,
    data,
    opts: { jobId: parentId, attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
    children: out.shards.map((shard) => ({
      name: 'cycle.shard',
      queueName: QUEUES.bill,
      data: { period, kind: out.kind, shard },
      // A shard that fails (the database busy past every wait) is tried again: it is idempotent.
      opts: { jobId: jobKey('cycle-shard', deps.tenant, period, out.kind, shard.index), attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
    })),
  });
  deps.logger.info({ period, kind: out.kind, shards: out.shards.length }, 'cycle fan-out added');
  return { period, stage: 'fan_out', kind: out.kind, shards: out.shards.length, added: true };
}

/** `cycle.start` (the monthly tick on the billing day, or `cycle run --queue`): the month before the tick, unless the job names one. */
export function startCycleJob(job: Job, deps: WorkerDeps): Promise<CycleJobResult> {
  const data = job.data as { period?: string };
  const period = parseOrThrow(billingMonthSchema, data.period ?? previousMonthIn(deps.timezone, scheduledAt(job)), 'period');
  return advance(deps, period);
}

/** `cycle.shard`: bills, audits or renders one shard's accounts. */
export function cycleShardJob(job: Job, deps: WorkerDeps) {
  const { period, kind, shard } = job.data as { period: string; kind: FanOut; shard: Shard };
  return runShardWork(kind, deps.store, shardJob(cycleDeps(deps), period, shard));
}

/** `cycle.stage`: runs once every shard of a fan-out has finished; hands their results to the cycle, which goes on. */
export async function cycleStageJob(job: Job, deps: WorkerDeps): Promise<CycleJobResult> {
  const { period, kind, shards, startedAt } = job.data as StageData;
  const values = Object.values(await job.getChildrenValues<{ index: number }>());
  const byShard = Object.fromEntries(values.map((v) => [String(v.index), v]));
  return advance(deps, period, { kind, shards, startedAt, byShard });
}
