import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { forecastTenantCashflow } from '../../../app/cashflow/index.ts';
import { runOperation } from '../../../app/index.ts';
import { describeHistory, MAX_WEEKS } from '../../../tools/cashflow/index.ts';
import { Money, Notice, Stat } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { CashflowChart } from './cashflow-chart.tsx';

type Forecast = z.output<typeof forecastTenantCashflow.output>;
type CurrencyForecast = Forecast['currencies'][number];

const BUCKET_WORDS: Record<string, string> = { current: 'not yet due', days_1_30: '1-30 days past due', days_31_60: '31-60 days', days_61_90: '61-90 days', days_over_90: 'over 90 days' };

/** One currency: the figures, the chart, the weeks as a table, the ageing buckets and the accounts to chase. */
function CurrencySection(props: { f: Forecast; c: CurrencyForecast }) {
  const { f, c } = props;
  const bars = [
    ...c.weeks.map((w) => ({ label: `W${w.week}`, amount: w.expected, title: `Week ${w.week} (${w.from} to ${w.to}): ${w.expected} ${c.currency}`, kind: 'week' as const })),
    { label: 'later', amount: c.later, title: `Later or doubtful: ${c.later} ${c.currency}`, kind: 'later' as const },
  ];
  return (
    <section aria-label={`Cash flow in ${c.currency}`}>
      <h2>{c.currency}</h2>
      <p class="cashflow-summary">{c.summary}</p>
      <div class="stats">
        <Stat label="open">
          <Money value={c.open} currency={c.currency} />
        </Stat>
        <Stat label={`expected in ${f.weeks} weeks`}>
          <Money value={c.expected} currency={c.currency} />
        </Stat>
        <Stat label="later or doubtful">
          <Money value={c.later} currency={c.currency} />
        </Stat>
        <Stat label="covered by credit balances">
          <Money value={c.creditApplied} currency={c.currency} />
        </Stat>
      </div>
      <CashflowChart bars={bars} currency={c.currency} label={`Expected receipts per week in ${c.currency}, and what is later or doubtful`} />
      <div class="table-wrap">
        <table class="cashflow-weeks">
          <caption>Expected receipts per week</caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Expected</th>
              <th scope="col">Of which plan instalments</th>
            </tr>
          </thead>
          <tbody>
            {c.weeks.map((w) => (
              <tr>
                <td>{w.week}</td>
                <td>{w.from}</td>
                <td>{w.to}</td>
                <td>
                  <Money value={w.expected} currency={c.currency} />
                </td>
                <td>
                  <Money value={w.fromPlans} currency={c.currency} />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row" colspan={3}>
                Later or doubtful
              </th>
              <td>
                <Money value={c.later} currency={c.currency} />
              </td>
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <div class="table-wrap">
        <table class="cashflow-buckets">
          <caption>By age</caption>
          <thead>
            <tr>
              <th scope="col">Age</th>
              <th scope="col">Open</th>
              <th scope="col">Expected in {f.weeks} weeks</th>
              <th scope="col">Later or doubtful</th>
            </tr>
          </thead>
          <tbody>
            {c.byBucket.map((b) => (
              <tr>
                <td>{BUCKET_WORDS[b.bucket] ?? b.bucket}</td>
                <td>
                  <Money value={b.open} currency={c.currency} />
                </td>
                <td>
                  <Money value={b.expected} currency={c.currency} />
                </td>
                <td>
                  <Money value={b.later} currency={c.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Accounts to chase first</h3>
      {c.actions.length ? (
        <div class="table-wrap">
          <table class="cashflow-actions">
            <caption class="sr-only">Accounts whose collection would bring the most cash within {f.actionWeeks} weeks</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Account</th>
                <th scope="col">Risk</th>
                <th scope="col">Overdue</th>
                <th scope="col">Expected gain</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {c.actions.map((a) => (
                <tr>
                  <td>{a.rank}</td>
                  <td>{a.accountId}</td>
                  <td>{a.band}</td>
                  <td>
                    <Money value={a.overdue} currency={c.currency} />
                  </td>
                  <td>
                    <Money value={a.expectedGain} currency={c.currency} />
                  </td>
                  <td>{a.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Notice tone="info">No overdue account to chase.</Notice>
      )}
    </section>
  );
}

/** The cash-flow forecast (/cashflow): the operation `switchboard cashflow` runs, as a chart and tables. */
export function mountCashflow(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/cashflow', guard, async (c) => {
    const asked = Number(c.req.query('weeks') ?? MAX_WEEKS);
    const weeks = Number.isInteger(asked) && asked >= 1 && asked <= MAX_WEEKS ? asked : MAX_WEEKS;
    const f = await runOperation(forecastTenantCashflow, c.get('operationContext'), { weeks, invoices: 0 });
    return sendPage(
      c,
      <ConsolePage title="Cash flow" active="/cashflow" session={pageSession(c)}>
        <form method="get" action="/cashflow" class="filters card" aria-label="Forecast horizon">
          <div class="field">
            <label for="f-weeks">Weeks ahead</label>
            <select id="f-weeks" name="weeks">
              {Array.from({ length: MAX_WEEKS }, (_, i) => i + 1).map((w) => (
                <option value={String(w)} selected={w === weeks}>
                  {w}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Show</button>
        </form>
        <p class="muted">
          {`Forecast on ${f.asOf} from open invoices. `}
          {describeHistory(f.history)}
        </p>
        {f.currencies.length ? f.currencies.map((cur) => <CurrencySection f={f} c={cur} />) : <Notice tone="info">No open invoices: no receipts are expected.</Notice>}
      </ConsolePage>,
    );
  });
}
