import type { Subscription } from '../catalog/account.types.ts';
import type { Catalog } from '../catalog/catalog.types.ts';
import { allocate, dec, minorUnits, roundDecimal } from '../money/index.ts';
import { addDays, monthsBetween } from '../time/index.ts';
import type { BillingPeriod, ChargeLine } from './charging.types.ts';
import type { LineSegment } from './build-line-segments.ts';
import { periodLabelOf } from './billing-period.ts';

const noEvents = { usageEvents: [], tariffRows: [] };

/**
 * One recurring-fee line per segment: the plan's monthly fee prorated by days on the plan
 * (fee x days / days in period, rounded half-up to the minor unit); a whole period is the fee itself.
 */
export function buildRecurringLines(catalog: Catalog, segments: LineSegment[], period: BillingPeriod, currency: string, msisdnOf: (subId: string) => string): ChargeLine[] {
  const decimals = minorUnits(currency);
  return segments.map((s) => {
    const plan = catalog.plans.find((p) => p.id === s.planId)!;
    const whole = s.days === period.days;
    const amount = whole ? roundDecimal(plan.recurringFee, decimals, 'middle') : roundDecimal(dec(plan.recurringFee).times(s.days).div(period.days), decimals, 'middle');
    return {
      id: `rec:${s.subscriptionId}:${s.from}`,
      section: 'plans',
      description: whole ? `${plan.name} monthly fee` : `${plan.name} monthly fee, ${s.from} to ${addDays(s.to, -1)} (${s.days} of ${period.days} days)`,
      subscriptionId: s.subscriptionId,
      msisdn: msisdnOf(s.subscriptionId),
      quantity: whole ? '1' : dec(s.days).div(period.days).toDecimalPlaces(4).toString(),
      unitCode: 'MON',
      unit: 'month',
      unitPrice: plan.recurringFee,
      amount: amount.toFixed(decimals),
      taxClass: 'telecom',
      servicePeriod: { from: s.from, to: s.to },
      provenance: {
        ...noEvents,
        catalogItems: [`plan:${plan.id}`],
        calculation: whole
          ? `${plan.recurringFee} for the whole period`
          : `${plan.recurringFee} x ${s.days}/${period.days} days = ${dec(plan.recurringFee).times(s.days).div(period.days).toString()}, rounded half-up to ${amount.toFixed(decimals)}`,
      },
    };
  });
}

/**
 * One-time charges due in the period: activation fees of lines starting in it, and each order's
 * instalment falling in it (the amount split into equal parts that add up exactly, the first parts
 * taking any odd cent).
 */
export function buildOneTimeLines(catalog: Catalog, subs: Subscription[], segments: LineSegment[], period: BillingPeriod, cycleDay: number, currency: string): ChargeLine[] {
  const decimals = minorUnits(currency);
  const lines: ChargeLine[] = [];
  for (const sub of subs) {
    const own = segments.filter((s) => s.subscriptionId === sub.id);
    if (own.length === 0) continue;
    const serviceDay = own[0]!.from;
    const orders = [...sub.orders];
    const start = sub.plans[0]!;
    const activation = catalog.plans.find((p) => p.id === start.planId)?.activationChargeId;
    if (activation && periodLabelOf(start.from, cycleDay) === period.label) orders.unshift({ chargeId: activation, period: period.label });
    for (const order of orders) {
      const charge = catalog.oneTimeCharges.find((c) => c.id === order.chargeId)!;
      const k = monthsBetween(order.period, period.label);
      if (k < 0 || k >= charge.instalments) continue;
      const parts = allocate(roundDecimal(charge.amount, decimals, 'middle'), Array(charge.instalments).fill(1), decimals);
      const amount = parts[k]!;
      const instalment = charge.instalments > 1 ? ` (instalment ${k + 1} of ${charge.instalments})` : '';
      lines.push({
        id: `otc:${sub.id}:${charge.id}:${order.period}:${k + 1}`,
        section: 'one_time',
        description: `${charge.name}${instalment}`,
        subscriptionId: sub.id,
        msisdn: sub.msisdn,
        quantity: '1',
        unitCode: 'C62',
        unit: 'item',
        unitPrice: amount.toFixed(decimals),
        amount: amount.toFixed(decimals),
        taxClass: charge.taxClass,
        servicePeriod: { from: serviceDay, to: addDays(serviceDay, 1) },
        provenance: {
          ...noEvents,
          catalogItems: [`charge:${charge.id}`],
          calculation: charge.instalments > 1 ? `${charge.amount} in ${charge.instalments} equal instalments; this is number ${k + 1}` : `${charge.amount} once`,
        },
      });
    }
  }
  return lines;
}
