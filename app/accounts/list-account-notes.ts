import { z } from 'zod';
import { listAccountNotes as readNotes } from '../../db/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { accountNoteSchema } from './add-account-note.ts';

/** An account's notes, oldest first: staff's own working notes, never shown to the customer. */
export const listAccountNotes = defineOperation({
  name: 'accounts.list-notes',
  summary: 'List the notes on an account',
  effect: 'read',
  roles: ['analyst', 'approver', 'admin'],
  input: z.object({ accountId: accountIdSchema.describe('account id') }).strict(),
  output: z.object({ notes: z.array(accountNoteSchema) }),
  handler: (ctx, { accountId }) => {
    ctx.scope.account(accountId);
    return { notes: readNotes(ctx.store, ctx.tenant, accountId) };
  },
});
