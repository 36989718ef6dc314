export { listAlerts, showAlert } from './list-alerts.ts';
export { confirmAlert, dismissAlert, decideAlert } from './decide-alert.ts';
export { scanAlerts, scanRecentUsage } from './scan-recent-usage.ts';
export { showAlertThresholds, setAlertThresholds } from './alert-thresholds.ts';
export { ingestFraudStage, type IngestFraudStage } from './ingest-fraud-stage.ts';
export { alertViewSchema, alertDetailSchema, type AlertView } from './alert-view.ts';
