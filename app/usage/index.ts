export { listUsageEvents, usageEventSchema } from './list-usage-events.ts';
export { showUsageEvent } from './show-usage-event.ts';
export { listUnclassifiedRecords } from './list-unclassified-records.ts';
export { suggestEventCategory } from './suggest-event-category.ts';
export { summarizeUsage } from './summarize-usage.ts';
