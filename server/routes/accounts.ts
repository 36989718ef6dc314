import { z } from 'zod';
import { listAccounts, showAccount, showAccountStanding } from '../../app/accounts/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const params = z.object({ accountId: accountIdSchema });

/** Accounts, with their standing and ageing. */
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
] as RouteSpec[];
