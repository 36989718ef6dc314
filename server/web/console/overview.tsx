import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { listBillRuns } from '../../../app/billing/index.ts';
import { listFlaggedInvoices } from '../../../app/invoices/index.ts';
import { listQuarantined } from '../../../app/quarantine/index.ts';
import { summarizeUsage } from '../../../app/usage/index.ts';
import { Notice, Stat, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { sendPage } from '../render.tsx';
import { pageSession } from '../page-session.ts';
import type { WebEnv } from '../web-env.ts';
import { RevenueByDayChart, UsageByCategoryCharts, UsageTable } from './usage-figures.tsx';

/**
 * The overview (/): what needs a person today — held invoices, pending approvals, open quarantine —
 * the last bill run, and the usage of today and of a month (`?period=YYYY-MM`; by default today's,
 * or the latest with usage) by category, with its rated revenue by day.
 */
export function mountOverview(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/', guard, async (c) => {
    const ctx = c.get('operationContext');
    const asked = c.req.query('period');
    const [flagged, quarantine, runs, usage] = await Promise.all([
      runOperation(listFlaggedInvoices, ctx, { limit: 50 }),
      runOperation(listQuarantined, ctx, { status: 'open', limit: 1 }),
      runOperation(listBillRuns, ctx, {}),
      runOperation(summarizeUsage, ctx, asked ? { period: asked } : {}),
    ]);
    const last = runs.runs[runs.runs.length - 1];
    return sendPage(
      c,
      <ConsolePage title="Overview" active="/" session={pageSession(c)}>
        <div class="stats">
          <Stat label="held invoices" href="/invoices?status=held">
            {flagged.held.length}
          </Stat>
          <Stat label="pending approvals" href="/approvals">
            {flagged.pendingProposals.length}
          </Stat>
          <Stat label="open quarantine" href="/quarantine">
            {quarantine.total}
          </Stat>
          <Stat label="last bill run" href={last ? `/invoices?period=${last.period}` : undefined}>
            {last ? last.period : 'none yet'}
          </Stat>
        </div>
        {last ? (
          <section aria-labelledby="last-run">
            <h2 id="last-run">Last bill run: {last.period}</h2>
            <p>
              {last.invoices} invoices:{' '}
              {Object.entries(last.byStatus).map(([status, n]) => (
                <span class="run-status">
                  <StatusBadge status={status} /> {n}{' '}
                </span>
              ))}
            </p>
          </section>
        ) : null}
        <section aria-labelledby="usage-head">
          <h2 id="usage-head">Usage, {usage.period}</h2>
          <form method="get" action="/" class="filters">
            <div class="field">
              <label for="f-period">Month</label>
              <input id="f-period" name="period" type="month" value={usage.period} />
            </div>
            <button type="submit" class="secondary">
              Show month
            </button>
          </form>
          {usage.note ? <Notice tone="info">{usage.note}</Notice> : null}
          <div class="charts">
            <UsageByCategoryCharts summary={usage} />
            <RevenueByDayChart summary={usage} />
          </div>
          <UsageTable caption={`Today, ${usage.today}`} span={usage.todayFigures} />
          <UsageTable caption={`Month ${usage.period}`} span={usage.periodFigures} />
        </section>
      </ConsolePage>,
    );
  });
}
