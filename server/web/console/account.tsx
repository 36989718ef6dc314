import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { addAccountNote, listAccountNotes, showAccount, showAccountStanding } from '../../../app/accounts/index.ts';
import { listPortalLinks } from '../../../app/portal/index.ts';
import { PortalLinksSection } from './account-portal-links.tsx';
import { InvoiceTable } from './invoice-table.tsx';
import { listInvoices } from '../../../app/invoices/index.ts';
import { AGEING_BUCKETS } from '../../../tools/collections/collections.types.ts';
import { Money, Notice } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

const BUCKET_NAMES: Record<string, string> = { current: 'not yet due', days_1_30: '1–30 days', days_31_60: '31–60 days', days_61_90: '61–90 days', days_over_90: 'over 90 days' };

/** One account (/accounts/:id): customer, lines and plans, standing and ageing, invoices, and staff notes (added with a form, PRG). */
export function mountAccount(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/accounts/:id', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.req.param('id');
    const [shown, standing, invoices, notes] = await Promise.all([
      runOperation(showAccount, ctx, { accountId }),
      runOperation(showAccountStanding, ctx, { accountId }),
      runOperation(listInvoices, ctx, { accountId, limit: 100 }),
      runOperation(listAccountNotes, ctx, { accountId }),
    ]);
    // Portal links are made by analysts and admins (an approver only decides).
    const canLink = ctx.actor.roles.some((r) => r === 'analyst' || r === 'admin');
    const links = canLink ? (await runOperation(listPortalLinks, ctx, { accountId })).links : null;
    const { customer, account, subscriptions } = shown;
    const s = standing.standing;
    const cur = s.currency ?? account.currency;
    const canNote = ctx.actor.roles.some((r) => r === 'analyst' || r === 'admin');
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title={`Account ${account.id}`} active="/accounts" session={session}>
        {c.req.query('noted') === '1' ? <Notice tone="ok">Note added.</Notice> : null}
        <section aria-labelledby="customer-head">
          <h2 id="customer-head">Customer</h2>
          <dl class="facts">
            <dt>Name</dt>
            <dd class="customer-name">{customer.name}</dd>
            <dt>Customer id</dt>
            <dd>{customer.id}</dd>
            <dt>Segment</dt>
            <dd>{customer.segment}</dd>
            <dt>Customer since</dt>
            <dd>{customer.customerSince}</dd>
            <dt>Currency, billing day</dt>
            <dd>
              {account.currency}, day {account.billingCycleDay}
            </dd>
          </dl>
          <p>
            <a href={`/usage?accountId=${encodeURIComponent(account.id)}`}>Usage of this account</a>
          </p>
        </section>
        <section aria-labelledby="lines-head">
          <h2 id="lines-head">Lines</h2>
          {subscriptions.length ? (
            <table class="lines">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Number</th>
                  <th scope="col">Plan</th>
                  <th scope="col">Since</th>
                  <th scope="col">Ended</th>
                </tr>
              </thead>
              <tbody>
                {subscriptions.map((l) => (
                  <tr>
                    <td>{l.id}</td>
                    <td>
                      <a href={`/usage?subscriber=${encodeURIComponent(l.msisdn)}`}>{l.msisdn}</a>
                    </td>
                    <td>{l.plans.map((p) => `${p.planId} from ${p.from}`).join('; ')}</td>
                    <td>{l.plans[0]?.from ?? '—'}</td>
                    <td>{l.endDate ?? 'active'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="hint">No lines.</p>
          )}
        </section>
        <section aria-labelledby="standing-head">
          <h2 id="standing-head">Standing on {s.asOf}</h2>
          <p class="standing-summary">{s.summary}</p>
          <table class="standing">
            <tbody>
              <tr>
                <th scope="row">Balance</th>
                <td class="num">
                  <Money value={s.balance} currency={cur} />
                </td>
              </tr>
              <tr>
                <th scope="row">Open</th>
                <td class="num">
                  <Money value={s.openBalance} currency={cur} />
                </td>
              </tr>
              <tr>
                <th scope="row">Overdue</th>
                <td class="num">
                  <Money value={s.overdueBalance} currency={cur} />
                </td>
              </tr>
              <tr>
                <th scope="row">Unapplied credit</th>
                <td class="num">
                  <Money value={s.creditBalance} currency={cur} />
                </td>
              </tr>
            </tbody>
          </table>
          <table class="ageing">
            <caption>Ageing</caption>
            <thead>
              <tr>
                {AGEING_BUCKETS.map((b) => (
                  <th scope="col" class="num">
                    {BUCKET_NAMES[b] ?? b}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {AGEING_BUCKETS.map((b) => (
                  <td class="num">
                    <Money value={s.buckets[b] ?? '0'} currency={cur} />
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <p class="hint">{standing.dunning.summary}</p>
        </section>
        <section aria-labelledby="invoices-head">
          <h2 id="invoices-head">Invoices and notes</h2>
          {invoices.invoices.length ? (
            <InvoiceTable rows={invoices.invoices} caption={`Invoices and notes of account ${account.id}`} className="account-invoices" />
          ) : (
            <p class="hint">No invoices yet.</p>
          )}
        </section>
        {links ? <PortalLinksSection accountId={account.id} links={links} csrfToken={session.csrfToken} revoked={c.req.query('linkRevoked')} /> : null}
        <section aria-labelledby="notes" id="notes-section">
          <h2 id="notes">Notes</h2>
          {notes.notes.length ? (
            <ol class="notes">
              {notes.notes.map((n) => (
                <li class="note">
                  <p class="note-body">{n.body}</p>
                  <p class="hint">
                    {n.author}, {n.createdAt.slice(0, 16).replace('T', ' ')} UTC
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <p class="hint">No notes yet.</p>
          )}
          {canNote ? (
            <form method="post" action={`/accounts/${encodeURIComponent(account.id)}/notes`} class="note-form">
              <input type="hidden" name="_csrf" value={session.csrfToken} />
              <div class="field">
                <label for="f-note">Add a note</label>
                <textarea id="f-note" name="body" required maxlength={2000} />
              </div>
              <p class="hint">Notes are kept as written: they cannot be edited or deleted later. Your name is recorded with it.</p>
              <button type="submit">Add note</button>
            </form>
          ) : null}
        </section>
      </ConsolePage>,
    );
  });

  web.post('/accounts/:id/notes', guard, async (c) => {
    const ctx = c.get('operationContext');
    const accountId = c.req.param('id');
    const form = await c.req.parseBody();
    // Only the text comes from the form: the author is the session's user (the operation takes no other).
    await runOperation(addAccountNote, ctx, { accountId, body: typeof form.body === 'string' ? form.body : '' });
    return c.redirect(`/accounts/${encodeURIComponent(accountId)}?noted=1#notes`, 303);
  });
}
