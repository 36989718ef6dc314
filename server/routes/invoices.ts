import { z } from 'zod';
import { listInvoices, showInvoice } from '../../app/invoices/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

/** Invoices, credit and debit notes. */
export const invoiceRoutes: RouteSpec[] = [
  defineRoute({ op: listInvoices, method: 'get', path: '/invoices', tags: ['invoices'], query: listInvoices.input }),
  defineRoute({ op: showInvoice, method: 'get', path: '/invoices/{number}', tags: ['invoices'], params: z.object({ number: invoiceNumberSchema }) }),
] as RouteSpec[];
