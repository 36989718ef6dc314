import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { showAccount } from '../../../app/accounts/index.ts';
import { listInvoices } from '../../../app/invoices/index.ts';
import { showForecast } from '../../../app/forecast/index.ts';
import { showCurrentPeriod } from '../../../app/portal/index.ts';
import type { AccountForecast } from '../../../tools/forecast/index.ts';
import { dec } from '../../../tools/money/index.ts';
import { Money, StatusBadge } from '../components.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';
import { sendPage } from '../render.tsx';
import { visibleInvoices } from './invoices.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';
import { periodView, type PeriodView } from './period-view.ts';

/** The allowances as meters with their numbers; each figure in an element /assets/portal.js refreshes by its key. */
export function AllowanceMeters(props: { view: PeriodView }) {
  if (!props.view.meters.length) return <p class="hint">Your plan has no allowances this period: every call, text and megabyte is charged as you go.</p>;
  return (
    <ul class="meters">
      {props.view.meters.map((m) => (
        <li class="meter-row">
          <label for={`m-${m.key}`}>{m.label}</label>
          <meter id={`m-${m.key}`} data-live-meter={m.key} min="0" max={m.included} value={m.used} />
          <span class="meter-figures">
            <span data-live={`${m.key}-used`}>{props.view.fields[`${m.key}-used`]}</span> used of {m.included} {m.unit} ·{' '}
            <strong data-live={`${m.key}-left`}>{props.view.fields[`${m.key}-left`]}</strong>
            {dec(m.left).isZero() ? <span class="badge badge-bad">used up</span> : m.projectedToRunOut ? <span class="badge badge-warn">likely to run out</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Each allowance the forecast sees going over: by how much, what it would cost, and the plan that would cost less. */
function OverageWarnings(props: { forecast: AccountForecast }) {
  const f = props.forecast;
  const rows = f.lines.flatMap((l) => l.allowances.filter((a) => a.projectedToExceed && a.extraCharge !== null && !dec(a.extraCharge).isZero()).map((a) => ({ line: l, a })));
  if (!rows.length) return null;
  return (
    <div class="notice notice-warn" role="status">
      <ul>
        {rows.map(({ line, a }) => (
          <li data-forecast={`${line.subscriptionId}-${a.allowanceId}`}>
            {SERVICE[a.service] ?? a.service} on {line.msisdn}: heading for about {a.projectedUse} {a.unit} of {a.included} by {f.period.lastDay}, an expected{' '}
            <Money value={a.extraCharge!} currency={f.currency} /> extra (before tax).
          </li>
        ))}
        {f.lines.flatMap((l) =>
          l.suggestion
            ? [
                <li data-suggestion={l.subscriptionId}>
                  On {l.suggestion.planName}, line {l.msisdn} would cost <Money value={l.suggestion.saving} currency={f.currency} /> less this period. <a href="/portal/plans">Compare plans</a>
                </li>,
              ]
            : [],
        )}
      </ul>
    </div>
  );
}

const SERVICE: Record<string, string> = { voice: 'Minutes', sms: 'Texts', data: 'Data' };

/** Home (/portal): this period so far (allowances, charges, the forecast to its end), refreshed while it is open; a warning for an allowance heading over, with its expected extra charge and a cheaper plan; the latest bill and the balance. */
export function mountPortalHome(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.get('portalAccountId');
    const [period, invoices, account] = await Promise.all([runOperation(showCurrentPeriod, ctx, {}), runOperation(listInvoices, ctx, { limit: 20 }), runOperation(showAccount, ctx, { accountId })]);
    const view = periodView(period, ctx.clock.now());
    // The extra charges are charged only when an allowance is heading over.
    const forecast = period.lines.some((l) => l.allowances.some((a) => a.projectedToRunOut)) ? await runOperation(showForecast, ctx, {}) : null;
    const latest = visibleInvoices(invoices.invoices)[0];
    const standing = account.standing;
    return sendPage(
      c,
      <PortalPage title={`Hello, ${c.get('customerName')}`} active="/portal" session={pageSession(c)} accountId={accountId}>
        <section aria-labelledby="period" class="period" data-live-src="/portal/live">
          <h2 id="period">
            This period: {period.period.from} to {period.period.lastDay}{' '}
            <span class="hint" data-live="days-elapsed">
              {view.fields['days-elapsed']}
            </span>
          </h2>
          <AllowanceMeters view={view} />
          <div class="stats">
            <div class="stat">
              <span class="stat-value money" data-live="usage-charges">
                {view.fields['usage-charges']}
              </span>
              <span class="stat-label">charges beyond your allowances so far (before tax)</span>
            </div>
            <div class="stat">
              <span class="stat-value money" data-live="projected-charges">
                {view.fields['projected-charges']}
              </span>
              <span class="stat-label">forecast to {period.period.lastDay}</span>
            </div>
          </div>
          {forecast ? <OverageWarnings forecast={forecast} /> : null}
          <p class="hint">
            Forecast: {period.projection.basis}. It assumes you keep using as you usually do; it is not a bill. Your monthly plan fees and tax come on top.
            {period.notRated > 0 ? ` ${period.notRated} recent uses are not priced yet and are left out.` : ''} Updated at <span data-live="as-of">{view.fields['as-of']}</span> UTC.
          </p>
          <p>
            <a href="/portal/usage">Usage by line</a>
          </p>
        </section>
        <section aria-labelledby="bill">
          <h2 id="bill">Your latest bill</h2>
          {latest?.number ? (
            <p>
              <a href={`/portal/invoices/${latest.number}`}>{latest.number}</a> for {latest.period}: <Money value={latest.total} currency={latest.currency} /> <StatusBadge status={latest.status} />
            </p>
          ) : (
            <p>No bill yet.</p>
          )}
          <p>
            Balance: {standing.currency ? <Money value={standing.balance} currency={standing.currency} /> : 'nothing owed'}
            {standing.currency && !dec(standing.overdueBalance).isZero() ? (
              <>
                {' '}
                (<Money value={standing.overdueBalance} currency={standing.currency} /> overdue)
              </>
            ) : null}
          </p>
          <p class="hint">{standing.summary}</p>
        </section>
      </PortalPage>,
    );
  });

  // The same figures as JSON for the page's refresh: text only, set with textContent by /assets/portal.js.
  portal.get('/live', guard, async (c) => {
    const ctx = c.get('operationContext');
    const view = periodView(await runOperation(showCurrentPeriod, ctx, {}), ctx.clock.now());
    c.header('cache-control', 'no-store');
    return c.json({ asOf: view.asOf, fields: view.fields, meters: view.meters.map((m) => ({ key: m.key, used: m.used, max: m.included })) });
  });
}
