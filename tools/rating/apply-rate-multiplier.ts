import type { RateMultiplierTable } from '../catalog/catalog.types.ts';
import { dec, roundDecimal } from '../money/index.ts';
import { isoWeekday, localDate, localParts } from '../time/index.ts';
import type { RatingOutcome } from './rate-event.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Where and when a usage happened, as dynamic pricing needs it. */
export interface MultiplierContext {
  service: 'voice' | 'sms' | 'data';
  /** Answer (or start) time, epoch ms. */
  at: number;
  /** The cell or region the usage was served from (a cell id, or a region name), when the switch says. */
  region: string | null;
  /** The operator's zone: time bands are local. */
  timezone: string;
}

/** The cell or region of a record, from the fields switches and mediation commonly fill. */
export function regionOf(attributes: Readonly<Record<string, string>>): string | null {
  return attributes.cell_id || attributes.cell || attributes.region || attributes.location_area || null;
}

function minutesOf(hm: string): number {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Applies dynamic pricing to a rated outcome: the table in effect at the usage's local date, the
 * time band it falls in (local weekday and time), the congestion level of its region in that band
 * (the longest matching region or cell-id prefix, "*any" last), and that level's multiplier. The
 * cost becomes cost x multiplier, rounded as the tariff rounds the destination; the breakdown
 * records the table, band, region, level, factor and the cost before. No table, band or level: the
 * outcome is returned as it is.
 */
export function applyRateMultiplier(outcome: RatingOutcome, tables: readonly RateMultiplierTable[], ctx: MultiplierContext): RatingOutcome {
  if (outcome.status !== 'rated' || !('spans' in outcome.breakdown) || tables.length === 0) return outcome;
  const day = localDate(ctx.at, ctx.timezone);
  const table = tables.find((t) => t.effectiveFrom <= day && (!t.effectiveTo || day < t.effectiveTo) && t.services.includes(ctx.service));
  if (!table) return outcome;
  const p = localParts(ctx.at, ctx.timezone);
  const weekday = WEEKDAYS[isoWeekday(day) - 1]!;
  const minute = Math.floor(p.msOfDay / 60_000);
  const band = table.timeBands.find((b) => (b.weekDays.length === 0 || b.weekDays.includes(weekday)) && minutesOf(b.start) <= minute && minute < minutesOf(b.end));
  if (!band) return outcome;
  const region = ctx.region ?? '';
  const row = table.congestion
    .filter((c) => c.band === band.id && (c.region === '*any' || region.startsWith(c.region)))
    .sort((a, b) => (b.region === '*any' ? -1 : b.region.length) - (a.region === '*any' ? -1 : a.region.length))[0];
  if (!row) return outcome;
  const factor = table.levels[row.level]!;
  const b = outcome.breakdown;
  const cost = roundDecimal(dec(b.cost).times(factor), b.rounding.decimals, b.rounding.method).toString();
  return {
    ...outcome,
    cost,
    breakdown: { ...b, cost, multiplier: { tableId: table.id, band: band.id, region: row.region, level: row.level, factor, costBeforeMultiplier: b.cost } },
  };
}
