import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { listUnmatchedPayments, matchPayment, type PaymentView } from '../../../app/payments/index.ts';
import { BillingError, toBillingError } from '../../../tools/errors.ts';
import { Money, Notice } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

/** The hand-match form of one unmatched entry: the account the money is for and, optionally, which of its invoices to settle first. */
function MatchForm(props: { payment: PaymentView; csrf: string }) {
  const id = props.payment.id;
  return (
    <form method="post" action={`/payments/${id}/match`} class="match-form" aria-label={`Match payment ${id}`}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <div class="field">
        <label for={`f-account-${id}`}>Account</label>
        <input id={`f-account-${id}`} name="accountId" required maxlength={64} placeholder="A1" />
      </div>
      <div class="field">
        <label for={`f-invoices-${id}`}>Invoices (optional)</label>
        <input id={`f-invoices-${id}`} name="invoices" maxlength={800} placeholder="INV-000001, INV-000002" />
      </div>
      <button type="submit">Match payment {id}</button>
    </form>
  );
}

/** The outcome of the last match, from the redirect's query (shown escaped, as every text here). */
function Outcome(props: { matched?: string; state?: string; account?: string; error?: string }) {
  if (props.error) return <Notice tone="error">{`Not matched: ${props.error}`}</Notice>;
  if (props.matched) return <Notice tone="ok">{`Payment ${props.matched} matched to ${props.account ?? ''}: ${(props.state ?? '').replace('_', ' ')}.`}</Notice>;
  return null;
}

/**
 * Unmatched payments (/payments): the entries the bank sent that no rule placed, with what the bank
 * said about them (payer, reference, remittance: data, shown as text), and a form per entry to match
 * it by hand as the signed-in person (`payments.match`).
 */
export function mountPayments(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/payments', guard, async (c) => {
    const { payments, total } = await runOperation(listUnmatchedPayments, c.get('operationContext'), { limit: 200 });
    const session = pageSession(c);
    return sendPage(
      c,
      <ConsolePage title="Payments" active="/payments" session={session}>
        <Outcome matched={c.req.query('matched')} state={c.req.query('state')} account={c.req.query('account')} error={c.req.query('error')} />
        <h2>Unmatched payments ({total})</h2>
        {payments.length ? (
          <div class="table-wrap">
            <table class="unmatched-payments">
              <caption class="sr-only">Unmatched payments, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Payment</th>
                  <th scope="col">Booked</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Payer</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Remittance</th>
                  <th scope="col">Match by hand</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr data-payment={String(p.id)}>
                    <td>#{p.id}</td>
                    <td>{p.bookingDate}</td>
                    <td>
                      <Money value={p.amount} currency={p.currency} /> {p.currency}
                    </td>
                    <td>
                      {p.payerName ?? '—'}
                      {p.payerIban ? (
                        <>
                          <br />
                          <code>{p.payerIban}</code>
                        </>
                      ) : null}
                    </td>
                    <td>{p.creditorReference ?? '—'}</td>
                    <td class="remittance">{p.remittance ?? '—'}</td>
                    <td>
                      <MatchForm payment={p} csrf={session.csrfToken} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Notice tone="info">No unmatched payment.</Notice>
        )}
      </ConsolePage>,
    );
  });

  web.post('/payments/:id/match', guard, async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,12}$/.test(id)) throw new BillingError('NOT_FOUND', `no payment ${id}`);
    const form = await c.req.parseBody();
    const accountId = typeof form.accountId === 'string' ? form.accountId.trim() : '';
    const invoices = typeof form.invoices === 'string' ? form.invoices.split(/[\s,]+/).filter(Boolean) : [];
    try {
      const r = await runOperation(matchPayment, c.get('operationContext'), { id: Number(id), accountId, invoices });
      return c.redirect(`/payments?${new URLSearchParams({ matched: id, state: r.payment.state, account: accountId })}`, 303);
    } catch (err) {
      const e = toBillingError(err);
      // A person's mistake (wrong account, someone else matched it first) comes back as the outcome; anything else is the error page's.
      if (!['INVALID_INPUT', 'CONFLICT', 'NOT_FOUND'].includes(e.code)) throw err;
      return c.redirect(`/payments?${new URLSearchParams({ error: e.message.slice(0, 300) })}`, 303);
    }
  });
}
