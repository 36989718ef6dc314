export { advanceCycle, buildCycleGraph, cycleThreadId, runCycle, type CycleAdvance, type CycleOutcome } from './graph.ts';
export { planAccountShards, renderShardDocuments, runShard } from './run-shard.ts';
export { documentsFolder } from './review-nodes.ts';
export type { CycleDeps, CycleOptions } from './nodes.ts';
export type { DocumentShardResult, FanOut, Shard, ShardResult } from './state.ts';
