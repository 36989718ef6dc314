import { Money, StatusBadge } from '../components.tsx';

const KIND_LABELS: Record<string, string> = { invoice: 'invoice', credit_note: 'credit note', debit_note: 'debit note' };

/** An invoice row as the tables show it. */
export interface InvoiceTableRow {
  id: number;
  number: string | null;
  kind: string;
  accountId: string;
  period: string;
  status: string;
  total: string;
  currency: string;
}

/** The reference a page links an invoice by: its number, or its id while it has none (held, draft). */
export function invoiceRef(row: { id: number; number: string | null }): string {
  return row.number ?? String(row.id);
}

/** The path of an invoice's page (by number, or id while it has none). */
export function invoicePath(ref: string): string {
  return `/invoices/${encodeURIComponent(ref)}`;
}

/**
 * Invoices and notes as a table: number (linked; a held one by its id), kind, account when asked,
 * period, a status badge with any hold reasons under it, and the total in its currency's format.
 */
export function InvoiceTable(props: {
  rows: readonly InvoiceTableRow[];
  caption: string;
  className: string;
  showAccount?: boolean;
  holdReasons?: ReadonlyMap<number, ReadonlyArray<{ code: string; message: string }>>;
}) {
  return (
    <table class={props.className}>
      <caption class="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Kind</th>
          {props.showAccount ? <th scope="col">Account</th> : null}
          <th scope="col">Period</th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const reasons = props.holdReasons?.get(r.id) ?? [];
          return (
            <tr data-invoice={invoiceRef(r)}>
              <td>
                <a href={invoicePath(invoiceRef(r))}>{r.number ?? `held #${r.id}`}</a>
              </td>
              <td>{KIND_LABELS[r.kind] ?? r.kind}</td>
              {props.showAccount ? <td>{r.accountId}</td> : null}
              <td class="nowrap">{r.period}</td>
              <td>
                <StatusBadge status={r.status} />
                {reasons.length > 0 ? (
                  <ul class="hold-reasons">
                    {reasons.map((h) => (
                      <li>
                        <code>{h.code}</code> {h.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td class="num">
                <Money value={r.total} currency={r.currency} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
