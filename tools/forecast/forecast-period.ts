import type { Allowance } from '../catalog/catalog.types.ts';
import { chargePeriod } from '../charging/charge-period.ts';
import type { BillingPeriod, ChargeableEvent, ChargeInput, ChargeResult } from '../charging/charging.types.ts';
import { drawsOnAllowance } from '../charging/consume-allowances.ts';
import { BillingError } from '../errors.ts';
import { addDays, daysBetween, isoWeekday, startOfLocalDate } from '../time/index.ts';
import { forecastUse, type UsageSeries, type UseForecast } from './forecast-use.ts';
import { projectRemainingEvents } from './project-remaining-events.ts';

/** One earlier, complete period of the account: its bounds and its rated usage. */
export interface ForecastHistoryPeriod {
  period: BillingPeriod;
  events: ChargeableEvent[];
}

/** One line's forecast of one allowance. */
export interface AllowanceForecast {
  subscriptionId: string;
  msisdn: string;
  allowance: Allowance;
  /** Base units: granted this period plus carried in. */
  included: number;
  /** What the allowance has covered so far (the ledger). */
  covered: number;
  forecast: UseForecast;
  /** True for the usage counted against this allowance (priced, of its kind, not drawn by an earlier allowance of the line). */
  counts: (e: ChargeableEvent) => boolean;
  /** The projected use is more than is included. */
  exceeds: boolean;
}

/** The period forecast of one account: the charge so far, the projected period charged exactly, and every line's allowances. */
export interface PeriodForecast {
  today: string;
  daysElapsed: number;
  /** The input with the usage up to the end of today only. */
  soFarInput: ChargeInput;
  soFar: ChargeResult;
  /** The input with the remaining days' projected usage added (copies of the line's own events). */
  projectedInput: ChargeInput;
  projected: ChargeResult;
  allowances: AllowanceForecast[];
}

/** A number as events and lines are compared: E.164 digits without the plus. */
export const digits = (msisdn: string) => msisdn.replace(/^\+/, '');

/** The allowance behind a ledger row: a plan's, or a promotion's bonus data. */
function allowanceOf(input: ChargeInput, id: string): Allowance | null {
  for (const plan of input.catalog.plans) {
    const a = plan.allowances.find((x) => x.id === id);
    if (a) return a;
  }
  const bonus = input.catalog.promotions.find((p) => p.id === id);
  return bonus?.kind === 'bonus_data' ? { id, service: 'data', categories: [], includesRoaming: false, amount: bonus.mb } : null;
}

/** Day-by-day use of a period: the local midnights are computed once, events placed by binary search. */
function dailySeries(period: BillingPeriod, timezone: string, events: readonly ChargeableEvent[], counts: (e: ChargeableEvent) => boolean): UsageSeries {
  const days = period.days;
  const starts = Array.from({ length: days + 1 }, (_, i) => startOfLocalDate(addDays(period.from, i), timezone));
  const daily = new Array<number>(days).fill(0);
  for (const e of events) {
    if (e.startTime < starts[0]! || e.startTime >= starts[days]! || !counts(e)) continue;
    let lo = 0;
    let hi = days - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= e.startTime) lo = mid;
      else hi = mid - 1;
    }
    daily[lo]! += e.usage;
  }
  return { daily, weekdays: Array.from({ length: days }, (_, i) => isoWeekday(addDays(period.from, i))) };
}

/**
 * The account's period forecast on `today` (a local date inside the period): usage up to the end of
 * today charged as billing will, then for each line and allowance the projected use at the period end
 * (forecastUse: weekday pattern and the line's own earlier periods), and the whole period charged
 * exactly (chargePeriod) with the remaining use made of copies of the line's own recent events.
 * Usage a line's earlier allowance draws on first is counted there, not again for a later one;
 * priced use no allowance covers is projected per service too, so the projected charges are whole.
 */
