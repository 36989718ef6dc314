import type { Allowance, Catalog, Plan } from '../catalog/catalog.types.ts';
import { BillingError } from '../errors.ts';
import type { AllowanceCarry, AllowanceLedgerRow, ChargeableEvent } from './charging.types.ts';
import type { LineSegment } from './build-line-segments.ts';
import { priceContinuation } from './price-continuation.ts';

/** Base units of one allowance unit: voice minutes in ms, data MB in bytes, SMS as messages. */
export const ALLOWANCE_UNIT = { voice: 60_000, sms: 1, data: 1_048_576 } as const;

/** What allowances did to one event. */
export interface EventCharge {
  event: ChargeableEvent;
  segment: LineSegment;
  /** Base units covered by allowances. */
  covered: number;
  allowanceId: string | null;
  /** The amount charged after allowances (tariff precision). */
  charged: string;
}

interface Pool {
  allowance: Allowance;
  key: string;
  granted: number;
  left: number;
  carries: AllowanceCarry[];
  carriedIn: number;
}

/** True when the allowance covers this kind of usage. */
export function covers(a: Allowance, e: ChargeableEvent): boolean {
  if (a.service !== e.service) return false;
  // Bundles are for usage the subscriber makes; a received call the tariff prices is charged as priced.
  if (e.direction === 'inbound') return false;
  if (a.categories.length > 0 && !a.categories.includes(e.category)) return false;
  return e.roaming !== 'outbound' || a.includesRoaming;
}

/** True when the event would draw on the allowance while any is left: priced usage of a kind it covers (free usage draws nothing). */
export function drawsOnAllowance(a: Allowance, e: ChargeableEvent): boolean {
  // Costs are non-negative decimal strings: any non-zero digit means a price to draw against.
  return /[1-9]/.test(e.cost) && covers(a, e);
}

/**
 * Draws each event's usage from the line's allowances in chronological order. Carried-in units are
 * used first (they expire sooner), then the period's grant (prorated by days on the plan). A call
 * that exhausts an allowance is split: the covered part is free and the rest is priced as the
 * continuation of the same call. Free (zero-cost) usage draws nothing.
 */
export function consumeAllowances(input: {
  catalog: Catalog;
  segments: LineSegment[];
  periodDays: number;
  events: ChargeableEvent[];
  carriedIn: AllowanceCarry[];
  bonuses: Array<{ subscriptionId: string; allowance: Allowance; units: number }>;
  segmentOf: (e: ChargeableEvent) => LineSegment | null;
}): { charges: EventCharge[]; ledger: AllowanceLedgerRow[]; pools: Map<string, Pool[]> } {
  const plans = new Map<string, Plan>(input.catalog.plans.map((p) => [p.id, p]));
  // One pool per line, plan stretch and allowance: tax-rate splits of one plan share the pool.
  const pools = new Map<string, Pool[]>();
  const stretchDays = new Map<string, number>();
  for (const s of input.segments) {
    const k = `${s.subscriptionId}|${s.planId}`;
    stretchDays.set(k, (stretchDays.get(k) ?? 0) + s.days);
  }
  for (const [k, days] of stretchDays) {
    const [subscriptionId, planId] = k.split('|') as [string, string];
    const plan = plans.get(planId)!;
    const list = plan.allowances.map((allowance) => {
      const full = allowance.amount * ALLOWANCE_UNIT[allowance.service];
      const granted = days >= input.periodDays ? full : Math.floor((full * days) / input.periodDays);
      const carries = input.carriedIn.filter((c) => c.subscriptionId === subscriptionId && c.allowanceId === allowance.id).sort((a, b) => a.validThrough.localeCompare(b.validThrough));
      const carriedIn = carries.reduce((n, c) => n + c.units, 0);
      return { allowance, key: k, granted, left: granted, carries: carries.map((c) => ({ ...c })), carriedIn };
    });
    for (const b of input.bonuses.filter((b) => b.subscriptionId === subscriptionId)) {
      list.push({ allowance: b.allowance, key: k, granted: b.units, left: b.units, carries: [], carriedIn: 0 });
    }
    pools.set(k, list);
  }

  const ordered = [...input.events].sort((a, b) => a.startTime - b.startTime || a.id - b.id);
  const charges: EventCharge[] = [];
  for (const event of ordered) {
    const segment = input.segmentOf(event);
    if (!segment) continue;
    let covered = 0;
    let allowanceId: string | null = null;
    // Costs are non-negative decimal strings: any non-zero digit means a price to draw against.
    if (/[1-9]/.test(event.cost)) {
      for (const pool of pools.get(`${segment.subscriptionId}|${segment.planId}`) ?? []) {
        if (covered >= event.usage || !covers(pool.allowance, event)) continue;
        const before = covered;
        for (const c of pool.carries) {
          const take = Math.min(c.units, event.usage - covered);
          c.units -= take;
          covered += take;
        }
        const take = Math.min(pool.left, event.usage - covered);
        pool.left -= take;
        covered += take;
        if (covered > before) allowanceId ??= pool.allowance.id;
      }
    }
    let charged = event.cost;
    if (covered >= event.usage) charged = '0';
    else if (covered > 0) {
      if (!event.breakdown) throw new BillingError('INTERNAL', `event ${event.id} has a cost but no rating breakdown to price its continuation`);
      charged = priceContinuation(event.breakdown, covered, event.service);
    }
    charges.push({ event, segment, covered, allowanceId, charged });
  }

  const ledger: AllowanceLedgerRow[] = [];
  for (const list of pools.values()) {
    for (const p of list) {
      const carriedLeft = p.carries.reduce((n, c) => n + c.units, 0);
      ledger.push({
        subscriptionId: p.key.split('|')[0]!,
        allowanceId: p.allowance.id,
        service: p.allowance.service,
        granted: p.granted,
        carriedIn: p.carriedIn,
        used: p.granted - p.left + (p.carriedIn - carriedLeft),
        carriedOut: 0,
      });
    }
  }
  return { charges, ledger, pools };
}
