/**
 * The forecasting math: one line's use of one allowance, projected to the period end from the days
 * so far, the weekday each day falls on and the line's own earlier periods. Quantities are usage
 * (base units: ms, messages, bytes), never money; the result is rounded to whole base units.
 */

/** A day-by-day usage series of one period: `daily[i]` is the use on day i, `weekdays[i]` its ISO weekday (1 = Monday … 7 = Sunday). */
export interface UsageSeries {
  daily: readonly number[];
  weekdays: readonly number[];
}

/** What a forecast needs: the current period's weekdays (all of its days), its use so far (the first days) and complete earlier periods, oldest first. */
export interface ForecastSeriesInput {
  /** ISO weekday of every day of the current period. */
  weekdays: readonly number[];
  /** Use on each elapsed day of the current period (its length is the days elapsed, today included). */
  soFar: readonly number[];
  /** The line's earlier complete periods of the same kind of use, oldest first. */
  history: readonly UsageSeries[];
}

/** A projection with the figures behind it, so the method can be shown and checked. */
export interface UseForecast {
  /** Projected use for the whole period, whole base units (at least what is used so far). */
  projected: number;
  /** Straight-line extrapolation: so far ÷ days elapsed × days in the period, whole base units. */
  straightLine: number;
  usedSoFar: number;
  /** Day-of-week factors (Monday first; mean 1), from the line's history. */
  weekdayFactors: number[];
  /** Share of the projected daily rate taken from this period rather than from the history (1 without history). */
  currentWeight: number;
  /** Earlier periods used. */
  historyPeriods: number;
}

/** Days of weight a weekday's factor gets from the neutral 1 (shrinks factors seen on few days). */
const WEEKDAY_PRIOR_DAYS = 4;
/** Recency decay of earlier periods' rates: the latest counts 1, the one before 0.6, and so on. */
const HISTORY_DECAY = 0.6;
/** Prior of the month-to-month variation of a line's rate (coefficient of variation) and its weight in periods. */
const PRIOR_BETWEEN_CV = 0.3;
const PRIOR_BETWEEN_PERIODS = 2;

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Straight-line extrapolation (the baseline: what Lago does): so far ÷ days elapsed × days in the period. */
export function straightLineUse(usedSoFar: number, daysElapsed: number, daysTotal: number): number {
  if (daysElapsed <= 0) return 0;
  return Math.round((usedSoFar * daysTotal) / daysElapsed);
}

/**
 * Day-of-week factors from earlier periods: each weekday's mean use over the overall daily mean,
 * shrunk toward 1 by WEEKDAY_PRIOR_DAYS days of no pattern (evidence counted in days with use,
 * so a line that hardly uses the service has no pattern), then scaled so they average 1.
 */
export function weekdayFactors(history: readonly UsageSeries[]): number[] {
  const total = new Array<number>(7).fill(0);
  const days = new Array<number>(7).fill(0);
  for (const h of history) {
    h.daily.forEach((u, i) => {
      const k = h.weekdays[i]! - 1;
      total[k]! += u;
      // Evidence is a day with use: a line that called on two Tuesdays in three months has no Tuesday pattern.
      if (u > 0) days[k]! += 1;
    });
  }
  const calendarDays = history.reduce((n, h) => n + h.daily.length, 0);
  const mean = calendarDays > 0 ? sum(total) / calendarDays : 0;
  if (mean <= 0) return new Array<number>(7).fill(1);
  // Each weekday's mean per calendar day over the overall mean, pulled toward 1 by WEEKDAY_PRIOR_DAYS days with use.
  const raw = total.map((t, k) => {
    const calendar = history.reduce((n, h) => n + h.weekdays.filter((wd) => wd === k + 1).length, 0);
    const observed = calendar > 0 ? t / calendar / mean : 1;
    return (observed * days[k]! + WEEKDAY_PRIOR_DAYS) / (days[k]! + WEEKDAY_PRIOR_DAYS);
  });
  const norm = sum(raw) / 7;
  return raw.map((f) => f / norm);
}

