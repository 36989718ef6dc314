import { setSetting, showSettings } from './settings/index.ts';
import { billingTotals } from './billing/index.ts';
import { billRunsOps, ingestOps, quarantineOps, ratingOps } from './ingest-area.ts';
import { listThreads, postMessage, showThread } from './chat/index.ts';
import type { Operation } from './operation.ts';
import { listCycles, runBillingCycle, showCycle } from './cycles/index.ts';
import { addUser, createToken, listTokens, listUsers, revokeToken } from './users/index.ts';
import { addAccountNote, listAccountNotes, listAccounts, setInvoicePreferences, showAccount, showAccountStanding } from './accounts/index.ts';
import { auditInvoicesOperation, listAudit, verifyAudit } from './audit/index.ts';
import { importCatalog, listCatalogVersions, showCatalog } from './catalog/index.ts';
import { importTariff, listTariffs, showTariff } from './tariffs/index.ts';
import { listUnclassifiedRecords, listUsageEvents, showUsageEvent, suggestEventCategory, summarizeUsage } from './usage/index.ts';
import {
  checkInvoiceCompliance,
  compareInvoices,
  explainBillChange,
  explainInvoice,
  explainInvoiceLine,
  findAccountInvoice,
  listFlaggedInvoices,
  listInvoices,
  markInvoicePaid,
  markOverdueInvoices,
  previewInvoice,
  renderInvoicePdf,
  renderInvoiceUbl,
  showInvoice,
} from './invoices/index.ts';
import {
  decideProposal,
  listDunningCandidates,
  listProposals,
  proposeAccountDunningStep,
  proposeAccountPaymentPlan,
  proposeCreditNote,
  proposeInvoiceRelease,
  proposeInvoiceVoid,
  openCustomerCaseOp,
  showProposal,
} from './proposals/index.ts';
import { previewAccountRerate, proposeAccountRerate, proposeEventRecategorisation, rerateBillingPeriod } from './rerate/index.ts';
import { showWhatIf } from './whatif/index.ts';
import { showPricingWhatIf, showUsageTrends } from './pricing/index.ts';
import { showForecast } from './forecast/index.ts';
import { forecastTenantCashflow } from './cashflow/index.ts';
import { createPortalLink, listPortalLinks, revokePortalLink, showCurrentPeriod, showMyPayments } from './portal/index.ts';
import { reportAssurance } from './assurance/index.ts';
import { listPaymentPromises, recordPaymentPromise, runCollectionsOp, showAccountCollections } from './collections/index.ts';
import { confirmAlert, dismissAlert, listAlerts, scanAlerts, setAlertThresholds, showAlert, showAlertThresholds } from './alerts/index.ts';
import { proposeAccountRefund, scanPaymentFraudOp } from './payments-fraud/index.ts';
import { diffTaxPack, importTaxPack, listTaxPacks, previewTaxPack, proposeTaxPackAdoption } from './tax/index.ts';
import {
  deliverNotifications,
  listDeadNotifications,
  listNotifications,
  removeWebhook,
  resendNotification,
  setNotificationSettings,
  setWebhook,
  showNotificationSettings,
  showWebhookEndpoint,
} from './notifications/index.ts';
import { findPayments, importPaymentFile, listPayments, listUnmatchedPayments, matchPayment, proposePaymentMatchOp, proposeWriteOffOp, showPayment } from './payments/index.ts';

/**
 * Every operation of the system, by area. Surfaces that walk all of them (the API's route table
 * check, the docs) read this list; each area adds its own line.
 */
export const operations: readonly Operation[] = [
  // invoices
  showInvoice,
  listInvoices,
  explainInvoice,
  explainInvoiceLine,
  checkInvoiceCompliance,
  findAccountInvoice,
  compareInvoices,
  explainBillChange,
  listFlaggedInvoices,
  billingTotals,
  listUnclassifiedRecords,
  suggestEventCategory,
  renderInvoicePdf,
  previewInvoice,
  renderInvoiceUbl,
  markInvoicePaid,
  markOverdueInvoices,
  // collections (docs/collections.md)
  recordPaymentPromise,
  listPaymentPromises,
  showAccountCollections,
  runCollectionsOp,
  // payments in (docs/payments.md)
  importPaymentFile,
  listPayments,
  listUnmatchedPayments,
  showPayment,
  findPayments,
  matchPayment,
  proposePaymentMatchOp,
  proposeWriteOffOp,
  // accounts
  listAccounts,
  showAccount,
  showAccountStanding,
  addAccountNote,
  listAccountNotes,
  setInvoicePreferences,
  // usage
  listUsageEvents,
  showUsageEvent,
  summarizeUsage,
  // tariffs
  listTariffs,
  showTariff,
  importTariff,
  // catalog
  listCatalogVersions,
  showCatalog,
  importCatalog,
  // settings
  showSettings,
  setSetting,
  // audit
  listAudit,
  verifyAudit,
  auditInvoicesOperation,
  // users and API tokens
  addUser,
  listUsers,
  createToken,
  listTokens,
  revokeToken,
  // ingestion, quarantine, rating, bill runs
  ...ingestOps,
  ...quarantineOps,
  ...ratingOps,
  ...billRunsOps,
  // billing cycles: the whole period in one checkpointed graph
  runBillingCycle,
  listCycles,
  showCycle,
  // chat
  postMessage,
  listThreads,
  showThread,
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
  // a customer's dispute or callback request, from the portal chat (no money effect)
  openCustomerCaseOp,
  // re-rating and what-if
  previewAccountRerate,
  proposeAccountRerate,
  rerateBillingPeriod,
  showWhatIf,
  // pricing what-ifs (a past month under a proposed tariff or catalog) and usage trends
  showPricingWhatIf,
  showUsageTrends,
  // the customer portal: links that open it, the current period so far, the customer's payments
  createPortalLink,
  listPortalLinks,
  revokePortalLink,
  showCurrentPeriod,
  showMyPayments,
  // notifications: the outbox, delivery, dead letters, an account's settings
  listNotifications,
  listDeadNotifications,
  resendNotification,
  deliverNotifications,
  showNotificationSettings,
  setNotificationSettings,
  showWebhookEndpoint,
  setWebhook,
  removeWebhook,
  // forecasts: an account's use to the period end, overages and cheaper plans
  showForecast,
  // cash flow: expected receipts per week from open invoices, and the accounts to chase (docs/cashflow.md)
  forecastTenantCashflow,
  // fraud and anomaly alerts (docs/fraud.md)
  listAlerts,
  showAlert,
  confirmAlert,
  dismissAlert,
  scanAlerts,
  showAlertThresholds,
  setAlertThresholds,
  // revenue assurance: the period's reconciliation from the switch to the bank (docs/assurance.md)
  reportAssurance,
  // payment fraud and refunds (docs/payment-fraud.md)
  proposeAccountRefund,
  scanPaymentFraudOp,
  // tax and regulatory pack versions: import, diff, preview, adoption (docs/taxes.md)
  importTaxPack,
  listTaxPacks,
  diffTaxPack,
  previewTaxPack,
  proposeTaxPackAdoption,
] as unknown as readonly Operation[];
