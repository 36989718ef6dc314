import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { createPortalLink, listPortalLinks, revokePortalLink, type PortalLinkView } from '../../../app/portal/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

const HOURS = [1, 4, 12, 24, 72, 168];

/** The account page's portal links: who made each, until when, revoke; and a form that makes one. */
export function PortalLinksSection(props: { accountId: string; links: readonly PortalLinkView[]; csrfToken: string; revoked?: string }) {
  const base = `/accounts/${encodeURIComponent(props.accountId)}/portal-links`;
  return (
    <section aria-labelledby="portal-links" id="portal-links-section">
      <h2 id="portal-links">Customer portal links</h2>
      {props.revoked ? <Notice tone="ok">Portal link {props.revoked} revoked: it no longer opens the portal, and sessions opened with it have ended.</Notice> : null}
      {props.links.length ? (
        <table class="portal-links">
          <thead>
            <tr>
              <th>Link</th>
              <th>Made by</th>
              <th>Made</th>
              <th>Open until</th>
              <th>Status</th>
              <th>
                <span class="sr-only">Revoke</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.links.map((l) => (
              <tr>
                <td>{l.id}</td>
                <td>{l.createdBy}</td>
                <td>{l.createdAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>{l.expiresAt.slice(0, 16).replace('T', ' ')} UTC</td>
                <td>
                  <StatusBadge status={l.status} />
                </td>
                <td>
                  {l.status === 'active' ? (
                    <form method="post" action={`${base}/${l.id}/revoke`} data-confirm={`Revoke portal link ${l.id}? The customer's open sessions end too.`}>
                      <input type="hidden" name="_csrf" value={props.csrfToken} />
                      <button type="submit" class="secondary">
                        Revoke link {l.id}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">No portal link has been made for this account.</p>
      )}
      <form method="post" action={base} class="filters">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <div class="field">
          <label for="f-hours">Open for</label>
          <select id="f-hours" name="hours">
            {HOURS.map((h) => (
              <option value={String(h)} selected={h === 12}>
                {h} hours
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Make a portal link</button>
      </form>
      <p class="hint">A signed link that opens this account's portal, and nothing else, until it expires or is revoked. It is shown once.</p>
    </section>
  );
}

/** Makes and revokes an account's portal links from the console (portal.create-link, portal.revoke-link). */
export function mountAccountPortalLinks(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.post('/accounts/:id/portal-links', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.req.param('id');
    const form = await c.req.parseBody();
    const hours = Number(typeof form.hours === 'string' ? form.hours : '12');
    if (!HOURS.includes(hours)) throw new BillingError('INVALID_INPUT', `a portal link opens for one of ${HOURS.join(', ')} hours`);
    const link = await runOperation(createPortalLink, ctx, { accountId, hours });
    const url = `${new URL(c.req.url).origin}${link.path}`;
    // The token is shown on this reply only (never in a redirect's address, history or logs).
    return sendPage(
      c,
      <ConsolePage title={`Portal link for ${accountId}`} active="/accounts" session={pageSession(c)}>
        <Notice tone="ok">
          Portal link {link.id} made; it opens account {link.accountId} until {link.expiresAt.slice(0, 16).replace('T', ' ')} UTC.
        </Notice>
        <section>
          <div class="field">
            <label for="portal-url">Send this address to the customer (shown once)</label>
            <input id="portal-url" class="portal-url" type="text" readonly value={url} />
          </div>
          <p>
            <a href={`/accounts/${encodeURIComponent(accountId)}#portal-links-section`}>Back to account {accountId}</a>
          </p>
        </section>
      </ConsolePage>,
      201,
    );
  });

  web.post('/accounts/:id/portal-links/:linkId/revoke', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.req.param('id');
    const linkId = Number(c.req.param('linkId'));
    if (!Number.isSafeInteger(linkId) || linkId < 1) throw new BillingError('NOT_FOUND', `no portal link ${c.req.param('linkId')}`);
    // The address names the account: a link of another account is never revoked from this page.
    const { links } = await runOperation(listPortalLinks, ctx, { accountId });
    if (!links.some((l) => l.id === linkId)) throw new BillingError('NOT_FOUND', `no portal link ${linkId} on account ${accountId}`);
    await runOperation(revokePortalLink, ctx, { linkId });
    return c.redirect(`/accounts/${encodeURIComponent(accountId)}?linkRevoked=${linkId}#portal-links-section`, 303);
  });
}
