import type { Command } from 'commander';
import { runOperation } from '../../app/operation.ts';
import { createPortalLink, listPortalLinks, revokePortalLink } from '../../app/portal/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { action, printResult, table } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** Where `switchboard serve` listens by default: the portal link is printed against it unless told otherwise. */
export const DEFAULT_BASE_URL = 'http://127.0.0.1:8080';

/** The server address a link is printed with: an http(s) URL, without a trailing slash. */
function baseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BillingError('INVALID_INPUT', `--base-url must be an http(s) address such as ${DEFAULT_BASE_URL}, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BillingError('INVALID_INPUT', `--base-url must be an http(s) address, got "${text}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function wholeNumber(text: string, what: string, hint: string): number {
  if (!/^\d{1,12}$/.test(text) || Number(text) < 1) throw new BillingError('INVALID_INPUT', `${what} is a whole number >= 1${hint}, got "${text}"`);
  return Number(text);
}

/** `switchboard portal link|links|revoke`: links that open the customer portal on one account. */
export function registerPortal(program: Command): void {
  const portal = program.command('portal').description('customer portal links: make one for an account, list them, revoke one');
  portal
    .command('link <account>')
    .description('make a link that opens the customer portal on an account (printed once)')
    .option('--hours <n>', 'how long the link works, 1 to 168', '12')
    .option('--base-url <url>', 'the server address the link starts with', DEFAULT_BASE_URL)
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (account: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { hours: string; baseUrl: string; as?: string }>();
        const base = baseUrl(opts.baseUrl);
        const hours = wholeNumber(opts.hours, '--hours', ' (at most 168)');
        const out = await withStore(opts, (store) => runOperation(createPortalLink, cliContext(store, opts.as), { accountId: account, hours }));
        const url = `${base}${out.path}`;
        printResult(
          opts,
          { ...out, url },
          (o) => `${o.url}\nPortal link ${o.id} for account ${o.accountId}, valid until ${o.expiresAt}. Shown only this once; \`switchboard portal revoke ${o.id}\` ends it early.`,
        );
      }),
    );
  portal
    .command('links')
    .description('portal links, newest first, with their status (never the links themselves)')
    .option('--account <id>', 'one account')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { account?: string; as?: string }>();
        const { links } = await withStore(opts, (store) => runOperation(listPortalLinks, cliContext(store, opts.as), opts.account === undefined ? {} : { accountId: opts.account }));
        printResult(opts, links, (l) => (l.length ? table(l, ['id', 'accountId', 'status', 'createdBy', 'createdAt', 'expiresAt', 'revokedAt']) : 'No portal links.'));
      }),
    );
  portal
    .command('revoke <id>')
    .description('revoke a portal link by id: it stops working at once and its sessions end')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (id: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const linkId = wholeNumber(id, 'a portal link id', ' (from `switchboard portal links`)');
        const out = await withStore(opts, (store) => runOperation(revokePortalLink, cliContext(store, opts.as), { linkId }));
        printResult(opts, out, (l) => `Portal link ${l.id} of account ${l.accountId} ${l.alreadyRevoked ? 'was already revoked' : 'revoked'} at ${l.revokedAt}`);
      }),
    );
}
