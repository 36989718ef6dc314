import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { runOperation } from '../../../app/index.ts';
import { listFlaggedInvoices, listInvoices } from '../../../app/invoices/index.ts';
import { BillingError } from '../../../tools/errors.ts';
import { INVOICE_STATUSES } from '../../../tools/invoice/invoice.types.ts';
import { Field, Notice } from '../components.tsx';
import { InvoiceTable } from './invoice-table.tsx';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';

/** The list's filters as the form sends them (empty fields are no filter). */
interface InvoiceFilters {
  period: string;
  status: string;
  accountId: string;
  minTotal: string;
  maxTotal: string;
}

/** The filter form: a GET form, so a filtered list is a link that can be shared and bookmarked. */
function FilterForm(props: { filters: InvoiceFilters }) {
  const f = props.filters;
  return (
    <form method="get" action="/invoices" class="filters card" aria-label="Filter invoices">
      <Field label="Period (YYYY-MM)" name="period" value={f.period} placeholder="2025-03" />
      <div class="field">
        <label for="f-status">Status</label>
        <select id="f-status" name="status">
          <option value="" selected={f.status === ''}>
            any
          </option>
          {INVOICE_STATUSES.map((s) => (
            <option value={s} selected={f.status === s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <Field label="Account" name="accountId" value={f.accountId} placeholder="A1" />
      <Field label="Total at least" name="minTotal" value={f.minTotal} placeholder="0.00" />
      <Field label="Total at most" name="maxTotal" value={f.maxTotal} placeholder="100.00" />
      <button type="submit">Filter</button>
      <a class="button secondary" href="/invoices">
        Clear
      </a>
    </form>
  );
}

/**
 * The invoices page (/invoices): the tenant's invoices and notes filtered by period, status,
 * account and total (exact decimal bounds), each with its status badge; held ones with their reasons.
 */
export function mountInvoices(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/invoices', guard, async (c) => {
    const ctx = c.get('operationContext');
    const q = c.req.query();
    const filters: InvoiceFilters = {
      period: (q.period ?? '').trim(),
      status: (q.status ?? '').trim(),
      accountId: (q.accountId ?? '').trim(),
      minTotal: (q.minTotal ?? '').trim(),
      maxTotal: (q.maxTotal ?? '').trim(),
    };
    const input = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
    let rows: z.output<typeof listInvoices.output>['invoices'] = [];
    let problem: string | null = null;
    try {
      rows = (await runOperation(listInvoices, ctx, { ...input, limit: 200 })).invoices;
    } catch (err) {
      // A filter a person mistyped is said next to the form, which keeps what they typed.
      if (!(err instanceof BillingError) || err.code !== 'INVALID_INPUT') throw err;
      problem = err.message;
    }
    const reasons = new Map<number, Array<{ code: string; message: string }>>();
    if (rows.some((r) => r.status === 'held')) {
      for (const h of (await runOperation(listFlaggedInvoices, ctx, { limit: 50 })).held) reasons.set(h.id, h.holdReasons);
    }
    return sendPage(
      c,
      <ConsolePage title="Invoices" active="/invoices" session={pageSession(c)}>
        <FilterForm filters={filters} />
        {problem ? <Notice tone="error">{`These filters cannot be used: ${problem}`}</Notice> : null}
        <p class="hint" role="status">
          {rows.length === 1 ? '1 invoice or note' : `${rows.length} invoices and notes`}
          {rows.length === 200 ? ' (the newest 200; narrow the filters to see others)' : ''}
        </p>
        <div class="table-wrap">
          <InvoiceTable rows={rows} caption="Invoices and notes, newest first" className="invoices" showAccount holdReasons={reasons} />
        </div>
        {rows.length === 0 && !problem ? <Notice tone="info">No invoice matches these filters.</Notice> : null}
      </ConsolePage>,
    );
  });
}
