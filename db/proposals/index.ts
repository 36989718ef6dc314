export { proposeInvoiceCredit, type InvoiceCreditRequest } from './propose-invoice-credit.ts';
export { proposeRelease, proposeVoid } from './propose-release.ts';
export { proposeRerate, proposeRecategorisation } from './propose-rerate.ts';
export { accountCollections, proposePaymentPlan, proposeDunningStep } from './propose-collections.ts';
export { tenantDunningCandidates } from './dunning-candidates.ts';
