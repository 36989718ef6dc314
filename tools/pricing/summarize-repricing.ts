import type { Subscription } from '../catalog/account.types.ts';
import type { InvoiceLine } from '../invoice/invoice.types.ts';
import { dec, type Decimal, roundDecimal, ZERO } from '../money/index.ts';

/** A line of charges as the summary reads it: an invoice line or a charge line (net amount, before tax). */
export type PricedLine = Pick<InvoiceLine, 'id' | 'section' | 'subscriptionId' | 'amount' | 'servicePeriod'>;

/** One account of a re-priced period: what was billed (stored invoice) and what the proposal would charge. */
export interface RepricedAccount {
  accountId: string;
  customerName: string;
  segment: string;
  subscriptions: Pick<Subscription, 'id' | 'plans'>[];
  /** The stored invoice's lines; null when the period has no invoice for the account (billed nothing). */
  before: PricedLine[] | null;
  after: PricedLine[];
}

/** A group's revenue before and after, exact to the cent. */
export interface RevenueRow {
  key: string;
  before: string;
  after: string;
  change: string;
  /** The change as a percentage of before, one decimal; null when before is zero. */
  changePercent: string | null;
}

/** One account's change, for the lists of the most affected. */
export interface AccountChange {
  accountId: string;
  customerName: string;
  segment: string;
  before: string;
  after: string;
  change: string;
  changePercent: string | null;
}

/** The comparison of a re-priced period: totals and revenue by category, segment and plan, and the accounts most affected. */
export interface RepricingSummary {
  accounts: number;
  changedAccounts: number;
  total: RevenueRow;
  byCategory: RevenueRow[];
  bySegment: RevenueRow[];
  byPlan: RevenueRow[];
  increases: AccountChange[];
  decreases: AccountChange[];
}

// Usage line ids are use:<subscription>:<from>:<service>:<category>:<roaming> (tools/charging/build-usage-lines.ts).
const SECTION_NAMES: Record<string, string> = { plans: 'plan fees', one_time: 'one-time charges', promotions: 'promotions', discounts: 'discounts', adjustments: 'adjustments' };

/** The revenue category of a line: the usage category (calls to mobiles, data, ...) for usage lines, else its section. */
export function lineCategory(line: Pick<PricedLine, 'id' | 'section'>): string {
  if (line.section === 'usage') {
    const parts = line.id.split(':');
    if (parts[0] === 'use' && parts.length >= 6) return `${parts[3]} ${parts[4]}`;
    return 'usage';
  }
  return SECTION_NAMES[line.section] ?? line.section;
}

/** The plan of a line: its subscription's plan in effect on the first day the line charges; account-level lines have none. */
export function linePlan(line: Pick<PricedLine, 'subscriptionId' | 'servicePeriod'>, subscriptions: RepricedAccount['subscriptions']): string {
  if (line.subscriptionId === null) return '(account)';
  const sub = subscriptions.find((s) => s.id === line.subscriptionId);
  if (!sub) return '(unknown line)';
  let plan = sub.plans[0]!.planId;
  for (const p of sub.plans) if (p.from <= line.servicePeriod.from) plan = p.planId;
  return plan;
}

function percent(change: Decimal, before: Decimal): string | null {
  if (before.isZero()) return null;
  return roundDecimal(change.times(100).dividedBy(before.abs()), 1, 'middle').toFixed(1);
}

function row(key: string, before: Decimal, after: Decimal): RevenueRow {
  const change = after.minus(before);
  return { key, before: before.toFixed(2), after: after.toFixed(2), change: change.toFixed(2), changePercent: percent(change, before) };
}

type Sums = Map<string, { before: Decimal; after: Decimal }>;

function add(sums: Sums, key: string, side: 'before' | 'after', amount: string): void {
  const s = sums.get(key) ?? { before: ZERO, after: ZERO };
  s[side] = s[side].plus(dec(amount));
  sums.set(key, s);
}

// Largest movement first; ties by key, so the order never depends on the input's.
const rowsOf = (sums: Sums) =>
  [...sums].map(([key, s]) => row(key, s.before, s.after)).sort((a, b) => dec(b.change).abs().comparedTo(dec(a.change).abs()) || dec(b.after).comparedTo(dec(a.after)) || a.key.localeCompare(b.key));

/**
 * Compares a re-priced period with what was billed: every sum is of amounts already rounded to the
 * currency's minor unit, so totals are exact to the cent and the groups add up to the total.
 */
export function summarizeRepricing(accounts: readonly RepricedAccount[], options: { top?: number } = {}): RepricingSummary {
  const top = options.top ?? 10;
  const byCategory: Sums = new Map();
  const bySegment: Sums = new Map();
  const byPlan: Sums = new Map();
  let before = ZERO;
  let after = ZERO;
  const changes: AccountChange[] = [];
  for (const a of accounts) {
    let accountBefore = ZERO;
    let accountAfter = ZERO;
    for (const [side, lines] of [
      ['before', a.before ?? []],
      ['after', a.after],
    ] as const) {
      for (const line of lines) {
        add(byCategory, lineCategory(line), side, line.amount);
        add(byPlan, linePlan(line, a.subscriptions), side, line.amount);
        add(bySegment, a.segment, side, line.amount);
        if (side === 'before') accountBefore = accountBefore.plus(dec(line.amount));
        else accountAfter = accountAfter.plus(dec(line.amount));
      }
    }
    before = before.plus(accountBefore);
    after = after.plus(accountAfter);
    const change = accountAfter.minus(accountBefore);
    changes.push({
      accountId: a.accountId,
      customerName: a.customerName,
      segment: a.segment,
      before: accountBefore.toFixed(2),
      after: accountAfter.toFixed(2),
      change: change.toFixed(2),
      changePercent: percent(change, accountBefore),
    });
  }
  const moved = changes.filter((c) => !dec(c.change).isZero());
  const order = (sign: 1 | -1) => (x: AccountChange, y: AccountChange) => sign * dec(y.change).comparedTo(dec(x.change)) || x.accountId.localeCompare(y.accountId);
  return {
    accounts: accounts.length,
    changedAccounts: moved.length,
    total: row('total', before, after),
    byCategory: rowsOf(byCategory),
    bySegment: rowsOf(bySegment),
    byPlan: rowsOf(byPlan),
    increases: moved
      .filter((c) => dec(c.change).greaterThan(0))
      .sort(order(1))
      .slice(0, top),
    decreases: moved
      .filter((c) => dec(c.change).lessThan(0))
      .sort(order(-1))
      .slice(0, top),
  };
}
