import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { showWhatIf } from '../../../app/whatif/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { absoluteAmount, dec } from '../../../tools/money/index.ts';
import { Money } from '../components.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';
import { sendPage } from '../render.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';

/** A what-if scenario as the operation gives it: the exact amounts of one line on one other plan, or why it cannot be compared. */
interface Scenario {
  subscriptionId: string;
  msisdn: string;
  planId: string;
  planName?: string;
  note: string | null;
  currentPlanId?: string;
  currentAmount?: string;
  alternativeAmount?: string;
  saving?: string;
}

/** One line's plan advice: every plan it could be on, cheapest first, each with its exact difference to what was paid. */
function LineAdvice(props: { msisdn: string; period: string; currency: string; scenarios: Scenario[]; recommended?: string }) {
  const comparable = props.scenarios.filter((s) => s.note === null && s.alternativeAmount !== undefined && s.currentAmount !== undefined);
  comparable.sort((a, b) => dec(a.alternativeAmount!).comparedTo(dec(b.alternativeAmount!)));
  const paid = comparable[0]?.currentAmount;
  const cur = props.currency;
  return (
    <section aria-label={`Plans for ${props.msisdn}`}>
      <h2>Line {props.msisdn}</h2>
      {paid !== undefined ? (
        <p>
          In {props.period} this line cost <Money value={paid} currency={cur} /> before tax on your current plan.
        </p>
      ) : null}
      {comparable.length ? (
        <ul class="plan-advice">
          {comparable.map((s) => {
            const saving = dec(s.saving!);
            return (
              <li class={saving.gt(0) ? 'cheaper' : 'dearer'}>
                On <strong>{s.planName ?? s.planId}</strong> you would have paid <Money value={s.alternativeAmount!} currency={cur} /> in {props.period}:{' '}
                {saving.gt(0) ? (
                  <>
                    <Money value={s.saving!} currency={cur} /> less
                  </>
                ) : saving.isZero() ? (
                  'the same'
                ) : (
                  <>
                    <Money value={absoluteAmount(s.saving!)} currency={cur} /> more
                  </>
                )}
                {props.recommended === s.planId ? <span class="badge badge-good">our suggestion</span> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>No other plan can be compared for this line.</p>
      )}
      {props.scenarios
        .filter((s) => s.note !== null)
        .map((s) => (
          <p class="hint">
            {s.planName ?? s.planId}: not compared ({s.note}).
          </p>
        ))}
    </section>
  );
}

/** Plans (/portal/plans): what each line would have paid last billed month on the other plans, worked out exactly (whatif.plans). */
export function mountPortalPlans(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/plans', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.get('portalAccountId');
    let advice: z.output<typeof showWhatIf.output> | null = null;
    try {
      advice = await runOperation(showWhatIf, ctx, { accountId });
    } catch (err) {
      // No bill yet: nothing to compare against.
      if (!(err instanceof BillingError) || err.code !== 'NOT_FOUND') throw err;
    }
    const scenarios = (advice?.scenarios ?? []) as Scenario[];
    return sendPage(
      c,
      <PortalPage title="Plans for you" active="/portal/plans" session={pageSession(c)} accountId={accountId}>
        {advice ? (
          <>
            <p>Your {advice.period} usage, charged again exactly as on your bill but on each other plan (before tax). Same calls, texts and data; only the plan changes.</p>
            {advice.lines.map((l) => {
              const rec = advice.recommended.find((r) => r.subscriptionId === l.subscriptionId) as { planId?: string } | undefined;
              return (
                <LineAdvice
                  msisdn={l.msisdn}
                  period={advice.period}
                  currency={advice.currency}
                  scenarios={scenarios.filter((s) => s.subscriptionId === l.subscriptionId)}
                  {...(rec?.planId ? { recommended: rec.planId } : {})}
                />
              );
            })}
            <p class="hint">
              To change plan, <a href="/portal/help">ask us</a>.
            </p>
          </>
        ) : (
          <p>There is no bill to compare yet: plan advice starts after your first bill.</p>
        )}
      </PortalPage>,
    );
  });
}
