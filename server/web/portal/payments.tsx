import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { showMyPayments } from '../../../app/portal/index.ts';
import { dec } from '../../../tools/money/index.ts';
import { Money } from '../components.tsx';
import { sendPage } from '../render.tsx';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';

/** Payments (/portal/payments): the balance (open, overdue, account credit) and the payments that reached the account, with what each settled. */
export function mountPortalPayments(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/payments', guard, async (c) => {
    const r = await runOperation(showMyPayments, c.get('operationContext'), { limit: 100 });
    const currency = r.balance.currency ?? r.payments[0]?.currency ?? null;
    return sendPage(
      c,
      <PortalPage title="Your payments" active="/portal/payments" session={pageSession(c)} accountId={c.get('portalAccountId')}>
        <section aria-labelledby="balance-h">
          <h2 id="balance-h">Your balance</h2>
          {currency ? (
            <dl class="facts" aria-label="Balance">
              <dt>Open on your bills</dt>
              <dd data-figure="open">
                <Money value={r.balance.openBalance} currency={currency} />
              </dd>
              <dt>Of that, overdue</dt>
              <dd data-figure="overdue">
                <Money value={r.balance.overdueBalance} currency={currency} />
              </dd>
              <dt>Credit on your account</dt>
              <dd data-figure="credit">
                <Money value={r.accountCredit} currency={currency} />
              </dd>
            </dl>
          ) : (
            <p>Nothing owed.</p>
          )}
          {!dec(r.accountCredit).isZero() ? <p class="hint">Your credit is set against your next bill when it is issued.</p> : null}
        </section>
        <section aria-labelledby="payments-h">
          <h2 id="payments-h">Payments received</h2>
          {r.payments.length ? (
            <div class="table-wrap">
              <table class="portal-payments">
                <caption class="hint">Payments that reached your account, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col" class="num">
                      Amount
                    </th>
                    <th scope="col">What it paid</th>
                  </tr>
                </thead>
                <tbody>
                  {r.payments.map((p) => (
                    <tr data-payment={String(p.id)}>
                      <td>{p.bookingDate}</td>
                      <td class="num">
                        <Money value={p.amount} currency={p.currency} />
                      </td>
                      <td>
                        {p.settled.map((s, i) => (
                          <>
                            {i ? ', ' : ''}
                            <a href={`/portal/invoices/${s.invoiceNumber}`}>{s.invoiceNumber}</a> (<Money value={s.amount} currency={p.currency} />)
                          </>
                        ))}
                        {!dec(p.credit).isZero() ? (
                          <>
                            {p.settled.length ? '; ' : ''}
                            <Money value={p.credit} currency={p.currency} /> to credit
                          </>
                        ) : null}
                        {p.returned ? <span class="badge badge-bad">sent back by the bank</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No payment received yet.</p>
          )}
          <p class="hint">A payment shows here once it is matched to your account; one sent without your bill's reference can take a day longer.</p>
        </section>
      </PortalPage>,
    );
  });
}
