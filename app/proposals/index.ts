export { proposeInvoiceCredit, type InvoiceCreditRequest } from './propose-invoice-credit.ts';
export { proposeRelease, proposeVoid } from './propose-release.ts';
export { accountCollections, proposePaymentPlan, proposeDunningStep } from './propose-collections.ts';
export { tenantDunningCandidates } from './list-dunning-candidates.ts';
export { postProposal, type PostingResult } from './post-proposal.ts';
