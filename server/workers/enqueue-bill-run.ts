import type { Queue } from 'bullmq';
import { jobKey } from './queues.ts';

/** Asks the workers to bill a period now (what the monthly tick does on the billing day), under a key of its own. */
export function enqueueBillRun(tasks: Queue, tenant: string, period: string, key = 'manual'): Promise<unknown> {
  return tasks.add('bill.start', { period }, { jobId: jobKey('bill-start', tenant, period, key) });
}
