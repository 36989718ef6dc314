import type { Context, Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { showPricingWhatIf, showUsageTrends, type PricingWhatIf } from '../../../app/pricing/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { Chart, Field, Money, Notice } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

type Row = PricingWhatIf['byCategory'][number];
type Mover = PricingWhatIf['increases'][number];

/** A table of revenue before and after, by one grouping. */
function RevenueTable(props: { caption: string; name: string; rows: Row[]; currency: string }) {
  return (
    <div class="table-wrap">
      <table class={`pricing-${props.name}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.name === 'category' ? 'Category' : props.name === 'segment' ? 'Segment' : 'Plan'}</th>
            <th scope="col" class="num">
              Billed
            </th>
            <th scope="col" class="num">
              With the proposal
            </th>
            <th scope="col" class="num">
              Change
            </th>
            <th scope="col" class="num">
              %
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.key}</td>
              <td class="num">
                <Money value={r.before} currency={props.currency} />
              </td>
              <td class="num">
                <Money value={r.after} currency={props.currency} />
              </td>
              <td class="num">
                <Money value={r.change} currency={props.currency} />
              </td>
              <td class="num">{r.changePercent ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The customers most affected one way. */
function MoversTable(props: { caption: string; name: string; rows: Mover[]; currency: string }) {
  if (props.rows.length === 0) return <p class="hint">{`${props.caption}: none.`}</p>;
  return (
    <div class="table-wrap">
      <table class={`pricing-${props.name}`}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Customer</th>
            <th scope="col">Segment</th>
            <th scope="col" class="num">
              Billed
            </th>
            <th scope="col" class="num">
              With the proposal
            </th>
            <th scope="col" class="num">
              Change
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((m) => (
            <tr>
              <td>
                <a href={`/accounts/${encodeURIComponent(m.accountId)}`}>{m.accountId}</a>
              </td>
              <td>{m.customerName}</td>
              <td>{m.segment}</td>
              <td class="num">
                <Money value={m.before} currency={props.currency} />
              </td>
              <td class="num">
                <Money value={m.after} currency={props.currency} />
              </td>
              <td class="num">
                <Money value={m.change} currency={props.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The what-if report: the totals in words, a chart of the categories that moved or carry revenue, the groupings and the customers most affected. */
function WhatIfReport(props: { report: PricingWhatIf }) {
  const r = props.report;
  const shown = r.byCategory.filter((x) => x.before !== '0.00' || x.after !== '0.00');
  return (
    <section aria-labelledby="report-h" class="pricing-report">
      <h2 id="report-h">
        What-if for {r.period}: tariff {r.tariff}, catalog {r.catalog}
      </h2>
      <p class="pricing-total">
        Billed <Money value={r.total.before} currency={r.currency} />, with the proposal <Money value={r.total.after} currency={r.currency} />: change{' '}
        <Money value={r.total.change} currency={r.currency} />
        {r.total.changePercent === null ? '' : ` (${r.total.changePercent}%)`}; {r.changedAccounts} of {r.accounts} accounts change (net of tax).
      </p>
      <p class="hint">
        {r.events.repriced} events priced again{r.events.failed ? `, ${r.events.failed} could not be priced` : ''}; {r.ms.total} ms.
        {r.skipped.noInvoice ? ` ${r.skipped.noInvoice} accounts have no invoice for the month.` : ''}
      </p>
      {r.skipped.failed.map((f) => (
        <Notice tone="error">{`${f.accountId} could not be charged: [${f.code}] ${f.message}`}</Notice>
      ))}
      <Chart
        id="pricing-chart"
        type="bar"
        label={`Revenue by category, billed and with the proposal (${r.currency})`}
        labels={shown.map((x) => x.key)}
        datasets={[
          { label: 'Billed', data: shown.map((x) => x.before) },
          { label: 'With the proposal', data: shown.map((x) => x.after) },
        ]}
      />
      <RevenueTable caption="By category" name="category" rows={r.byCategory} currency={r.currency} />
      <RevenueTable caption="By segment" name="segment" rows={r.bySegment} currency={r.currency} />
      <RevenueTable caption="By plan" name="plan" rows={r.byPlan} currency={r.currency} />
      <MoversTable caption="Largest increases" name="increases" rows={r.increases} currency={r.currency} />
      <MoversTable caption="Largest decreases" name="decreases" rows={r.decreases} currency={r.currency} />
    </section>
  );
}

/** The text of an uploaded file field, or undefined when none was chosen. */
async function uploaded(value: unknown): Promise<{ text: string; fileName: string } | undefined> {
  if (!(value instanceof File) || value.size === 0) return undefined;
  if (value.size > 20_000_000) throw new BillingError('INVALID_INPUT', `${value.name} is larger than 20 MB`);
  return { text: await value.text(), fileName: value.name.slice(0, 255) || 'upload' };
}

/**
 * Pricing (/pricing): the usage trend chart with its back-test, and a form that re-prices a past
 * month under an uploaded tariff or catalog (POST /pricing/what-if, the same operation as
 * `switchboard pricing whatif` and POST /api/v1/pricing/what-ifs); nothing stored changes.
 */
export function mountPricing(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  const page = async (c: Context<WebEnv>, form: { period: string }, report: PricingWhatIf | null, error: string | null) => {
    const ctx = c.get('operationContext');
    const session = pageSession(c);
    const trends = await runOperation(showUsageTrends, ctx, {});
    const labels = [...trends.buckets, ...trends.future];
    const zeros = (n: number) => Array.from({ length: n }, () => '0');
    return sendPage(
      c,
      <ConsolePage title="Pricing" active="/pricing" session={session}>
        <form method="post" action="/pricing/what-if" enctype="multipart/form-data" class="filters card" aria-label="Pricing what-if">
          <input type="hidden" name="_csrf" value={session.csrfToken} />
          <Field label="Period (YYYY-MM)" name="period" value={form.period} placeholder="2025-03" required />
          <div class="field">
            <label for="f-tariff">Proposed tariff (native YAML or JSON)</label>
            <input id="f-tariff" name="tariff" type="file" accept=".yaml,.yml,.json" />
          </div>
          <div class="field">
            <label for="f-catalog">Proposed catalog (YAML or JSON)</label>
            <input id="f-catalog" name="catalog" type="file" accept=".yaml,.yml,.json" />
          </div>
          <button type="submit">Re-price the month</button>
          <p class="hint">The month's stored usage is priced again in memory and charged as the bill run would; nothing stored changes.</p>
        </form>
        {error ? <Notice tone="error">{error}</Notice> : null}
        {report ? <WhatIfReport report={report} /> : null}
        <section aria-labelledby="trends-h">
          <h2 id="trends-h">Usage trends</h2>
          {trends.note ? <p class="hint">{trends.note}</p> : null}
          <p class="pricing-backtest">
            Back-test (rolling origin, one {trends.bucket} ahead): rated amount MAPE {trends.ratedMape === null ? 'n/a' : `${trends.ratedMape}%`}, usage MAPE{' '}
            {trends.quantityMape === null ? 'n/a' : `${trends.quantityMape}%`}.
          </p>
          <Chart
            id="trends-chart"
            type="bar"
            stacked
            label={`Rated usage per ${trends.bucket} and forecast (${trends.currency})`}
            labels={labels}
            datasets={[
              { label: 'Rated', data: [...trends.total.history, ...zeros(trends.future.length)] },
              { label: `Forecast (${trends.total.model.method.replace('_', ' ')})`, data: [...zeros(trends.buckets.length), ...trends.total.forecast] },
            ]}
          />
        </section>
      </ConsolePage>,
    );
  };
  web.get('/pricing', guard, (c) => page(c, { period: '' }, null, null));
  web.post('/pricing/what-if', guard, async (c) => {
    const ctx = c.get('operationContext');
    const body = await c.req.parseBody();
    const period = typeof body.period === 'string' ? body.period.trim() : '';
    const tariff = await uploaded(body.tariff);
    const catalog = await uploaded(body.catalog);
    try {
      const report = await runOperation(showPricingWhatIf, ctx, {
        period,
        ...(tariff ? { tariff: { format: 'native' as const, ...tariff } } : {}),
        ...(catalog ? { catalog } : {}),
      });
      return page(c, { period }, report, null);
    } catch (err) {
      // A file or month the user can fix is said next to the form; anything else is the error page's.
      if (err instanceof BillingError && err.code !== 'INTERNAL' && err.code !== 'FORBIDDEN') return page(c, { period }, null, err.message);
      throw err;
    }
  });
}
