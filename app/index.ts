export { createContext, systemClock, silentLogger, userActor, localActor, type Actor, type Clock, type Logger, type OperationContext, type OperationEvent, type ChatModelFactory } from './context.ts';
export { defineOperation, runOperation, parseInput, checkAllowed, type Operation, type OperationEffect } from './operation.ts';
export { COUNTERS, countMetric, countIngest, countRating, metricTotal, type CounterName } from './metrics.ts';
