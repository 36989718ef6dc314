import type { Hono, MiddlewareHandler } from 'hono';
import { listPaymentPromises, recordPaymentPromise, showAccountCollections } from '../../../app/collections/index.ts';
import { runOperation } from '../../../app/index.ts';
import { accountIdSchema } from '../../../tools/schemas/index.ts';
import { Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

/** The risk band as a badge: high reads as bad, medium as a warning (the word is always shown). */
function BandBadge(props: { band: string }) {
  return <span class={`badge badge-${props.band === 'high' ? 'bad' : props.band === 'medium' ? 'warn' : 'ok'}`}>{props.band} risk</span>;
}

/**
 * Collections (/collections): an account's payment risk and the dunning ladder it is on (what was
 * taken, what is due, what is held, what pauses it), the form that records a promise to pay, and
 * the promises of the tenant — the operations of `switchboard collections show|promise|promises`.
 */
export function mountCollections(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/collections', guard, async (c) => {
    const ctx = c.get('operationContext');
    const session = pageSession(c);
    const asked = accountIdSchema.safeParse(c.req.query('account'));
    const view = asked.success ? await runOperation(showAccountCollections, ctx, { accountId: asked.data }) : null;
    const { promises } = await runOperation(listPaymentPromises, ctx, { limit: 100 });
    const recorded = c.req.query('recorded');
    return sendPage(
      c,
      <ConsolePage title="Collections" active="/collections" session={session}>
        {recorded ? <Notice tone="ok">{`Promise ${recorded} recorded; the account's dunning ladder pauses until its date.`}</Notice> : null}
        <form method="get" action="/collections" class="filters card" aria-label="Look up an account">
          <div class="field">
            <label for="f-account">Account id</label>
            <input id="f-account" name="account" value={asked.success ? asked.data : ''} required />
          </div>
          <button type="submit">Show risk and ladder</button>
        </form>
        {view ? (
          <section aria-labelledby="ladder-h" class="card">
            <h2 id="ladder-h">
              {view.accountId}: <BandBadge band={view.risk.band} /> score {view.risk.score}
            </h2>
            <dl class="facts" aria-label="Ladder">
              <dt>Reminders by</dt>
              <dd>{view.channels.join(' and ')}</dd>
              <dt>Ladder</dt>
              <dd>{view.plan.summary}</dd>
              <dt>Taken</dt>
              <dd>{view.taken.length ? view.taken.join(', ') : 'nothing yet'}</dd>
              <dt>Due now</dt>
              <dd>
                {view.plan.steps.length
                  ? view.plan.steps.map((s) => `${s.stepId}${s.requiresApproval ? ' (proposal)' : ' (sent by the daily run)'}${s.lateFee ? ` ${s.lateFee}` : ''}`).join('; ')
                  : 'nothing'}
              </dd>
              {view.paused ? (
                <>
                  <dt>Paused</dt>
                  <dd>{view.paused}</dd>
                </>
              ) : null}
              {view.disputed.length ? (
                <>
                  <dt>Disputed invoices</dt>
                  <dd>{view.disputed.join(', ')} (their ladder is stopped)</dd>
                </>
              ) : null}
            </dl>
            <form method="post" action="/collections/promises" aria-label={`Record a promise to pay for ${view.accountId}`}>
              <input type="hidden" name="_csrf" value={session.csrfToken} />
              <input type="hidden" name="accountId" value={view.accountId} />
              <div class="field">
                <label for="f-amount">Amount promised</label>
                <input id="f-amount" name="amount" required inputmode="decimal" />
              </div>
              <div class="field">
                <label for="f-by">Paid by</label>
                <input id="f-by" name="promisedFor" type="date" required />
              </div>
              <div class="field">
                <label for="f-note">Note (what the customer said)</label>
                <textarea id="f-note" name="note" rows={2} maxlength={500} />
              </div>
              <button type="submit">Record the promise</button>
            </form>
          </section>
        ) : null}
        <section aria-labelledby="promises-h">
          <h2 id="promises-h">Promises to pay</h2>
          {promises.length ? (
            <div class="table-wrap">
              <table class="promises">
                <caption class="sr-only">Promises to pay, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Promise</th>
                    <th scope="col">Account</th>
                    <th scope="col">Amount</th>
                    <th scope="col">By</th>
                    <th scope="col">Status</th>
                    <th scope="col">Recorded by</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {promises.map((p) => (
                    <tr>
                      <td>#{p.id}</td>
                      <td>
                        <a href={`/collections?account=${encodeURIComponent(p.accountId)}`}>{p.accountId}</a>
                      </td>
                      <td class="num">
                        {p.amount} {p.currency}
                      </td>
                      <td>{p.promisedFor}</td>
                      <td>
                        <StatusBadge status={p.status} />
                      </td>
                      <td>{p.recordedBy}</td>
                      <td>{p.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Notice tone="info">No promise to pay recorded.</Notice>
          )}
        </section>
      </ConsolePage>,
    );
  });

  web.post('/collections/promises', guard, async (c) => {
    const form = await c.req.parseBody();
    const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
    const note = text('note');
    const p = await runOperation(recordPaymentPromise, c.get('operationContext'), {
      accountId: text('accountId'),
      amount: text('amount'),
      promisedFor: text('promisedFor'),
      ...(note ? { note } : {}),
    });
    return c.redirect(`/collections?account=${encodeURIComponent(p.accountId)}&recorded=${p.id}`, 303);
  });
}
