import type { Queue } from 'bullmq';
import type { DropFolder } from './drop-folder.ts';
import type { JobName } from './queues.ts';

/** One job scheduler: a stable id (per tenant and job), when it fires, and the job it adds. */
export interface TenantSchedule {
  id: string;
  name: JobName;
  repeat: { pattern: string; tz: string } | { every: number };
  data: Record<string, unknown>;
}

/** The schedules of a tenant in its time zone: drop folders, hourly rating, the daily overdue and audit passes, the monthly cycle, notifications, retention. */
export function tenantSchedules(opts: { tenant: string; timezone: string; billingDay: number; dropFolders: readonly DropFolder[]; pollMs: number }): TenantSchedule[] {
  const { tenant, timezone: tz } = opts;
  return [
    ...opts.dropFolders.map((f): TenantSchedule => ({ id: `${tenant}.ingest.${f.switch}`, name: 'ingest.dropFolder', repeat: { every: opts.pollMs }, data: { switch: f.switch } })),
    { id: `${tenant}.rating`, name: 'rating.hourly', repeat: { pattern: '5 * * * *', tz }, data: {} },
    { id: `${tenant}.overdue`, name: 'invoices.overdue', repeat: { pattern: '30 0 * * *', tz }, data: {} },
    { id: `${tenant}.audit`, name: 'audit.daily', repeat: { pattern: '45 0 * * *', tz }, data: {} },
    // The month before is billed by its cycle on the billing day; the tick's own time says which month that is.
    { id: `${tenant}.cycle`, name: 'cycle.start', repeat: { pattern: `0 2 ${opts.billingDay} * *`, tz }, data: {} },
    { id: `${tenant}.notifications`, name: 'notifications.deliver', repeat: { every: opts.pollMs }, data: {} },
    { id: `${tenant}.retention`, name: 'retention.clean', repeat: { pattern: '0 3 * * *', tz }, data: {} },
    // The scheduled fraud pass over recent usage (docs/fraud.md), after the hourly rating.
    { id: `${tenant}.fraud`, name: 'fraud.scan', repeat: { pattern: '20 * * * *', tz }, data: {} },
  ];
}

/**
 * Upserts the tenant's schedulers (same ids on every start, so a restart changes nothing but what
 * the settings changed) and removes its schedulers that are no longer configured (a drop folder gone).
 */
export async function upsertTenantSchedulers(queue: Queue, tenant: string, schedules: readonly TenantSchedule[]): Promise<string[]> {
  for (const s of schedules) await queue.upsertJobScheduler(s.id, s.repeat, { name: s.name, data: s.data, opts: { removeOnComplete: { age: 7 * 86_400 }, removeOnFail: { age: 30 * 86_400 } } });
  const wanted = new Set(schedules.map((s) => s.id));
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    const id = existing.key;
    if (id.startsWith(`${tenant}.`) && !wanted.has(id)) await queue.removeJobScheduler(id);
  }
  return [...wanted];
}
