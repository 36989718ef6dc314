import type { Hono, MiddlewareHandler } from 'hono';
import { runOperation } from '../../../app/index.ts';
import { listAccounts } from '../../../app/accounts/index.ts';
import { ConsolePage } from '../layout.tsx';
import { pageSession } from '../page-session.ts';
import { sendPage } from '../render.tsx';
import type { WebEnv } from '../web-env.ts';
import { mountAccount } from './account.tsx';

const PAGE_SIZE = 50;

/** The accounts pages: a searchable list (/accounts) and one account (/accounts/:id) with its notes. */
export function mountAccounts(web: Hono<WebEnv>, guard: MiddlewareHandler<WebEnv>): void {
  web.get('/accounts', guard, async (c) => {
    const ctx = c.get('operationContext');
    const search = (c.req.query('q') ?? '').trim();
    const after = c.req.query('after') || undefined;
    const page = await runOperation(listAccounts, ctx, { ...(search ? { search } : {}), ...(after ? { after } : {}), limit: PAGE_SIZE });
    const next = page.nextAfter ? `/accounts?${new URLSearchParams({ ...(search ? { q: search } : {}), after: page.nextAfter })}` : null;
    return sendPage(
      c,
      <ConsolePage title="Accounts" active="/accounts" session={pageSession(c)}>
        <form method="get" action="/accounts" class="filters card" aria-label="Search accounts">
          <div class="field">
            <label for="f-q">Search (account, customer id or name)</label>
            <input id="f-q" name="q" type="search" value={search} size={30} />
          </div>
          <button type="submit">Search</button>
          {search ? (
            <a class="button secondary" href="/accounts">
              Clear
            </a>
          ) : null}
        </form>
        <p class="hint" role="status">
          {page.accounts.length === 0 ? (search ? `No account matches “${search}”.` : 'No accounts yet.') : `${page.accounts.length} accounts${next ? ' on this page' : ''}.`}
        </p>
        {page.accounts.length ? (
          <div class="table-wrap">
            <table class="accounts">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Segment</th>
                  <th scope="col">Currency</th>
                  <th scope="col" class="num">
                    Lines
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.accounts.map((a) => (
                  <tr>
                    <td>
                      <a href={`/accounts/${encodeURIComponent(a.id)}`}>{a.id}</a>
                    </td>
                    <td>
                      {a.customerName} <span class="hint">({a.customerId})</span>
                    </td>
                    <td>{a.segment}</td>
                    <td>{a.currency}</td>
                    <td class="num">{a.lines}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {next ? (
          <p>
            <a class="button secondary" href={next}>
              Next accounts
            </a>
          </p>
        ) : null}
      </ConsolePage>,
    );
  });
  mountAccount(web, guard);
}
