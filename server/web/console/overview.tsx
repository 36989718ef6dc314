import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { listBillRuns } from '../../../app/billing/index.ts';
import { listFlaggedInvoices } from '../../../app/invoices/index.ts';
import { listQuarantined } from '../../../app/quarantine/index.ts';
import { Stat, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { sendPage } from '../render.tsx';
import { pageSession } from '../page-session.ts';
import type { WebEnv } from '../web-env.ts';

/** The overview (/): what needs a person today — held invoices, pending approvals, open quarantine — and the last bill run. */
export function mountOverview(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/', guard, async (c) => {
    const ctx = c.get('operationContext');
    const [flagged, quarantine, runs] = await Promise.all([
      runOperation(listFlaggedInvoices, ctx, { limit: 50 }),
      runOperation(listQuarantined, ctx, { status: 'open', limit: 1 }),
      runOperation(listBillRuns, ctx, {}),
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
      </ConsolePage>,
    );
  });
}
