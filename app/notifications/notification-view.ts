import { z } from 'zod';
import type { StoredNotification } from '../../db/index.ts';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, notificationPayloadSchema } from '../../tools/notifications/index.ts';

/** A notification as operations return it. */
export const notificationViewSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  accountId: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  payload: notificationPayloadSchema,
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** A notification's id as operations take it. */
export const notificationIdSchema = z.number().int().min(1);

/** The view of a stored notification. */
export function notificationView(n: StoredNotification): NotificationView {
  return {
    id: n.id,
    key: n.key,
    kind: n.kind,
    accountId: n.accountId,
    status: n.status,
    attempts: n.attempts,
    nextAttemptAt: n.nextAttemptAt,
    createdAt: n.createdAt,
    deliveredAt: n.deliveredAt,
    payload: n.payload,
  };
}
