import { getAccountBundle, inTransaction, newBillingCaches, recordNotification, tenantAccountIds, tenantScope, type Store } from '../../db/index.ts';
import { describeForecast } from '../../tools/forecast/index.ts';
import { dec } from '../../tools/money/index.ts';
import { periodUsageOf } from '../../tools/portal/index.ts';
import { daysBetween } from '../../tools/time/index.ts';
import { eventLoopPacer } from '../event-loop-turns.ts';
import { loadAccountForecast } from '../forecast/load-account-forecast.ts';

/** How many days before a period ends its customers hear that the invoice is coming. */
export const UPCOMING_DAYS = 3;

/** What a scan recorded (new outbox rows; ones recorded by an earlier scan are not counted again). */
export interface ScheduledScanReport {
  accounts: number;
  usageThresholds: number;
  upcoming: number;
  /** Lines projected to exceed an allowance at a cost (forecast notices). */
  forecasts: number;
}

/**
 * Records the notifications no single write causes, idempotently (run it hourly or daily; a repeat
 * records nothing new): a line's allowance at 80% and at 100% in the current period (key
 * `usage:<account>:<line>:<allowance>:<period>:80`), and the invoice coming within
 * UPCOMING_DAYS days of the period end (`upcoming:<account>:<period>`), and a line projected to
 * exceed an allowance at an extra charge (`forecast:<account>:<line>:<allowance>:<period>`, once per
 * allowance and period; with the exact extra charge and a cheaper plan, if any). Plan
 * recommendations are recorded with the invoice that carries them.
 */
export async function recordScheduledNotifications(store: Store, opts: { tenant: string; today: string }): Promise<ScheduledScanReport> {
  const caches = newBillingCaches();
  const report: ScheduledScanReport = { accounts: 0, usageThresholds: 0, upcoming: 0, forecasts: 0 };
  const ids = tenantAccountIds(tenantScope(store, opts.tenant));
  const pace = eventLoopPacer();
  for (let i = 0; i < ids.length; i++) {
    const accountId = ids[i]!;
    // A worker's job lock is renewed only while the event loop turns.
    await pace();
    const { forecast } = loadAccountForecast(store, accountId, getAccountBundle(store, accountId).account.billingCycleDay, opts.today, caches);
    const usage = periodUsageOf(forecast);
    const period = usage.period.label;
    // The extra charges and plan comparisons are charged only for accounts heading over an allowance.
    const over = forecast.allowances.some((a) => a.exceeds) ? describeForecast(forecast) : null;
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
      for (const line of over?.lines ?? []) {
        for (const a of line.allowances) {
          if (!a.projectedToExceed || a.extraCharge === null || !dec(a.extraCharge).greaterThan(0)) continue;
          const s = line.suggestion;
          const id = recordNotification(store, {
            tenant: opts.tenant,
            key: `forecast:${accountId}:${line.subscriptionId}:${a.allowanceId}:${period}`,
            accountId,
            payload: {
              kind: 'usage_forecast',
              subscriptionId: line.subscriptionId,
              allowanceId: a.allowanceId,
              service: a.service,
              period,
              lastDay: usage.period.lastDay,
              unit: a.unit,
              included: a.included,
              used: a.used,
              projected: a.projectedUse,
              extraCharge: a.extraCharge,
              currency: usage.currency,
              suggestion: s ? { planId: s.planId, planName: s.planName, saving: s.saving, alternativeAmount: s.alternativeAmount } : null,
            },
          });
          if (id !== null) report.forecasts += 1;
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
