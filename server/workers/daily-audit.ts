import type { Job } from 'bullmq';
import { auditInvoicesOperation, verifyAudit } from '../../app/audit/index.ts';
import { runOperation } from '../../app/operation.ts';
import { scanPaymentFraudOp } from '../../app/payments-fraud/index.ts';
import { cycleContext } from './cycle-context.ts';
import type { WorkerDeps } from './job-handlers.ts';

/** The daily pass looks back this far: a day and two hours, so a tick that ran late leaves no gap (reading twice is harmless). */
const LOOK_BACK_MS = 26 * 3_600_000;

/**
 * `audit.daily`: verifies the audit log's hash chain and decisions, and audits every invoice and
 * note issued in the last day (invariants, bill shock, compliance), whatever issued it (a cycle,
 * a manual bill run, a release, a credit note), and runs the payment-fraud detectors over the last
 * 180 days of payments and refund requests (docs/payment-fraud.md; what crosses imports). The
 * audit reads only; the payment scan stores its alerts (each once). What it finds is logged as a
 * warning and kept with the completed job.
 */
export async function dailyAudit(job: Job, deps: WorkerDeps) {
  const ctx = cycleContext(deps.store, deps.tenant, deps.timezone, deps.logger);
  const at = job.timestamp + (job.opts.delay ?? 0);
  const issuedSince = new Date(at - LOOK_BACK_MS).toISOString();
  const chain = await runOperation(verifyAudit, ctx, {});
  const invoices = await runOperation(auditInvoicesOperation, ctx, { issuedSince });
  if (!chain.ok) deps.logger.warn({ firstBroken: chain.firstBroken, unbacked: chain.decisions.unbacked.length }, 'daily audit: the audit log does not verify');
  if (invoices.invariantViolations + invoices.complianceErrors > 0) {
    deps.logger.warn({ invoices: invoices.invoices, invariantViolations: invoices.invariantViolations, complianceErrors: invoices.complianceErrors }, 'daily audit: invoices with errors');
  }
  const payments = await runOperation(scanPaymentFraudOp, ctx, {});
  if (payments.alerts.length) deps.logger.warn({ alerts: payments.alerts, byDetector: payments.byDetector }, 'daily audit: new payment-fraud alerts');
  const { findings, ...counts } = invoices;
  return {
    issuedSince,
    paymentFraud: payments,
    chain: { ok: chain.ok, rows: chain.rows, firstBroken: chain.firstBroken, unbacked: chain.decisions.unbacked.length },
    invoices: counts,
    findings: findings.slice(0, 50),
  };
}
