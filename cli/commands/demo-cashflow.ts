import { forecastTenantCashflow } from '../../app/cashflow/index.ts';
import { createContext, localActor, runOperation, systemClock } from '../../app/index.ts';
import { getOperatorSettings, type Store } from '../../db/index.ts';
import { describeHistory } from '../../tools/cashflow/index.ts';

/** The demo's calendar day for its cash-flow forecast: the demo's "today" (its March invoices, due 2025-04-15, five days overdue). */
export const DEMO_CASHFLOW_DAY = '2025-04-20';

/** The demo's cash-flow forecast: the same operation as `switchboard cashflow`, on the demo's day, with the three accounts to chase first. */
export async function runDemoCashflow(store: Store, today = DEMO_CASHFLOW_DAY) {
  const ctx = createContext({ store, actor: localActor(getOperatorSettings(store).tenant), clock: systemClock(today) });
  return runOperation(forecastTenantCashflow, ctx, { weeks: 13, actions: 3, invoices: 0 });
}

/** The forecast as the demo prints it: the summary, the weeks on one line, later / doubtful, the accounts to chase, and where the back-test is. */
export function formatDemoCashflow(f: Awaited<ReturnType<typeof runDemoCashflow>>): string[] {
  return [
    `Cash-flow forecast on ${f.asOf} (switchboard cashflow --today ${f.asOf}; the console's Cash flow page). ${describeHistory(f.history)}`,
    ...f.currencies.flatMap((c) => [
      `  ${c.summary}`,
      `  Weeks 1-${f.weeks}: ${c.weeks.map((w) => w.expected).join(' | ')}; later / doubtful ${c.later}`,
      ...c.actions.map((a) => `  Chase ${a.rank}: ${a.accountId} (+${a.expectedGain} ${c.currency} within ${f.actionWeeks} weeks): ${a.reason}`),
    ]),
    '  Back-test error (weekly WAPE, 13-week total, against paying on the due date): npm run eval:cashflow (docs/cashflow.md).',
  ];
}
