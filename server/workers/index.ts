export { startWorkers, type RunningWorkers, type WorkerOptions } from './start-workers.ts';
export { defaultHandlers, type JobHandler, type JobHandlerTable, type WorkerDeps } from './job-handlers.ts';
export { DEFAULT_PREFIX, JOB_NAMES, QUEUES, jobKey, redisConnection, type JobName, type QueueKind } from './queues.ts';
export { tenantSchedules, upsertTenantSchedulers, type TenantSchedule } from './schedule-tenant.ts';
export { parseDropFolder, type DropFolder } from './drop-folder.ts';
export { cycleActor, cycleContext, previousMonthIn } from './cycle-context.ts';
export { enqueueBillRun, enqueueCycle } from './enqueue-bill-run.ts';
export type { CycleJobResult } from './cycle-jobs.ts';
