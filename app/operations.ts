import { listInvoices, showInvoice } from './invoices/index.ts';
import type { Operation } from './operation.ts';
import {
  decideProposal,
  listDunningCandidates,
  listProposals,
  proposeAccountDunningStep,
  proposeAccountPaymentPlan,
  proposeCreditNote,
  proposeInvoiceRelease,
  proposeInvoiceVoid,
  showProposal,
} from './proposals/index.ts';
import { previewAccountRerate, proposeAccountRerate, proposeEventRecategorisation, rerateBillingPeriod } from './rerate/index.ts';
import { showWhatIf } from './whatif/index.ts';

/**
 * Every operation of the system, by area. Surfaces that walk all of them (the API's route table
 * check, the docs) read this list; each area adds its own line.
 */
export const operations: readonly Operation[] = [
  // invoices
  showInvoice,
  listInvoices,
  // proposals and decisions (four eyes), and the proposals made about invoices, accounts and events
  listProposals,
  showProposal,
  decideProposal,
  proposeInvoiceRelease,
  proposeInvoiceVoid,
  proposeCreditNote,
  proposeAccountPaymentPlan,
  proposeAccountDunningStep,
  listDunningCandidates,
  proposeEventRecategorisation,
  // re-rating and what-if
  previewAccountRerate,
  proposeAccountRerate,
  rerateBillingPeriod,
  showWhatIf,
] as unknown as readonly Operation[];
