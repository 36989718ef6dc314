import { DEFAULT_INVOICE_PREFERENCES, type AccountsFile } from '../../tools/catalog/index.ts';

const PLANS = ['SIM_10', 'TALK_20', 'UNLIMITED_35'];

/** The MSISDN of account `i` in a file built by buildManyAccountsFile. */
export function manyAccountsMsisdn(i: number): string {
  return `4475${String(i).padStart(8, '0')}`;
}

/** `n` GB consumer accounts of one line each on the demo catalog's plans (in turn), for large bill runs. */
export function buildManyAccountsFile(n: number): AccountsFile {
  const address = { lines: ['1 High Street'], city: 'London', postcode: 'N1 1AA', region: null, country: 'GB' };
  const file: AccountsFile = { customers: [], accounts: [], subscriptions: [] };
  for (let i = 0; i < n; i++) {
    const id = String(i).padStart(7, '0');
    file.customers.push({ id: `C${id}`, name: `Customer ${id}`, segment: 'consumer', email: null, address, customerSince: '2020-01-01' });
    file.accounts.push({
      id: `A${id}`,
      customerId: `C${id}`,
      billingCycleDay: 1,
      currency: 'GBP',
      language: 'en',
      taxJurisdiction: { country: 'GB', region: null },
      vatId: null,
      taxExemptions: [],
      discounts: [],
      paymentTermsDays: 14,
      invoicePreferences: DEFAULT_INVOICE_PREFERENCES,
    });
    file.subscriptions.push({
      id: `L${id}`,
      accountId: `A${id}`,
      msisdn: manyAccountsMsisdn(i),
      imsi: null,
      plans: [{ planId: PLANS[i % PLANS.length]!, from: '2024-01-01' }],
      endDate: null,
      status: 'active',
      orders: [],
      label: null,
      costCentre: null,
    });
  }
  return file;
}
