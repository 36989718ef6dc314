import { z } from 'zod';
import { explainInvoice, listInvoices, markInvoicePaid, markOverdueInvoices, renderInvoicePdf, renderInvoiceUbl, showInvoice } from '../../app/invoices/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const params = z.object({ number: invoiceNumberSchema });

/** Invoices, credit and debit notes: JSON, PDF and UBL; paid and overdue. */
export const invoiceRoutes: RouteSpec[] = [
  defineRoute({ op: listInvoices, method: 'get', path: '/invoices', tags: ['invoices'], query: listInvoices.input }),
  defineRoute({ op: showInvoice, method: 'get', path: '/invoices/{number}', tags: ['invoices'], params }),
  defineRoute({ op: explainInvoice, method: 'get', path: '/invoices/{number}/explanation', tags: ['invoices'], params, query: explainInvoice.input.pick({ totalsOnly: true }) }),
  defineRoute({
    op: renderInvoicePdf,
    method: 'get',
    path: '/invoices/{number}/pdf',
    tags: ['invoices'],
    params,
    // ?layout=&language= print a preview in another layout or language than the account's.
    query: renderInvoicePdf.input.pick({ layout: true, language: true }),
    produces: 'application/pdf',
    send: (c, out) => c.body(new Uint8Array(out.content), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${out.fileName}"` }),
  }),
  defineRoute({
    op: renderInvoiceUbl,
    method: 'get',
    path: '/invoices/{number}/ubl',
    tags: ['invoices'],
    params,
    produces: 'application/xml',
    send: (c, out) => c.body(out.xml, 200, { 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${out.fileName}"` }),
  }),
  defineRoute({ op: markInvoicePaid, method: 'post', path: '/invoices/{number}/pay', tags: ['invoices'], params, body: false }),
  defineRoute({ op: markOverdueInvoices, method: 'post', path: '/invoices/mark-overdue', tags: ['invoices'], body: false }),
] as RouteSpec[];
