import { hostname } from 'node:os';
import { FlowProducer, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Logger } from '../../app/index.ts';
import { getOperatorSettings, type Store } from '../../db/index.ts';
import type { DropFolder } from './drop-folder.ts';
import { defaultHandlers, type JobHandlerTable, type WorkerDeps } from './job-handlers.ts';
import { DEFAULT_PREFIX, QUEUES, redisConnection, type JobName, type QueueKind } from './queues.ts';
import { tenantSchedules, upsertTenantSchedulers } from './schedule-tenant.ts';

/** How a worker process runs: where Redis is, its queue prefix, and the knobs faults are tested with. */
export interface WorkerOptions {
  store: Store;
  redisUrl: string;
  prefix?: string;
  /** Jobs of each queue run at once in this process (billing is synchronous SQLite: processes add throughput, this adds overlap). */
  concurrency?: number;
  /** A job whose lock is not renewed for this long is stalled: another worker takes it up. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** A job stalled more often than this fails instead of being taken up again. */
  maxStalledCount?: number;
  shardSize?: number;
  dropFolders?: readonly DropFolder[];
  pollMs?: number;
  retentionDays?: number;
  /** Upsert the tenant's job schedulers at start (a worker that only helps with work may leave it to another). */
  schedule?: boolean;
  /** Handlers replacing the defaults by job name: the seam of the cycle graph and of notification delivery. */
  handlers?: Partial<JobHandlerTable>;
  logger: Logger;
}

/** A running worker process: its queues, the schedulers it upserted, and close() for a graceful stop. */
export interface RunningWorkers {
  deps: WorkerDeps;
  schedulers: string[];
  /** Stops taking jobs, lets the current ones finish, then closes every connection. */
  close(): Promise<void>;
}

/** Starts a BullMQ worker per queue on the tenant of `store`, with its job schedulers. */
export async function startWorkers(opts: WorkerOptions): Promise<RunningWorkers> {
  const settings = getOperatorSettings(opts.store);
  const prefix = opts.prefix ?? DEFAULT_PREFIX;
  const connection = redisConnection(opts.redisUrl);
  // Redis gone for a while (a restart) is logged, and ioredis reconnects; jobs wait meanwhile.
  connection.on('error', (err) => opts.logger.warn({ err: err.message }, 'redis connection error'));
  const queues = Object.fromEntries(Object.entries(QUEUES).map(([kind, name]) => [kind, new Queue(name, { connection, prefix })])) as Record<QueueKind, Queue>;
  const flows = new FlowProducer({ connection, prefix });
  const logError = (err: Error) => opts.logger.warn({ err: err.message }, 'queue error');
  for (const q of Object.values(queues)) q.on('error', logError);
  flows.on('error', logError);
  const deps: WorkerDeps = {
    store: opts.store,
    tenant: settings.tenant,
    timezone: settings.timezone,
    queues,
    flows,
    shardSize: opts.shardSize ?? 500,
    dropFolders: opts.dropFolders ?? [],
    retentionDays: opts.retentionDays ?? 35,
    logger: opts.logger,
  };
  const handlers: JobHandlerTable = { ...defaultHandlers(), ...opts.handlers };
  const run = async (job: Job) => {
    const handler = handlers[job.name as JobName];
    // A job nobody here knows would fail on every retry: fail it once, with its name.
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    return handler(job, deps);
  };
  const workers = Object.values(QUEUES).map(
    (name) =>
      new Worker(name, run, {
        connection,
        prefix,
        // Named by host and process, so a job shows (processedBy) which worker ran it.
        name: `${hostname()}:${process.pid}`,
        concurrency: opts.concurrency ?? 1,
        lockDuration: opts.lockDurationMs ?? 30_000,
        stalledInterval: opts.stalledIntervalMs ?? 30_000,
        maxStalledCount: opts.maxStalledCount ?? 10,
      }),
  );
  for (const w of workers) {
    w.on('failed', (job, err) => opts.logger.warn({ queue: w.name, job: job?.id, name: job?.name, err: err.message }, 'job failed'));
    w.on('error', (err) => opts.logger.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  const schedulers =
    opts.schedule === false
      ? []
      : await upsertTenantSchedulers(
          queues.tasks,
          settings.tenant,
          tenantSchedules({ tenant: settings.tenant, timezone: settings.timezone, billingDay: settings.billingDay ?? 1, dropFolders: deps.dropFolders, pollMs: opts.pollMs ?? 60_000 }),
        );
  let closing: Promise<void> | undefined;
  return {
    deps,
    schedulers,
    close: () => {
      closing ??= (async () => {
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all([...Object.values(queues).map((q) => q.close()), flows.close()]);
        await connection.quit().catch(() => undefined);
      })();
      return closing;
    },
  };
}
