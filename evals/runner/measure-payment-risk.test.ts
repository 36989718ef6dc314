import { describe, expect, it } from 'vitest';
import { areaUnderCurve, measurePaymentRisk, paymentRiskLines } from './measure-payment-risk.ts';

describe('the payment-risk section of npm run eval', () => {
  it('computes AUC as the chance a bad case outranks a good one, ties half', () => {
    expect(areaUnderCurve([0.1, 0.2, 0.3, 0.4], [false, false, true, true])).toBe(1);
    expect(areaUnderCurve([0.4, 0.3, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(areaUnderCurve([1, 1, 1, 1], [false, true, false, true])).toBe(0.5);
    expect(areaUnderCurve([0.1, 0.3, 0.2, 0.4], [false, false, true, true])).toBe(0.75);
  });

  it('beats ageing alone on generated histories, and prints both figures', () => {
    const r = measurePaymentRisk({ accounts: 200 });
    expect(r.samples).toBeGreaterThan(2500);
    expect(r.bad).toBeGreaterThan(200);
    expect(r.scoreAuc).toBeGreaterThan(r.baselineAuc);
    expect(r.scoreAuc).toBeGreaterThan(0.8);
    // Bands are ordered by how often their invoices went bad.
    const rate = (b: 'low' | 'medium' | 'high') => r.bands[b].bad / r.bands[b].samples;
    expect(rate('low')).toBeLessThan(rate('medium'));
    expect(rate('medium')).toBeLessThan(rate('high'));
    const text = paymentRiskLines(r, false).join('\n');
    expect(text).toMatch(/risk score .* AUC 0\.\d{3}/);
    expect(text).toMatch(/ageing alone .* AUC 0\.\d{3}/);
  });
});
