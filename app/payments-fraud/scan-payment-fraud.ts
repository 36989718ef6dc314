import { z } from 'zod';
import { saveFraudDetection, tenantFraudAlert, tenantFraudThresholds, type Store } from '../../db/index.ts';
import { accountHolders, paymentFacts, refundRequests } from '../../db/payment-fraud-store.ts';
import { PAYMENT_FRAUD_DETECTORS } from '../../tools/fraud/index.ts';
import { scanPayments } from '../../tools/payment-fraud/index.ts';
import { addDays } from '../../tools/time/index.ts';
import { defineOperation } from '../operation.ts';

/** What a payment-fraud scan read and raised. */
export interface PaymentFraudScan {
  /** Payments read (the import's and the history around them). */
  payments: number;
  refunds: number;
  /** Ids of the alerts that are new (an alert already stored is not raised again). */
  alerts: number[];
  /** New alerts per detector. */
  byDetector: Record<string, number>;
}

/**
 * Runs the payment-fraud detectors and stores what they find as fraud alerts (source `payments`),
 * each once per tenant key, so scanning again stores nothing twice. With `importId` (what the
 * payments import calls after each import): the history around the import's entries is read
 * (back as far as the longest window) and only alerts the import's entries take part in are
 * raised. Without: the last `days` of payments and the refunds asked in them (the daily job).
 */
export function scanPaymentFraud(store: Store, tenant: string, opts: { importId?: number; days?: number; today: string; now?: Date }): PaymentFraudScan {
  const t = tenantFraudThresholds(store, tenant);
  const longest = Math.max(t.sharedInstrument.windowDays, t.repeatedReturn.windowDays, t.refundDestination.lookbackDays);
  let since = addDays(opts.today, -(opts.days ?? 180));
  let only: Set<number> | undefined;
  if (opts.importId !== undefined) {
    const imported = paymentFacts(store, tenant, { importId: opts.importId });
    if (!imported.length) return { payments: 0, refunds: 0, alerts: [], byDetector: {} };
    only = new Set(imported.map((p) => p.id));
    since = addDays(
      imported.reduce((m, p) => (p.bookingDate < m ? p.bookingDate : m), imported[0]!.bookingDate),
      -longest,
    );
  }
  const history = paymentFacts(store, tenant, { since });
  const refunds = only ? [] : refundRequests(store, tenant, since);
  const holders = accountHolders(store, tenant, [...history.map((p) => p.accountId).filter((a): a is string => !!a), ...refunds.map((r) => r.accountId)]);
  const found = scanPayments({ payments: history, holders, refunds }, t, only ? { only } : {});
  const alerts = saveFraudDetection(store, tenant, { alerts: found, states: [], source: 'payments', batchId: opts.importId ?? null, ...(opts.now ? { at: opts.now } : {}) });
  const byDetector: Record<string, number> = {};
  for (const id of alerts) {
    const d = tenantFraudAlert(store, tenant, id).detector;
    byDetector[d] = (byDetector[d] ?? 0) + 1;
  }
  return { payments: history.length, refunds: refunds.length, alerts, byDetector };
}

/** `payments.scan-fraud`: the payment-fraud detectors over recent payments (or the history around one import). */
export const scanPaymentFraudOp = defineOperation({
  name: 'payments.scan-fraud',
  summary: 'Scan payments for fraud',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      importId: z.coerce.number().int().positive().optional().describe('only what this import took part in (the history around it is read)'),
      days: z.coerce.number().int().min(1).max(730).default(180).describe('how many days of payments back (without an import)'),
    })
    .strict(),
  output: z.object({ payments: z.number().int(), refunds: z.number().int(), alerts: z.array(z.number().int()), byDetector: z.partialRecord(z.enum(PAYMENT_FRAUD_DETECTORS), z.number().int()) }),
  handler: (ctx, { importId, days }) => scanPaymentFraud(ctx.store, ctx.tenant, { days, today: ctx.clock.today(), now: ctx.clock.now(), ...(importId ? { importId } : {}) }),
});
