import { z } from 'zod';
import { proposeCreditNote, proposeInvoiceRelease, proposeInvoiceVoid } from '../../app/proposals/index.ts';
import { invoiceNumberSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const params = z.object({ number: invoiceNumberSchema });
const fromPath = ({ params: p, body }: { params: Record<string, unknown>; body: unknown }) => ({ ...(body as object), number: p.number });

/** Proposals about one invoice: release a held one, void one, credit or waive a fee on an issued one. Nothing changes before approval. */
export const invoiceProposalRoutes: RouteSpec[] = [
  defineRoute({
    op: proposeInvoiceRelease,
    method: 'post',
    path: '/invoices/{number}/release-proposals',
    tags: ['invoices', 'proposals'],
    params,
    body: proposeInvoiceRelease.input.omit({ number: true }),
    toInput: fromPath,
    status: 201,
    idempotent: true,
  }),
  defineRoute({
    op: proposeInvoiceVoid,
    method: 'post',
    path: '/invoices/{number}/void-proposals',
    tags: ['invoices', 'proposals'],
    params,
    body: proposeInvoiceVoid.input.omit({ number: true }),
    toInput: fromPath,
    status: 201,
    idempotent: true,
  }),
  defineRoute({
    op: proposeCreditNote,
    method: 'post',
    path: '/invoices/{number}/credit-proposals',
    tags: ['invoices', 'proposals'],
    params,
    body: proposeCreditNote.input.omit({ number: true }),
    toInput: fromPath,
    status: 201,
    idempotent: true,
  }),
] as RouteSpec[];
