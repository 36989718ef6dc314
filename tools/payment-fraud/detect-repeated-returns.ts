import { createDecimalSum, minorUnits } from '../money/index.ts';
import { evidenceEvents, type AlertCandidate, type AlertSubjectKind } from '../fraud/fraud.types.ts';
import type { PaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import { dateMs, instrumentOf, RETURN_KINDS, type PaymentFact } from './payment-fraud.types.ts';
import { byDate, groupBy, maskInstrument, qualifyingWindows } from './payment-windows.ts';

interface ReturnPair {
  id: number;
  bookingDate: string;
  ret: PaymentFact;
  /** The payment it sent back (when it is among the payments read). */
  paid: PaymentFact | null;
  accountId: string | null;
  instrument: string | null;
}

/**
 * (b) A payment followed by a return, reversal or chargeback, again and again: on one account, or
 * from one payer's instrument across accounts (the same card charged back on several accounts).
 * The payer form is raised only when the returns span more than one account: on one account the
 * account alert already says it.
 */
export function detectRepeatedReturns(payments: readonly PaymentFact[], t: PaymentFraudThresholds['repeatedReturn']): AlertCandidate[] {
  const byId = new Map(payments.map((p) => [p.id, p]));
  const pairs: ReturnPair[] = byDate(payments.filter((p) => RETURN_KINDS.has(p.kind) && p.state !== 'duplicate')).map((ret) => {
    const paid = ret.returnOf !== null ? (byId.get(ret.returnOf) ?? null) : null;
    return { id: ret.id, bookingDate: ret.bookingDate, ret, paid, accountId: ret.accountId ?? paid?.accountId ?? null, instrument: instrumentOf(paid ?? ret) };
  });
  const alerts: AlertCandidate[] = [];
  const raise = (subjectKind: AlertSubjectKind, keyOf: (p: ReturnPair) => string | null, only: (w: readonly ReturnPair[]) => boolean) => {
    for (const [s, own] of groupBy(pairs, keyOf)) {
      for (const w of qualifyingWindows(
        own,
        (p) => p.bookingDate,
        t.windowDays,
        (w) => w.length >= t.warningReturns && only(w),
      )) {
        const total = createDecimalSum();
        for (const p of w) total.add(p.ret.amount);
        const kinds = [...new Set(w.map((p) => p.ret.kind))].sort();
        const reasons = [...new Set(w.map((p) => p.ret.returnReason).filter((r): r is string => !!r))].sort();
        const accounts = [...new Set(w.map((p) => p.accountId).filter((a): a is string => !!a))].sort();
        const what = subjectKind === 'account' ? `account ${s}` : maskInstrument(s);
        alerts.push({
          key: `repeated_return:${subjectKind}:${s}:${w[0]!.id}`,
          detector: 'repeated_return',
          severity: w.length >= t.criticalReturns ? 'critical' : 'warning',
          subjectKind,
          subject: s,
          firstAt: dateMs(w[0]!.paid?.bookingDate ?? w[0]!.bookingDate),
          lastAt: dateMs(w[w.length - 1]!.bookingDate),
          summary: `${w.length} payments of ${what} sent back (${kinds.join(', ')}) between ${w[0]!.bookingDate} and ${w[w.length - 1]!.bookingDate}${subjectKind === 'payer' ? ` across ${accounts.length} accounts` : ''}`,
          evidence: {
            events: evidenceEvents(w.flatMap((p) => [...(p.paid ? [`payment:${p.paid.id}`] : []), `${p.ret.kind}:${p.ret.id}`])),
            eventCount: w.length * 2,
            statistics: {
              returns: w.length,
              returned: `${total.value().toFixed(minorUnits(w[0]!.ret.currency))} ${w[0]!.ret.currency}`,
              kinds: kinds.join(' '),
              reasonCodes: reasons.join(' ') || 'none given',
              accounts: accounts.join(' ') || 'unmatched',
            },
            threshold: { windowDays: t.windowDays, warningReturns: t.warningReturns, criticalReturns: t.criticalReturns },
            signals: [...(kinds.includes('chargeback') ? ['card chargebacks'] : []), ...(accounts.length > 1 ? [`one payer across ${accounts.length} accounts`] : [])],
          },
        });
      }
    }
  };
  raise(
    'account',
    (p) => p.accountId,
    () => true,
  );
  raise(
    'payer',
    (p) => p.instrument,
    (w) => new Set(w.map((p) => p.accountId)).size > 1,
  );
  return alerts;
}
