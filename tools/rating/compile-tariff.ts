import { BillingError } from '../errors.ts';
import { decimalPlaces, pow10, toScaled } from './scaled-amount.ts';
import type { DestinationRate, RateSlot, TariffPlan, Timing } from './tariff.types.ts';

/** CGRateS's default general rounding precision (`general.rounding_decimals`). */
export const DEFAULT_GENERAL_ROUNDING_DECIMALS = 5;

/** A rate slot prepared for exact integer math, with its per-duration cost memo. */
export interface CompiledSlot {
  index: number;
  source: RateSlot;
  /** Rate as integer numerator over 10^rateScale. */
  rateNumerator: bigint;
  rateScale: number;
  connectFee: bigint; // at the compiled tariff's scale
  rateUnit: number;
  rateIncrement: number;
  groupIntervalStart: number;
  /** span usage -> [increments, incrementCost, spanCost] at the general scale; pure memo. */
  costMemo: Map<number, SpanPrice>;
}

export interface SpanPrice {
  increments: number;
  incrementCost: bigint;
  cost: bigint;
  /** The same amounts as decimal strings, formatted once per memo entry. */
  incrementCostText: string;
  costText: string;
}

/** A timing with its clock times as seconds of the day. */
export interface CompiledTiming {
  id: string;
  source: Timing | null; // null for *any
  startSecond: number;
  endSecond: number | null;
}

/** One rating-plan row resolved to its destination rate, rates and timing. */
export interface CompiledEntry {
  ratingPlanId: string;
  destinationRateId: string;
  destinationRate: DestinationRate;
  rateId: string;
  slots: CompiledSlot[];
  timing: CompiledTiming;
  weight: number;
  maxCost: bigint | null; // at the compiled tariff's scale
}

/** The entries of one rating plan for one destination (CGRateS's RateIntervalList), with a stable id for caches. */
export interface EntryList {
  key: string;
  entries: CompiledEntry[];
  maxWeight: number;
  /** True when some entry's timing is *any: the list is active at every instant. */
  alwaysActive: boolean;
  /** Active windows per local day number (active-windows.ts), filled lazily. */
  windows?: Map<number, unknown>;
}

export interface CompiledPlan {
  id: string;
  byDestination: Map<string, EntryList>;
  any: EntryList | null;
}

export interface CompiledActivation {
  activationTime: number;
  activationTimeText: string;
  ratingPlanId: string;
  fallbackSubjects: string[];
}

/** A tariff plan indexed for rating. Build once per tariff version with compileTariff. */
export interface CompiledTariff {
  plan: TariffPlan;
  generalDecimals: number;
  /** Scale of every amount inside the engine: max of general decimals, rounding decimals, connect fee and max cost decimals. */
  scale: number;
  plans: Map<string, CompiledPlan>;
  /** tenant -> category -> subject -> activations sorted by time (nested: no key strings per call). */
  profiles: Map<string, Map<string, Map<string, CompiledActivation[]>>>;
  /** prefix -> destination ids holding it, sorted. */
  prefixes: Map<string, string[]>;
  maxPrefixLength: number;
}

/** The activations of tenant + category + subject, if that rating profile exists. */
export function findProfile(tariff: CompiledTariff, tenant: string, category: string, subject: string): CompiledActivation[] | undefined {
  return tariff.profiles.get(tenant)?.get(category)?.get(subject);
}

function secondsOfDay(hms: string): number {
  const [h, m, s] = hms.split(':').map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
}

