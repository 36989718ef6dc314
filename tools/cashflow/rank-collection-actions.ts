import { minorUnits, roundToCurrency, ZERO, type Decimal } from '../money/index.ts';
import type { CollectionAction, InvoiceForecast, RiskBand } from './cashflow.types.ts';

/**
 * The share of what would otherwise not come within the window that chasing (a call, a reminder,
 * a plan offer) is assumed to bring in within it, by band. An assumption, not learned: the
 * history holds no record of which accounts were chased (docs/cashflow.md). A reliable payer who
 * forgot pays when reminded; a struggling one often cannot.
 */
export const ACTION_RESPONSE: Record<RiskBand, string> = { low: '0.6', medium: '0.4', high: '0.25' };

type Row = InvoiceForecast & { fromPlans: string[] };

const BUCKET_WORDS: Record<string, string> = { days_1_30: '1-30 days', days_31_60: '31-60 days', days_61_90: '61-90 days', days_over_90: 'over 90 days' };

/**
 * The accounts whose collection would bring the most cash soonest: for each account, what is
 * overdue and not covered by credit or a plan, less what its curve already expects within the
 * window, times the band's response; largest first (then most overdue, then account id).
 */
export function rankCollectionActions(rows: readonly Row[], options: { weeks: number; limit: number; currency: string }): CollectionAction[] {
  const byAccount = new Map<string, Row[]>();
  for (const r of rows) if (r.daysPastDue > 0) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r]);
  const places = minorUnits(options.currency);
  const decimals = (x: Decimal) => x.toFixed(places);
  const candidates = [...byAccount].map(([accountId, rs]) => {
    const band = rs[0]!.band;
    let overdue = ZERO;
    let expected = ZERO;
    for (const r of rs) {
      overdue = overdue.plus(r.open).minus(r.credit).minus(r.planned);
      for (let k = 0; k < options.weeks; k += 1) expected = expected.plus(r.weeks[k]!).minus(r.fromPlans[k]!);
    }
    const gain = roundToCurrency(overdue.minus(expected).times(ACTION_RESPONSE[band]), options.currency);
    const oldest = rs.reduce((o, r) => (r.daysPastDue > o.daysPastDue ? r : o), rs[0]!);
    return { accountId, band, overdue, expected, gain, oldest, count: rs.length };
  });
  return candidates
    .filter((c) => c.gain.greaterThan(0))
    .sort((a, b) => b.gain.comparedTo(a.gain) || b.overdue.comparedTo(a.overdue) || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
    .slice(0, options.limit)
    .map((c, i) => ({
      rank: i + 1,
      accountId: c.accountId,
      band: c.band,
      overdue: decimals(c.overdue),
      oldestDaysPastDue: c.oldest.daysPastDue,
      expectedWithoutAction: decimals(c.expected),
      expectedGain: decimals(c.gain),
      reason:
        `${decimals(c.overdue)} ${options.currency} overdue on ${c.count} invoice${c.count === 1 ? '' : 's'} (oldest ${c.oldest.number}, ${c.oldest.daysPastDue} days past due, ${BUCKET_WORDS[c.oldest.bucket] ?? c.oldest.bucket}); ` +
        `${c.band} risk, so only ${decimals(c.expected)} is expected within ${options.weeks} weeks without action; chasing it now is expected to bring about ${decimals(c.gain)} more in that time.`,
    }));
}
