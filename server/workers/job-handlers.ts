import type { FlowProducer, Job, Queue } from 'bullmq';
import { scanAlerts } from '../../app/alerts/index.ts';
import type { Logger } from '../../app/index.ts';
import { markOverdueInvoices } from '../../app/invoices/index.ts';
import { runCollectionsOp } from '../../app/collections/index.ts';
import { configuredTransports, deliverDue, recordScheduledNotifications } from '../../app/notifications/index.ts';
import { runOperation } from '../../app/operation.ts';
import { runRating } from '../../app/rating/index.ts';
import type { Store } from '../../db/index.ts';
import { billShard, finishBillRun, startBillRun } from './bill-run.ts';
import { cycleShardJob, cycleStageJob, startCycleJob } from './cycle-jobs.ts';
import { dailyAudit } from './daily-audit.ts';
import { cycleContext } from './cycle-context.ts';
import { ingestDropFolder, type DropFolder } from './drop-folder.ts';
import type { JobName, QueueKind } from './queues.ts';
import { cleanRetention } from './retention.ts';

/** What every job handler gets besides its job: the tenant's database and the worker's queues. */
export interface WorkerDeps {
  store: Store;
  tenant: string;
  timezone: string;
  queues: Record<QueueKind, Queue>;
  flows: FlowProducer;
  /** Accounts per shard job of a bill run. */
  shardSize: number;
  dropFolders: readonly DropFolder[];
  /** Completed and failed jobs older than this are removed by the retention job. */
  retentionDays: number;
  logger: Logger;
}

/** Runs one job; what it returns is the job's result (kept with the completed job, read by a parent). */
export type JobHandler = (job: Job, deps: WorkerDeps) => Promise<unknown>;

/**
 * The job-handler table: one handler per job name; tests and later work replace entries through
 * startWorkers({ handlers }). The monthly tick starts the cycle graph (`cycle.*`); `bill.*` is a
 * bare bill run in shards (`worker` tests and `enqueueBillRun`).
 */
export type JobHandlerTable = Record<JobName, JobHandler>;

/** The handlers the worker runs unless told otherwise. */
export function defaultHandlers(): JobHandlerTable {
  return {
    'ingest.dropFolder': (job, deps) => ingestDropFolder(deps, job.data as { switch: string }),
    'rating.hourly': (_job, deps) => runOperation(runRating, cycleContext(deps.store, deps.tenant, deps.timezone, deps.logger), {}),
    'invoices.overdue': async (_job, deps) => {
      const ctx = cycleContext(deps.store, deps.tenant, deps.timezone, deps.logger);
      const overdue = await runOperation(markOverdueInvoices, ctx, {});
      // The daily pass also records what the day's scan finds: allowances at 80% and 100%, bills coming up.
      const notifications = await recordScheduledNotifications(deps.store, { tenant: deps.tenant, today: ctx.clock.today() });
      // Then collections (docs/collections.md): days past due move daily, so the ladder is walked daily, after the overdue marks.
      const collections = await runOperation(runCollectionsOp, ctx, {});
      return { overdue, notifications, collections };
    },
    'bill.start': (job, deps) => startBillRun(job, deps),
    'bill.shard': (job, deps) => billShard(job, deps),
    'bill.finish': (job) => finishBillRun(job),
    'cycle.start': (job, deps) => startCycleJob(job, deps),
    'cycle.shard': (job, deps) => cycleShardJob(job, deps),
    'cycle.stage': (job, deps) => cycleStageJob(job, deps),
    'audit.daily': (job, deps) => dailyAudit(job, deps),
    'notifications.deliver': async (_job, deps) => {
      const transports = await configuredTransports();
      try {
        return await deliverDue(deps.store, { now: new Date(), transports, tenant: deps.tenant });
      } finally {
        transports.close();
      }
    },
    'retention.clean': (_job, deps) => cleanRetention(deps),
    'fraud.scan': (_job, deps) => runOperation(scanAlerts, cycleContext(deps.store, deps.tenant, deps.timezone, deps.logger), {}),
  };
}
