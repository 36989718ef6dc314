import { dec, minorUnits } from '../money/index.ts';
import { daysBetween } from '../time/index.ts';
import { RISK_BANDS, type CashflowAllocation, type CashflowDocument, type RiskBand } from './cashflow.types.ts';

/** Ages are counted in whole weeks past the due date; everything 4 or more weeks before due shares one cell, and so does everything half a year past due. */
export const MIN_AGE = -4;
export const MAX_AGE = 26;
const CELLS = MAX_AGE - MIN_AGE + 1;
/** Invoice-weeks a cell needs before its own rate counts as much as its parent's (shrinkage strength). */
export const SHRINK_WEEKS = 20;
/** Fewer invoice-weeks of history than this and the curves are reported as thin (mostly the prior). */
export const MIN_HISTORY_WEEKS = 200;

/**
 * The fallback prior: the weekly share of what is still open that gets paid, by weeks past due,
 * for a medium-risk account. A judgement, not a measurement (docs/cashflow.md): some pay early,
 * most around the due date, then a decaying tail that reminders keep alive.
 */
export function priorHazard(age: number): number {
  if (age <= -2) return 0.04;
  if (age === -1) return 0.3;
  if (age === 0) return 0.35;
  if (age <= 3) return 0.2;
  if (age <= 8) return 0.12;
  if (age <= 12) return 0.07;
  return 0.03;
}

/** How the prior leans by band: a low-risk account pays faster, a high-risk one slower. */
export const BAND_FACTOR: Record<RiskBand, number> = { low: 1.4, medium: 1, high: 0.5 };

/** Weekly payment rates (hazards) by band and week of age, learned from history and shrunk to the prior where history is thin. */
export interface CollectionCurves {
  hazard: Record<RiskBand, number[]>;
  invoices: number;
  invoiceWeeks: number;
  /** Cash allocations (payments and returns) the curves saw. */
  payments: number;
  thin: boolean;
}

/** The cell of an age in weeks past due. */
export function ageCell(age: number): number {
  return Math.min(MAX_AGE, Math.max(MIN_AGE, age)) - MIN_AGE;
}

/** The week of age (floor of days past due / 7, negative before due) of a day. */
export function ageInWeeks(dueDate: string, day: string): number {
  return Math.floor(daysBetween(dueDate, day) / 7);
}

interface Cell {
  paid: number;
  open: number;
  n: number;
}

/** A calendar date as a day number (days since 1970-01-01), so the weekly walk compares integers, not strings. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** An amount as whole minor units: integers, so the statistics below add exactly (they are ratios, never money). */
function units(amount: string, decimals: number): number {
  return dec(amount)
    .times(10 ** decimals)
    .round()
    .toNumber();
}

/**
 * Learns the weekly collection rates from the tenant's history up to `asOf`: for every invoice and
 * debit note (not void), every week (s, s+7] from its issue, aligned on its due date and fully
 * seen by `asOf`, while something is open at s: what cash came in that week over what was open at
 * its start, by the account's band and the invoice's age. A return counts against its week; a
 * credit applied or a write-off closes what it covers without being cash.
 */
