import {
  getAccountBundle,
  getBillingSettings,
  getOperatorSettings,
  inTransaction,
  loadBillingInput,
  newBillingCaches,
  recordNotification,
  tenantAccountIds,
  tenantScope,
  type Store,
} from '../../db/index.ts';
import { periodLabelOf } from '../../tools/charging/index.ts';
import { chargeInputFor } from '../../tools/invoice/bill-account.ts';
import { currentPeriodUsage } from '../../tools/portal/index.ts';
import { daysBetween } from '../../tools/time/index.ts';

/** How many days before a period ends its customers hear that the invoice is coming. */
export const UPCOMING_DAYS = 3;

/** What a scan recorded (new outbox rows; ones recorded by an earlier scan are not counted again). */
export interface ScheduledScanReport {
  accounts: number;
  usageThresholds: number;
  upcoming: number;
}

/**
 * Records the notifications no single write causes, idempotently (run it hourly or daily; a repeat
 * records nothing new): a line's allowance at 80% and at 100% in the current period (key
 * `usage:<account>:<line>:<allowance>:<period>:80`), and the invoice coming within
 * UPCOMING_DAYS days of the period end (`upcoming:<account>:<period>`). Plan recommendations are
 * recorded with the invoice that carries them.
 */
export function recordScheduledNotifications(store: Store, opts: { tenant: string; today: string }): ScheduledScanReport {
  const { timezone } = getOperatorSettings(store);
  const settings = getBillingSettings(store);
  const caches = newBillingCaches();
  const report: ScheduledScanReport = { accounts: 0, usageThresholds: 0, upcoming: 0 };
  for (const accountId of tenantAccountIds(tenantScope(store, opts.tenant))) {
    const input = loadBillingInput(store, accountId, periodLabelOfAccount(store, accountId, opts.today), timezone, settings, caches);
    const usage = currentPeriodUsage(chargeInputFor(input), opts.today);
    const period = usage.period.label;
    report.accounts += 1;
    inTransaction(store, () => {
      for (const line of usage.lines) {
        for (const a of line.allowances) {
          const { included, used } = a.units;
          if (included <= 0) continue;
          // Whole base units (ms, messages, bytes): integer comparison, no rounding.
          for (const percent of [80, 100] as const) {
            if (used * 100 < included * percent) continue;
            const id = recordNotification(store, {
              tenant: opts.tenant,
              key: `usage:${accountId}:${line.subscriptionId}:${a.allowanceId}:${period}:${percent}`,
              accountId,
              payload: { kind: 'usage_threshold', subscriptionId: line.subscriptionId, allowanceId: a.allowanceId, service: a.service, period, percent, used: a.used, granted: a.included },
            });
            if (id !== null) report.usageThresholds += 1;
          }
        }
      }
      if (daysBetween(opts.today, usage.period.to) <= UPCOMING_DAYS) {
        const id = recordNotification(store, { tenant: opts.tenant, key: `upcoming:${accountId}:${period}`, accountId, payload: { kind: 'invoice_upcoming', period, billingDate: usage.period.to } });
        if (id !== null) report.upcoming += 1;
      }
    });
  }
  return report;
}

function periodLabelOfAccount(store: Store, accountId: string, today: string): string {
  return periodLabelOf(today, getAccountBundle(store, accountId).account.billingCycleDay);
}
