import type { AlertCandidate } from '../fraud/fraud.types.ts';
import { checkRefundDestination } from './check-refund-destination.ts';
import { detectPayerName } from './detect-payer-name.ts';
import { detectRepeatedReturns } from './detect-repeated-returns.ts';
import { detectSharedInstrument } from './detect-shared-instrument.ts';
import type { PaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import type { PaymentFraudInput } from './payment-fraud.types.ts';

/**
 * Every payment detector over one set of payments, holders and refund requests; alerts keyed so
 * that scanning the same history again raises the same keys (stored once). `only` keeps the alerts
 * that involve at least one of these payment ids (a scan after one import: the history is read for
 * context, only what the import's entries take part in is raised).
 */
export function scanPayments(input: PaymentFraudInput, t: PaymentFraudThresholds, options: { only?: ReadonlySet<number> } = {}): AlertCandidate[] {
  const alerts = [
    ...detectSharedInstrument(input.payments, input.holders, t.sharedInstrument),
    ...detectRepeatedReturns(input.payments, t.repeatedReturn),
    ...input.refunds.flatMap((r) => {
      const c = checkRefundDestination(r, input.payments, input.holders, { ...t.refundDestination, wordMatch: t.payerName.wordMatch });
      return c.passed ? [] : [c.alert];
    }),
    ...detectPayerName(input.payments, input.holders, t.payerName),
  ];
  const only = options.only;
  if (!only) return alerts;
  return alerts.filter((a) => a.evidence.events.some((e) => only.has(Number(e.slice(e.indexOf(':') + 1)))) && a.detector !== 'refund_destination');
}