/** Indexes a tariff plan for rating; throws INVALID_TARIFF on references the engine cannot resolve. */
export function compileTariff(plan: TariffPlan, options: { generalRoundingDecimals?: number } = {}): CompiledTariff {
  const generalDecimals = options.generalRoundingDecimals ?? DEFAULT_GENERAL_ROUNDING_DECIMALS;
  if (!Number.isInteger(generalDecimals) || generalDecimals < 0 || generalDecimals > 12) {
    throw new BillingError('INVALID_INPUT', `general rounding decimals must be an integer 0..12, got ${generalDecimals}`);
  }
  let scale = generalDecimals;
  for (const slots of Object.values(plan.rates)) for (const s of slots) scale = Math.max(scale, decimalPlaces(s.connectFee));
  for (const rows of Object.values(plan.destinationRates)) {
    for (const r of rows) {
      scale = Math.max(scale, r.roundingDecimals);
      if (r.maxCost) scale = Math.max(scale, decimalPlaces(r.maxCost));
    }
  }

  const slotCache = new Map<string, CompiledSlot[]>();
  const slotsFor = (rateId: string): CompiledSlot[] => {
    let compiled = slotCache.get(rateId);
    if (compiled) return compiled;
    const source = plan.rates[rateId];
    if (!source) throw new BillingError('INVALID_TARIFF', `unknown Rates id ${rateId}`);
    const sorted = [...source].sort((a, b) => a.groupIntervalStart - b.groupIntervalStart);
    compiled = sorted.map((s, index) => {
      const rateScale = decimalPlaces(s.rate);
      if (s.rateUnit === 0 && toScaled(s.rate, rateScale) !== 0n) {
        throw new BillingError('INVALID_TARIFF', `Rates ${rateId}: a non-zero rate needs a RateUnit`);
      }
      return {
        index,
        source: s,
        rateNumerator: toScaled(s.rate, rateScale),
        rateScale,
        // CGRateS takes the connect fee from the first slot only (RIRate.ConnectFee = rates[0]).
        connectFee: index === 0 ? toScaled(s.connectFee, scale) : 0n,
        rateUnit: s.rateUnit,
        rateIncrement: s.rateIncrement,
        groupIntervalStart: s.groupIntervalStart,
        costMemo: new Map(),
      };
    });
    slotCache.set(rateId, compiled);
    return compiled;
  };

  const timingFor = (timingId: string): CompiledTiming => {
    if (timingId === '*any') return { id: '*any', source: null, startSecond: 0, endSecond: null };
    const t = plan.timings[timingId];
    if (!t) throw new BillingError('INVALID_TARIFF', `unknown Timings id ${timingId}`);
    return { id: timingId, source: t, startSecond: secondsOfDay(t.startTime), endSecond: t.endTime ? secondsOfDay(t.endTime) : null };
  };

  const plans = new Map<string, CompiledPlan>();
  for (const [planId, rows] of Object.entries(plan.ratingPlans)) {
    const byDestination = new Map<string, EntryList>();
    for (const row of rows) {
      const drRows = plan.destinationRates[row.destinationRateId];
      if (!drRows) throw new BillingError('INVALID_TARIFF', `RatingPlan ${planId} names unknown DestinationRates ${row.destinationRateId}`);
      const timing = timingFor(row.timingId);
      for (const dr of drRows) {
        const entry: CompiledEntry = {
          ratingPlanId: planId,
          destinationRateId: row.destinationRateId,
          destinationRate: dr,
          rateId: dr.rateId,
          slots: slotsFor(dr.rateId),
          timing,
          weight: row.weight,
          maxCost: dr.maxCost && toScaled(dr.maxCost, scale) > 0n ? toScaled(dr.maxCost, scale) : null,
        };
        let list = byDestination.get(dr.destinationId);
        if (!list) {
          list = { key: `${planId}\u0000${dr.destinationId}`, entries: [], maxWeight: -Infinity, alwaysActive: false };
          byDestination.set(dr.destinationId, list);
        }
        list.entries.push(entry);
        list.maxWeight = Math.max(list.maxWeight, row.weight);
        if (!timing.source) list.alwaysActive = true;
      }
    }
    const any = byDestination.get('*any') ?? null;
    byDestination.delete('*any');
    plans.set(planId, { id: planId, byDestination, any });
  }

  const profiles: CompiledTariff['profiles'] = new Map();
  for (const p of plan.ratingProfiles) {
    if (!plans.has(p.ratingPlanId)) throw new BillingError('INVALID_TARIFF', `RatingProfile ${p.subject} names unknown RatingPlan ${p.ratingPlanId}`);
    const byCategory = profiles.get(p.tenant) ?? new Map<string, Map<string, CompiledActivation[]>>();
    profiles.set(p.tenant, byCategory);
    const bySubject = byCategory.get(p.category) ?? new Map<string, CompiledActivation[]>();
    byCategory.set(p.category, bySubject);
    const list = bySubject.get(p.subject) ?? [];
    list.push({ activationTime: p.activationTime, activationTimeText: new Date(p.activationTime).toISOString(), ratingPlanId: p.ratingPlanId, fallbackSubjects: p.fallbackSubjects });
    list.sort((a, b) => a.activationTime - b.activationTime);
    bySubject.set(p.subject, list);
  }

  const prefixes = new Map<string, string[]>();
  let maxPrefixLength = 0;
  for (const [destId, list] of Object.entries(plan.destinations)) {
    for (const prefix of list) {
      const ids = prefixes.get(prefix) ?? [];
      if (!ids.includes(destId)) ids.push(destId);
      ids.sort();
      prefixes.set(prefix, ids);
      maxPrefixLength = Math.max(maxPrefixLength, prefix.length);
    }
  }

  return { plan, generalDecimals, scale, plans, profiles, prefixes, maxPrefixLength };
}

/** The rate slot that applies at `elapsed` usage: the largest groupIntervalStart not after it. */
export function slotAt(slots: CompiledSlot[], elapsed: number): CompiledSlot {
  let chosen = slots[0]!;
  for (const s of slots) if (s.groupIntervalStart <= elapsed) chosen = s;
  return chosen;
}

export { pow10 };
