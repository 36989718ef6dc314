import { describe, expect, it } from 'vitest';
import { testCatalog } from '../charging/testing/charging-fixtures.ts';
import { ACCOUNT_CSV_COLUMNS, loadAccounts } from './load-accounts.ts';

const HEADER = ACCOUNT_CSV_COLUMNS.join(',');
const row = (over: Partial<Record<(typeof ACCOUNT_CSV_COLUMNS)[number], string>>) => {
  const base: Record<string, string> = {
    customer_id: 'C1',
    customer_name: '"Smith, Jones & Partners"',
    segment: 'small_business',
    email: '',
    address_line: '1 High Street',
    city: 'London',
    postcode: 'N1 1AA',
    country: 'GB',
    customer_since: '2020-01-01',
    account_id: 'A1',
    billing_cycle_day: '1',
    currency: 'GBP',
    language: 'en',
    tax_country: 'GB',
    tax_region: '',
    vat_id: 'GB123456789',
    tax_exemptions: '',
    discounts: '',
    subscription_id: 'L1',
    msisdn: '447700900123',
    imsi: '',
    plan_id: 'PLAN_10',
    start_date: '2025-01-01',
    end_date: '',
    status: '',
    plan_changes: '',
    orders: '',
  };
  return ACCOUNT_CSV_COLUMNS.map((c) => over[c] ?? base[c]).join(',');
};

describe('loadAccounts', () => {
  it('reads the CSV form: one row per line, customer and account repeated, plan changes and orders', () => {
    const csv = [HEADER, row({ plan_changes: 'PLAN_31@2025-03-11', orders: 'PHONE@2025-01' }), row({ subscription_id: 'L2', msisdn: '447700900124' })].join('\n');
    const f = loadAccounts(csv, { catalog: testCatalog() });
    expect(f.customers.map((c) => [c.id, c.name])).toEqual([['C1', 'Smith, Jones & Partners']]);
    expect(f.accounts.map((a) => [a.id, a.vatId])).toEqual([['A1', 'GB123456789']]);
    expect(f.subscriptions[0]!.plans).toEqual([
      { planId: 'PLAN_10', from: '2025-01-01' },
      { planId: 'PLAN_31', from: '2025-03-11' },
    ]);
    expect(f.subscriptions[0]!.orders).toEqual([{ chargeId: 'PHONE', period: '2025-01' }]);
  });

  it('refuses a number on two lines at once, unknown plans and owners, and says where', () => {
    const twice = [HEADER, row({}), row({ subscription_id: 'L2' })].join('\n');
    expect(() => loadAccounts(twice)).toThrow(/MSISDN 447700900123 is on subscriptions L1 and L2 at the same time/);
    expect(() => loadAccounts([HEADER, row({ plan_id: 'NOPE' })].join('\n'), { catalog: testCatalog() })).toThrow(/subscription L1: unknown plan NOPE/);
    const json = JSON.stringify({ customers: [], accounts: [], subscriptions: [{ id: 'L1', accountId: 'A9', msisdn: '447700900123', plans: [{ planId: 'PLAN_10', from: '2025-01-01' }] }] });
    expect(() => loadAccounts(json)).toThrow(/subscription L1: unknown account A9/);
  });

  it('refuses bad values with the path of each problem', () => {
    expect(() => loadAccounts([HEADER, row({ billing_cycle_day: '31', msisdn: '+44 7700' })].join('\n'))).toThrow(/accounts\.0\.billingCycleDay.*subscriptions\.0\.msisdn/s);
    expect(() => loadAccounts('customer_id,name\nC1,x')).toThrow(/missing columns/);
    expect(() => loadAccounts([HEADER, row({ plan_changes: 'PLAN_31@2024-12-01' })].join('\n'))).toThrow(/plan changes must be in date order/);
  });
});
