import { z } from 'zod';
import { addAccountNote as saveNote } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

/** A note on an account as listings show it. */
export const accountNoteSchema = z.object({ id: z.number().int(), accountId: z.string(), author: z.string(), body: z.string(), createdAt: z.string() });

/** Adds a note to an account, written by the signed-in person (never a name from the input) and audited; notes are never edited. */
export const addAccountNote = defineOperation({
  name: 'accounts.add-note',
  summary: 'Add a note to an account',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      accountId: accountIdSchema.describe('account id'),
      body: z.string().trim().min(1, 'a note needs some text').max(2000, 'a note is at most 2000 characters'),
    })
    .strict(),
  output: accountNoteSchema,
  handler: (ctx, { accountId, body }) => {
    if (ctx.actor.kind !== 'user') throw new BillingError('UNAUTHORIZED', 'a note is written by a signed-in person: say who you are');
    ctx.scope.account(accountId);
    return saveNote(ctx.store, {
      tenant: ctx.tenant,
      accountId,
      author: ctx.actor.id,
      authorKind: ctx.actor.roles.includes('analyst') ? 'analyst' : 'admin',
      body,
      at: ctx.clock.now().toISOString(),
    });
  },
});
