export { replayQuarantine, replayQuarantined, replayRequestSchema, replayReportSchema } from './replay-quarantine.ts';
export { listQuarantined, quarantineRowSchema } from './list-quarantine.ts';