export function learnCollectionCurves(input: {
  asOf: string;
  documents: readonly CashflowDocument[];
  allocations: readonly CashflowAllocation[];
  bands: Readonly<Record<string, RiskBand>>;
}): CollectionCurves {
  const cells: Record<RiskBand | 'all', Cell[]> = Object.fromEntries([...RISK_BANDS, 'all'].map((b) => [b, Array.from({ length: CELLS }, () => ({ paid: 0, open: 0, n: 0 }))])) as Record<
    RiskBand | 'all',
    Cell[]
  >;
  const byInvoice = new Map<string, CashflowAllocation[]>();
  for (const a of input.allocations) {
    if (a.date > input.asOf) continue;
    const key = String(a.invoiceId);
    const list = byInvoice.get(key);
    if (list) list.push(a);
    else byInvoice.set(key, [a]);
  }
  let invoices = 0;
  let invoiceWeeks = 0;
  let payments = 0;
  for (const d of input.documents) {
    if (d.kind === 'credit_note' || d.status === 'void' || d.number === null || d.issueDate === null || d.dueDate === null || d.issueDate > input.asOf) continue;
    const decimals = minorUnits(d.currency);
    const own = byInvoice.get(String(d.id)) ?? [];
    // Marked paid without allocations to show when (a payment recorded by hand before payments were matched): when it was paid is unknown, so it teaches nothing.
    if (d.status === 'paid' && own.reduce((sum, a) => sum + units(a.amount, decimals), 0) < units(d.total, decimals)) continue;
    payments += own.filter((a) => a.kind === 'payment' || a.kind === 'return').length;
    const allocations = own.map((a) => ({ day: dayNumber(a.date), amount: units(a.amount, decimals), cash: a.kind === 'payment' || a.kind === 'return' })).sort((a, b) => a.day - b.day);
    const band = input.bands[d.accountId] ?? 'medium';
    const last = dayNumber(input.asOf);
    const due = dayNumber(d.dueDate);
    let open = units(d.total, decimals);
    let next = 0;
    // Everything settled on or before the first snapshot day.
    let age = Math.ceil(daysBetween(d.dueDate, d.issueDate) / 7);
    let start = due + 7 * age;
    while (next < allocations.length && allocations[next]!.day <= start) open -= allocations[next++]!.amount;
    let counted = false;
    while (open > 0) {
      const end = start + 7;
      if (end > last) break;
      let paid = 0;
      let settled = 0;
      while (next < allocations.length && allocations[next]!.day <= end) {
        const a = allocations[next++]!;
        settled += a.amount;
        if (a.cash) paid += a.amount;
      }
      const cell = ageCell(age);
      for (const c of [cells[band][cell]!, cells.all[cell]!]) {
        c.paid += paid;
        c.open += open;
        c.n += 1;
      }
      invoiceWeeks += 1;
      counted = true;
      open -= settled;
      start = end;
      age += 1;
    }
    if (counted) invoices += 1;
  }
  const shrink = (c: Cell, parent: number) => {
    const own = c.open > 0 ? Math.min(1, Math.max(0, c.paid / c.open)) : parent;
    const w = c.n / (c.n + SHRINK_WEEKS);
    return w * own + (1 - w) * parent;
  };
  // No payment recorded at all: the books do not record payments yet, which says nothing about how customers pay, so the prior stands alone.
  if (payments === 0) {
    for (const list of Object.values(cells)) for (const c of list) Object.assign(c, { paid: 0, open: 0, n: 0 });
    invoices = 0;
    invoiceWeeks = 0;
  }
  const pooled = cells.all.map((c, i) => shrink(c, priorHazard(i + MIN_AGE)));
  const hazard = Object.fromEntries(RISK_BANDS.map((b) => [b, cells[b].map((c, i) => shrink(c, Math.min(0.9, pooled[i]! * BAND_FACTOR[b])))])) as Record<RiskBand, number[]>;
  return { hazard, invoices, invoiceWeeks, payments, thin: invoiceWeeks < MIN_HISTORY_WEEKS };
}

/**
 * The expected share of what is open on an invoice `daysPastDue` days past due (negative before
 * due) paid in each of the next `weeks` weeks, and the share left after them.
 */
export function collectionShares(curves: CollectionCurves, band: RiskBand, daysPastDue: number, weeks: number): { weeks: number[]; later: number } {
  let surviving = 1;
  const shares: number[] = [];
  for (let k = 0; k < weeks; k += 1) {
    const h = curves.hazard[band][ageCell(Math.floor((daysPastDue + 7 * k) / 7))]!;
    const p = surviving * h;
    shares.push(p);
    surviving -= p;
  }
  return { weeks: shares, later: Math.max(0, surviving) };
}
