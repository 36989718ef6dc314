import { z } from 'zod';
import { billingTotals } from '../../app/billing/index.ts';
import { checkInvoiceCompliance, compareInvoices, explainBillChange, explainInvoiceLine, findAccountInvoice, listFlaggedInvoices } from '../../app/invoices/index.ts';
import { listUnclassifiedRecords, suggestEventCategory } from '../../app/usage/index.ts';
import { accountIdSchema, invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const invoiceParams = z.object({ number: invoiceNumberSchema });

/** The analyses the auditor, compliance and categoriser agents use, for people too. */
export const billingRoutes: RouteSpec[] = [
  defineRoute({ op: billingTotals, method: 'get', path: '/billing-totals', tags: ['billing'], query: billingTotals.input }),
  defineRoute({
    op: explainInvoiceLine,
    method: 'get',
    path: '/invoices/{number}/lines/{lineId}',
    tags: ['invoices'],
    params: z.object({ number: invoiceNumberSchema, lineId: z.string().min(1).max(200) }),
    toInput: ({ params }) => ({ invoice: params.number, lineId: params.lineId }),
  }),
  defineRoute({ op: checkInvoiceCompliance, method: 'get', path: '/invoices/{number}/compliance', tags: ['invoices'], params: invoiceParams, toInput: ({ params }) => ({ invoice: params.number }) }),
  defineRoute({
    op: findAccountInvoice,
    method: 'get',
    path: '/accounts/{accountId}/invoice',
    tags: ['accounts'],
    params: z.object({ accountId: accountIdSchema }),
    query: findAccountInvoice.input.pick({ period: true }),
  }),
  defineRoute({ op: compareInvoices, method: 'get', path: '/invoice-comparisons', tags: ['invoices'], query: compareInvoices.input }),
  defineRoute({ op: explainBillChange, method: 'get', path: '/bill-changes', tags: ['invoices'], query: explainBillChange.input }),
  defineRoute({ op: listFlaggedInvoices, method: 'get', path: '/flagged-invoices', tags: ['invoices'], query: listFlaggedInvoices.input }),
  defineRoute({ op: listUnclassifiedRecords, method: 'get', path: '/unclassified-records', tags: ['usage'], query: listUnclassifiedRecords.input }),
  defineRoute({
    op: suggestEventCategory,
    method: 'get',
    path: '/usage-events/{eventId}/category-suggestion',
    tags: ['usage'],
    params: z.object({ eventId: z.string().regex(/^\d{1,15}$/, 'a usage event id') }),
    toInput: ({ params: p }) => ({ eventId: Number(p.eventId) }),
  }),
] as RouteSpec[];
