import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getWebhookEndpoint, removeWebhookEndpoint, setWebhookEndpoint } from '../../db/index.ts';
import { defineOperation } from '../operation.ts';

/** What anyone may see of the endpoint: its address and when it changed; of the secret only its last four characters. */
const endpointView = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  secretEnding: z.string().nullable().describe('the last four characters of the signing secret'),
  updatedAt: z.string().nullable(),
});

const view = (e: { url: string; secret: string; updatedAt: string } | undefined) =>
  e ? { configured: true, url: e.url, secretEnding: e.secret.slice(-4), updatedAt: e.updatedAt } : { configured: false, url: null, secretEnding: null, updatedAt: null };

/** `notifications.webhook`: the tenant's webhook endpoint (never its secret). */
export const showWebhookEndpoint = defineOperation({
  name: 'notifications.webhook',
  summary: 'Show the webhook endpoint',
  effect: 'read',
  roles: ['admin'],
  input: z.object({}).strict(),
  output: endpointView,
  handler: (ctx) => view(getWebhookEndpoint(ctx.store, ctx.tenant)),
});

/**
 * `notifications.set-webhook`: where webhook notifications are POSTed, and the secret their
 * HMAC-SHA256 signature is made with. Without a secret one is made (32 random bytes, hex); the
 * secret is returned by this call only, for the receiver to verify with.
 */
export const setWebhook = defineOperation({
  name: 'notifications.set-webhook',
  summary: 'Set the webhook endpoint',
  effect: 'write',
  roles: ['admin'],
  input: z
    .object({
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .describe('the receiver (http or https)'),
      secret: z.string().min(16, 'a signing secret of at least 16 characters').max(200).optional().describe('the signing secret (default: a new random one)'),
    })
    .strict(),
  output: endpointView.extend({ secret: z.string().describe('the signing secret: shown this once') }),
  handler: (ctx, input) => {
    const secret = input.secret ?? randomBytes(32).toString('hex');
    setWebhookEndpoint(ctx.store, ctx.tenant, { url: input.url, secret }, ctx.clock.now());
    return { ...view(getWebhookEndpoint(ctx.store, ctx.tenant)), secret };
  },
});

/** `notifications.remove-webhook`: no endpoint; webhook notifications fail (and retry) until one is set. */
export const removeWebhook = defineOperation({
  name: 'notifications.remove-webhook',
  summary: 'Remove the webhook endpoint',
  effect: 'write',
  roles: ['admin'],
  input: z.object({}).strict(),
  output: z.object({ removed: z.boolean() }),
  handler: (ctx) => ({ removed: removeWebhookEndpoint(ctx.store, ctx.tenant) }),
});
