import { z } from 'zod';
import { listUsers as storedUsers } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';
import { administeredTenant, userSchema } from './user-schemas.ts';

/** The users the actor administers, by id. */
export const listUsers = defineOperation({
  name: 'users.list',
  summary: 'List users',
  effect: 'read',
  roles: ['admin'],
  input: z.object({}).strict(),
  output: z.object({ users: z.array(userSchema) }),
  handler: (ctx) => ({ users: storedUsers(ctx.store, administeredTenant(ctx)) }),
});
