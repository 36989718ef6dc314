import { z } from 'zod';
import { getNotification, requeueNotification } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { defineOperation } from '../operation.ts';
import { notificationIdSchema, notificationView, notificationViewSchema } from './notification-view.ts';

/** Queues a notification again (a dead letter, or one a customer says never arrived), with a fresh 24-hour retry window. */
export const resendNotification = defineOperation({
  name: 'notifications.resend',
  summary: 'Resend a notification',
  effect: 'write',
  roles: ['analyst', 'admin'],
  input: z.object({ id: notificationIdSchema.describe('the notification id (from the listing)') }).strict(),
  output: notificationViewSchema,
  handler: (ctx, { id }) => {
    const before = getNotification(ctx.store, ctx.tenant, id);
    if (!before) throw new BillingError('NOT_FOUND', `no notification ${id}`);
    if (!requeueNotification(ctx.store, ctx.tenant, id, ctx.clock.now())) throw new BillingError('CONFLICT', `notification ${id} is being sent right now; try again in a moment`);
    ctx.logger.info({ requestId: ctx.requestId, op: 'notifications.resend', id, by: ctx.actor.id }, 'notification queued again');
    return notificationView(getNotification(ctx.store, ctx.tenant, id)!);
  },
});
