import { dec } from '../money/index.ts';
import { evidenceEvents, type AlertCandidate } from '../fraud/fraud.types.ts';
import { nameSimilarity } from './name-similarity.ts';
import type { PaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import { dateMs, daysBetween, instrumentOf, normaliseIban, type AccountHolder, type PaymentFact, type RefundRequest } from './payment-fraud.types.ts';
import { maskInstrument } from './payment-windows.ts';

/** What the destination check found: passed, or the alert to raise (its evidence is what the approver sees). */
export type RefundDestinationCheck = { passed: true; paidFrom: string[] } | { passed: false; paidFrom: string[]; alert: AlertCandidate };

/**
 * (c) A refund asked to another destination than the one that paid: the refund's IBAN is not one
 * the account paid from in the look-back (an overpayment, then "please refund to this other
 * account", is the classic pattern). Critical when the credit came from an overpayment shortly
 * before the request, or when the destination IBAN paid other customers' accounts; warning
 * otherwise. `payments` are the tenant's (the mule check reads other accounts' payments).
 */
export function checkRefundDestination(
  request: RefundRequest,
  payments: readonly PaymentFact[],
  holders: ReadonlyMap<string, AccountHolder>,
  t: PaymentFraudThresholds['refundDestination'] & { wordMatch?: number },
): RefundDestinationCheck {
  const since = -t.lookbackDays;
  const recent = (p: PaymentFact) => {
    const d = daysBetween(request.requestedOn, p.bookingDate);
    return d >= since && d <= 0;
  };
  const own = payments.filter((p) => p.accountId === request.accountId && p.kind === 'payment' && p.state !== 'duplicate' && recent(p));
  const paidFrom = [...new Set(own.map(instrumentOf).filter((i): i is string => i !== null))].sort();
  const destination = normaliseIban(request.iban);
  if (paidFrom.includes(destination)) return { passed: true, paidFrom };
  const overpayments = own.filter((p) => dec(p.unallocated).greaterThan(0));
  const last = overpayments[overpayments.length - 1];
  const daysAfter = last ? daysBetween(last.bookingDate, request.requestedOn) : null;
  const holder = holders.get(request.accountId);
  const customer = holder?.customerId ?? null;
  const others = [
    ...new Set(payments.filter((p) => p.kind === 'payment' && p.accountId && instrumentOf(p) === destination && holders.get(p.accountId)?.customerId !== customer).map((p) => p.accountId!)),
  ].sort();
  const similarity = holder ? nameSimilarity(request.name, holder.customerName, t.wordMatch === undefined ? {} : { wordMatch: t.wordMatch }) : null;
  const recentOverpayment = daysAfter !== null && daysAfter <= t.recentOverpaymentDays;
  const signals = [
    ...(last ? [`credit from an overpayment of ${last.unallocated} ${last.currency} on ${last.bookingDate}, ${daysAfter} days before the request`] : ['no overpayment in the look-back']),
    ...(paidFrom.length ? [`the account paid from ${paidFrom.map(maskInstrument).join(', ')}, never from ${maskInstrument(destination)}`] : ['the account has no payment in the look-back']),
    ...(others.length ? [`${maskInstrument(destination)} paid ${others.length} account(s) of other customers: ${others.slice(0, 5).join(', ')}`] : []),
    ...(similarity !== null && similarity < 0.5 ? [`the destination holder "${request.name}" is not the customer (name similarity ${similarity})`] : []),
  ];
  return {
    passed: false,
    paidFrom,
    alert: {
      key: `refund_destination:proposal:${request.proposalId}`,
      detector: 'refund_destination',
      severity: recentOverpayment || others.length > 0 ? 'critical' : 'warning',
      subjectKind: 'account',
      subject: request.accountId,
      firstAt: dateMs(last?.bookingDate ?? request.requestedOn),
      lastAt: dateMs(request.requestedOn),
      summary: `Refund of ${request.amount} ${request.currency} (proposal ${request.proposalId}) asked to ${maskInstrument(destination)}, which never paid account ${request.accountId}${last ? ` (overpaid ${daysAfter} days before)` : ''}`,
      evidence: {
        events: evidenceEvents([`proposal:${request.proposalId}`, ...overpayments.map((p) => `payment:${p.id}`), ...own.filter((p) => !overpayments.includes(p)).map((p) => `payment:${p.id}`)]),
        eventCount: 1 + own.length,
        statistics: {
          refund: `${request.amount} ${request.currency}`,
          destination,
          destinationName: request.name,
          paidFrom: paidFrom.join(' ') || 'none',
          overpayments: overpayments.length,
          daysSinceOverpayment: daysAfter ?? 'none',
          otherCustomersPaid: others.length,
          ...(similarity !== null ? { nameSimilarity: similarity } : {}),
        },
        threshold: { lookbackDays: t.lookbackDays, recentOverpaymentDays: t.recentOverpaymentDays },
        signals,
      },
    },
  };
}