export function forecastPeriod(input: ChargeInput, today: string, history: readonly ForecastHistoryPeriod[] = []): PeriodForecast {
  const { period, timezone } = input;
  if (today < period.from || today >= period.to) throw new BillingError('INVALID_INPUT', `${today} is not in the period ${period.from} to ${addDays(period.to, -1)}`);
  // Whatever is stored for later days (a test clock, a clock skew) is not "so far".
  const cutoff = startOfLocalDate(addDays(today, 1), timezone);
  const soFarInput = { ...input, events: input.events.filter((e) => e.startTime < cutoff) };
  const soFar = chargePeriod(soFarInput);
  const daysElapsed = daysBetween(period.from, today) + 1;
  const active = new Set(soFar.activeSubscriptions.map((s) => s.id));
  const allowances: AllowanceForecast[] = [];
  const synthetic: ChargeableEvent[] = [];
  let nextId = -1;
  for (const sub of input.subscriptions.filter((s) => active.has(s.id))) {
    const mine = (e: ChargeableEvent) => digits(e.subscriber) === digits(sub.msisdn);
    const own = soFarInput.events.filter(mine).sort((a, b) => a.startTime - b.startTime || a.id - b.id);
    // Only periods the line was there for all of: a part period would read as a quiet one.
    const past = history.filter((h) => sub.plans[0]!.from <= h.period.from).map((h) => ({ ...h, events: h.events.filter(mine) }));
    // A line on two plans in one period has a ledger row per plan stretch: one allowance, one forecast.
    const rows = new Map<string, { included: number; covered: number }>();
    for (const r of soFar.ledger.filter((x) => x.subscriptionId === sub.id)) {
      const seen = rows.get(r.allowanceId) ?? { included: 0, covered: 0 };
      rows.set(r.allowanceId, { included: seen.included + r.granted + r.carriedIn, covered: seen.covered + r.used });
    }
    const earlier: Allowance[] = [];
    const project = (counts: (e: ChargeableEvent) => boolean): UseForecast => {
      const current = dailySeries(period, timezone, own, counts);
      const forecast = forecastUse({
        weekdays: current.weekdays,
        soFar: current.daily.slice(0, daysElapsed),
        history: past.map((h) => dailySeries(h.period, timezone, h.events, counts)),
      });
      const remaining = forecast.projected - forecast.usedSoFar;
      if (remaining > 0) {
        // Templates: this period's own events of the kind, else the latest earlier period's.
        const templates = [own, ...past.map((h) => h.events).reverse()].map((list) => list.filter(counts)).find((list) => list.length > 0) ?? [];
        const copies = projectRemainingEvents(templates, remaining, { fromMs: cutoff, toMs: period.toMs, firstId: nextId });
        nextId -= copies.length;
        synthetic.push(...copies);
      }
      return forecast;
    };
    for (const [allowanceId, row] of rows) {
      const allowance = allowanceOf(input, allowanceId);
      if (!allowance) continue;
      const before = [...earlier];
      const counts = (e: ChargeableEvent) => drawsOnAllowance(allowance, e) && !before.some((a) => drawsOnAllowance(a, e));
      earlier.push(allowance);
      const forecast = project(counts);
      allowances.push({ subscriptionId: sub.id, msisdn: sub.msisdn, allowance, included: row.included, covered: row.covered, forecast, counts, exceeds: forecast.projected > row.included });
    }
    // Priced use no allowance covers (calls abroad on a UK bundle, every call on a plan without one) is charged as it
    // comes: projected the same way, so the period's projected charges are whole. Kinds are forecast apart (their units differ).
    for (const service of ['voice', 'sms', 'data'] as const) {
      project((e) => e.service === service && e.direction !== 'transit' && /[1-9]/.test(e.cost) && !earlier.some((a) => drawsOnAllowance(a, e)));
    }
  }
  const projectedInput = { ...soFarInput, events: [...soFarInput.events, ...synthetic] };
  return { today, daysElapsed, soFarInput, soFar, projectedInput, projected: synthetic.length ? chargePeriod(projectedInput) : soFar, allowances };
}
