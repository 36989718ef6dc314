import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { listDeadNotifications, listNotifications, resendNotification, showWebhookEndpoint } from '../../../app/notifications/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { NOTIFICATION_STATUSES } from '../../../tools/notifications/index.ts';
import { Notice, StatusBadge } from '../components.tsx';
import { ConsolePage, type PageSession } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

type Listed = z.output<typeof listNotifications.output>['notifications'][number];
type Dead = z.output<typeof listDeadNotifications.output>['notifications'][number];

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
const kindName = (k: string) => k.replaceAll('_', ' ');

/** The outbox, newest first: what each notification is about, where it stands, its attempts. */
function OutboxTable(props: { rows: readonly Listed[] }) {
  return (
    <div class="table-wrap">
      <table class="notifications">
        <caption class="sr-only">Notifications, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Kind</th>
            <th scope="col">Account</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Attempts
            </th>
            <th scope="col">Created</th>
            <th scope="col">Next attempt / delivered</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((n) => (
            <tr>
              <td>{n.id}</td>
              <td>{kindName(n.kind)}</td>
              <td>
                <a href={`/accounts/${encodeURIComponent(n.accountId)}`}>{n.accountId}</a>
              </td>
              <td>
                <StatusBadge status={n.status} />
              </td>
              <td class="num">{n.attempts}</td>
              <td>{when(n.createdAt)}</td>
              <td>{n.deliveredAt ? `delivered ${when(n.deliveredAt)}` : n.status === 'queued' || n.status === 'failed' ? when(n.nextAttemptAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Dead letters with their last error (switch or receiver text is shown as text) and a resend button each. */
function DeadLetters(props: { rows: readonly Dead[]; session: PageSession }) {
  if (props.rows.length === 0) return <p class="hint">No dead letters: everything was delivered or is still being tried.</p>;
  return (
    <ul class="dead-letters">
      {props.rows.map((n) => (
        <li>
          <strong>
            #{n.id} {kindName(n.kind)}
          </strong>{' '}
          for <a href={`/accounts/${encodeURIComponent(n.accountId)}`}>{n.accountId}</a>, {n.attempts} attempts: {n.lastError ?? 'no error recorded'}
          <form method="post" action={`/notifications/${n.id}/resend`} class="inline">
            <input type="hidden" name="_csrf" value={props.session.csrfToken} />
            <button type="submit">Resend #{n.id}</button>
          </form>
        </li>
      ))}
    </ul>
  );
}

/**
 * Notifications (/notifications): the outbox filtered by status, dead letters with a resend each,
 * and the webhook endpoint (admins). The same operations as `switchboard notifications` and
 * /api/v1/notifications; delivery itself runs in the worker.
 */
export function mountNotifications(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/notifications', guard, async (c) => {
    const ctx = c.get('operationContext');
    const asked = c.req.query('status');
    const status = NOTIFICATION_STATUSES.find((s) => s === asked);
    if (asked && !status) throw new BillingError('INVALID_INPUT', `status must be one of ${NOTIFICATION_STATUSES.join(', ')}`);
    const [{ notifications }, dead] = await Promise.all([runOperation(listNotifications, ctx, { status, limit: 200 }), runOperation(listDeadNotifications, ctx, { limit: 100 })]);
    const webhook = ctx.actor.roles.includes('admin') ? await runOperation(showWebhookEndpoint, ctx, {}) : null;
    const session = pageSession(c);
    const resent = c.req.query('resent');
    return sendPage(
      c,
      <ConsolePage title="Notifications" active="/notifications" session={session}>
        {resent && /^\d+$/.test(resent) ? <Notice tone="ok">Notification #{resent} is queued again; the worker's next delivery pass sends it.</Notice> : null}
        {webhook ? (
          <p class="hint">
            {webhook.configured ? `Webhooks go to ${webhook.url}, signed with the secret ending …${webhook.secretEnding}.` : 'No webhook endpoint is set: switchboard notifications webhook --url URL.'}
          </p>
        ) : null}
        <section aria-labelledby="dead-h">
          <h2 id="dead-h">Dead letters ({dead.notifications.length})</h2>
          <DeadLetters rows={dead.notifications} session={session} />
        </section>
        <section aria-labelledby="outbox-h">
          <h2 id="outbox-h">Outbox</h2>
          <form method="get" action="/notifications" class="filters" aria-label="Filter notifications">
            <label>
              Status{' '}
              <select name="status">
                <option value="">any</option>
                {NOTIFICATION_STATUSES.map((s) => (
                  <option value={s} selected={s === status}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">Filter</button>
          </form>
          {notifications.length ? <OutboxTable rows={notifications} /> : <Notice tone="info">No notifications{status ? ` with status ${status}` : ''}.</Notice>}
        </section>
      </ConsolePage>,
    );
  });

  web.post('/notifications/:id/resend', guard, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,12}$/.test(id)) throw new BillingError('NOT_FOUND', `no notification ${id}`);
    await runOperation(resendNotification, c.get('operationContext'), { id: Number(id) });
    return c.redirect(`/notifications?resent=${id}`, 303);
  });
}
