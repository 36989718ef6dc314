import { z } from 'zod';
import { paymentFraudThresholdsShape } from '../payment-fraud/payment-fraud-thresholds.ts';
import { decimalStringSchema } from '../schemas/index.ts';

/**
 * Ranges fraud terminates on: satellite and international networks (ITU 870-874 Inmarsat, 881
 * GMSS, 882/883 international networks) and countries that IRSF reports (GSMA, CFCA) keep naming
 * for high termination rates and hijacked ranges. An operator replaces the list with its own.
 */
export const DEFAULT_HIGH_RISK_PREFIXES = [
  '870',
  '871',
  '872',
  '873',
  '874',
  '881',
  '882',
  '883',
  '53',
  '224',
  '232',
  '239',
  '245',
  '252',
  '257',
  '263',
  '675',
  '676',
  '677',
  '678',
  '681',
  '683',
  '685',
  '686',
  '688',
  '690',
  '691',
  '692',
] as const;

const count = (n: number) => z.number().int().min(1).default(n);
const ratio = (n: number) => z.number().min(0).max(1).default(n);
const positive = (n: number) => z.number().positive().default(n);

/**
 * Per-tenant thresholds of every detector, each with its default (docs/fraud.md says why each
 * default is what it is). Warning and critical levels, windows and minimum counts.
 */
export const fraudThresholdsSchema = z
  .object({
    irsf: z
      .object({
        /** Calls to high-risk ranges further apart than this start a new burst. */
        windowMinutes: count(60),
        /** High-risk calls within one window that raise a warning. */
        warningCalls: count(5),
        /** High-risk calls within one window that make it critical. */
        criticalCalls: count(12),
        /** Rated cost of one burst that makes it critical whatever its count (the currency of the tariff). */
        criticalCost: decimalStringSchema.default('50'),
        /** Local hours [start, end) counted as unusual. */
        nightStartHour: z.number().int().min(0).max(23).default(0),
        nightEndHour: z.number().int().min(0).max(24).default(6),
        /** Numbers dialled in a row that each differ from the last by 1-9 (hunting a range). */
        sequentialRun: count(4),
        /** A line first seen less than this many days before a burst is new. */
        newLineDays: count(7),
        /** E.164 prefixes counted as high risk (with premium-rate numbers and unallocated ones). */
        highRiskPrefixes: z.array(z.string().regex(/^\d{1,8}$/)).default([...DEFAULT_HIGH_RISK_PREFIXES]),
      })
      .strict()
      .prefault({}),
    wangiri: z
      .object({
        /** One-ring calls from one range further apart than this start a new wave. */
        windowMinutes: count(60),
        /** A call that rang at most this long and was not answered is a one-ring call. */
        maxRingSeconds: count(8),
        /** One-ring calls in a wave that raise a warning... */
        warningCalls: count(15),
        /** ...and make it critical. */
        criticalCalls: count(40),
        /** Distinct lines of ours a wave must reach (a friend calling one person twenty times is not Wangiri). */
        minDistinctLines: count(10),
        /** A calling range is the caller's number without its last this many digits. */
        rangeDigits: z.number().int().min(0).max(6).default(3),
        /** Calls back to the range within this many hours are counted as callbacks (and make the alert critical). */
        callbackHours: count(72),
      })
      .strict()
      .prefault({}),
    simbox: z
      .object({
        /** Outbound calls in a day before a line is looked at. */
        minCallsPerDay: count(40),
        /** Distinct off-net numbers called in that day. */
        minDistinctDestinations: count(30),
        /** Share of those calls answered. */
        minAnswerRatio: ratio(0.6),
        /** Regular call lengths: the median absolute deviation of answered calls' seconds over their median at most this. */
        maxDurationSpread: ratio(0.35),
        /** Flagged days of one line that make the alert critical. */
        criticalDays: count(2),
      })
      .strict()
      .prefault({}),
    spike: z
      .object({
        /** Days of the line's own history the baseline uses. */
        historyDays: count(28),
        /** Days since the line was first seen before it has a baseline at all. */
        minHistoryDays: count(7),
        /** How many robust standard deviations (1.4826 MAD) above the median a day must be. */
        robustZ: positive(6),
        /** Outbound call minutes in a day below which nothing is a spike. */
        voiceMinutes: count(300),
        /** Outbound calls in a day below which nothing is a voice spike. */
        minCalls: count(10),
        /** Data bytes in a day below which nothing is a spike (5 GB). */
        dataBytes: count(5_000_000_000),
        /** Call minutes while roaming in a day below which nothing is a roaming spike. */
        roamingMinutes: count(120),
        /** A day this many times the floor is critical. */
        criticalFactor: positive(2),
      })
      .strict()
      .prefault({}),
    revenue: z
      .object({
        /** Days of a destination's history its cost per minute is compared with. */
        historyDays: count(28),
        /** Rated answered calls a day must have to be judged, and to count as history. */
        minCallsPerDay: count(10),
        /** History days needed before a destination is judged. */
        minHistoryDays: count(5),
        /** Cost per minute this many times the median (or its inverse) is an anomaly. */
        factor: positive(3),
        /** ...and this many robust standard deviations from it. */
        robustZ: positive(5),
        /** A move of this many times the factor is critical. */
        criticalFactor: positive(2),
      })
      .strict()
      .prefault({}),
    // The payment detectors' (docs/payment-fraud.md).
    ...paymentFraudThresholdsShape,
  })
  .strict();
export type FraudThresholds = z.output<typeof fraudThresholdsSchema>;
export type FraudThresholdsInput = z.input<typeof fraudThresholdsSchema>;

/** Every threshold at its default. */
export function defaultFraudThresholds(): FraudThresholds {
  return fraudThresholdsSchema.parse({});
}
