import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { explainInvoice, listInvoices, renderInvoicePdf, showInvoice, type invoiceRowSchema } from '../../../app/invoices/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { Money, StatusBadge } from '../components.tsx';
import { portalPageSession as pageSession } from './portal-session.ts';
import { sendPage } from '../render.tsx';
import { customerBillSentences } from '../../../tools/audit/index.ts';
import type { PortalEnv } from './portal-env.ts';
import { PortalPage } from './portal-layout.tsx';

type InvoiceRow = z.infer<typeof invoiceRowSchema>;

/** What a customer is shown of an invoice's life: issued documents only (a draft or a held invoice is still the operator's). */
const CUSTOMER_STATUSES = new Set(['issued', 'paid', 'overdue', 'void']);

/** The account's documents a customer sees: numbered and issued, newest first as listed. */
export function visibleInvoices(rows: readonly InvoiceRow[]): InvoiceRow[] {
  return rows.filter((r) => r.number !== null && CUSTOMER_STATUSES.has(r.status));
}

const KIND: Record<string, string> = { invoice: 'Bill', credit_note: 'Credit note', debit_note: 'Debit note' };

/** An invoice number from the address: a number, never a held invoice's bare id; anything else is not found. */
function numberParam(raw: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(raw)) throw new BillingError('NOT_FOUND', `no invoice ${raw.slice(0, 40)}`);
  return raw;
}

/** Invoices (/portal/invoices): the list with status and PDF; one bill with its lines and what it means in plain words; the PDF. */
export function mountPortalInvoices(portal: Hono<PortalEnv>, guard: MiddlewareHandler<PortalEnv>): void {
  portal.get('/invoices', guard, async (c) => {
    const ctx = c.get('operationContext');
    const rows = visibleInvoices((await runOperation(listInvoices, ctx, { limit: 200 })).invoices);
    return sendPage(
      c,
      <PortalPage title="Your bills" active="/portal/invoices" session={pageSession(c)} accountId={c.get('portalAccountId')}>
        {rows.length ? (
          <div class="table-wrap">
            <table>
              <caption class="hint">Bills and notes of your account, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Period</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">
                    Total
                  </th>
                  <th scope="col">PDF</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <a href={`/portal/invoices/${r.number}`}>{r.number}</a>
                    </td>
                    <td>{KIND[r.kind] ?? r.kind}</td>
                    <td>{r.period}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td class="num">
                      <Money value={r.total} currency={r.currency} />
                    </td>
                    <td>
                      <a href={`/portal/invoices/${r.number}/pdf`} download={`${r.number}.pdf`}>
                        Download {r.number} (PDF)
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No bills yet.</p>
        )}
      </PortalPage>,
    );
  });

  portal.get('/invoices/:number', guard, async (c) => {
    const ctx = c.get('operationContext');
    const number = numberParam(c.req.param('number'));
    const shown = await runOperation(showInvoice, ctx, { number });
    const doc = shown.document;
    if (!doc.number || !CUSTOMER_STATUSES.has(doc.status)) throw new BillingError('NOT_FOUND', `no invoice ${number}`);
    const x = await runOperation(explainInvoice, ctx, { number });
    const cur = doc.currency;
    return sendPage(
      c,
      <PortalPage title={`${KIND[doc.kind] ?? 'Bill'} ${doc.number}`} active="/portal/invoices" session={pageSession(c)} accountId={c.get('portalAccountId')}>
        <p>
          <StatusBadge status={doc.status} /> Period {doc.period.label}
          {doc.issueDate ? `, issued ${doc.issueDate}` : ''}
          {doc.dueDate ? `, due ${doc.dueDate}` : ''}. <a href={`/portal/invoices/${doc.number}/pdf`}>Download the PDF</a>
        </p>
        <section aria-labelledby="explain" class="explain">
          <h2 id="explain">Your bill in plain words</h2>
          <ul>
            {customerBillSentences(x).map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="lines">
          <h2 id="lines">What you are charged for</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">How it is worked out</th>
                  <th scope="col" class="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {x.lines.map((l) => (
                  <tr>
                    <td>
                      {l.description}
                      <span class="line-of">{l.msisdn ? `line ${l.msisdn}` : 'account'}</span>
                    </td>
                    <td class="calc">{l.calculation}</td>
                    <td class="num">
                      <Money value={l.amount} currency={cur} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colspan={2}>Before tax</td>
                  <td class="num">
                    <Money value={doc.subtotal} currency={cur} />
                  </td>
                </tr>
                {x.taxes.map((t) => (
                  <tr>
                    <td colspan={2}>{t.calculation}</td>
                    <td class="num">
                      <Money value={t.amount} currency={cur} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <td colspan={2}>Total</td>
                  <td class="num">
                    <Money value={doc.total} currency={cur} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
        <p>
          Something not right? <a href="/portal/help">Ask us about this bill</a>.
        </p>
      </PortalPage>,
    );
  });

  portal.get('/invoices/:number/pdf', guard, async (c) => {
    const ctx = c.get('operationContext');
    const number = numberParam(c.req.param('number'));
    const doc = (await runOperation(showInvoice, ctx, { number })).document;
    if (!doc.number || !CUSTOMER_STATUSES.has(doc.status)) throw new BillingError('NOT_FOUND', `no invoice ${number}`);
    const pdf = await runOperation(renderInvoicePdf, ctx, { number });
    return c.body(new Uint8Array(pdf.content), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${pdf.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
}
