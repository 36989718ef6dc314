import { describe, expect, it } from 'vitest';
import { measurePaymentFraud } from './measure-payment-fraud.ts';

describe('payment-fraud figures on a generated history', () => {
  it('finds the injected cases of every pattern and raises few alerts on the clean history', () => {
    const f = measurePaymentFraud({ seed: 3, customers: 300, months: 4, start: '2025-01-01' }, { shared_instrument: 4, repeated_return: 4, refund_destination: 4, payer_name: 4 });
    expect(f.history.labels).toBe(16);
    for (const d of f.detectors) {
      expect(d.labels).toBe(4);
      expect(d.recall).toBeGreaterThanOrEqual(0.75);
      expect(d.precision).toBeGreaterThanOrEqual(0.75);
    }
    expect(f.clean.alertsPer1kPayments).toBeLessThan(2);
  });
});
