import type { Queue } from 'bullmq';
import { jobKey } from './queues.ts';

/** Asks the workers for a bare bill run of a period now, in shards, under a key of its own. */
export function enqueueBillRun(tasks: Queue, tenant: string, period: string, key = 'manual'): Promise<unknown> {
  return tasks.add('bill.start', { period }, { jobId: jobKey('bill-start', tenant, period, key) });
}

/** Asks the workers to run a period's billing cycle now (what the monthly tick does on the billing day), under a key of its own. */
export function enqueueCycle(tasks: Queue, tenant: string, period: string, key = 'manual'): Promise<unknown> {
  return tasks.add('cycle.start', { period }, { jobId: jobKey('cycle-start', tenant, period, key), attempts: 3, backoff: { type: 'exponential', delay: 2000 } });
}
