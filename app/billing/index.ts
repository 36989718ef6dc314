export { billPeriod, prepareBillRun, type BillRunResult, type PreparedBillRun } from './bill-period.ts';
export { ingestWarnings } from './ingest-warnings.ts';
export { runBill, billRunRequestSchema, billRunReportSchema, billRunReport } from './run-bill.ts';
export { listBillRuns } from './list-bill-runs.ts';
export { billingTotals } from './billing-totals.ts';
