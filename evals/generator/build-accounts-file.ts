import { DEFAULT_INVOICE_PREFERENCES, type AccountsFile } from '../../tools/catalog/index.ts';
import { addDays } from '../../tools/time/index.ts';
import type { Population, Subscriber } from './build-population.ts';
import { Random } from './random.ts';

const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Green Lane', 'Mill Road', 'Park Avenue', 'Queen Street'];
const GB_TOWNS: Array<[string, string]> = [
  ['London', 'N1 7GU'],
  ['Manchester', 'M1 1AE'],
  ['Leeds', 'LS1 4DY'],
  ['Bristol', 'BS1 5TR'],
  ['Glasgow', 'G1 1XQ'],
  ['Cardiff', 'CF10 1EP'],
  ['Belfast', 'BT1 5GS'],
];
const IE_TOWNS: Array<[string, string]> = [
  ['Dublin', 'D02 X285'],
  ['Dundalk', 'A91 K584'],
  ['Letterkenny', 'F92 X2F5'],
];

export interface DemoAccountsOptions {
  seed: number | string;
  /** First day of the billed month (YYYY-MM-DD): new lines, plan changes and leavers fall inside it. */
  periodStart: string;
  /** Days in that month. */
  periodDays: number;
}

function consumerPlan(s: Subscriber): string {
  return s.usage === 'heavy' ? 'UNLIMITED_35' : s.usage === 'medium' ? 'TALK_20' : 'SIM_10';
}

function address(rng: Random, ireland: boolean) {
  const [city, postcode] = rng.pick(ireland ? IE_TOWNS : GB_TOWNS);
  return { lines: [`${rng.int(1, 240)} ${rng.pick(STREETS)}`], city, postcode, region: null, country: ireland ? 'IE' : 'GB' };
}

/** The cost centres a company's mobile lines are booked to, in turn. */
const COST_CENTRES = ['Sales', 'Operations', 'Field service', 'Finance'] as const;

/**
 * The demo operator's customers, accounts and subscriptions for a generated population: one
 * account per consumer, one per company (its lines together, so multi-line discounts apply), plans
 * by usage, a few customers across the border in Ireland (Irish VAT, or outside the scope of UK
 * VAT for a business with a VAT id), and the events of a real month: lines that start, change plan
 * or end inside it, new customers on the half-price promotion, handsets on instalments.
 */
export function buildAccountsFile(population: Population, options: DemoAccountsOptions): AccountsFile {
  const rng = new Random(`accounts:${String(options.seed)}`);
  const file: AccountsFile = { customers: [], accounts: [], subscriptions: [] };
  const companies = new Map<string, Subscriber[]>();
  const mid = (from: number, to: number) => addDays(options.periodStart, rng.int(from, to));
  const lineStart = () =>
    rng.chance(0.06) ? addDays(options.periodStart, -rng.int(1, 60)) : `${rng.int(2019, 2024)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

  population.subscribers.forEach((s, i) => {
    if (s.segment === 'business') {
      companies.set(s.account, [...(companies.get(s.account) ?? []), s]);
      return;
    }
    const ireland = rng.chance(0.04);
    const id = `C${String(i + 1).padStart(5, '0')}`;
    const since = lineStart();
    file.customers.push({ id, name: s.name, segment: 'consumer', email: null, address: address(rng, ireland), customerSince: since });
    file.accounts.push({
      id: `A${id.slice(1)}`,
      customerId: id,
      billingCycleDay: 1,
      currency: 'GBP',
      language: 'en',
      taxJurisdiction: { country: ireland ? 'IE' : 'GB', region: null },
      vatId: null,
      taxExemptions: [],
      discounts: [],
      paymentTermsDays: 14,
      invoicePreferences: DEFAULT_INVOICE_PREFERENCES,
    });
    const plan = consumerPlan(s);
    const plans = [{ planId: plan, from: since }];
    // about 3% move to a bigger plan during the month: the bill prorates both
    if (plan !== 'UNLIMITED_35' && rng.chance(0.03)) plans.push({ planId: plan === 'SIM_10' ? 'TALK_20' : 'UNLIMITED_35', from: mid(8, options.periodDays - 6) });
    const leaves = rng.chance(0.01);
    file.subscriptions.push({
      id: `L${id.slice(1)}`,
      accountId: `A${id.slice(1)}`,
      msisdn: s.msisdn,
      imsi: s.imsi,
      plans,
      endDate: leaves ? mid(options.periodDays - 3, options.periodDays - 1) : null,
      status: leaves ? 'terminated' : 'active',
      orders: rng.chance(0.05) ? [{ chargeId: 'HANDSET', period: since.slice(0, 7) }] : [],
      label: null,
      costCentre: null,
    });
  });

  [...companies.entries()].forEach(([code, lines], k) => {
    const ireland = k % 9 === 4;
    const id = `B${code.replace(/\D/g, '').padStart(4, '0')}`;
    const since = `${rng.int(2016, 2023)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
    const company = lines[0]!.name.replace(/^.*\(|\)$/g, '');
    file.customers.push({ id, name: company, segment: lines.length >= 5 ? 'enterprise' : 'small_business', email: null, address: address(rng, ireland), customerSince: since });
    file.accounts.push({
      id: `A${id}`,
      customerId: id,
      billingCycleDay: 1,
      currency: 'GBP',
      language: 'en',
      taxJurisdiction: { country: ireland ? 'IE' : 'GB', region: null },
      vatId: ireland ? `IE${rng.int(1000000, 9999999)}${String.fromCharCode(65 + rng.int(0, 25))}` : `GB${rng.digits(9)}`,
      taxExemptions: [],
      discounts: [],
      paymentTermsDays: 30,
      invoicePreferences: DEFAULT_INVOICE_PREFERENCES,
    });
    lines.forEach((s, j) => {
      file.subscriptions.push({
        id: `L${s.msisdn}`,
        accountId: `A${id}`,
        msisdn: s.msisdn,
        imsi: s.imsi,
        plans: [{ planId: s.line === 'fixed' ? 'BUSINESS_LINE_15' : 'BUSINESS_25', from: rng.chance(0.1) ? addDays(options.periodStart, -rng.int(10, 80)) : since }],
        endDate: null,
        status: 'active',
        orders: [],
        // Names and cost centres for the enterprise layout, from the line's place in the company
        // (never the random stream: every amount, plan and line stays what it was).
        label: s.line === 'fixed' ? 'Reception' : null,
        costCentre: s.line === 'fixed' ? 'Head office' : (COST_CENTRES[j % COST_CENTRES.length] as string),
      });
    });
  });
  return file;
}
