import { z } from 'zod';
import { loadConfig } from '../../config/index.ts';
import { defineOperation } from '../operation.ts';
import { deliverDue, type NotificationTransports } from './deliver-notifications.ts';
import { createSmtpTransport } from './send-email.ts';

/** The transports the configuration gives (SWITCHBOARD_SMTP_URL, SWITCHBOARD_MAIL_FROM, SWITCHBOARD_WEBHOOK_TIMEOUT_MS). */
export async function configuredTransports(): Promise<NotificationTransports & { close(): void }> {
  const config = loadConfig();
  const transport = config.smtpUrl ? await createSmtpTransport(config.smtpUrl) : undefined;
  return { email: transport && { transport, from: config.mailFrom }, webhookTimeoutMs: config.webhookTimeoutMs, close: () => transport?.close() };
}

/** One delivery pass over the tenant's due notifications (cron, tests; the worker calls deliverDue for every tenant). */
export const deliverNotifications = defineOperation({
  name: 'notifications.deliver',
  summary: 'Deliver due notifications (one pass)',
  effect: 'write',
  roles: ['admin'],
  input: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(500).describe('at most this many in the pass') }).strict(),
  output: z.object({ claimed: z.number().int(), delivered: z.number().int(), skipped: z.number().int(), failed: z.number().int(), dead: z.number().int() }),
  handler: async (ctx, { limit }) => {
    const transports = await configuredTransports();
    try {
      return await deliverDue(ctx.store, { now: ctx.clock.now(), transports, limit, tenant: ctx.tenant });
    } finally {
      transports.close();
    }
  },
});
