import { addMonths, startOfLocalDate } from '../time/index.ts';
import { dec } from '../money/index.ts';
import { applyDiscounts } from './apply-discounts.ts';
import { applyPromotions, eligiblePromotions } from './apply-promotions.ts';
import { checkChargeInput } from './check-charge-input.ts';
import { buildLineSegments, type LineSegment } from './build-line-segments.ts';
import { buildOneTimeLines, buildRecurringLines } from './build-fee-lines.ts';
import { buildUsageLines } from './build-usage-lines.ts';
import type { AllowanceCarry, ChargeableEvent, ChargeInput, ChargeLine, ChargeResult } from './charging.types.ts';
import { ALLOWANCE_UNIT, consumeAllowances } from './consume-allowances.ts';

function digits(msisdn: string): string {
  return msisdn.replace(/^\+/, '');
}

/**
 * Charges one account for one period, in the documented order: recurring and one-time charges;
 * usage after allowances (chronological, rollover first); promotions; discounts. Every line keeps
 * its provenance. Pure: the same input always gives the same lines, which is what makes billing
 * idempotent and what-if comparisons exact.
 */
export function chargePeriod(input: ChargeInput): ChargeResult {
  checkChargeInput(input);
  const { catalog, account, customer, period } = input;
  const currency = account.currency;
  const segments = input.subscriptions.flatMap((s) => buildLineSegments(s, period, input.splitDates));
  const subsById = new Map(input.subscriptions.map((s) => [s.id, s]));
  const msisdnOf = (id: string) => subsById.get(id)!.msisdn;

  // An event belongs to the line that had its number on the local day it started; segment bounds
  // are turned into instants once, so placing an event is a number comparison.
  const byMsisdn = new Map<string, Array<{ seg: LineSegment; fromMs: number; toMs: number }>>();
  for (const seg of segments) {
    const m = msisdnOf(seg.subscriptionId);
    const bounds = { seg, fromMs: startOfLocalDate(seg.from, input.timezone), toMs: startOfLocalDate(seg.to, input.timezone) };
    byMsisdn.set(m, [...(byMsisdn.get(m) ?? []), bounds]);
  }
  const segmentOf = (e: ChargeableEvent): LineSegment | null => byMsisdn.get(digits(e.subscriber))?.find((s) => s.fromMs <= e.startTime && e.startTime < s.toMs)?.seg ?? null;

  const bonuses = input.subscriptions.flatMap((sub) => {
    const first = segments.find((s) => s.subscriptionId === sub.id);
    if (!first) return [];
    return eligiblePromotions(catalog, customer, sub, first.planId, period, account.billingCycleDay).flatMap((p) =>
      p.kind === 'bonus_data'
        ? [{ subscriptionId: sub.id, allowance: { id: p.id, service: 'data' as const, categories: [], includesRoaming: false, amount: p.mb }, units: p.mb * ALLOWANCE_UNIT.data }]
        : [],
    );
  });

  // Transit is nobody's usage, and a received call the tariff does not price is history, not a
  // charge: whatever a loader hands over, neither reaches a subscriber's bill.
  const events = input.events.filter((e) => e.direction !== 'transit' && !(e.direction === 'inbound' && dec(e.cost).isZero()));
  const consumed = consumeAllowances({ catalog, segments, periodDays: period.days, events, carriedIn: input.carriedIn, bonuses, segmentOf });
  const recurring = buildRecurringLines(catalog, segments, period, currency, msisdnOf);
  const oneTime = buildOneTimeLines(catalog, input.subscriptions, segments, period, account.billingCycleDay, currency);
  const usage = buildUsageLines(consumed.charges, currency);
  const base: ChargeLine[] = [...recurring, ...usage.lines, ...oneTime];

  const planOfLine = (l: ChargeLine) => segments.find((s) => s.subscriptionId === l.subscriptionId && s.from <= l.servicePeriod.from && l.servicePeriod.from < s.to)!.planId;
  const startTimes = new Map(events.map((e) => [e.id, e.startTime]));
  const promotions = applyPromotions({
    catalog,
    customer,
    subs: input.subscriptions,
    period,
    cycleDay: account.billingCycleDay,
    timezone: input.timezone,
    currency,
    lines: base,
    planOfLine,
    startTimeOf: (id) => startTimes.get(id)!,
  });
  const activeSubscriptions = input.subscriptions.flatMap((s) => {
    const own = segments.filter((g) => g.subscriptionId === s.id);
    return own.length ? [{ id: s.id, msisdn: s.msisdn, activeFrom: own[0]!.from, activeTo: own[own.length - 1]!.to }] : [];
  });
  const discounts = applyDiscounts({ catalog, customer, account, period, activeLines: activeSubscriptions.length, currency, lines: [...base, ...promotions] });

  // Rollover: the period's unused grant (up to the cap) plus earlier carries still valid move on.
  const carriedOut: AllowanceCarry[] = [];
  for (const list of consumed.pools.values()) {
    for (const pool of list) {
      const subscriptionId = pool.key.split('|')[0]!;
      const rollover = pool.allowance.rollover;
      if (!rollover) continue;
      const carried = pool.carries.filter((c) => c.units > 0 && c.validThrough > period.label);
      const fresh = Math.min(pool.left, rollover.maxCarry * ALLOWANCE_UNIT[pool.allowance.service]);
      if (fresh > 0) carried.push({ subscriptionId, allowanceId: pool.allowance.id, units: fresh, validThrough: addMonths(period.label, rollover.expiresAfterPeriods) });
      carriedOut.push(...carried);
      const row = consumed.ledger.find((r) => r.subscriptionId === subscriptionId && r.allowanceId === pool.allowance.id);
      if (row) row.carriedOut += carried.reduce((n, c) => n + c.units, 0);
    }
  }

  const attached = new Set(consumed.charges.map((c) => c.event.id));
  const unattachedEvents = events.filter((e) => !attached.has(e.id)).map((e) => e.id);
  return { lines: [...base, ...promotions, ...discounts], ledger: consumed.ledger, carriedOut, usageSummary: usage.summary, activeSubscriptions, unattachedEvents };
}
