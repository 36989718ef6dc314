import { z } from 'zod';
import { listNotifications as listStored } from '../../db/index.ts';
import { NOTIFICATION_STATUSES } from '../../tools/notifications/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';
import { notificationView, notificationViewSchema } from './notification-view.ts';

/** The tenant's notifications, newest first, optionally of one status or account. */
export const listNotifications = defineOperation({
  name: 'notifications.list',
  summary: 'List notifications (the outbox)',
  effect: 'read',
  roles: ['analyst', 'admin'],
  input: z
    .object({
      status: z.enum(NOTIFICATION_STATUSES).optional().describe('only this status'),
      accountId: accountIdSchema.optional().describe('one account'),
      limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many'),
    })
    .strict(),
  output: z.object({ notifications: z.array(notificationViewSchema) }),
  handler: (ctx, { status, accountId, limit }) => {
    if (accountId !== undefined) ctx.scope.account(accountId);
    return { notifications: listStored(ctx.store, ctx.tenant, { status, accountId, limit }).map(notificationView) };
  },
});

/** Dead letters: notifications that were not delivered within 24 hours (resend them by id). */
export const listDeadNotifications = defineOperation({
  name: 'notifications.dead',
  summary: 'List dead-letter notifications',
  effect: 'read',
  roles: ['analyst', 'admin'],
  input: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many') }).strict(),
  output: z.object({ notifications: z.array(notificationViewSchema.extend({ lastError: z.string().nullable() })) }),
  handler: (ctx, { limit }) => ({
    notifications: listStored(ctx.store, ctx.tenant, { status: 'dead', limit }).map((n) => ({ ...notificationView(n), lastError: n.lastError })),
  }),
});
