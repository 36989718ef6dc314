import { Redis } from 'ioredis';

/**
 * The worker's queues: `tasks` for the scheduled jobs of a tenant (drop folders, rating, the
 * daily audit and overdue pass, the start of a cycle or a bill run, notifications, retention),
 * `bill` for the shards of a cycle or bill run and their parents, so a long ingest never holds up billing.
 */
export const QUEUES = { tasks: 'sb-tasks', bill: 'sb-bill' } as const;
export type QueueKind = keyof typeof QUEUES;

/** Every job the worker knows, by name; the job-handler table (job-handlers.ts) has one entry each. */
export const JOB_NAMES = [
  'ingest.dropFolder',
  'rating.hourly',
  'invoices.overdue',
  'bill.start',
  'bill.shard',
  'bill.finish',
  'cycle.start',
  'cycle.shard',
  'cycle.stage',
  'audit.daily',
  'notifications.deliver',
  'retention.clean',
  'fraud.scan',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** The default key prefix of every queue (`--queue-prefix`); tests each use their own. */
export const DEFAULT_PREFIX = 'switchboard';

/**
 * A job id derived from what the job does (kind, tenant, period, shard): adding the same work
 * twice is refused by BullMQ as a duplicate, so a repeated tick or a retried start bills once.
 * BullMQ refuses ':' in custom ids, so parts are joined with '.' and any ':' becomes '_'.
 */
export function jobKey(kind: string, tenant: string, ...parts: Array<string | number>): string {
  return [kind, tenant, ...parts.map(String)].map((p) => p.replaceAll(':', '_')).join('.');
}

/** A Redis connection as BullMQ workers need it (commands wait for a reconnect instead of failing). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
