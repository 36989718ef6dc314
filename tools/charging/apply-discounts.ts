import type { Account, Customer } from '../catalog/account.types.ts';
import type { Catalog, Discount } from '../catalog/catalog.types.ts';
import { allocate, dec, minorUnits, roundDecimal, ZERO, type Decimal } from '../money/index.ts';
import type { BillingPeriod, ChargeLine } from './charging.types.ts';

/** Whole months from `since` to `at` (dates), counting a month only once its day is reached. */
export function tenureMonths(since: string, at: string): number {
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = at.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Discounts the account gets this period, in the order they apply (sequence, then id). */
export function eligibleDiscounts(catalog: Catalog, customer: Customer, account: Account, period: BillingPeriod, activeLines: number): Discount[] {
  return catalog.discounts
    .filter((d) => {
      if (d.segments.length && !d.segments.includes(customer.segment)) return false;
      if (d.kind === 'multi_line') return activeLines >= d.minLines;
      if (d.kind === 'loyalty') return tenureMonths(customer.customerSince, period.from) >= d.minTenureMonths;
      return account.discounts.includes(d.id);
    })
    .sort((a, b) => a.sequence - b.sequence || a.id.localeCompare(b.id));
}

function targets(d: Discount, line: ChargeLine): boolean {
  if (d.appliesTo === 'recurring') return line.section === 'plans';
  if (d.appliesTo === 'usage') return line.section === 'usage';
  return line.section === 'plans' || line.section === 'usage';
}

/**
 * Discount lines, applied after promotions in ascending sequence: each one reduces what the
 * charges it targets still amount to after promotions and earlier discounts. A percentage is taken
 * per line (rounded half-up); a fixed amount (per account, or per line for multi-line discounts)
 * is spread over the target lines by what they still amount to, and never exceeds it.
 */
export function applyDiscounts(input: { catalog: Catalog; customer: Customer; account: Account; period: BillingPeriod; activeLines: number; currency: string; lines: ChargeLine[] }): ChargeLine[] {
  const decimals = minorUnits(input.currency);
  const net = new Map<string, Decimal>();
  for (const l of input.lines) {
    if (l.section === 'plans' || l.section === 'usage') net.set(l.id, dec(l.amount));
  }
  for (const l of input.lines) {
    if (l.section === 'promotions') {
      const target = l.id.slice(l.id.indexOf(':', l.id.indexOf(':') + 1) + 1);
      net.set(target, (net.get(target) ?? ZERO).plus(l.amount));
    }
  }
  const out: ChargeLine[] = [];
  const byId = new Map(input.lines.map((l) => [l.id, l]));
  for (const d of eligibleDiscounts(input.catalog, input.customer, input.account, input.period, input.activeLines)) {
    const ts = input.lines.filter((l) => targets(d, l) && (net.get(l.id) ?? ZERO).greaterThan(0));
    let amounts: Decimal[];
    let calculation: string;
    if (d.percent !== undefined) {
      amounts = ts.map((l) => roundDecimal(net.get(l.id)!.times(d.percent!).div(100), decimals, 'middle'));
      calculation = `${d.percent}% of what the line amounts to after promotions and earlier discounts, rounded half-up`;
    } else {
      const available = ts.reduce((s, l) => s.plus(net.get(l.id)!), ZERO);
      const wanted = dec(d.amount!).times(d.kind === 'multi_line' ? input.activeLines : 1);
      const total = roundDecimal(wanted.lessThan(available) ? wanted : available, decimals, 'down');
      amounts =
        total.isZero() || ts.length === 0
          ? []
          : allocate(
              total,
              ts.map((l) => net.get(l.id)!),
              decimals,
            );
      calculation = `${d.amount}${d.kind === 'multi_line' ? ` x ${input.activeLines} lines` : ''} (at most what is left) spread over ${ts.length} lines by amount`;
    }
    ts.forEach((target, i) => {
      const off = amounts[i];
      if (!off || off.isZero()) return;
      net.set(target.id, net.get(target.id)!.minus(off));
      const t = byId.get(target.id)!;
      out.push({
        ...t,
        id: `disc:${d.id}:${t.id}`,
        section: 'discounts',
        description: `${d.name} (on ${t.description.charAt(0).toLowerCase()}${t.description.slice(1)})`,
        quantity: '1',
        unitCode: 'C62',
        unit: 'item',
        unitPrice: off.negated().toFixed(decimals),
        amount: off.negated().toFixed(decimals),
        provenance: { catalogItems: [`discount:${d.id}`], usageEvents: [], tariffRows: [], calculation },
      });
    });
  }
  return out;
}
