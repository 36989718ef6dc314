import { BillingError } from '../errors.ts';
import { findProfile, type CompiledPlan, type CompiledTariff, type EntryList } from './compile-tariff.ts';
import type { RatingRequest } from './tariff.types.ts';
import { activeWindowsForDay, windowAt } from './active-windows.ts';

/** One rating plan chosen for (part of) a usage, with the destination it matched (CGRateS's RatingInfo). */
export interface RatingInfo {
  /** From when this plan prices the usage (epoch ms): the activation time, or the answer time for the first. */
  from: number;
  subject: string;
  activationTime: number;
  activationTimeText: string;
  ratingPlanId: string;
  destinationId: string;
  matchedPrefix: string;
  list: EntryList;
  /** The subject whose plan had no matching destination, when this came from a fallback subject. */
  fallbackFrom: string | null;
}

// CGRateS's RECURSION_MAX_DEPTH for fallback subjects.
const MAX_FALLBACK_DEPTH = 3;

type Candidates = Array<{ destinationId: string; list: EntryList }>;
const prefixIndexes = new WeakMap<CompiledPlan, Map<string, Candidates>>();

/** prefix -> this plan's destinations holding it: built once per plan so a lookup is one Map hit per prefix length. */
function prefixIndexFor(tariff: CompiledTariff, plan: CompiledPlan): Map<string, Candidates> {
  let index = prefixIndexes.get(plan);
  if (!index) {
    index = new Map();
    for (const [prefix, ids] of tariff.prefixes) {
      const lists = ids.flatMap((destinationId) => {
        const list = plan.byDestination.get(destinationId);
        return list ? [{ destinationId, list }] : [];
      });
      if (lists.length) index.set(prefix, lists);
    }
    prefixIndexes.set(plan, index);
  }
  return index;
}

/** True when some entry of the list has a timing active at the instant (read from the day's cached windows). */
function activeAt(tariff: CompiledTariff, list: EntryList, at: number): boolean {
  return list.alwaysActive || windowAt(activeWindowsForDay(tariff, list, at), at).entry !== null;
}

/**
 * Finds the destination a rating plan prices for this number at this time: the longest matching
 * prefix whose entries have a timing active at the start (the higher weight among destinations
 * sharing that prefix), else the plan's `*any` destination rates.
 */
export function matchDestination(tariff: CompiledTariff, plan: CompiledPlan, destination: string, at: number): { destinationId: string; matchedPrefix: string; list: EntryList } | null {
  if (destination !== '*any' && destination !== '') {
    const index = prefixIndexFor(tariff, plan);
    for (let len = Math.min(destination.length, tariff.maxPrefixLength); len >= 1; len--) {
      const lists = index.get(destination.slice(0, len));
      if (!lists) continue;
      let best: Candidates[number] | null = null;
      for (const c of lists) {
        if (!activeAt(tariff, c.list, at)) continue;
        if (!best || c.list.maxWeight > best.list.maxWeight) best = c;
      }
      if (best) return { destinationId: best.destinationId, matchedPrefix: destination.slice(0, len), list: best.list };
    }
  }
  return plan.any ? { destinationId: '*any', matchedPrefix: '*any', list: plan.any } : null;
}

type Attempt = RatingInfo[] | 'no-profile' | 'no-destination';

function attempt(tariff: CompiledTariff, req: RatingRequest, subject: string, end: number, depth: number): Attempt {
  const activations = findProfile(tariff, req.tenant, req.category, subject);
  if (!activations) return 'no-profile';
  let first = -1;
  for (let i = 0; i < activations.length; i++) if (activations[i]!.activationTime <= req.answerTime) first = i;
  if (first < 0) return 'no-profile';
  // Voice is split at later activations inside the call, as CGRateS splits timespans on rating plans.
  const relevant = [activations[first]!];
  if (req.tor === 'voice') {
    for (let i = first + 1; i < activations.length && activations[i]!.activationTime < end; i++) relevant.push(activations[i]!);
  }
  const infos: RatingInfo[] = [];
  for (const act of relevant) {
    const plan = tariff.plans.get(act.ratingPlanId)!;
    const from = Math.max(act.activationTime, req.answerTime);
    const match = matchDestination(tariff, plan, req.destination, req.answerTime);
    if (!match) {
      if (depth < MAX_FALLBACK_DEPTH) {
        for (const fb of act.fallbackSubjects) {
          const viaFallback = attempt(tariff, req, fb, end, depth + 1);
          if (Array.isArray(viaFallback)) return viaFallback.map((info) => ({ ...info, fallbackFrom: info.fallbackFrom ?? subject }));
        }
      }
      return 'no-destination';
    }
    infos.push({ from, subject, activationTime: act.activationTime, activationTimeText: act.activationTimeText, ratingPlanId: act.ratingPlanId, ...match, fallbackFrom: null });
  }
  return infos;
}

/**
 * Chooses the rating plan(s) and destination for a usage: the subject's profile (latest activation
 * not after the answer time), its fallback subjects when its plan has no matching destination, and
 * when the subject has no profile at all, the customer segment's profile and then `*any`.
 */
export function resolveRatingInfos(tariff: CompiledTariff, req: RatingRequest, end: number): RatingInfo[] {
  let result = attempt(tariff, req, req.subject, end, 1);
  if (result === 'no-profile' && req.segment) result = attempt(tariff, req, `*segment:${req.segment}`, end, 1);
  if (result === 'no-profile' && req.subject !== '*any') result = attempt(tariff, req, '*any', end, 1);
  if (result === 'no-profile') {
    throw new BillingError('RATING_PLAN_NOT_FOUND', `no rating profile for tenant ${req.tenant}, category ${req.category}, subject ${req.subject} at ${new Date(req.answerTime).toISOString()}`, {
      tenant: req.tenant,
      category: req.category,
      subject: req.subject,
    });
  }
  if (result === 'no-destination') {
    throw new BillingError('UNAUTHORIZED_DESTINATION', `no rate for destination ${req.destination} (tenant ${req.tenant}, category ${req.category}, subject ${req.subject})`, {
      destination: req.destination,
      subject: req.subject,
    });
  }
  return result;
}
