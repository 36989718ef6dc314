import type { Job } from 'bullmq';
import { billPeriod, prepareBillRun } from '../../app/billing/index.ts';
import { BILL_SLICE } from '../../graphs/cycle/index.ts';
import { tenantAccountIds, tenantScope } from '../../db/index.ts';
import { billingMonthSchema, parseOrThrow } from '../../tools/schemas/index.ts';
import { previousMonthIn } from './cycle-context.ts';
import type { WorkerDeps } from './job-handlers.ts';
import { jobKey, QUEUES } from './queues.ts';

/** What a shard job reports (counts only: money stays in the database's invoices). */
export interface ShardResult {
  period: string;
  shard: number;
  accounts: number;
  created: number;
  alreadyPresent: number;
  nothingToBill: number;
  held: number;
  failed: Array<{ accountId: string; code: string; message: string }>;
}

/** The instant a job was meant for: a scheduler's job waits (delay) from when it was added until its tick. */
function scheduledAt(job: Job): Date {
  return new Date(job.timestamp + (job.opts.delay ?? 0));
}

/**
 * Starts the bill run of a period (the job's, else the month before its tick in the tenant's zone)
 * as one flow: a parent `bill.finish` with a `bill.shard` child per slice of accounts. Ids come
 * from (tenant, period, shard), so a second start of the same period adds nothing.
 */
export async function startBillRun(job: Job, deps: WorkerDeps): Promise<{ period: string; shards: number; started: boolean }> {
  const data = job.data as { period?: string };
  const period = parseOrThrow(billingMonthSchema, data.period ?? previousMonthIn(deps.timezone, scheduledAt(job)), 'period');
  const parentId = jobKey('bill-run', deps.tenant, period);
  const existing = await deps.queues.bill.getJob(parentId);
  if (existing) return { period, shards: (existing.data as { shards: number }).shards, started: false };
  const ids = tenantAccountIds(tenantScope(deps.store, deps.tenant));
  const shards: string[][] = [];
  for (let i = 0; i < ids.length; i += deps.shardSize) shards.push(ids.slice(i, i + deps.shardSize));
  await deps.flows.add({
    name: 'bill.finish',
    queueName: QUEUES.bill,
    data: { period, shards: shards.length },
    opts: { jobId: parentId },
    children: shards.map((accountIds, shard) => ({
      name: 'bill.shard',
      queueName: QUEUES.bill,
      data: { period, shard, accountIds },
      // A shard that fails (the database busy past every wait) is tried again: billing is idempotent.
      opts: { jobId: jobKey('bill-shard', deps.tenant, period, shard), attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
    })),
  });
  deps.logger.info({ period, shards: shards.length, accounts: ids.length }, 'bill run started');
  return { period, shards: shards.length, started: true };
}

/**
 * Bills one shard's accounts in slices, yielding between them. A killed worker's shard is taken up
 * again by another (stalled), and billing skips accounts that already have their invoice.
 */
export async function billShard(job: Job, deps: WorkerDeps): Promise<ShardResult> {
  const { period, shard, accountIds } = job.data as { period: string; shard: number; accountIds: string[] };
  const out: ShardResult = { period, shard, accounts: accountIds.length, created: 0, alreadyPresent: 0, nothingToBill: 0, held: 0, failed: [] };
  // Read once for the shard, not once a slice (the plan peers are a query over recent invoices).
  const prepared = prepareBillRun(deps.store, period, deps.timezone);
  for (let i = 0; i < accountIds.length; i += BILL_SLICE) {
    const part = billPeriod(deps.store, { period, timezone: deps.timezone, accountIds: accountIds.slice(i, i + BILL_SLICE), prepared });
    out.created += part.created.length;
    out.alreadyPresent += part.alreadyPresent.length;
    out.nothingToBill += part.nothingToBill.length;
    out.held += part.held.length;
    out.failed.push(...part.failed);
    // A wait on Redis: the event loop turns here, and the job's lock is renewed.
    await job.updateProgress(Math.min(i + BILL_SLICE, accountIds.length));
  }
  return out;
}

/** The parent of a bill run: runs once every shard has finished and sums what they did. */
export async function finishBillRun(job: Job): Promise<Omit<ShardResult, 'shard'> & { shards: number }> {
  const { period } = job.data as { period: string };
  const parts = Object.values(await job.getChildrenValues<ShardResult>());
  return {
    period,
    shards: parts.length,
    accounts: parts.reduce((n, p) => n + p.accounts, 0),
    created: parts.reduce((n, p) => n + p.created, 0),
    alreadyPresent: parts.reduce((n, p) => n + p.alreadyPresent, 0),
    nothingToBill: parts.reduce((n, p) => n + p.nothingToBill, 0),
    held: parts.reduce((n, p) => n + p.held, 0),
    failed: parts.flatMap((p) => p.failed),
  };
}
