export { advanceCycle, buildCycleGraph, cycleThreadId, runCycle, type CycleAdvance, type CycleOutcome } from './graph.ts';
export { auditShard, BILL_SLICE, planAccountShards, renderShardDocuments, runShard, runShardWork, type ShardJob } from './run-shard.ts';
export { shardJob } from './shard-nodes.ts';
export { documentsFolder } from './review-nodes.ts';
export type { CycleDeps, CycleOptions } from './nodes.ts';
export type { AuditShardResult, DocumentShardResult, FanOut, Shard, ShardResult } from './state.ts';
