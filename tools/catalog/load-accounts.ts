import { isCsvSplitFailure, splitCsvLine } from '../cdr/split-csv-line.ts';
import { BillingError } from '../errors.ts';
import { accountsFileSchema, type AccountsFile } from './account.types.ts';
import type { Catalog } from './catalog.types.ts';
import { zodToBillingError } from '../schemas/index.ts';

/** Columns of the CSV accounts format: one row per subscription, customer and account repeated. */
export const ACCOUNT_CSV_COLUMNS = [
  'customer_id',
  'customer_name',
  'segment',
  'email',
  'address_line',
  'city',
  'postcode',
  'country',
  'customer_since',
  'account_id',
  'billing_cycle_day',
  'currency',
  'language',
  'tax_country',
  'tax_region',
  'vat_id',
  'tax_exemptions',
  'discounts',
  'subscription_id',
  'msisdn',
  'imsi',
  'plan_id',
  'start_date',
  'end_date',
  'status',
  'plan_changes',
  'orders',
] as const;

const list = (v: string) => (v.trim() === '' ? [] : v.split(';').map((x) => x.trim()));
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** Reads the CSV form into the JSON form (first row wins for a customer or account repeated on later rows). */
function csvToFile(text: string, fileName: string): unknown {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  if (isCsvSplitFailure(header)) throw new BillingError('INVALID_ACCOUNTS', `${fileName}: unreadable header`);
  const missing = ACCOUNT_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new BillingError('INVALID_ACCOUNTS', `${fileName}: missing columns ${missing.join(', ')}`);
  const customers = new Map<string, unknown>();
  const accounts = new Map<string, unknown>();
  const subscriptions: unknown[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = splitCsvLine(line);
    if (isCsvSplitFailure(cells) || cells.length !== header.length) {
      throw new BillingError('INVALID_ACCOUNTS', `${fileName} line ${i + 2}: expected ${header.length} fields`);
    }
    const r = Object.fromEntries(header.map((h, j) => [h, cells[j]!])) as Record<(typeof ACCOUNT_CSV_COLUMNS)[number], string>;
    if (!customers.has(r.customer_id)) {
      customers.set(r.customer_id, {
        id: r.customer_id,
        name: r.customer_name,
        segment: r.segment || undefined,
        email: orNull(r.email),
        address: { lines: list(r.address_line).slice(0, 3), city: r.city, postcode: r.postcode, region: null, country: r.country },
        customerSince: r.customer_since,
      });
    }
    if (!accounts.has(r.account_id)) {
      accounts.set(r.account_id, {
        id: r.account_id,
        customerId: r.customer_id,
        billingCycleDay: r.billing_cycle_day ? Number(r.billing_cycle_day) : undefined,
        currency: r.currency,
        language: r.language || undefined,
        taxJurisdiction: { country: r.tax_country, region: orNull(r.tax_region) },
        vatId: orNull(r.vat_id),
        taxExemptions: list(r.tax_exemptions),
        discounts: list(r.discounts),
      });
    }
    const changes = list(r.plan_changes).map((c) => {
      const [planId, from] = c.split('@');
      return { planId, from };
    });
    subscriptions.push({
      id: r.subscription_id,
      accountId: r.account_id,
      msisdn: r.msisdn,
      imsi: orNull(r.imsi),
      plans: [{ planId: r.plan_id, from: r.start_date }, ...changes],
      endDate: orNull(r.end_date),
      status: r.status || undefined,
      orders: list(r.orders).map((o) => {
        const [chargeId, period] = o.split('@');
        return { chargeId, period };
      }),
    });
  });
  return { customers: [...customers.values()], accounts: [...accounts.values()], subscriptions };
}

/** Cross-reference checks: owners exist, plans and charges exist in the catalog, a number is on one line at a time. */
function checkReferences(f: AccountsFile, catalog: Catalog | null): string[] {
  const problems: string[] = [];
  const customers = new Set(f.customers.map((c) => c.id));
  const accounts = new Set(f.accounts.map((a) => a.id));
  for (const a of f.accounts) if (!customers.has(a.customerId)) problems.push(`account ${a.id}: unknown customer ${a.customerId}`);
  const byNumber = new Map<string, Array<{ id: string; from: string; to: string }>>();
  for (const s of f.subscriptions) {
    if (!accounts.has(s.accountId)) problems.push(`subscription ${s.id}: unknown account ${s.accountId}`);
    if (catalog) {
      for (const p of s.plans) if (!catalog.plans.some((x) => x.id === p.planId)) problems.push(`subscription ${s.id}: unknown plan ${p.planId}`);
      for (const o of s.orders) if (!catalog.oneTimeCharges.some((x) => x.id === o.chargeId)) problems.push(`subscription ${s.id}: unknown one-time charge ${o.chargeId}`);
    }
    const spans = byNumber.get(s.msisdn) ?? [];
    const mine = { id: s.id, from: s.plans[0]!.from, to: s.endDate ?? '9999-12-31' };
    for (const o of spans) if (mine.from < o.to && o.from < mine.to) problems.push(`MSISDN ${s.msisdn} is on subscriptions ${o.id} and ${s.id} at the same time`);
    byNumber.set(s.msisdn, [...spans, mine]);
  }
  if (catalog) {
    for (const a of f.accounts) for (const d of a.discounts) if (!catalog.discounts.some((x) => x.id === d)) problems.push(`account ${a.id}: unknown discount ${d}`);
  }
  return problems;
}

/**
 * Reads an accounts file (JSON, or CSV with one row per subscription) into validated customers,
 * accounts and subscriptions; with a catalog, plans, charges and discounts are checked against it.
 */
export function loadAccounts(text: string, options: { fileName?: string; format?: 'json' | 'csv'; catalog?: Catalog | null } = {}): AccountsFile {
  const fileName = options.fileName ?? 'accounts';
  const format = options.format ?? (text.trimStart().startsWith('{') ? 'json' : 'csv');
  let raw: unknown;
  if (format === 'json') {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new BillingError('INVALID_ACCOUNTS', `${fileName}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  } else {
    raw = csvToFile(text, fileName);
  }
  const parsed = accountsFileSchema.safeParse(raw);
  if (!parsed.success) throw zodToBillingError(parsed.error, 'INVALID_ACCOUNTS', fileName);
  const problems = checkReferences(parsed.data, options.catalog ?? null);
  if (problems.length) throw new BillingError('INVALID_ACCOUNTS', `${fileName}: ${problems.join('; ')}`);
  return parsed.data;
}
