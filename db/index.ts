export { openDatabase, inTransaction, type Store, type Db } from './open-database.ts';
export { storageError } from './storage-error.ts';
export * as schema from './schema.ts';
export { getOperatorSettings, setOperatorSetting, parseSettingValue } from './settings-store.ts';
export { saveTariffVersion, listTariffVersions, loadTariffVersions, type SavedTariff } from './tariff-store.ts';
export { createBatch, finishBatch, getBatch, createDbSink, createRowWriter, eventRow, eventValues, type BatchCounts, type RowWriter } from './ingest-store.ts';
export { createWorkerSink } from './create-worker-sink.ts';
export { lockAsConflict } from './database-busy.ts';
export { openBatch, type ResumedBatch } from './open-batch.ts';
export { listBatches, unfinishedBatches, batchState, ownsIngestion, tenantBatches, tenantBatch, type BatchView, type BatchState } from './list-batches.ts';
export { takeBatchLease, batchLeaseHeld, type BatchLease } from './batch-lease.ts';
export {
  listUsageEvents,
  getUsageEvent,
  iterateUnratedEvents,
  saveRatings,
  usageCounts,
  iterateRatedCosts,
  toRecordAndClassification,
  findEventIdByKey,
  toUsageView,
  type UsageView,
} from './usage-store.ts';
export { countQuarantine, listQuarantine, openQuarantineWithBatch, markReplayed, updateQuarantined, tenantQuarantine, tenantOpenQuarantine } from './quarantine-store.ts';
export { saveCatalogVersion, listCatalogVersions, catalogInEffect, currentRateMultipliers, type SavedCatalog } from './catalog-store.ts';
export { importAccounts, getAccountBundle, listAccountIds, ratingPartyLookup, setAccountInvoicePreferences, type AccountBundle } from './account-store.ts';
export { getBillingSettings, setBillingSettings } from './billing-settings-store.ts';
export { loadChargeableEvents, type TariffPlanCache } from './billing-usage-store.ts';
export { findPeriodInvoice, hasPeriodInvoice, getInvoice, listInvoices, previousInvoiceTotals, carriesInto, saveInvoice, issueHeldInvoice, type StoredInvoice } from './invoice-store.ts';
export { savePeriodInvoices, type PeriodInvoiceInput, type PeriodInvoiceOutcome } from './save-period-invoices.ts';
export { tenantAccountIds, tenantBillRuns, type BillRunSummary } from './bill-run-store.ts';
export { saveRerating, rerateHistory, type RerateChange } from './rerate-store.ts';
export { usageRowsForNumbers } from './billing-usage-store.ts';
export { notesFor, replaceUnissuedInvoice, changeInvoiceStatus, markOverdueInvoices } from './invoice-store.ts';
export { loadBillingInput, newBillingCaches, type BillingCaches } from './load-billing-input.ts';
export { earlierPeriodUsage } from './earlier-usage.ts';
export { loadPlanPeerTotals } from './load-plan-peer-totals.ts';
export { saveUser, getUser, listUsers, USER_ID, type UserRecord } from './user-store.ts';
export { createApiToken, userForToken, listApiTokens, getApiToken, revokeApiToken, type ApiTokenView } from './api-token-store.ts';
export { openWebSession, findWebSession, revokeWebSession, revokePortalLinkSessions, type WebSession } from './web-session-store.ts';
export { portalSigningKey, createPortalLink, getPortalLink, findPortalLink, listPortalLinks, revokePortalLink, type PortalLinkRow } from './portal-link-store.ts';
export { appendAudit, listAudit, type AuditEntry } from './audit-store.ts';
export { verifyAudit, type AuditVerification } from './verify-audit.ts';
export {
  createProposal,
  getProposal,
  listProposals,
  recordDecision,
  effectiveAmount,
  countedDecisions,
  getApprovalPolicy,
  setApprovalPolicy,
  type StoredProposal,
  type NewProposal,
  type Requester,
} from './proposal-store.ts';
export { tenantScope, type TenantScope } from './scope.ts';
export { accountTenant, tenantAccount, tenantInvoice, tenantEvent, listTenantInvoices, listTenantEvents, listTenantQuarantine, countTenantEvents, countTenantQuarantine } from './tenant-scope.ts';
export { suggestEventCategory } from './suggest-event-category.ts';
export { accountReceivables, takenDunningSteps } from './collections-store.ts';
export { loadCashflowData, type CashflowData } from './cashflow-store.ts';
export { accountPeriodInvoice, explainTenantInvoice, invoicesBefore } from './account-invoices.ts';
export { tenantPeriodDocuments } from './period-documents.ts';
export { claimChatThread, tenantThread, writableThread, listTenantThreads, type ChatThreadRow } from './chat-thread-store.ts';
export { readEvalState, type EvalState } from './eval-state.ts';
export { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type KeyClaim, type StoredResponse } from './idempotency-store.ts';
export { migrationStatus, type MigrationStatus } from './migration-status.ts';
export { addAccountNote, listAccountNotes, type AccountNote } from './account-note-store.ts';
export { startCycleRun, finishCycleRun, getCycleRun, tenantCycleRun, listCycleRuns, type CycleRun } from './cycle-run-store.ts';
export {
  recordNotification,
  claimDueNotifications,
  recordNotificationAttempt,
  finishedChannels,
  settleNotification,
  listNotifications,
  getNotification,
  requeueNotification,
  getNotificationSettings,
  setNotificationSettings,
  getWebhookEndpoint,
  setWebhookEndpoint,
  removeWebhookEndpoint,
  purgeSettledNotifications,
  type StoredNotification,
} from './notification-store.ts';
export { pruneCheckpoints } from './prune-checkpoints.ts';
export {
  fraudStateLoader,
  saveFraudDetection,
  listFraudAlerts,
  countFraudAlerts,
  tenantFraudAlert,
  decideFraudAlert,
  tenantFraudThresholds,
  setTenantFraudThresholds,
  barLineAccountOf,
  type StoredAlert,
} from './fraud-store.ts';
export { recentFraudEvents } from './fraud-usage.ts';
export { barLine, listLineBars } from './line-bar-store.ts';
export { loadAssuranceFacts } from './assurance-store.ts';