/**
 * Projects the period's use: the daily rate per weekday-weighted day is a precision-weighted mix of
 * this period's rate so far and the line's recent history (empirical Bayes: the history counts as
 * κ = within-period variance ÷ between-period variance weighted days), and the remaining days are
 * filled at that rate times their weekday factors. Without history it is the straight line.
 */
export function forecastUse(input: ForecastSeriesInput): UseForecast {
  const { weekdays, soFar, history } = input;
  const daysTotal = weekdays.length;
  const elapsed = Math.min(soFar.length, daysTotal);
  const usedSoFar = sum(soFar.slice(0, elapsed));
  const straightLine = straightLineUse(usedSoFar, elapsed, daysTotal);
  const usable = history.filter((h) => h.daily.length > 0);
  const factors = weekdayFactors(usable);
  const weightOf = (wd: number) => factors[wd - 1]!;
  const exposureSoFar = sum(weekdays.slice(0, elapsed).map(weightOf));
  const exposureLeft = sum(weekdays.slice(elapsed).map(weightOf));
  const base = { straightLine, usedSoFar, weekdayFactors: factors, historyPeriods: usable.length };
  if (exposureLeft <= 0) return { ...base, projected: usedSoFar, currentWeight: 1 };

  const rates = usable.map((h) => sum(h.daily) / sum(h.weekdays.map(weightOf)));
  if (rates.length === 0) {
    const rate = exposureSoFar > 0 ? usedSoFar / exposureSoFar : 0;
    return { ...base, projected: Math.max(usedSoFar, Math.round(usedSoFar + rate * exposureLeft)), currentWeight: 1 };
  }
  // Recent periods say more about this one than older ones.
  const decay = rates.map((_, j) => HISTORY_DECAY ** (rates.length - 1 - j));
  const historyRate = sum(rates.map((r, j) => r * decay[j]!)) / sum(decay);
  const kappa = historyStrength(usable, rates, weightOf, historyRate, exposureSoFar > 0 ? { rate: usedSoFar / exposureSoFar, exposure: exposureSoFar } : null);
  const rate = (usedSoFar + kappa * historyRate) / (exposureSoFar + kappa);
  const projected = Math.max(usedSoFar, Math.round(usedSoFar + rate * exposureLeft));
  return { ...base, projected, currentWeight: exposureSoFar / (exposureSoFar + kappa) };
}

/**
 * κ, in weighted days: how many days of this period the history is worth. Within-period variance
 * (day-to-day scatter around each period's own rate) over between-period variance of the rates
 * (what is left of their spread once day-to-day noise is taken out, with a prior of
 * PRIOR_BETWEEN_CV so one or two periods do not make the history look certain), or the current
 * period's own distance from the history when that is larger.
 */
function historyStrength(history: readonly UsageSeries[], rates: readonly number[], weightOf: (wd: number) => number, historyRate: number, current: { rate: number; exposure: number } | null): number {
  if (historyRate <= 0) return 1;
  let squares = 0;
  let days = 0;
  history.forEach((h, j) => {
    h.daily.forEach((u, i) => {
      const expected = rates[j]! * weightOf(h.weekdays[i]!);
      squares += (u - expected) ** 2;
      days += 1;
    });
  });
  const within = days > 1 ? squares / (days - 1) : historyRate ** 2;
  const meanRate = sum(rates) / rates.length;
  const spread = rates.length > 1 ? sum(rates.map((r) => (r - meanRate) ** 2)) / (rates.length - 1) : 0;
  const meanDays = days / history.length;
  const observedBetween = Math.max(0, spread - within / meanDays);
  const prior = (PRIOR_BETWEEN_CV * historyRate) ** 2;
  // This period is one more sample of the between-period spread: a line whose use has changed
  // (a new job, a new phone) shows it here first, so its history counts for less.
  const shift = current ? Math.max(0, (current.rate - historyRate) ** 2 - within / current.exposure) : 0;
  const samples = rates.length - 1 + (current ? 1 : 0);
  const between = ((rates.length - 1) * observedBetween + shift + PRIOR_BETWEEN_PERIODS * prior) / (samples + PRIOR_BETWEEN_PERIODS);
  return Math.min(Math.max(within / between, 0.5), 120);
}
