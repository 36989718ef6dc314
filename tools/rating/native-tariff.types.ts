import { z } from 'zod';
import type { DestinationRate, RateSlot, RatingPlanEntry, RatingProfile, TariffPlan, Timing } from './tariff.types.ts';
import {
  checkRateSlot,
  checkTariffCurrency,
  checkTariffTimezone,
  checkTimingWindow,
  parseMaxCostStrategy,
  parseTariffDecimal,
  parseTariffInstant,
  parseTariffQuantity,
  parseTariffRounding,
  parseTariffRoundingDecimals,
  parseTariffWeight,
  parseTimeOfDay,
  parseTimingList,
  sortRateSlots,
  type TimingField,
} from './parse-tariff-fields.ts';

/**
 * Switchboard's native tariff format (JSON or YAML), defined once here. It is the canonical
 * TariffPlan with the same section and field names, made friendlier to write by hand:
 * - quantities as Go durations ("60s", "1m30s") or integers (base units: bytes, messages);
 * - amounts as decimal strings or plain YAML numbers (the loader keeps their exact source text);
 * - activation times and `effectiveFrom` as ISO 8601 (offset-less times are in the plan's timezone);
 * - a profile may name `segment: business` instead of `subject` (stored as "*segment:business");
 * - defaults: connectFee "0", groupIntervalStart 0, maxCost/maxCostStrategy null, timing fields
 *   "*any", startTime "00:00:00", endTime null, timingId "*any", weight 0, fallbackSubjects [],
 *   timezone "UTC"; a section value that is one object stands for a list of one.
 * Unknown keys are errors (a typo must not silently drop a fee).
 *
 * The schema's output is `{ plan, effectiveFrom }`; cross references are checked afterwards by
 * validateTariffReferences (shared with the CGRateS importer), see load-native-tariff.ts.
 */

/** Wraps a shared field parser (which throws RangeError) as a zod transform. */
function parsed<I, O>(parse: (value: I) => O) {
  return (value: I, ctx: z.RefinementCtx): O => {
    try {
      return parse(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      return z.NEVER;
    }
  };
}

const nonEmpty = z.string().trim().min(1);
/** A name or id; a whole number (subject: 1001 in YAML) is read as its digits. */
const name = z.union([z.string(), z.number()]).transform(
  parsed((v: string | number) => {
    const s = typeof v === 'number' ? (Number.isSafeInteger(v) && v >= 0 ? String(v) : '') : v.trim();
    if (s === '') throw new RangeError(`expected a non-empty name, got ${JSON.stringify(v)}`);
    return s;
  }),
);

/** A non-negative amount: a decimal string, or a whole number. Never a binary fraction. */
const amount = (what: string) =>
  z.union([z.string(), z.number()]).transform(
    parsed((v: string | number) => {
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v)) throw new RangeError(`${what} ${v} must be written as a decimal string such as "0.01"`);
        return parseTariffDecimal(String(v), what);
      }
      return parseTariffDecimal(v, what);
    }),
  );

