import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { renderInvoicePdf, renderInvoiceUbl, showInvoice } from '../../../app/invoices/index.ts';
import type { InvoiceDocument } from '../../../tools/invoice/invoice.types.ts';
import { lineTaxShares } from '../../../tools/invoice/line-tax-shares.ts';
import { Money, Notice, StatusBadge } from '../components.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

const KIND_TITLES: Record<string, string> = { invoice: 'Invoice', credit_note: 'Credit note', debit_note: 'Debit note' };

import { invoicePath } from './invoice-table.tsx';

/** The invoice's facts a person looks for first: who, which account, which period, where it stands. */
export function InvoiceHeader(props: { doc: InvoiceDocument }) {
  const d = props.doc;
  return (
    <dl class="facts">
      <div>
        <dt>Customer</dt>
        <dd class="customer">{d.buyer.name}</dd>
      </div>
      <div>
        <dt>Account</dt>
        <dd>
          <a href={`/accounts/${encodeURIComponent(d.buyer.accountId)}`}>{d.buyer.accountId}</a>
        </dd>
      </div>
      <div>
        <dt>Period</dt>
        <dd>
          {d.period.label} ({d.period.from} to {d.period.to}, end exclusive)
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={d.status} />
        </dd>
      </div>
      <div>
        <dt>Issued</dt>
        <dd>{d.issueDate ?? 'not yet'}</dd>
      </div>
      <div>
        <dt>Due</dt>
        <dd>{d.dueDate ?? '—'}</dd>
      </div>
    </dl>
  );
}

