export { buildApprovalGraph, openApproval, decideProposal, approvalThreadId } from './graph.ts';
export type { ApprovalDeps } from './nodes.ts';
