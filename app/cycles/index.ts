export { runBillingCycle, cycleRunRequestSchema } from './run-billing-cycle.ts';
export { listCycles, showCycle, cycleRunSchema } from './list-cycles.ts';
