import { addDays, addMonths, daysBetween, isoWeekday } from '../../tools/time/index.ts';
import { buildPopulation, type Subscriber, type UsageLevel } from './build-population.ts';
import { Random } from './random.ts';

/** The three kinds of allowance use, in base units: voice ms, SMS messages, data bytes. */
export type ForecastService = 'voice' | 'sms' | 'data';
export const FORECAST_SERVICES: readonly ForecastService[] = ['voice', 'sms', 'data'];

/** One calendar month of one line: each day's weekday and use per service. */
export interface GeneratedMonth {
  label: string;
  weekdays: number[];
  daily: Record<ForecastService, number[]>;
}

/** A line with several consecutive months of use, oldest first. */
export interface GeneratedLineHistory {
  msisdn: string;
  segment: Subscriber['segment'];
  usage: UsageLevel;
  months: GeneratedMonth[];
}

export interface UsageMonthsOptions {
  seed: number | string;
  lines: number;
  /** First month (YYYY-MM); months are calendar months (cycle day 1). */
  firstMonth: string;
  months: number;
}

// Mean daily use by level: voice minutes, messages, MB.
const LEVEL: Record<UsageLevel, Record<ForecastService, number>> = {
  light: { voice: 4, sms: 1.5, data: 60 },
  medium: { voice: 12, sms: 4, data: 250 },
  heavy: { voice: 35, sms: 10, data: 900 },
};
// Monday first. Business lines work the week; consumers use more data and texts at the weekend.
const WEEK: Record<Subscriber['segment'], Record<ForecastService, number[]>> = {
  business: {
    voice: [1.3, 1.3, 1.25, 1.25, 1.15, 0.45, 0.3],
    sms: [1.15, 1.15, 1.1, 1.1, 1.05, 0.75, 0.7],
    data: [1.2, 1.2, 1.2, 1.15, 1.1, 0.6, 0.55],
  },
  consumer: {
    voice: [0.9, 0.9, 0.95, 0.95, 1.1, 1.15, 1.05],
    sms: [0.9, 0.9, 0.9, 0.95, 1.1, 1.2, 1.05],
    data: [0.85, 0.85, 0.9, 0.9, 1.05, 1.3, 1.15],
  },
};
// Event sizes: calls (median 100 s), sessions (median 15 MB); texts are one message each.
const CALL = { median: 100_000, sigma: 0.9 };
const SESSION = { median: 15 * 1_048_576, sigma: 1.2 };
const MEAN_CALL_MS = CALL.median * Math.exp(CALL.sigma ** 2 / 2);
const MEAN_SESSION_BYTES = SESSION.median * Math.exp(SESSION.sigma ** 2 / 2);

function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.float(); p > limit; p *= rng.float()) k += 1;
  return k;
}

/** One day's use of a service: a Poisson number of events of random size around the day's mean. */
function dayUse(rng: Random, service: ForecastService, meanUnits: number): number {
  if (service === 'sms') return poisson(rng, meanUnits);
  const size = service === 'voice' ? MEAN_CALL_MS : MEAN_SESSION_BYTES;
  const shape = service === 'voice' ? CALL : SESSION;
  const events = poisson(rng, meanUnits / size);
  let total = 0;
  // Voice is billed in whole seconds, data in whole bytes.
  for (let i = 0; i < events; i++) total += service === 'voice' ? Math.ceil(rng.logNormal(shape.median, shape.sigma) / 1000) * 1000 : Math.ceil(rng.logNormal(shape.median, shape.sigma));
  return total;
}

const UNITS: Record<ForecastService, number> = { voice: 60_000, sms: 1, data: 1_048_576 };

/**
 * Several months of daily use per line, deterministic for a seed: each line (from buildPopulation)
 * has its own level and weekday profile (business lines quiet at weekends, consumers busier); its
 * monthly level drifts (AR(1) in logs), now and then shifts for good (a new job, a new phone), and a
 * month may hold an episode of a few days much quieter (holiday) or busier; days scatter around
 * their mean and are made of whole calls, texts and data sessions.
 */
export function generateUsageMonths(options: UsageMonthsOptions): GeneratedLineHistory[] {
  const population = buildPopulation({ size: options.lines, seed: options.seed });
  const rng = new Random(`usage-months:${String(options.seed)}`);
  const labels = Array.from({ length: options.months }, (_, m) => addMonths(options.firstMonth, m));
  return population.subscribers.map((s) => {
    const lineLevel = rng.logNormal(1, 0.5) * (s.segment === 'business' ? 1.4 : 1);
    const profile = Object.fromEntries(
      FORECAST_SERVICES.map((service) => {
        const raw = WEEK[s.segment][service].map((f) => f * rng.logNormal(1, 0.1));
        const mean = raw.reduce((a, b) => a + b, 0) / 7;
        return [service, raw.map((f) => f / mean)];
      }),
    ) as Record<ForecastService, number[]>;
    // A service a line hardly uses (a fixed line's data) stays near zero.
    const serviceLevel = Object.fromEntries(FORECAST_SERVICES.map((service) => [service, LEVEL[s.usage][service] * lineLevel * rng.logNormal(1, 0.35)])) as Record<ForecastService, number>;
    if (s.line === 'fixed') serviceLevel.data = 0;
    let drift = 0;
    let shift = 0;
    const months = labels.map((label) => {
      const from = `${label}-01`;
      const days = daysBetween(from, `${addMonths(label, 1)}-01`);
      const weekdays = Array.from({ length: days }, (_, i) => isoWeekday(addDays(from, i)));
      drift = 0.7 * drift + 0.18 * rng.normal();
      if (rng.chance(0.06)) shift += 0.6 * rng.normal();
      const episode = rng.chance(0.12) ? { first: rng.int(0, days - 1), length: rng.int(3, 10), factor: rng.chance(0.6) ? 0.2 : 2.5 } : null;
      const daily = Object.fromEntries(
        FORECAST_SERVICES.map((service) => {
          const level = serviceLevel[service] * Math.exp(drift + shift) * UNITS[service];
          return [
            service,
            weekdays.map((wd, i) => {
              const inEpisode = episode && i >= episode.first && i < episode.first + episode.length;
              return dayUse(rng, service, level * profile[service][wd - 1]! * (inEpisode ? episode.factor : 1) * rng.logNormal(1, 0.3));
            }),
          ];
        }),
      ) as Record<ForecastService, number[]>;
      return { label, weekdays, daily };
    });
    return { msisdn: s.msisdn, segment: s.segment, usage: s.usage, months };
  });
}
