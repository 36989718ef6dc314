import type { Customer, Subscription } from '../../catalog/account.types.ts';
import type { Catalog } from '../../catalog/catalog.types.ts';
import { billingPeriod } from '../../charging/billing-period.ts';
import type { BillingPeriod, ChargeResult } from '../../charging/charging.types.ts';
import { addDays, addMonths } from '../../time/index.ts';
import type { Recommendation } from '../invoice.types.ts';
import { expiredAllowanceMessages, rolloverMessages } from './allowance-messages.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import { keepMostUseful } from './keep-most-useful.ts';
import type { InvoiceMessage, MessageLine } from './message.types.ts';
import { planSavingMessages } from './plan-saving.ts';
import { promotionEndingMessages } from './promotion-ending.ts';
import { usageChangeMessages, type EarlierPeriodUsage } from './usage-change.ts';

/** What the bill run knows when it computes an invoice's messages. */
export interface InvoiceMessagesInput {
  catalog: Catalog;
  customer: Customer;
  subscriptions: readonly Subscription[];
  cycleDay: number;
  timezone: string;
  period: BillingPeriod;
  currency: string;
  charge: Pick<ChargeResult, 'lines' | 'ledger' | 'carriedOut' | 'activeSubscriptions'>;
  recommendations: readonly Recommendation[];
  /** The account's invoices of earlier periods (db/earlier-usage.ts); absent: no usage insight. */
  usageHistory?: readonly EarlierPeriodUsage[];
}

/**
 * The personalised messages of an invoice, the most useful first (plan savings, usage insights,
 * promotions ending, rollover, lapsed allowances; at most MESSAGE_THRESHOLDS.maxPerInvoice), each
 * with the figures it names. Pure and deterministic: the same bill run input gives the same messages.
 */
export function computeInvoiceMessages(input: InvoiceMessagesInput): InvoiceMessage[] {
  const { period, cycleDay, timezone } = input;
  const lastDayOf = (label: string) => addDays(billingPeriod(label, cycleDay, timezone).to, -1);
  const lines: MessageLine[] = input.charge.activeSubscriptions.map((a) => ({
    subscriptionId: a.id,
    msisdn: a.msisdn,
    label: input.subscriptions.find((s) => s.id === a.id)?.label ?? null,
  }));
  const n = MESSAGE_THRESHOLDS.usageHistoryPeriods;
  const earlierPeriods = Array.from({ length: n }, (_, i) => addMonths(period.label, -(i + 1)));
  const historyFrom = billingPeriod(earlierPeriods[n - 1]!, cycleDay, timezone).from;
  const eligible = (subscriptionId: string) => {
    const active = input.charge.activeSubscriptions.find((a) => a.id === subscriptionId);
    const sub = input.subscriptions.find((s) => s.id === subscriptionId);
    // A whole period now, and on the books since the first earlier period began: four full periods compared.
    return !!active && !!sub && active.activeFrom === period.from && active.activeTo === period.to && sub.plans[0]!.from <= historyFrom;
  };
  const all = [
    ...usageChangeMessages({
      earlierPeriods,
      lines: lines.map((l) => ({ ...l, eligible: eligible(l.subscriptionId) })),
      current: input.charge.lines.filter((l) => l.section === 'usage'),
      history: input.usageHistory ?? [],
    }),
    ...planSavingMessages(input.recommendations, lines, input.currency),
    ...rolloverMessages(input.charge.carriedOut, input.charge.ledger, lines, lastDayOf),
    ...expiredAllowanceMessages(input.charge.ledger, lines, addDays(period.to, -1)),
    ...promotionEndingMessages({ catalog: input.catalog, customer: input.customer, subscriptions: input.subscriptions, lines, period, cycleDay, lastDayOf }),
  ];
  return keepMostUseful(all);
}
