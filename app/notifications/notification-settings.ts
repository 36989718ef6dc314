import { z } from 'zod';
import { getNotificationSettings, setNotificationSettings as saveSettings } from '../../db/index.ts';
import { notificationSettingsSchema } from '../../tools/notifications/index.ts';
import { accountIdSchema } from '../../tools/schemas/index.ts';
import { defineOperation } from '../operation.ts';

const settingsOutput = notificationSettingsSchema.extend({ accountId: z.string() });

/** An account's notification settings: channels, email address, language, opt-outs (defaults when never set). */
export const showNotificationSettings = defineOperation({
  name: 'notifications.settings',
  summary: 'Show the notification settings of an account',
  effect: 'read',
  roles: ['analyst', 'admin', 'customer'],
  input: z.object({ accountId: accountIdSchema.describe('the account') }).strict(),
  output: settingsOutput,
  handler: (ctx, { accountId }) => {
    ctx.scope.account(accountId);
    return { accountId, ...getNotificationSettings(ctx.store, ctx.tenant, accountId) };
  },
});

/** Changes an account's notification settings; fields not given keep their value. */
export const setNotificationSettings = defineOperation({
  name: 'notifications.set-settings',
  summary: 'Change the notification settings of an account',
  effect: 'write',
  roles: ['analyst', 'admin', 'customer'],
  input: z
    .object({
      accountId: accountIdSchema.describe('the account'),
      channels: notificationSettingsSchema.shape.channels.unwrap().optional().describe('email, webhook'),
      email: notificationSettingsSchema.shape.email.unwrap().optional().describe('send emails here instead of the customer address (null: the customer address)'),
      language: notificationSettingsSchema.shape.language.unwrap().optional().describe('en, de, fr or es; another BCP 47 tag prints in its base language, else English (null: the account language)'),
      optOuts: notificationSettingsSchema.shape.optOuts.unwrap().optional().describe('kinds not to be told about'),
    })
    .strict(),
  output: settingsOutput,
  handler: (ctx, { accountId, ...change }) => {
    ctx.scope.account(accountId);
    const next = { ...getNotificationSettings(ctx.store, ctx.tenant, accountId), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    saveSettings(ctx.store, ctx.tenant, accountId, notificationSettingsSchema.parse(next), ctx.clock.now());
    return { accountId, ...getNotificationSettings(ctx.store, ctx.tenant, accountId) };
  },
});
