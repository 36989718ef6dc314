import { createDecimalSum, minorUnits } from '../money/index.ts';
import { evidenceEvents, type AlertCandidate } from '../fraud/fraud.types.ts';
import { nameSimilarity, nameWords } from './name-similarity.ts';
import type { PaymentFraudThresholds } from './payment-fraud-thresholds.ts';
import { dateMs, instrumentOf, remittanceSample, type AccountHolder, type PaymentFact } from './payment-fraud.types.ts';
import { byDate, groupBy, maskInstrument } from './payment-windows.ts';

/**
 * (d) A payer name that does not match the customer: payments matched to an account whose payer
 * name is less like the customer's name than `minSimilarity` (tools/payment-fraud/name-similarity.ts).
 * One alert per account and payer name (folded), with every such payment; a payment without a
 * payer name tells nothing and is left out.
 */
export function detectPayerName(payments: readonly PaymentFact[], holders: ReadonlyMap<string, AccountHolder>, t: PaymentFraudThresholds['payerName']): AlertCandidate[] {
  const mismatched: { p: PaymentFact; similarity: number; holder: AccountHolder }[] = [];
  for (const p of byDate(payments)) {
    if (p.kind !== 'payment' || p.state === 'duplicate' || !p.accountId || !p.payerName) continue;
    const holder = holders.get(p.accountId);
    if (!holder) continue;
    const similarity = nameSimilarity(p.payerName, holder.customerName, { wordMatch: t.wordMatch });
    if (similarity !== null && similarity < t.minSimilarity) mismatched.push({ p, similarity, holder });
  }
  const alerts: AlertCandidate[] = [];
  for (const [key, group] of groupBy(mismatched, (m) => `${m.p.accountId}:${nameWords(m.p.payerName!).sort().join(' ')}`)) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const total = createDecimalSum();
    for (const m of group) total.add(m.p.amount);
    const instruments = [...new Set(group.map((m) => instrumentOf(m.p)).filter((i): i is string => i !== null))];
    alerts.push({
      key: `payer_name:${key}`,
      detector: 'payer_name',
      severity: group.length >= t.criticalPayments ? 'critical' : 'warning',
      subjectKind: 'account',
      subject: first.p.accountId!,
      firstAt: dateMs(first.p.bookingDate),
      lastAt: dateMs(last.p.bookingDate),
      summary: `${group.length} payment${group.length === 1 ? '' : 's'} to account ${first.p.accountId} from "${first.p.payerName}", not the customer "${first.holder.customerName}" (name similarity ${Math.min(...group.map((m) => m.similarity))})`,
      evidence: {
        events: evidenceEvents(group.map((m) => `payment:${m.p.id}`)),
        eventCount: group.length,
        statistics: {
          payerName: first.p.payerName!,
          customerName: first.holder.customerName,
          similarity: Math.min(...group.map((m) => m.similarity)),
          payments: group.length,
          paid: `${total.value().toFixed(minorUnits(first.p.currency))} ${first.p.currency}`,
          instruments: instruments.map(maskInstrument).join(' ') || 'none',
          remittance: remittanceSample(group.map((m) => m.p)),
        },
        threshold: { minSimilarity: t.minSimilarity, wordMatch: t.wordMatch, criticalPayments: t.criticalPayments },
        signals: instruments.length > 1 ? [`${instruments.length} instruments under one payer name`] : [],
      },
    });
  }
  return alerts;
}
