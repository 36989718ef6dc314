import { runOperation, systemClock } from '../../app/index.ts';
import { createToken, listTokens, revokeToken } from '../../app/users/index.ts';
import { listInvoices } from '../../app/invoices/index.ts';
import { recordScheduledNotifications } from '../../app/notifications/index.ts';
import { createPortalLink, showCurrentPeriod } from '../../app/portal/index.ts';
import { dec } from '../../tools/money/index.ts';
import type { AppConfig } from '../../config/index.ts';
import { getOperatorSettings, type Store } from '../../db/index.ts';
import { cliContext } from '../operation-context.ts';
import { printResult, type OutputOptions } from '../output.ts';
import { serveHttp } from '../serve-http.ts';
import { DEMO_USERS } from './demo-agents.ts';
import { DEMO_TODAY, ingestLiveUsage } from './demo-live.ts';

const TOKEN_LABEL = 'demo console';

/** New sign-in tokens for the demo's people; the ones an earlier start printed are revoked (only hashes are kept, so they cannot be shown again). */
async function demoTokens(store: Store): Promise<Array<{ user: string; name: string; roles: string; token: string }>> {
  const ctx = cliContext(store, undefined, DEMO_TODAY);
  const out = [];
  for (const u of DEMO_USERS) {
    const { tokens } = await runOperation(listTokens, ctx, { userId: u.id });
    for (const t of tokens) if (t.label === TOKEN_LABEL && !t.revokedAt) await runOperation(revokeToken, ctx, { tokenId: t.id, userId: u.id });
    const { token } = await runOperation(createToken, ctx, { userId: u.id, label: TOKEN_LABEL });
    out.push({ user: u.id, name: u.name, roles: u.roles.join(', '), token });
  }
  return out;
}

/**
 * A portal link (12 hours), made by alice, for a demo customer with one or two lines and the most
 * usage so far this period among the issued invoices' accounts, so the portal's meters have
 * something to show on a phone-sized page.
 */
async function demoPortalLink(store: Store): Promise<{ accountId: string; invoice: string; path: string; expiresAt: string } | null> {
  const ctx = cliContext(store, 'alice', DEMO_TODAY);
  const { invoices } = await runOperation(listInvoices, ctx, { status: 'issued', kind: 'invoice', limit: 60 });
  let best: { accountId: string; invoice: string; used: number } | null = null;
  for (const inv of invoices) {
    if (!inv.number) continue;
    const period = await runOperation(showCurrentPeriod, ctx, { accountId: inv.accountId });
    if (period.lines.length > 2) continue;
    const used = period.lines.flatMap((l) => l.allowances).filter((a) => !dec(a.used).isZero()).length;
    if (!best || used > best.used) best = { accountId: inv.accountId, invoice: inv.number, used };
  }
  if (!best) return null;
  const link = await runOperation(createPortalLink, ctx, { accountId: best.accountId, hours: 12 });
  return { accountId: link.accountId, invoice: best.invoice, path: link.path, expiresAt: link.expiresAt };
}

/**
 * `npm start`'s second half: the current month's usage so far, sign-in tokens for the demo's
 * people, and the console and portal served on the demo's calendar day until Ctrl-C.
 */
export async function serveDemo(store: Store, opts: { dir: string; seed: number; rows: number; host: string; port: number; config: AppConfig; output: OutputOptions }): Promise<void> {
  const live = await ingestLiveUsage(store, { dir: opts.dir, seed: opts.seed, rows: opts.rows });
  // The worker's daily scan, run once on the demo's day: allowances at 80%/100%, lines forecast to go over, bills coming up (each recorded once).
  const notices = await recordScheduledNotifications(store, { tenant: getOperatorSettings(store).tenant, today: DEMO_TODAY });
  const tokens = await demoTokens(store);
  const portal = await demoPortalLink(store);
  await serveHttp({
    store,
    host: opts.host,
    port: opts.port,
    logLevel: opts.config.logLevel,
    clock: systemClock(DEMO_TODAY),
    onListening: (url) =>
      printResult(opts.output, { console: `${url}/`, today: DEMO_TODAY, live, notices, tokens, portal: portal ? { ...portal, url: `${url}${portal.path}` } : null, docs: `${url}/api/docs` }, (o) =>
        [
          '',
          `Current period: ${o.live.accepted} new records of April up to ${o.today} (${o.live.duplicates} already in), ${o.live.rated} rated`,
          `Notices recorded on ${o.today}: ${o.notices.forecasts} lines forecast to go over an allowance (with the extra charge), ${o.notices.usageThresholds} allowances at 80% or 100%, ${o.notices.upcoming} bills coming up (console: /notifications)`,
          '',
          `Console: ${o.console}  (the demo's calendar day is ${o.today})`,
          'Sign in with one of these tokens (new each start; the earlier ones are revoked):',
          ...o.tokens.map((t) => `  ${t.user.padEnd(6)} ${t.roles.padEnd(18)} ${t.token}`),
          ...(o.portal ? [`Customer portal of account ${o.portal.accountId} (${o.portal.invoice}), open until ${o.portal.expiresAt}:`, `  ${o.portal.url}`] : []),
          `API reference: ${o.docs}`,
          'Ctrl-C stops the server.',
        ].join('\n'),
      ),
  });
}
