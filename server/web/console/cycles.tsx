import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { listCycles, runBillingCycle, showCycle } from '../../../app/cycles/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { billingMonthSchema } from '../../../tools/schemas/index.ts';
import { Field, Money, Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { invoicePath } from './invoice-table.tsx';

type Cycle = z.output<typeof showCycle.output>;
type Report = NonNullable<Cycle['report']>;

const STEP_NAMES: Record<string, string> = {
  close_usage: 'Close usage',
  rate: 'Rate',
  categorise: 'Categorise',
  bill: 'Bill (shards)',
  audit: 'Audit and compliance',
  hold: 'Hold flagged',
  documents: 'PDF and UBL',
};

/** The steps of a cycle's report: what each did (counts, money), and how long it took. */
function StepsTable(props: { report: Report }) {
  return (
    <div class="table-wrap">
      <table class="cycle-steps">
        <caption class="sr-only">Steps of the cycle</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">What it did</th>
            <th scope="col" class="num">
              Money
            </th>
            <th scope="col" class="num">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {props.report.steps.map((s) => (
            <tr>
              <td>{STEP_NAMES[s.step] ?? s.step}</td>
              <td>
                {Object.entries(s.counts)
                  .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${v}`)
                  .join(', ')}
                {s.notes.map((n) => (
                  <p class="hint">{n}</p>
                ))}
              </td>
              <td class="num">
                {s.money.map((m) => (
                  <div>
                    <Money value={m.total} currency={m.currency} />
                  </div>
                ))}
              </td>
              <td class="num">{`${s.ms} ms`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Invoices counted and summed per currency ("2 for £30.47"), or "none". */
function MoneyCounts(props: { money: Report['invoices']['issued'] }) {
  if (props.money.length === 0) return <>none</>;
  return (
    <>
      {props.money.map((m, i) => (
        <>
          {i > 0 ? ', ' : ''}
          {m.count} for <Money value={m.total} currency={m.currency} />
        </>
      ))}
    </>
  );
}

/** A cycle's report: steps, what was issued and held (with the proposal that waits), audit findings, model use. */
function CycleReport(props: { report: Report }) {
  const r = props.report;
  return (
    <>
      <section aria-labelledby="steps-h">
        <h2 id="steps-h">Steps</h2>
        <StepsTable report={r} />
        <p class="hint">
          {r.model.calls} model calls, {r.model.totalTokens} tokens; {r.totalMs} ms in all.
        </p>
      </section>
      <section aria-labelledby="held-h">
        <h2 id="held-h">Waiting for a person</h2>
        {r.held.length === 0 && r.waiting.length === 0 ? <p class="hint">Nothing waits.</p> : null}
        {r.held.length ? (
          <ul class="cycle-held">
            {r.held.map((h) => (
              <li>
                <a href={invoicePath(String(h.invoiceId))}>held #{h.invoiceId}</a> (account {h.accountId}, <Money value={h.total} currency={h.currency} />
                ): {h.reasons.map((x) => `${x.code} — ${x.message}`).join('; ')}
                {h.proposalId ? (
                  <>
                    {' '}
                    · <a href={`/approvals/${h.proposalId}`}>proposal {h.proposalId}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {r.waiting.length ? (
          <ul class="cycle-waiting">
            {r.waiting.map((w) => (
              <li>
                <a href={`/approvals/${w.proposalId}`}>Proposal {w.proposalId}</a> ({w.kind.replaceAll('_', ' ')}): {w.summary}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="findings-h">
        <h2 id="findings-h">Audit findings ({r.findings.length})</h2>
        {r.findings.length ? (
          <ul>
            {r.findings.slice(0, 100).map((f) => (
              <li>
                <StatusBadge status={f.severity === 'error' ? 'failed' : 'pending'} /> {f.number ? <a href={invoicePath(f.number)}>{f.number}</a> : `#${f.invoiceId}`} ({f.kind}, {f.code}): {f.message}
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">No broken invariant, bill shock or compliance error.</p>
        )}
      </section>
    </>
  );
}

/**
 * Billing cycles (/cycles, /cycles/:period): each period's cycle with its state and report, and a
 * form that runs (or resumes) one — the same operation as `switchboard cycle run` and POST /api/v1/cycles.
 */
export function mountCycles(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/cycles', guard, async (c) => {
    const ctx = c.get('operationContext');
    const { cycles } = await runOperation(listCycles, ctx, {});
    const canRun = ctx.actor.roles.some((r) => r === 'analyst' || r === 'admin');
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title="Billing cycles" active="/cycles" session={session}>
        {canRun ? (
          <form method="post" action="/cycles" class="filters card" aria-label="Run a billing cycle">
            <input type="hidden" name="_csrf" value={session.csrfToken} />
            <Field label="Period (YYYY-MM)" name="period" placeholder={ctx.clock.today().slice(0, 7)} required />
            <button type="submit">Run the cycle</button>
            <p class="hint">Closes usage, rates, bills in shards, audits, holds what is flagged for a person and renders the documents. Running it again creates nothing new.</p>
          </form>
        ) : null}
        {cycles.length ? (
          <div class="table-wrap">
            <table class="cycles">
              <caption class="sr-only">Billing cycles, newest period first</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col">Started</th>
                  <th scope="col">Finished</th>
                  <th scope="col" class="num">
                    Runs
                  </th>
                </tr>
              </thead>
              <tbody>
                {cycles.map((y) => (
                  <tr>
                    <td>
                      <a href={`/cycles/${y.period}`}>{y.period}</a>
                    </td>
                    <td>
                      <StatusBadge status={y.status} />
                      {y.error ? <p class="hint">{y.error}</p> : null}
                    </td>
                    <td>{y.startedAt.slice(0, 16).replace('T', ' ')}</td>
                    <td>{y.finishedAt ? y.finishedAt.slice(0, 16).replace('T', ' ') : '—'}</td>
                    <td class="num">{y.runs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Notice tone="info">No billing cycle has run yet.</Notice>
        )}
      </ConsolePage>,
    );
  });

  web.get('/cycles/:period', guard, async (c) => {
    const ctx = c.get('operationContext');
    const parsed = billingMonthSchema.safeParse(c.req.param('period'));
    if (!parsed.success) throw new BillingError('NOT_FOUND', `no billing cycle ${c.req.param('period')}`);
    const cycle = await runOperation(showCycle, ctx, { period: parsed.data });
    return sendPage(
      c,
      <ConsolePage title={`Billing cycle ${cycle.period}`} active="/cycles" session={pageSession(c)} actions={<a href="/cycles">All cycles</a>}>
        <p>
          <StatusBadge status={cycle.status} /> started {cycle.startedAt.slice(0, 16).replace('T', ' ')}
          {cycle.finishedAt ? `, finished ${cycle.finishedAt.slice(0, 16).replace('T', ' ')}` : ''}; {cycle.runs} run{cycle.runs === 1 ? '' : 's'}.
        </p>
        {cycle.error ? <Notice tone="error">{cycle.error}</Notice> : null}
        {cycle.report ? (
          <>
            <section aria-labelledby="money-h">
              <h2 id="money-h">Invoices</h2>
              <p>
                Issued: <MoneyCounts money={cycle.report.invoices.issued} />. Held: <MoneyCounts money={cycle.report.invoices.held} />.
              </p>
            </section>
            <CycleReport report={cycle.report} />
          </>
        ) : (
          <p class="hint">No report yet: the cycle has not finished.</p>
        )}
      </ConsolePage>,
    );
  });

  web.post('/cycles', guard, async (c) => {
    const ctx = c.get('operationContext');
    const form = await c.req.parseBody();
    const period = typeof form.period === 'string' ? form.period.trim() : '';
    // The cycle runs within the request (the embedded default); `switchboard worker` runs it on a schedule.
    const out = await runOperation(runBillingCycle, ctx, { period });
    return c.redirect(`/cycles/${out.period}`, 303);
  });
}
