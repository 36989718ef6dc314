import { z } from 'zod';

/**
 * The canonical tariff model: CGRateS's rating model (Destinations, Rates, DestinationRates,
 * Timings, RatingPlans, RatingProfiles) after parsing. Both the CGRateS CSV importer and the native
 * JSON/YAML format produce it; the rating engine consumes only this.
 *
 * Quantities are integers in base units, exactly as CGRateS holds them in time.Duration:
 * time-based units (voice) in nanoseconds, SMS in messages, data in bytes. A Go duration "60s" is
 * 60_000_000_000; a bare number "60" is 60 units (nanoseconds if used for voice, as in CGRateS).
 * Money fields are decimal strings, never numbers.
 */
const decimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as "0.01"');
const unitCount = z.number().int().nonnegative();

/** One rate row ("rate slot") of a Rates id; a Rates id has one or more, ordered by groupIntervalStart. */
export const rateSlotSchema = z.object({
  connectFee: decimalString,
  rate: decimalString,
  rateUnit: unitCount,
  rateIncrement: unitCount,
  groupIntervalStart: unitCount,
});
export type RateSlot = z.infer<typeof rateSlotSchema>;

export const maxCostStrategySchema = z.enum(['*free', '*disconnect']);

/** One row of a DestinationRates id: which Rates apply to which destination, and how the total is rounded. */
export const destinationRateSchema = z.object({
  destinationId: z.string().min(1), // a Destinations id, or "*any"
  rateId: z.string().min(1),
  roundingMethod: z.enum(['up', 'middle', 'down']),
  roundingDecimals: z.number().int().min(0).max(10),
  maxCost: decimalString.nullable(), // null or "0": no cap
  maxCostStrategy: maxCostStrategySchema.nullable(),
});
export type DestinationRate = z.infer<typeof destinationRateSchema>;

const anyOrList = z.union([z.literal('*any'), z.array(z.number().int())]);

/** A recurring time window. Each listed field must match; the window runs from startTime to endTime (or the end of the day). */
export const timingSchema = z.object({
  years: anyOrList,
  months: anyOrList, // 1..12
  monthDays: anyOrList, // 1..31
  weekDays: anyOrList, // ISO: 1 = Monday … 7 = Sunday
  startTime: z.string().regex(/^\d{2}:\d{2}:\d{2}$/),
  endTime: z
    .string()
    .regex(/^\d{2}:\d{2}:\d{2}$/)
    .nullable(),
});
export type Timing = z.infer<typeof timingSchema>;

/** One row of a RatingPlans id. */
export const ratingPlanEntrySchema = z.object({
  destinationRateId: z.string().min(1),
  timingId: z.string().min(1), // a Timings id, or "*any"
  weight: z.number(),
});
export type RatingPlanEntry = z.infer<typeof ratingPlanEntrySchema>;

/**
 * A rating profile: which rating plan prices tenant + category + subject from its activation time.
 * Subjects are an account, "*any", or (Switchboard's extension) "*segment:NAME" for a customer segment.
 */
export const ratingProfileSchema = z.object({
  tenant: z.string().min(1),
  category: z.string().min(1),
  subject: z.string().min(1),
  activationTime: z.number().int(), // epoch ms
  ratingPlanId: z.string().min(1),
  fallbackSubjects: z.array(z.string().min(1)),
});
export type RatingProfile = z.infer<typeof ratingProfileSchema>;

/** A whole tariff plan in canonical form. */
export const tariffPlanSchema = z.object({
  id: z.string().min(1),
  /** IANA zone timings are evaluated in. */
  timezone: z.string().min(1),
  /** Currency the costs are in (CGRateS costs are unit-less; the operator states it). */
  currency: z.string().length(3),
  destinations: z.record(z.string(), z.array(z.string().min(1))),
  rates: z.record(z.string(), z.array(rateSlotSchema).min(1)),
  destinationRates: z.record(z.string(), z.array(destinationRateSchema).min(1)),
  timings: z.record(z.string(), timingSchema),
  ratingPlans: z.record(z.string(), z.array(ratingPlanEntrySchema).min(1)),
  ratingProfiles: z.array(ratingProfileSchema),
});
export type TariffPlan = z.infer<typeof tariffPlanSchema>;

/** Type of record, as CGRateS's ToR: only voice is split on wall-clock time. */
export type TypeOfRecord = 'voice' | 'sms' | 'data';

/** A request to price one usage. */
export interface RatingRequest {
  tenant: string;
  category: string;
  subject: string;
  /** The subscriber's customer segment, for "*segment:NAME" profiles. */
  segment?: string | null;
  /** Destination number (digits) or a non-numeric destination such as "voicemail"; "*any" when there is none (data). */
  destination: string;
  /** Answer time, epoch ms. */
  answerTime: number;
  /** Billable usage in base units (voice: nanoseconds). */
  usage: number;
  tor: TypeOfRecord;
}

/** One priced span of a usage (CGRateS TimeSpan), after rounding to its increment. */
export interface RatedSpan {
  /** Epoch ms (voice) of the span start; for non-voice the answer time. */
  start: number;
  /** Usage elapsed before the span, base units. */
  offset: number;
  /** Span usage after rounding to whole increments, base units. */
  usage: number;
  ratingPlanId: string;
  timingId: string;
  weight: number;
  destinationRateId: string;
  rateId: string;
  /** Index of the rate slot (by groupIntervalStart) within rateId. */
  slot: number;
  rate: string;
  rateUnit: number;
  rateIncrement: number;
  groupIntervalStart: number;
  increments: number;
  incrementCost: string;
  cost: string;
}

/** The result of rating: the cost and the whole breakdown that explains it. */
export interface RatedCost {
  cost: string;
  currency: string;
  tariffPlanId: string;
  profile: { tenant: string; category: string; subject: string; activationTime: string; ratingPlanId: string; fallbackFrom: string | null };
  destinationId: string;
  matchedPrefix: string;
  destinationRateId: string;
  connectFee: string;
  spans: RatedSpan[];
  /** Sum of connect fee and span costs before the final rounding. */
  costBeforeRounding: string;
  rounding: { method: 'up' | 'middle' | 'down'; decimals: number; generalDecimals: number };
  maxCost: { amount: string; strategy: string; applied: boolean } | null;
  usage: number;
  billedUsage: number;
  /** Dynamic pricing: the multiplier the rating step applied after the tariff (absent when none applied). */
  multiplier?: RateMultiplierApplied;
}

/** A congestion multiplier applied to a rated cost, with everything needed to check it. */
export interface RateMultiplierApplied {
  tableId: string;
  band: string;
  region: string;
  level: string;
  factor: string;
  /** The tariff's cost before the multiplier. */
  costBeforeMultiplier: string;
}
