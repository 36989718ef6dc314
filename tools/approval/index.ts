export * from './approval.types.ts';
export { evaluateDecision, requiredApprovalsFor, type DecisionOutcome } from './evaluate-decision.ts';
