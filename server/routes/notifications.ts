import { z } from 'zod';
import {
  listDeadNotifications,
  listNotifications,
  removeWebhook,
  resendNotification,
  setNotificationSettings,
  setWebhook,
  showNotificationSettings,
  showWebhookEndpoint,
} from '../../app/notifications/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineRoute, type RouteSpec } from '../define-route.ts';

const accountParams = z.object({ accountId: accountIdSchema });

/** The outbox (list, dead letters, resend), the webhook endpoint and an account's notification settings. Delivery runs in the worker, not over HTTP. */
export const notificationRoutes: RouteSpec[] = [
  defineRoute({ op: listNotifications, method: 'get', path: '/notifications', tags: ['notifications'], query: listNotifications.input }),
  defineRoute({ op: listDeadNotifications, method: 'get', path: '/notifications/dead', tags: ['notifications'], query: listDeadNotifications.input }),
  defineRoute({ op: showWebhookEndpoint, method: 'get', path: '/notifications/webhook', tags: ['notifications'] }),
  defineRoute({ op: setWebhook, method: 'put', path: '/notifications/webhook', tags: ['notifications'], body: setWebhook.input }),
  defineRoute({ op: removeWebhook, method: 'delete', path: '/notifications/webhook', tags: ['notifications'], body: false }),
  defineRoute({
    op: resendNotification,
    method: 'post',
    path: '/notifications/{notificationId}/resend',
    tags: ['notifications'],
    params: z.object({ notificationId: z.string().regex(/^\d{1,12}$/, 'a notification id (digits)') }),
    body: false,
    toInput: ({ params }) => ({ id: Number(params.notificationId) }),
  }),
  defineRoute({
    op: showNotificationSettings,
    method: 'get',
    path: '/accounts/{accountId}/notification-settings',
    tags: ['notifications'],
    params: accountParams,
    toInput: ({ params }) => ({ accountId: params.accountId }),
  }),
  defineRoute({
    op: setNotificationSettings,
    method: 'patch',
    path: '/accounts/{accountId}/notification-settings',
    tags: ['notifications'],
    params: accountParams,
    body: setNotificationSettings.input.omit({ accountId: true }),
    toInput: ({ params, body }) => ({ ...(body as object), accountId: params.accountId }),
  }),
] as RouteSpec[];
