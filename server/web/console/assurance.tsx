import type { Hono, MiddlewareHandler } from 'hono';
import { reportAssurance } from '../../../app/assurance/index.ts';
import { runOperation } from '../../../app/index.ts';
import { type AssuranceReport, type Gap, moneyText } from '../../../tools/assurance/index.ts';
import { Notice } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

const ITEMS = 20;

/** One gap: cause, stages, money, estimate, and its first items, each pointing at the record or invoice. */
function GapSection(props: { gap: Gap }) {
  const g = props.gap;
  return (
    <section class="card" aria-label={`Gap ${g.cause}`}>
      <h3>
        <span class={`badge badge-${g.leak ? 'bad' : 'muted'}`}>{g.leak ? 'leak' : 'by design'}</span> {g.label}
      </h3>
      <p>
        {g.from} → {g.to}: {g.itemCount} items, {g.count} out of the flow, {g.estimate ? '~' : ''}
        {moneyText(g.money)}
        {Object.keys(g.atRisk).length ? `; at risk ~${moneyText(g.atRisk)}` : ''}
      </p>
      {g.estimate ? <p class="muted">Estimated: {g.estimate}</p> : null}
      <div class="table-wrap">
        <table class="gap-items">
          <caption class="sr-only">Items of {g.cause}</caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">What</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {g.items.map((i) => (
              <tr>
                <td>
                  {i.eventId !== null ? (
                    <a href={`/usage/${i.eventId}`}>{i.ref}</a>
                  ) : i.invoiceId !== null ? (
                    <a href={`/invoices/${encodeURIComponent(i.invoiceNumber ?? String(i.invoiceId))}`}>{i.ref}</a>
                  ) : (
                    i.ref
                  )}
                </td>
                <td>{i.detail}</td>
                <td class="num">{i.amount === null ? '' : `${i.estimated ? '~' : ''}${i.amount} ${i.currency}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {g.itemCount > g.items.length ? <p class="muted">… and {g.itemCount - g.items.length} more</p> : null}
    </section>
  );
}

/** The stages as a table and the check that each is the next plus its gaps. */
function Stages(props: { report: AssuranceReport }) {
  const r = props.report;
  return (
    <>
      <div class="table-wrap">
        <table class="assurance-stages">
          <caption class="sr-only">Stages from the switch to the bank</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Count</th>
              <th scope="col">Money</th>
              <th scope="col">Of which estimated</th>
            </tr>
          </thead>
          <tbody>
            {r.stages.map((s) => (
              <tr>
                <th scope="row">
                  {s.id}: {s.label}
                </th>
                <td class="num">
                  {s.count} {s.unit}
                </td>
                <td class="num">{moneyText(s.money)}</td>
                <td class="num">{Object.values(s.estimated).some((v) => Number(v) !== 0) ? `~${moneyText(s.estimated)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="assurance-checks" aria-label="Checks">
        {r.checks.map((c) => (
          <li>
            {c.countAddsUp && c.moneyAddsUp ? 'ok' : 'does not add up'}: {c.equation}
          </li>
        ))}
      </ul>
      <Notice tone={r.gapsAddUp ? 'ok' : 'error'}>gaps add up: {r.gapsAddUp ? 'yes' : 'no'}</Notice>
    </>
  );
}

/** Revenue assurance (/assurance?period=YYYY-MM): the operation `switchboard assurance report` runs, as a page. */
export function mountAssurance(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/assurance', guard, async (c) => {
    const ctx = c.get('operationContext');
    const asked = c.req.query('period') ?? '';
    // No (or no readable) month: the operation's default, the month before today's, the one last billed.
    const report = (await runOperation(reportAssurance, ctx, { period: /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) ? asked : undefined, limit: ITEMS })) as AssuranceReport;
    const period = report.period;
    const gaps = report.gaps.filter((g) => g.itemCount > 0);
    return sendPage(
      c,
      <ConsolePage title="Revenue assurance" active="/assurance" session={pageSession(c)}>
        <form method="get" action="/assurance" class="filters card" aria-label="Choose the period">
          <div class="field">
            <label for="f-period">Billing month</label>
            <input id="f-period" name="period" type="month" value={period} required />
          </div>
          <button type="submit">Show</button>
        </form>
        <p>
          Usage from {report.window.from} to {report.window.to} ({report.timezone}); invoices of {report.period}. Leaks: {report.leaks.items} items, {moneyText(report.leaks.money)} out of the flow, ~
          {moneyText(report.leaks.atRisk)} more at risk.
        </p>
        <Stages report={report} />
        <h2>Gaps</h2>
        {gaps.length ? gaps.map((g) => <GapSection gap={g} />) : <Notice tone="info">No gap in {period}.</Notice>}
      </ConsolePage>,
    );
  });
}
