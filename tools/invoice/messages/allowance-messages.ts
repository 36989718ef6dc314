import type { AllowanceCarry, AllowanceLedgerRow } from '../../charging/charging.types.ts';
import { dec, type Decimal } from '../../money/index.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import type { InvoiceMessage, MessageLine } from './message.types.ts';
import { displayQuantity, fromBaseUnits, wholePercent } from './message-units.ts';

/**
 * Rollover left: the units each line carries into the next period, one message per allowance and
 * expiry, with the last day they may be used (`lastDayOf` turns a period label into that day).
 * Units print rounded down; a carry that rounds to nothing is not shown.
 */
export function rolloverMessages(carriedOut: readonly AllowanceCarry[], ledger: readonly AllowanceLedgerRow[], lines: readonly MessageLine[], lastDayOf: (period: string) => string): InvoiceMessage[] {
  const groups = new Map<string, { carry: AllowanceCarry; units: number }>();
  for (const c of carriedOut) {
    const key = `${c.subscriptionId}|${c.allowanceId}|${c.validThrough}`;
    const g = groups.get(key);
    if (g) g.units += c.units;
    else groups.set(key, { carry: c, units: c.units });
  }
  const out: InvoiceMessage[] = [];
  for (const { carry, units } of [...groups.values()].sort((a, b) => a.carry.validThrough.localeCompare(b.carry.validThrough))) {
    const line = lines.find((l) => l.subscriptionId === carry.subscriptionId);
    const service = ledger.find((r) => r.subscriptionId === carry.subscriptionId && r.allowanceId === carry.allowanceId)?.service;
    if (!line || !service) continue;
    const shown = displayQuantity(fromBaseUnits(units, service), service, `allowance ledger: ${units} base units carried out of allowance ${carry.allowanceId}`, { down: true });
    if (!dec(shown.value).greaterThan(0)) continue;
    out.push({
      kind: 'rollover_left',
      line,
      allowanceId: carry.allowanceId,
      service,
      figures: { units: shown, usableUntil: { value: lastDayOf(carry.validThrough), unit: 'date', source: `the last day of period ${carry.validThrough} (rollover expiry)` } },
    });
  }
  return out;
}

// When two allowances of a line lapse by the same share, the one named first here is told.
const SERVICE_ORDER = ['data', 'voice', 'sms'];

/**
 * Allowance expired: what was left of a line's allowance at the end of the period and did not
 * carry on (granted plus carried in, less used and carried out). Shown when it is at least the
 * threshold share of what was available and at least one whole unit; at most one per line (the
 * largest share), so a light user is not told the same thing for every allowance.
 */
export function expiredAllowanceMessages(ledger: readonly AllowanceLedgerRow[], lines: readonly MessageLine[], periodLastDay: string): InvoiceMessage[] {
  const rows = new Map<string, AllowanceLedgerRow>();
  // A plan change in the period gives a line two pools of one allowance: they lapse together.
  for (const r of ledger) {
    const key = `${r.subscriptionId}|${r.allowanceId}`;
    const g = rows.get(key);
    if (g) rows.set(key, { ...g, granted: g.granted + r.granted, carriedIn: g.carriedIn + r.carriedIn, used: g.used + r.used, carriedOut: g.carriedOut + r.carriedOut });
    else rows.set(key, { ...r });
  }
  const best = new Map<string, { share: Decimal; message: InvoiceMessage }>();
  for (const r of rows.values()) {
    const line = lines.find((l) => l.subscriptionId === r.subscriptionId);
    const available = r.granted + r.carriedIn;
    const expired = available - r.used - r.carriedOut;
    if (!line || available <= 0 || expired <= 0) continue;
    const share = wholePercent(dec(expired), dec(available)).exact;
    if (share.lessThan(MESSAGE_THRESHOLDS.allowanceExpiredPercent)) continue;
    const source = `allowance ledger of ${r.allowanceId}: granted ${r.granted} + carried in ${r.carriedIn} - used ${r.used} - carried out ${r.carriedOut} base units`;
    const units = displayQuantity(fromBaseUnits(expired, r.service), r.service, source, { down: true });
    if (!dec(units.value).greaterThan(0)) continue;
    const message: InvoiceMessage = {
      kind: 'allowance_expired',
      line,
      allowanceId: r.allowanceId,
      service: r.service,
      figures: {
        units,
        available: displayQuantity(fromBaseUnits(available, r.service), r.service, `allowance ledger of ${r.allowanceId}: granted + carried in`, { down: true }),
        expiredOn: { value: periodLastDay, unit: 'date', source: 'the last day of this period' },
      },
    };
    const held = best.get(r.subscriptionId);
    const before = (a: InvoiceMessage, b: InvoiceMessage) =>
      a.kind === 'allowance_expired' && b.kind === 'allowance_expired' && (SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service) || a.allowanceId.localeCompare(b.allowanceId)) < 0;
    if (!held || share.greaterThan(held.share) || (share.equals(held.share) && before(message, held.message))) best.set(r.subscriptionId, { share, message });
  }
  return lines.flatMap((l) => {
    const m = best.get(l.subscriptionId);
    return m ? [m.message] : [];
  });
}
