import { z } from 'zod';
import { addAccountNote, listAccountNotes, listAccounts, setInvoicePreferences, showAccount, showAccountStanding } from '../../app/accounts/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const params = z.object({ accountId: accountIdSchema });

/** Accounts, with their standing and ageing, and staff's notes on them. */
export const accountRoutes: RouteSpec[] = [
  defineRoute({ op: listAccounts, method: 'get', path: '/accounts', tags: ['accounts'], query: listAccounts.input }),
  defineRoute({ op: showAccount, method: 'get', path: '/accounts/{accountId}', tags: ['accounts'], params }),
  defineRoute({
    op: showAccountStanding,
    method: 'get',
    path: '/accounts/{accountId}/standing',
    tags: ['accounts'],
    params,
    toInput: ({ params: p }) => ({ accountId: p.accountId }),
  }),
  defineRoute({ op: listAccountNotes, method: 'get', path: '/accounts/{accountId}/notes', tags: ['accounts'], params, toInput: ({ params: p }) => ({ accountId: p.accountId }) }),
  defineRoute({
    op: addAccountNote,
    method: 'post',
    path: '/accounts/{accountId}/notes',
    tags: ['accounts'],
    params,
    body: addAccountNote.input.omit({ accountId: true }),
    toInput: ({ params: p, body }) => ({ ...(body as object), accountId: p.accountId }),
    status: 201,
  }),
  defineRoute({
    op: setInvoicePreferences,
    method: 'put',
    path: '/accounts/{accountId}/invoice-preferences',
    tags: ['accounts'],
    params,
    body: setInvoicePreferences.input.omit({ accountId: true }),
    toInput: ({ params: p, body }) => ({ ...(body as object), accountId: p.accountId }),
  }),
] as RouteSpec[];