/** A quantity in base units: a Go duration ("60s") or a whole number of units. */
const quantity = (what: string) =>
  z.union([z.string(), z.number()]).transform(
    parsed((v: string | number) => {
      if (typeof v === 'number') {
        if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${what} ${v} must be a non-negative whole number of units`);
        return v;
      }
      return parseTariffQuantity(v, what);
    }),
  );

const weight = z.union([z.number(), z.string()]).transform(
  parsed((v: number | string) => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`weight ${v} must be a non-negative number`);
      return v;
    }
    return parseTariffWeight(v);
  }),
);

/** One item or a list of them (stored as a list). */
const oneOrMany = <T extends z.ZodType>(item: T) => z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).min(1));

export const nativeRateSlotSchema = z
  .strictObject({
    connectFee: amount('connectFee').optional(),
    rate: amount('rate'),
    rateUnit: quantity('rateUnit'),
    rateIncrement: quantity('rateIncrement'),
    groupIntervalStart: quantity('groupIntervalStart').optional(),
  })
  .transform(
    parsed((s): RateSlot => {
      const slot: RateSlot = {
        connectFee: s.connectFee ?? '0',
        rate: s.rate,
        rateUnit: s.rateUnit,
        rateIncrement: s.rateIncrement,
        groupIntervalStart: s.groupIntervalStart ?? 0,
      };
      checkRateSlot(slot);
      return slot;
    }),
  );

const prefix = z.union([z.string(), z.number()]).transform(
  parsed((v: string | number) => {
    const s = typeof v === 'number' ? (Number.isSafeInteger(v) && v >= 0 ? String(v) : '') : v.trim();
    if (s === '' || /\s/.test(s)) throw new RangeError(`destination prefix ${JSON.stringify(v)} must be a non-empty string without spaces`);
    return s;
  }),
);

export const nativeDestinationRateSchema = z
  .strictObject({
    destinationId: name,
    rateId: name,
    roundingMethod: z.string().transform(parsed(parseTariffRounding)),
    roundingDecimals: z.union([z.number(), z.string()]).transform(parsed((v: number | string) => parseTariffRoundingDecimals(String(v)))),
    maxCost: amount('maxCost').nullable().optional(),
    maxCostStrategy: z
      .string()
      .nullable()
      .optional()
      .transform(parsed((v: string | null | undefined) => parseMaxCostStrategy(v ?? ''))),
  })
  .transform((r): DestinationRate => ({ ...r, maxCost: r.maxCost ?? null }));

const timingList = (field: TimingField) =>
  z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
    .optional()
    .transform(parsed((v: string | number | (string | number)[] | undefined) => (v === undefined ? '*any' : parseTimingList(v, field, { weekdayNames: true }))));

const timeOfDay = z.string().transform(parsed(parseTimeOfDay));

export const nativeTimingSchema = z
  .strictObject({
    years: timingList('years'),
    months: timingList('months'),
    monthDays: timingList('monthDays'),
    weekDays: timingList('weekDays'),
    startTime: z
      .string()
      .optional()
      .transform(parsed((v: string | undefined) => (v === undefined || v.trim() === '*asap' ? '00:00:00' : parseTimeOfDay(v)))),
    endTime: timeOfDay.nullable().optional(),
  })
  .transform(
    parsed(
      (t): Timing => ({
        years: t.years,
        months: t.months,
        monthDays: t.monthDays,
        weekDays: t.weekDays,
        startTime: t.startTime,
        endTime: checkTimingWindow(t.startTime, t.endTime ?? null),
      }),
    ),
  );

export const nativeRatingPlanEntrySchema = z
  .strictObject({
    destinationRateId: name,
    timingId: name.optional(),
    weight: weight.optional(),
  })
  .transform((e): RatingPlanEntry => ({ destinationRateId: e.destinationRateId, timingId: e.timingId ?? '*any', weight: e.weight ?? 0 }));

export const SEGMENT_SUBJECT_PREFIX = '*segment:';

export const nativeRatingProfileSchema = z
  .strictObject({
    tenant: name,
    category: name,
    subject: name.optional(),
    segment: name.optional(),
    activationTime: nonEmpty,
    ratingPlanId: name,
    fallbackSubjects: z
      .union([z.array(name), z.string()])
      .optional()
      .transform((v) =>
        typeof v === 'string'
          ? v
              .split(';')
              .map((s) => s.trim())
              .filter((s) => s !== '')
          : (v ?? []),
      ),
  })
  .transform((p, ctx) => {
    if ((p.subject === undefined) === (p.segment === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a rating profile names exactly one of subject or segment' });
      return z.NEVER;
    }
    if (p.segment !== undefined && /\s/.test(p.segment)) {
      ctx.addIssue({ code: 'custom', message: `segment "${p.segment}" contains whitespace`, path: ['segment'] });
      return z.NEVER;
    }
    const subject = p.segment !== undefined ? `${SEGMENT_SUBJECT_PREFIX}${p.segment}` : (p.subject ?? '');
    // activationTime stays text here: an offset-less time needs the plan's timezone (read below).
    return { tenant: p.tenant, category: p.category, subject, activationTime: p.activationTime, ratingPlanId: p.ratingPlanId, fallbackSubjects: p.fallbackSubjects };
  });

/** The native tariff document. Its output is the canonical plan plus the version's effectiveFrom. */
export const nativeTariffSchema = z
  .strictObject({
    id: name,
    description: z.string().optional(),
    timezone: nonEmpty.optional(),
    currency: nonEmpty,
    /** When this version of the tariff takes effect (ISO 8601); informational for the plan store. */
    effectiveFrom: nonEmpty.nullable().optional(),
    destinations: z
      .record(z.string(), oneOrMany(prefix))
      .optional()
      .transform((rec) => Object.fromEntries(Object.entries(rec ?? {}).map(([id, list]) => [id, [...new Set(list)]]))),
    rates: z.record(z.string(), oneOrMany(nativeRateSlotSchema)).transform((rec, ctx) => {
      const out: [string, RateSlot[]][] = [];
      for (const [id, slots] of Object.entries(rec)) {
        const { sorted, duplicateAt } = sortRateSlots(slots.map((slot, index) => ({ slot, index })));
        const dup = sorted[duplicateAt];
        if (dup) {
          ctx.addIssue({ code: 'custom', message: `Rates ${id} has two slots with groupIntervalStart ${dup.slot.groupIntervalStart}`, path: [id, dup.index] });
          return z.NEVER;
        }
        out.push([id, sorted.map((s) => s.slot)]);
      }
      return Object.fromEntries(out);
    }),
    destinationRates: z.record(z.string(), oneOrMany(nativeDestinationRateSchema)).transform((rec, ctx) => {
      for (const [id, rows] of Object.entries(rec)) {
        const dup = rows.findIndex((r, i) => rows.findIndex((o) => o.destinationId === r.destinationId) !== i);
        if (dup >= 0) {
          ctx.addIssue({ code: 'custom', message: `DestinationRates ${id} names destination ${rows[dup]?.destinationId} twice`, path: [id, dup] });
          return z.NEVER;
        }
      }
      return rec;
    }),
    timings: z
      .record(z.string(), nativeTimingSchema)
      .optional()
      .transform((rec) => rec ?? {}),
    ratingPlans: z.record(z.string(), oneOrMany(nativeRatingPlanEntrySchema)),
    ratingProfiles: z.array(nativeRatingProfileSchema),
  })
  .transform((doc, ctx): { plan: TariffPlan; effectiveFrom: number | null } => {
    let failed = false;
    const check = <T>(path: (string | number)[], parse: () => T): T | undefined => {
      try {
        return parse();
      } catch (err) {
        failed = true;
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err), path });
        return undefined;
      }
    };
    const timezone = check(['timezone'], () => checkTariffTimezone(doc.timezone ?? 'UTC')) ?? 'UTC';
    const currency = check(['currency'], () => checkTariffCurrency(doc.currency)) ?? doc.currency;
    const effectiveFrom = doc.effectiveFrom === undefined || doc.effectiveFrom === null ? null : (check(['effectiveFrom'], () => parseTariffInstant(doc.effectiveFrom ?? '', timezone)) ?? null);
    const ratingProfiles: RatingProfile[] = doc.ratingProfiles.map((p, index) => ({
      ...p,
      activationTime: check(['ratingProfiles', index, 'activationTime'], () => parseTariffInstant(p.activationTime, timezone)) ?? 0,
    }));
    if (failed) return z.NEVER;
    return {
      plan: {
        id: doc.id,
        timezone,
        currency,
        destinations: doc.destinations,
        rates: doc.rates,
        destinationRates: doc.destinationRates,
        timings: doc.timings,
        ratingPlans: doc.ratingPlans,
        ratingProfiles,
      },
      effectiveFrom,
    };
  });

/** What a native tariff document may contain (before defaults and transforms). */
export type NativeTariffInput = z.input<typeof nativeTariffSchema>;
/** What the schema produces: the canonical plan and the version's effectiveFrom (epoch ms or null). */
export type NativeTariffOutput = z.output<typeof nativeTariffSchema>;
