export { listUsageEvents, usageEventSchema } from './list-usage-events.ts';
export { showUsageEvent } from './show-usage-event.ts';
