import { describeHistory } from '../../../tools/cashflow/describe-history.ts';
import type { AnalystRequest } from './parse-request.ts';

/* The offline model's reading of cash-flow questions (docs/cashflow.md): the forecast of receipts
 * and the accounts to chase first. It reads the horizon from the analyst's words; the tool computes
 * every amount and the answer copies them as they are. */

// biome-ignore lint/suspicious/noExplicitAny: tool results are read field by field, as the other answer templates do
type Json = Record<string, any>;

const CASH_WORDS =
  /\bcash[- ]?flows?\b|\b(?:expected|forecast\w*|predict\w*|projected|upcoming|coming)\s+(?:cash\s+)?(?:receipts?|collections?|inflows?|cash(?:\s+in)?)\b|\bhow much (?:cash|money)\b.{0,40}\b(?:come|coming|collect\w*|receiv\w*|expect\w*)\b|\b(?:receipts?|cash)\b.{0,30}\bnext \d{1,2} weeks?\b|\bmost cash\b|\bcash (?:soonest|fastest|first)\b/i;

/** A question about cash coming in: the cash-flow forecast, or which accounts would bring the most cash soonest. */
export function asksCashflow(t: string): boolean {
  return CASH_WORDS.test(t);
}

/** The horizon the analyst names ("next 6 weeks"), at most 13; none named: 13. */
export function cashflowWeeks(text: string): number {
  const n = /\b(\d{1,2})\s*weeks?\b/i.exec(text)?.[1];
  return n ? Math.min(13, Math.max(1, Number(n))) : 13;
}

/** The tool call of a cash-flow question. */
export function cashflowToolCall(r: AnalystRequest): { tool: string; args: Record<string, unknown> } {
  return { tool: 'cashflow_forecast', args: { weeks: cashflowWeeks(r.text), actions: 5 } };
}

/** The forecast in words: per currency the tool's own sentence, the weeks, later / doubtful, and the accounts to chase, as the tool gave them. */
export function cashflowAnswer(x: Json): string {
  if (!(x.currencies as Json[]).length) return `Cash-flow forecast on ${x.asOf}: there are no open invoices, so no receipts are expected.`;
  return [
    `Cash-flow forecast on ${x.asOf} for the next ${x.weeks} weeks. ${describeHistory(x.history)}`,
    ...(x.currencies as Json[]).flatMap((c) => [
      `${c.currency}: ${c.summary}`,
      ...(c.weeks as Json[]).map((w) => `  - week ${w.week} (${w.from} to ${w.to}): ${w.expected}${/[1-9]/.test(w.fromPlans) ? ` (of which plan instalments ${w.fromPlans})` : ''}`),
      `Expected in the next ${x.weeks} weeks: ${c.expected} ${c.currency}; later or doubtful: ${c.later} ${c.currency}.`,
      ...((c.actions as Json[]).length
        ? [
            `Accounts whose collection would bring the most cash within ${x.actionWeeks} weeks:`,
            ...(c.actions as Json[]).map((a) => `  ${a.rank}. account ${a.accountId}: about ${a.expectedGain} ${c.currency} more — ${a.reason}`),
          ]
        : ['No overdue account to chase.']),
    ]),
    'Nothing was proposed or sent. To act on an account: "propose the next dunning step for account A…".',
  ].join('\n');
}
