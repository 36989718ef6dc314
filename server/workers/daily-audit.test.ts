import type { Job } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { listFraudAlerts } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { insertPayments } from '../../db/testing/insert-payments.ts';
import { dailyAudit } from './daily-audit.ts';
import type { WorkerDeps } from './job-handlers.ts';

let store: ReturnType<typeof createTempStore>;
const warnings: string[] = [];
const deps = () => ({ store, tenant: 't', timezone: 'UTC', logger: { debug() {}, info() {}, warn: (_o: unknown, m: string) => warnings.push(m), error() {} } }) as unknown as WorkerDeps;
const job = () => ({ timestamp: Date.now(), opts: {} }) as unknown as Job;

beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
  warnings.length = 0;
});
afterEach(() => store.cleanup());

describe('audit.daily runs the payment-fraud scan', () => {
  it('stores a payment-fraud alert once, however often the job runs, and logs it the first time', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    insertPayments(store, 't', [{ accountId: 'A1', payerName: 'Oliver Grant', payerIban: 'GB29NWBK60161331926819', bookingDate: yesterday }]);
    const first = await dailyAudit(job(), deps());
    expect(first.paymentFraud).toMatchObject({ payments: 1, byDetector: { payer_name: 1 } });
    expect(warnings).toContain('daily audit: new payment-fraud alerts');
    const again = await dailyAudit(job(), deps());
    expect(again.paymentFraud.alerts).toEqual([]);
    expect(listFraudAlerts(store, 't', { detector: 'payer_name' })).toHaveLength(1);
  });
});
