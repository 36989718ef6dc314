import { getBillingSettings, getOperatorSettings, loadBillingInput, loadChargeableEvents, newBillingCaches, type BillingCaches, type Store } from '../../db/index.ts';
import { billingPeriod, periodLabelOf } from '../../tools/charging/index.ts';
import { FORECAST_HISTORY_PERIODS, forecastPeriod, type ForecastHistoryPeriod, type PeriodForecast } from '../../tools/forecast/index.ts';
import { chargeInputFor } from '../../tools/invoice/bill-account.ts';
import { addMonths } from '../../tools/time/index.ts';

/** An account's forecast on a day, with what it was made from. */
export interface LoadedForecast {
  forecast: PeriodForecast;
  /** Usage events of the current period not yet priced (left out of the forecast). */
  notRated: number;
}

/**
 * Reads what an account's forecast needs (the current period's input and the rated usage of its
 * FORECAST_HISTORY_PERIODS earlier periods) and makes it for `today`.
 */
export function loadAccountForecast(store: Store, accountId: string, cycleDay: number, today: string, caches: BillingCaches = newBillingCaches()): LoadedForecast {
  const { timezone } = getOperatorSettings(store);
  const label = periodLabelOf(today, cycleDay);
  const billing = loadBillingInput(store, accountId, label, timezone, getBillingSettings(store), caches);
  const msisdns = billing.subscriptions.map((s) => s.msisdn);
  const history: ForecastHistoryPeriod[] = [];
  for (let k = FORECAST_HISTORY_PERIODS; k >= 1; k--) {
    const period = billingPeriod(addMonths(label, -k), cycleDay, timezone);
    history.push({ period, events: loadChargeableEvents(store, msisdns, period.fromMs, period.toMs, caches.tariffPlans).events });
  }
  return { forecast: forecastPeriod(chargeInputFor(billing), today, history), notRated: billing.notRated };
}
