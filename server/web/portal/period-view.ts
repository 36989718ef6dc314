import type { z } from 'zod';
import type { showCurrentPeriod } from '../../../app/portal/index.ts';
import { formatAmount } from '../../../tools/invoice/render/format-invoice-values.ts';

/** What portal.current-period answers. */
export type CurrentPeriod = z.infer<typeof showCurrentPeriod.output>;

/** One allowance as the home page's meter shows it. */
export interface AllowanceMeter {
  key: string;
  label: string;
  unit: string;
  included: string;
  used: string;
  left: string;
  projectedToRunOut: boolean;
}

/**
 * The current period's figures as text, keyed by the element that shows them: the page renders
 * them and /portal/live sends them again, so a refresh can only ever set the same words (textContent).
 */
export interface PeriodView {
  asOf: string;
  fields: Record<string, string>;
  meters: AllowanceMeter[];
}

const SERVICE: Record<string, string> = { voice: 'Minutes', sms: 'Texts', data: 'Data' };

/** The figures of a current period, formatted once (amounts by the currency formatter, never through a float). */
export function periodView(p: CurrentPeriod, now: Date): PeriodView {
  const money = (v: string) => formatAmount(v, p.currency, 'en');
  const fields: Record<string, string> = {
    'usage-charges': money(p.usageCharges),
    'projected-charges': money(p.projectedUsageCharges),
    'days-elapsed': `day ${p.period.daysElapsed} of ${p.period.daysTotal}`,
    'as-of': now.toISOString().slice(11, 16),
  };
  const meters: AllowanceMeter[] = [];
  for (const line of p.lines) {
    for (const a of line.allowances) {
      const key = `${line.subscriptionId}-${a.allowanceId}`;
      meters.push({ key, label: `${SERVICE[a.service] ?? a.service} on ${line.msisdn}`, unit: a.unit, included: a.included, used: a.used, left: a.left, projectedToRunOut: a.projectedToRunOut });
      fields[`${key}-used`] = `${a.used} ${a.unit}`;
      fields[`${key}-left`] = `${a.left} ${a.unit} left`;
    }
  }
  return { asOf: now.toISOString(), fields, meters };
}
