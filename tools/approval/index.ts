export * from './approval.types.ts';
export { evaluateDecision, requiredApprovalsFor, type DecisionOutcome } from './evaluate-decision.ts';
export * from './proposal-payload.ts';
export { storedProposalSchema, storedDecisionSchema, type StoredProposal, type StoredProposalBase, type StoredDecision } from './stored-proposal.ts';
