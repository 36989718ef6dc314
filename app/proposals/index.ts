export { proposeInvoiceCredit, proposeCreditNote, type InvoiceCreditRequest } from './propose-invoice-credit.ts';
export { proposeRelease, proposeVoid, proposeInvoiceRelease, proposeInvoiceVoid } from './propose-release.ts';
export { accountCollections, proposePaymentPlan, proposeDunningStep, proposeAccountPaymentPlan, proposeAccountDunningStep } from './propose-collections.ts';
export { tenantDunningCandidates, listDunningCandidates } from './list-dunning-candidates.ts';
export { postProposal, type PostingResult } from './post-proposal.ts';
export { listProposals } from './list-proposals.ts';
export { showProposal } from './show-proposal.ts';
export { decideProposal } from './decide-proposal.ts';
export { requesterOf, approverOf, proposalCreatedSchema, reasonSchema } from './requester.ts';
