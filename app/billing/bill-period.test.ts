import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUpBillingOperator } from '../../cli/commands/testing/billing-setup.ts';
import { listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { billPeriod } from './bill-period.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpBillingOperator(store);
});
afterEach(() => store.cleanup());

describe('billPeriod with an account that has nothing to bill', () => {
  it('makes no empty invoice: the account is counted as nothing to bill, every time', () => {
    // A2's only line starts on 2025-03-17: in February it had no line and no usage.
    const feb = billPeriod(store, { period: '2025-02', timezone: 'UTC' });
    expect(feb.created.map((c) => c.accountId)).toEqual(['A1']);
    expect(feb.nothingToBill).toEqual(['A2']);
    expect(listTenantInvoices(store, 't', { period: '2025-02' }).map((i) => i.accountId)).toEqual(['A1']);
    const again = billPeriod(store, { period: '2025-02', timezone: 'UTC' });
    expect(again).toMatchObject({ created: [], alreadyPresent: ['A1'], nothingToBill: ['A2'], failed: [] });
    // In March its line is active: it is billed.
    expect(billPeriod(store, { period: '2025-03', timezone: 'UTC' }).created.map((c) => c.accountId)).toEqual(['A1', 'A2']);
  });
});
