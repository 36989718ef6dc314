import { createDecimalSum, minorUnits } from '../money/index.ts';
import { evidenceEvents, type AlertCandidate } from '../fraud/fraud.types.ts';
import type { PaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import { dateMs, instrumentOf, remittanceSample, type AccountHolder, type PaymentFact } from './payment-fraud.types.ts';
import { byDate, groupBy, maskInstrument, qualifyingWindows } from './payment-windows.ts';

/**
 * (a) One card token or IBAN paying for the accounts of many different customers within a window
 * (a stolen card or a mule account settling strangers' bills). Accounts of one customer are
 * related and count once; a payment not matched to an account tells nothing and is left out.
 */
export function detectSharedInstrument(payments: readonly PaymentFact[], holders: ReadonlyMap<string, AccountHolder>, t: PaymentFraudThresholds['sharedInstrument']): AlertCandidate[] {
  const customerOf = (p: PaymentFact) => (p.accountId ? (holders.get(p.accountId)?.customerId ?? `account:${p.accountId}`) : null);
  const paying = payments.filter((p) => p.kind === 'payment' && p.state !== 'duplicate' && p.accountId !== null);
  const alerts: AlertCandidate[] = [];
  for (const [instrument, own] of groupBy(byDate(paying), instrumentOf)) {
    const customers = (w: readonly PaymentFact[]) => new Set(w.map(customerOf)).size;
    for (const w of qualifyingWindows(
      own,
      (p) => p.bookingDate,
      t.windowDays,
      (w) => customers(w) >= t.warningCustomers,
    )) {
      const n = customers(w);
      const total = createDecimalSum();
      for (const p of w) total.add(p.amount);
      const accounts = [...new Set(w.map((p) => p.accountId!))].sort();
      const names = [...new Set(w.map((p) => p.payerName).filter((x): x is string => !!x))];
      alerts.push({
        key: `shared_instrument:${instrument}:${w[0]!.id}`,
        detector: 'shared_instrument',
        severity: n >= t.criticalCustomers ? 'critical' : 'warning',
        subjectKind: 'payer',
        subject: instrument,
        firstAt: dateMs(w[0]!.bookingDate),
        lastAt: dateMs(w[w.length - 1]!.bookingDate),
        summary: `${maskInstrument(instrument)} paid for ${n} different customers (${accounts.length} accounts) in ${w.length} payments between ${w[0]!.bookingDate} and ${w[w.length - 1]!.bookingDate}`,
        evidence: {
          events: evidenceEvents(w.map((p) => `payment:${p.id}`)),
          eventCount: w.length,
          statistics: {
            customers: n,
            accounts: accounts.length,
            payments: w.length,
            total: `${total.value().toFixed(minorUnits(w[0]!.currency))} ${w[0]!.currency}`,
            accountIds: accounts.slice(0, 20).join(' '),
            payerNames: names.slice(0, 5).join(' | ') || 'none',
            remittance: remittanceSample(w),
          },
          threshold: { windowDays: t.windowDays, warningCustomers: t.warningCustomers, criticalCustomers: t.criticalCustomers },
          signals: [...(names.length > 1 ? [`${names.length} payer names on one instrument`] : []), ...(instrument.startsWith('card:') ? ['card payments'] : ['bank transfers or debits'])],
        },
      });
    }
  }
  return alerts;
}
