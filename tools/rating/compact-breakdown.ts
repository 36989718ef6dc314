import { z } from 'zod';
import { BillingError } from '../errors.ts';
import type { RatedCost, RatedSpan, TariffPlan } from './tariff.types.ts';

/**
 * The stored form of a rating breakdown: every number that belongs to the event (spans, usage,
 * increments, costs, rounding, profile, destination) kept verbatim, and the tariff rows referenced
 * by (rate id, slot) instead of copied, since the tariff version they come from is stored once and
 * never changes. About a third of the size of RatedCost as JSON, and lossless: expandBreakdown
 * rebuilds the identical RatedCost from it and that version (property-tested).
 */
export interface CompactBreakdown {
  v: 1;
  c: string;
  cur: string;
  p: [tenant: string, category: string, subject: string, activationTime: string, ratingPlanId: string, fallbackFrom: string | null];
  d: [destinationId: string, matchedPrefix: string, destinationRateId: string];
  cf: string;
  cb: string;
  r: [method: RatedCost['rounding']['method'], decimals: number, generalDecimals: number];
  m: [amount: string, strategy: string, applied: boolean] | null;
  u: [usage: number, billedUsage: number];
  s: Array<
    [
      start: number,
      offset: number,
      usage: number,
      ratingPlanId: string,
      timingId: string,
      destinationRateId: string,
      rateId: string,
      slot: number,
      increments: number,
      incrementCost: string,
      cost: string,
    ]
  >;
  /** The dynamic-pricing multiplier, kept whole (it is small and rare). */
  x?: RatedCost['multiplier'];
}

/** The compact, stored form of a breakdown. */
export function compactBreakdown(r: RatedCost): CompactBreakdown {
  return {
    v: 1,
    c: r.cost,
    cur: r.currency,
    p: [r.profile.tenant, r.profile.category, r.profile.subject, r.profile.activationTime, r.profile.ratingPlanId, r.profile.fallbackFrom],
    d: [r.destinationId, r.matchedPrefix, r.destinationRateId],
    cf: r.connectFee,
    cb: r.costBeforeRounding,
    r: [r.rounding.method, r.rounding.decimals, r.rounding.generalDecimals],
    m: r.maxCost ? [r.maxCost.amount, r.maxCost.strategy, r.maxCost.applied] : null,
    u: [r.usage, r.billedUsage],
    s: r.spans.map((s) => [s.start, s.offset, s.usage, s.ratingPlanId, s.timingId, s.destinationRateId, s.rateId, s.slot, s.increments, s.incrementCost, s.cost]),
    ...(r.multiplier ? { x: r.multiplier } : {}),
  };
}

const slotOrder = new WeakMap<TariffPlan, Map<string, TariffPlan['rates'][string]>>();

/** A Rates id's slots in groupIntervalStart order (how the engine indexes them), sorted once per plan. */
function sortedSlots(plan: TariffPlan, rateId: string): TariffPlan['rates'][string] {
  let byRate = slotOrder.get(plan);
  if (!byRate) slotOrder.set(plan, (byRate = new Map()));
  let slots = byRate.get(rateId);
  if (!slots) byRate.set(rateId, (slots = [...(plan.rates[rateId] ?? [])].sort((x, y) => x.groupIntervalStart - y.groupIntervalStart)));
  return slots;
}

/** Rebuilds the full breakdown from its compact form and the tariff plan version it was rated with. */
export function expandBreakdown(b: CompactBreakdown, plan: TariffPlan): RatedCost {
  if (b.v !== 1) throw new BillingError('INTERNAL', `unknown breakdown version ${String(b.v)}`);
  const spans: RatedSpan[] = b.s.map(([start, offset, usage, ratingPlanId, timingId, destinationRateId, rateId, slot, increments, incrementCost, cost]) => {
    const rate = sortedSlots(plan, rateId)[slot];
    const entry = plan.ratingPlans[ratingPlanId]?.find((e) => e.destinationRateId === destinationRateId && e.timingId === timingId);
    if (!rate || !entry) throw new BillingError('INTERNAL', `breakdown references ${rateId}[${slot}] / ${ratingPlanId} not in tariff ${plan.id}`);
    return {
      start,
      offset,
      usage,
      ratingPlanId,
      timingId,
      weight: entry.weight,
      destinationRateId,
      rateId,
      slot,
      rate: rate.rate,
      rateUnit: rate.rateUnit,
      rateIncrement: rate.rateIncrement,
      groupIntervalStart: rate.groupIntervalStart,
      increments,
      incrementCost,
      cost,
    };
  });
  const [tenant, category, subject, activationTime, ratingPlanId, fallbackFrom] = b.p;
  return {
    cost: b.c,
    currency: b.cur,
    tariffPlanId: plan.id,
    profile: { tenant, category, subject, activationTime, ratingPlanId, fallbackFrom },
    destinationId: b.d[0],
    matchedPrefix: b.d[1],
    destinationRateId: b.d[2],
    connectFee: b.cf,
    spans,
    costBeforeRounding: b.cb,
    rounding: { method: b.r[0], decimals: b.r[1], generalDecimals: b.r[2] },
    maxCost: b.m ? { amount: b.m[0], strategy: b.m[1], applied: b.m[2] } : null,
    usage: b.u[0],
    billedUsage: b.u[1],
    ...(b.x ? { multiplier: b.x } : {}),
  };
}

const dec = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number');
/**
 * The stored breakdown as read back: every amount checked to be a decimal string before it is
 * shown or expanded, so stored money is never taken on trust.
 */
export const compactBreakdownSchema = z.object({
  v: z.literal(1),
  c: dec,
  cur: z.string(),
  p: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.string().nullable()]),
  d: z.tuple([z.string(), z.string(), z.string()]),
  cf: dec,
  cb: dec,
  r: z.tuple([z.string(), z.number().int(), z.number().int()]),
  m: z.tuple([dec, z.string(), z.boolean()]).nullable(),
  u: z.tuple([z.number(), z.number()]),
  s: z.array(z.tuple([z.number(), z.number(), z.number(), z.string(), z.string(), z.string(), z.string(), z.number().int(), z.number(), dec, dec])),
  x: z.looseObject({}).optional(),
});

/** Reads a stored compact breakdown, refusing one whose shape or amounts are not what compactBreakdown writes. */
export function readCompactBreakdown(value: unknown): CompactBreakdown {
  return compactBreakdownSchema.parse(value) as CompactBreakdown;
}