/** The lines with net, tax share and gross per line, each linked to what it is made of. */
function LinesTable(props: { doc: InvoiceDocument; at: string }) {
  const d = props.doc;
  const shares = lineTaxShares(d);
  return (
    <div class="table-wrap">
      <table class="lines">
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col">Section</th>
            <th scope="col" class="num">
              Quantity
            </th>
            <th scope="col" class="num">
              Unit price
            </th>
            <th scope="col" class="num">
              Net
            </th>
            <th scope="col" class="num">
              Tax
            </th>
            <th scope="col" class="num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {d.lines.map((l) => (
            <tr data-line={l.id}>
              <td>
                <a href={`${invoicePath(props.at)}/lines/${encodeURIComponent(l.id)}`}>{l.description}</a>
                {l.msisdn ? <span class="hint"> · {l.msisdn}</span> : null}
              </td>
              <td>{l.section.replace('_', ' ')}</td>
              <td class="num">
                {l.quantity} {l.unit}
              </td>
              <td class="num">{l.unitPrice === null ? '—' : <Money value={l.unitPrice} currency={d.currency} />}</td>
              <td class="num">
                <Money value={l.amount} currency={d.currency} />
              </td>
              <td class="num">
                <Money value={shares.tax[l.id] ?? '0'} currency={d.currency} />
              </td>
              <td class="num">
                <Money value={shares.gross[l.id] ?? l.amount} currency={d.currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colspan={4}>Subtotal, taxes and total</td>
            <td class="num">
              <Money value={d.subtotal} currency={d.currency} />
            </td>
            <td class="num">
              <Money value={d.taxTotal} currency={d.currency} />
            </td>
            <td class="num" data-total>
              <Money value={d.total} currency={d.currency} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="hint">
        A line's tax is its share of the tax lines below (rate share rounded half-up, any rounding difference on the largest line).
        {shares.unattributed !== null ? ' Per-line fees not tied to a line are in the tax lines only.' : ''}
      </p>
    </div>
  );
}

/** The tax lines as the document holds them. */
function TaxesTable(props: { doc: InvoiceDocument }) {
  const d = props.doc;
  if (d.taxes.length === 0) return <p>No tax lines.</p>;
  return (
    <table class="taxes">
      <thead>
        <tr>
          <th scope="col">Tax</th>
          <th scope="col">Rate</th>
          <th scope="col" class="num">
            Base
          </th>
          <th scope="col" class="num">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {d.taxes.map((t) => (
          <tr>
            <td>
              {t.name} <span class="hint">({t.jurisdiction})</span>
            </td>
            <td>{t.ratePercent !== null ? `${t.ratePercent}%` : `${t.feePerLine ?? ''} per line`}</td>
            <td class="num">{t.kind === 'percentage' ? <Money value={t.base} currency={d.currency} /> : `${t.base} lines`}</td>
            <td class="num">
              <Money value={t.amount} currency={d.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One invoice (/invoices/:number): header, lines with net, tax and total, taxes, the notes against
 * it, its PDF in a frame and the PDF and UBL downloads (/pdf, /pdf?download=1, /ubl).
 */
export function mountInvoice(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/invoices/:number', guard, async (c) => {
    const ctx = c.get('operationContext');
    const ref = c.req.param('number');
    const { document: d, settlement } = await runOperation(showInvoice, ctx, { number: ref });
    const title = `${KIND_TITLES[d.kind] ?? 'Invoice'} ${d.number ?? `(held #${ref})`}`;
    const base = invoicePath(ref);
    return sendPage(
      c,
      <ConsolePage
        title={title}
        active="/invoices"
        session={pageSession(c)}
        actions={
          <>
            <a class="button secondary" href={`${base}/pdf?download=1`} download>
              Download PDF
            </a>
            {d.number ? (
              <a class="button secondary" href={`${base}/ubl`} download>
                Download UBL
              </a>
            ) : null}
          </>
        }
      >
        <section aria-labelledby="h-header">
          <h2 id="h-header">Header</h2>
          <InvoiceHeader doc={d} />
          {d.holdReasons.length > 0 ? (
            <div class="notice notice-error" role="alert">
              <p>Held for a person to look at:</p>
              <ul class="hold-reasons">
                {d.holdReasons.map((h) => (
                  <li>
                    <code>{h.code}</code> {h.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {d.correcting ? (
            <p>
              Corrects <a href={invoicePath(d.correcting.number)}>{d.correcting.number}</a> of {d.correcting.issueDate}: {d.correcting.reason}
            </p>
          ) : null}
        </section>
        <section aria-labelledby="h-lines">
          <h2 id="h-lines">Lines</h2>
          <LinesTable doc={d} at={ref} />
        </section>
        <section aria-labelledby="h-taxes">
          <h2 id="h-taxes">Taxes</h2>
          <TaxesTable doc={d} />
        </section>
        {settlement ? (
          <section aria-labelledby="h-notes">
            <h2 id="h-notes">Credit and debit notes</h2>
            <p>{settlement.sentence}</p>
            {settlement.notes.length > 0 ? (
              <table class="notes">
                <thead>
                  <tr>
                    <th scope="col">Note</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Status</th>
                    <th scope="col">Issued</th>
                    <th scope="col">Reason</th>
                    <th scope="col" class="num">
                      Total
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {settlement.notes.map((n) => (
                    <tr>
                      <td>{n.number ? <a href={invoicePath(n.number)}>{n.number}</a> : 'not issued'}</td>
                      <td>{n.kind.replace('_', ' ')}</td>
                      <td>
                        <StatusBadge status={n.status} />
                      </td>
                      <td>{n.issueDate ?? '—'}</td>
                      <td>{n.reason ?? ''}</td>
                      <td class="num">
                        <Money value={n.total} currency={d.currency} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p class="hint">No credit or debit note against it.</p>
            )}
          </section>
        ) : null}
        <section aria-labelledby="h-pdf">
          <h2 id="h-pdf">PDF</h2>
          <iframe class="pdf-view" src={`${base}/pdf`} title={`${title} as PDF`} />
          <Notice tone="info">
            If the PDF does not show here, <a href={`${base}/pdf?download=1`}>download it</a>.
          </Notice>
        </section>
      </ConsolePage>,
    );
  });

  // The files: the same operations as the API's, with the session's context. Inline for the frame,
  // an attachment when asked to download.
  web.get('/invoices/:number/pdf', guard, async (c) => {
    const { fileName, content } = await runOperation(renderInvoicePdf, c.get('operationContext'), { number: c.req.param('number') });
    const disposition = c.req.query('download') === '1' ? 'attachment' : 'inline';
    return c.body(content as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/pdf',
      'content-disposition': `${disposition}; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  web.get('/invoices/:number/ubl', guard, async (c) => {
    const { fileName, xml } = await runOperation(renderInvoiceUbl, c.get('operationContext'), { number: c.req.param('number') });
    return c.body(xml, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
}
