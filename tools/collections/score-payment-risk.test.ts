import { describe, expect, it } from 'vitest';
import { paymentRiskBand, paymentRiskFeatures, scorePaymentRisk } from './score-payment-risk.ts';
import type { PaymentHistory } from './payment-risk.types.ts';

const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
const invoices = months.map((m) => ({ number: `INV-${m}`, issueDate: `${m}-01`, dueDate: `${m}-15`, total: '30.00' }));

function history(payDay: (m: string, i: number) => string | null, extra: Partial<PaymentHistory> = {}): PaymentHistory {
  const payments = months.flatMap((m, i) => {
    const d = payDay(m, i);
    return d ? [{ invoiceNumber: `INV-${m}`, date: d, amount: '30.00', kind: 'payment' as const }] : [];
  });
  return { asOf: '2025-07-01', openedOn: '2020-01-01', invoices, payments, disputes: [], ...extra };
}

describe('scorePaymentRisk', () => {
  const prompt = history((m) => `${m}-14`);
  const late = history((m) => `${m}-28`);
  const defaulting = history((m, i) => (i < 3 ? `${m}-20` : null));

  it('ranks a prompt payer low, a late one higher and one that stopped paying high, with a score in 0..1', () => {
    const [a, b, c] = [prompt, late, defaulting].map(scorePaymentRisk);
    expect(a!.band).toBe('low');
    expect(c!.band).toBe('high');
    expect(a!.score).toBeLessThan(b!.score);
    expect(b!.score).toBeLessThan(c!.score);
    for (const r of [a!, b!, c!]) expect(r.score >= 0 && r.score <= 1).toBe(true);
  });

  it('reads days late, what is open now, bounces, disputes and tenure as of its date', () => {
    const f = paymentRiskFeatures(defaulting);
    // Three open invoices due 2025-04-15, 05-15, 06-15: 77, 47 and 16 days so far (capped at 60), the paid ones 5 days late.
    expect(f.openOverdue).toBe(3);
    expect(f.daysPastDue).toBeCloseTo(77 / 30);
    expect(f.averageDaysLate).toBeCloseTo((5 * 3 + 60 + 47 + 16) / 6 / 30);
    expect(f.shareLate30).toBeCloseTo(2 / 6);
    const bounced = history((m) => `${m}-14`, {
      openedOn: '2025-01-01',
      disputes: [{ invoiceNumber: 'INV-2025-03', openedOn: '2025-03-05' }],
    });
    bounced.payments.push({ invoiceNumber: 'INV-2025-06', date: '2025-06-18', amount: '-30.00', kind: 'return' });
    const g = paymentRiskFeatures(bounced);
    expect([g.bounces, g.disputes, g.openOverdue]).toEqual([1, 1, 1]);
    expect(g.youngTenure).toBeGreaterThan(0.7);
    expect(scorePaymentRisk(bounced).score).toBeGreaterThan(scorePaymentRisk(prompt).score);
  });

  it('ignores what happened after its date: a history cut earlier scores as it would have then', () => {
    const cut = { ...late, asOf: '2025-03-01' };
    const trimmed = { ...cut, invoices: invoices.filter((i) => i.issueDate <= '2025-03-01'), payments: late.payments.filter((p) => p.date <= '2025-03-01') };
    expect(scorePaymentRisk(cut)).toEqual(scorePaymentRisk(trimmed));
  });

  it('bands at 0.15 and 0.4', () => {
    expect([paymentRiskBand(0.149), paymentRiskBand(0.15), paymentRiskBand(0.399), paymentRiskBand(0.4)]).toEqual(['low', 'medium', 'medium', 'high']);
  });
});
