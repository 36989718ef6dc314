import { z } from 'zod';
import { addUser, createToken, listTokens, listUsers, revokeToken, userIdSchema } from '../../app/users/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const userParam = z.object({ userId: userIdSchema });

/** Users and their API tokens (admins of the tenant). */
export const userRoutes: RouteSpec[] = [
  defineRoute({ op: listUsers, method: 'get', path: '/users', tags: ['users'] }),
  defineRoute({ op: addUser, method: 'post', path: '/users', tags: ['users'], status: 201, idempotent: true }),
  defineRoute({ op: listTokens, method: 'get', path: '/users/{userId}/tokens', tags: ['users'], params: userParam }),
  // Not idempotent on purpose: a kept response would store the token itself, and only its hash may be stored.
  defineRoute({
    op: createToken,
    method: 'post',
    path: '/users/{userId}/tokens',
    tags: ['users'],
    params: userParam,
    body: createToken.input.omit({ userId: true }),
    status: 201,
  }),
  defineRoute({
    op: revokeToken,
    method: 'delete',
    path: '/users/{userId}/tokens/{tokenId}',
    tags: ['users'],
    params: userParam.extend({ tokenId: z.string().regex(/^\d{1,12}$/, 'a token id (digits)') }),
    toInput: ({ params }) => ({ userId: params.userId, tokenId: Number(params.tokenId) }),
  }),
] as RouteSpec[];
