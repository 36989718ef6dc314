import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { showForecast } from '../../../app/forecast/index.ts';
import { Money } from '../components.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';
import { sendPage } from '../render.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';

const SERVICE: Record<string, string> = { voice: 'Minutes', sms: 'Texts', data: 'Data' };

/** Usage (/portal/usage): each line's allowances this period (included, used, left, the forecast and any expected extra charge), its charges so far and forecast, and a cheaper plan when one would cost less. */
export function mountPortalUsage(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/usage', guard, async (c) => {
    const ctx = c.get('operationContext');
    const p = await runOperation(showForecast, ctx, {});
    return sendPage(
      c,
      <PortalPage title="Usage this period" active="/portal/usage" session={pageSession(c)} accountId={c.get('portalAccountId')}>
        <p>
          {p.period.from} to {p.period.lastDay}, day {p.period.daysElapsed} of {p.period.daysTotal}. The forecast reads {p.method.basis}.
        </p>
        {p.lines.map((l) => (
          <section aria-label={`Line ${l.msisdn}`}>
            <h2>Line {l.msisdn}</h2>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Allowance</th>
                    <th scope="col" class="num">
                      Included
                    </th>
                    <th scope="col" class="num">
                      Used
                    </th>
                    <th scope="col" class="num">
                      Left
                    </th>
                    <th scope="col" class="num">
                      Forecast
                    </th>
                    <th scope="col" class="num">
                      Expected extra
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {l.allowances.map((a) => (
                    <tr>
                      <td>
                        {SERVICE[a.service] ?? a.service} ({a.unit})
                      </td>
                      <td class="num">{a.included}</td>
                      <td class="num">{a.used}</td>
                      <td class="num">{a.left}</td>
                      <td class="num">
                        {a.projectedUse}
                        {a.projectedToExceed ? <span class="badge badge-warn">goes over</span> : null}
                      </td>
                      <td class="num">{a.extraCharge === null ? '–' : <Money value={a.extraCharge} currency={p.currency} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              Charged beyond the allowances so far: <Money value={l.usageCharges} currency={p.currency} /> (forecast to {p.period.lastDay}:{' '}
              <Money value={l.projectedUsageCharges} currency={p.currency} />
              ), before tax.
            </p>
            {l.suggestion ? (
              <p class="notice notice-info" data-suggestion={l.subscriptionId}>
                On {l.suggestion.planName} this period would cost <Money value={l.suggestion.alternativeAmount} currency={p.currency} /> instead of{' '}
                <Money value={l.suggestion.currentAmount} currency={p.currency} /> (before tax). <a href="/portal/plans">Compare plans</a>
              </p>
            ) : null}
          </section>
        ))}
        {p.notRated > 0 ? <p class="hint">{p.notRated} recent uses are not priced yet and are not counted above.</p> : null}
      </PortalPage>,
    );
  });
}
