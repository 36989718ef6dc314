import type { Service } from '../../cdr/usage-record.types.ts';
import { dec, ZERO, type Decimal } from '../../money/index.ts';
import { MESSAGE_THRESHOLDS } from './message-thresholds.ts';
import type { InvoiceMessage, MessageLine } from './message.types.ts';
import { dataInGb, displayQuantity, LINE_UNIT, wholePercent } from './message-units.ts';

/** A usage line as an invoice document holds it (current or earlier): its line, unit code and quantity in that unit. */
export interface UsageLineFigure {
  subscriptionId: string | null;
  unitCode: string;
  quantity: string;
}

/** The usage lines of the account's invoice for one earlier period. */
export interface EarlierPeriodUsage {
  /** YYYY-MM. */
  period: string;
  lines: UsageLineFigure[];
}

// The unit codes build-usage-lines gives each service's usage lines (UN/ECE Rec. 20).
const SERVICE_OF_UNIT: Record<string, Service> = { MIN: 'voice', C62: 'sms', '4L': 'data' };

/** Sums usage lines per phone line and service, exactly, in the lines' own units (min, SMS, MB). */
export function usageByLineService(lines: readonly UsageLineFigure[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const l of lines) {
    const service = SERVICE_OF_UNIT[l.unitCode];
    if (!service || l.subscriptionId === null) continue;
    const key = `${l.subscriptionId}|${service}`;
    out.set(key, (out.get(key) ?? ZERO).plus(dec(l.quantity)));
  }
  return out;
}

/**
 * Usage insights: per line and service, this period's usage against the average of the three
 * earlier periods ("35% more mobile data than your three-month average"). Only for lines the
 * caller marks eligible (active for the whole of this period and of the three before it), only
 * when the account has an invoice for each of the three, the average reaches the service's
 * minimum and the exact change is at least the threshold either way.
 */
export function usageChangeMessages(input: {
  /** The three earlier periods, newest first (YYYY-MM). */
  earlierPeriods: readonly string[];
  lines: ReadonlyArray<MessageLine & { eligible: boolean }>;
  current: readonly UsageLineFigure[];
  history: readonly EarlierPeriodUsage[];
}): InvoiceMessage[] {
  const n = MESSAGE_THRESHOLDS.usageHistoryPeriods;
  const earlier = input.earlierPeriods.slice(0, n).map((p) => input.history.find((h) => h.period === p));
  if (earlier.length < n || earlier.some((h) => h === undefined)) return [];
  const sums = earlier.map((h) => usageByLineService(h!.lines));
  const now = usageByLineService(input.current);
  const periods = [...input.earlierPeriods.slice(0, n)].sort().join(', ');
  const out: InvoiceMessage[] = [];
  for (const line of input.lines) {
    if (!line.eligible) continue;
    for (const service of ['data', 'voice', 'sms'] as const) {
      const key = `${line.subscriptionId}|${service}`;
      const total = sums.reduce((s, m) => s.plus(m.get(key) ?? ZERO), ZERO);
      const average = total.div(n);
      if (average.lessThan(MESSAGE_THRESHOLDS.usageMinimumAverage[service])) continue;
      const current = now.get(key) ?? ZERO;
      const change = wholePercent(current.minus(average), average);
      if (change.exact.abs().lessThan(MESSAGE_THRESHOLDS.usageChangePercent)) continue;
      const inGb = service === 'data' && dataInGb(current, average);
      const { subscriptionId, msisdn, label } = line;
      out.push({
        kind: 'usage_change',
        line: { subscriptionId, msisdn, label },
        service,
        figures: {
          current: displayQuantity(current, service, `usage lines of this invoice: ${current.toString()} ${LINE_UNIT[service]}`, { inGb }),
          average: displayQuantity(average, service, `usage lines of the invoices of ${periods}: ${total.toString()} ${LINE_UNIT[service]} / ${n}`, { inGb }),
          change: { value: change.rounded, unit: '%', source: '(this period - average) / average x 100, from the unrounded figures' },
        },
      });
    }
  }
  return out;
}
