import { z } from 'zod';
import { listTenantThreads } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { threadRowSchema } from './chat-schemas.ts';

/** The tenant's chat threads, most recently used first (a customer's: only their own). */
export const listThreads = defineOperation({
  name: 'chat.list-threads',
  summary: 'List chat threads',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin', 'customer'],
  input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
  output: z.object({ threads: z.array(threadRowSchema) }),
  handler: (ctx, { limit }) => ({ threads: listTenantThreads(ctx.scope, limit, ctx.actor.id) }),
});
