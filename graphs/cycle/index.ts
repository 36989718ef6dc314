export { buildCycleGraph, runCycle, cycleThreadId } from './graph.ts';
export { runShard } from './run-shard.ts';
export { documentsFolder } from './review-nodes.ts';
export type { CycleDeps, CycleOptions } from './nodes.ts';
export type { Shard, ShardResult } from './state.ts';
