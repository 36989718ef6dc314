import type { Command } from 'commander';
import {
  deliverNotifications,
  listDeadNotifications,
  listNotifications,
  removeWebhook,
  resendNotification,
  setNotificationSettings,
  setWebhook,
  showNotificationSettings,
  showWebhookEndpoint,
} from '../../app/notifications/index.ts';
import { runOperation } from '../../app/operation.ts';
import { BillingError } from '../../tools/errors.ts';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, NOTIFICATION_STATUSES, type NotificationChannel, type NotificationKind } from '../../tools/notifications/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, choiceOption, parseIntOption, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

type Opts = GlobalOptions & { as?: string };
const COLUMNS = ['id', 'kind', 'accountId', 'status', 'attempts', 'nextAttemptAt', 'createdAt', 'deliveredAt', 'key'];

/** A comma-separated list whose every item is one of `allowed` ("" is the empty list). */
function listOf<T extends string>(text: string, allowed: readonly T[], what: string): T[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length) throw new BillingError('INVALID_INPUT', `${what} must be a comma-separated list of ${allowed.join(', ')}; not ${bad.join(', ')}`);
  return items as T[];
}

/** `switchboard notifications list|deliver|resend|dead|settings|webhook`: the outbox, one delivery pass, dead letters, an account's settings, the webhook endpoint. */
export function registerNotifications(program: Command): void {
  const n = program.command('notifications').description('notifications to customers: the outbox, a delivery pass, dead letters, resend, an account’s settings');
  n.command('list')
    .description('notifications, newest first')
    .addOption(choiceOption('--status <status>', NOTIFICATION_STATUSES.join(', '), NOTIFICATION_STATUSES))
    .option('--account <id>', 'one account')
    .option('--limit <n>', 'at most this many', '100')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { status?: (typeof NOTIFICATION_STATUSES)[number]; account?: string; limit: string }>();
        const input = { status: opts.status, accountId: opts.account, limit: parseIntOption('limit', opts.limit, 1) };
        const out = await withStore(opts, (store) => runOperation(listNotifications, cliContext(store, opts.as), input));
        printResult(opts, out.notifications, (l) => (l.length ? table(l, COLUMNS) : 'No notifications.'));
      }),
    );
  n.command('dead')
    .description('dead letters: notifications not delivered within 24 hours, with their last error')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        const out = await withStore(opts, (store) => runOperation(listDeadNotifications, cliContext(store, opts.as), {}));
        printResult(opts, out.notifications, (l) => (l.length ? table(l, ['id', 'kind', 'accountId', 'attempts', 'createdAt', 'lastError']) : 'No dead letters.'));
      }),
    );
  n.command('deliver')
    .description('one delivery pass over the due notifications (for cron and tests; the worker runs it on its schedule)')
    .option('--limit <n>', 'at most this many', '500')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { limit: string }>();
        const out = await withStore(opts, (store) => runOperation(deliverNotifications, cliContext(store, opts.as), { limit: parseIntOption('limit', opts.limit, 1) }));
        printResult(opts, out, (r) => `Claimed ${r.claimed}: ${r.delivered} delivered, ${r.skipped} skipped, ${r.failed} to retry, ${r.dead} dead.`);
      }),
    );
  n.command('resend <id>')
    .description('queue a notification again (a dead letter, or one that never arrived) with a fresh 24-hour retry window')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts>();
        if (!/^\d{1,12}$/.test(id) || Number(id) < 1) throw new BillingError('INVALID_INPUT', `a notification id is a whole number >= 1 (from \`switchboard notifications list\`), got "${id}"`);
        const out = await withStore(opts, (store) => runOperation(resendNotification, cliContext(store, opts.as), { id: Number(id) }));
        printResult(opts, out, (r) => `Notification ${r.id} (${r.kind}, account ${r.accountId}) queued again; the next delivery pass sends it.`);
      }),
    );
  n.command('settings <account>')
    .description("show an account's notification settings, or change them with the options")
    .option('--channels <list>', `comma-separated: ${NOTIFICATION_CHANNELS.join(', ')} (empty for none)`)
    .option('--email <address>', 'send emails here instead of the customer address')
    .option('--language <code>', 'en, de, fr or es (a BCP 47 tag such as es-ES prints in its base language)')
    .option('--opt-out <kinds>', `comma-separated kinds not to be told about: ${NOTIFICATION_KINDS.join(', ')}`)
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (account: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { channels?: string; email?: string; language?: string; optOut?: string }>();
        const change = {
          ...(opts.channels !== undefined ? { channels: listOf<NotificationChannel>(opts.channels, NOTIFICATION_CHANNELS, '--channels') } : {}),
          ...(opts.email !== undefined ? { email: opts.email } : {}),
          ...(opts.language !== undefined ? { language: opts.language } : {}),
          ...(opts.optOut !== undefined ? { optOuts: listOf<NotificationKind>(opts.optOut, NOTIFICATION_KINDS, '--opt-out') } : {}),
        };
        const out = await withStore(opts, (store) =>
          Object.keys(change).length
            ? runOperation(setNotificationSettings, cliContext(store, opts.as), { accountId: account, ...change })
            : runOperation(showNotificationSettings, cliContext(store, opts.as), { accountId: account }),
        );
        printResult(
          opts,
          out,
          (s) =>
            `Account ${s.accountId}: channels ${s.channels.join(', ') || 'none'}; email ${s.email ?? "the customer's"}; language ${s.language ?? "the account's"}; opted out of ${s.optOuts.join(', ') || 'nothing'}`,
        );
      }),
    );
  n.command('webhook')
    .description('show the webhook endpoint, set it (--url, with --secret or a new random one, shown once) or remove it')
    .option('--url <url>', 'POST webhook notifications here (http or https)')
    .option('--secret <secret>', 'the signing secret (at least 16 characters; default: a new random one)')
    .option('--remove', 'remove the endpoint')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<Opts & { url?: string; secret?: string; remove?: boolean }>();
        if (opts.remove && (opts.url || opts.secret)) throw new BillingError('INVALID_INPUT', '--remove takes no --url or --secret');
        if (opts.secret && !opts.url) throw new BillingError('INVALID_INPUT', '--secret needs --url');
        type Out = { removed: boolean } | { configured: boolean; url: string | null; secretEnding: string | null; updatedAt: string | null; secret?: string };
        const out = await withStore<Out>(opts, (store) => {
          const ctx = cliContext(store, opts.as);
          if (opts.remove) return runOperation(removeWebhook, ctx, {});
          if (opts.url) return runOperation(setWebhook, ctx, { url: opts.url, ...(opts.secret ? { secret: opts.secret } : {}) });
          return runOperation(showWebhookEndpoint, ctx, {});
        });
        printResult(opts, out, (r: Out) => {
          if ('removed' in r) return r.removed ? 'Webhook endpoint removed; webhook notifications wait for a new one.' : 'There was no webhook endpoint.';
          if (!r.configured) return 'No webhook endpoint: set one with --url.';
          const head = `Webhook endpoint ${r.url} (secret …${r.secretEnding}, set ${r.updatedAt})`;
          // The secret is printed only when it was just set: the receiver needs it to verify signatures.
          return r.secret ? `${head}\nSigning secret (shown this once): ${r.secret}` : head;
        });
      }),
    );
}
