import type { ApiUser } from '../../testing/api-setup.ts';

/** The app as the in-process page tests call it. */
interface App {
  request: (path: string, init?: RequestInit) => Response | Promise<Response>;
}

/** A signed-in console browser without a browser: its cookie and CSRF token, and requests that send them. */
export interface ConsoleClient {
  cookie: string;
  csrfToken: string;
  /** A GET of a page: status, HTML and the redirect target if any. */
  get(path: string): Promise<{ status: number; html: string; location: string | null }>;
  /** A form POST with the session's `_csrf` added. */
  post(path: string, fields: Record<string, string>): Promise<{ status: number; html: string; location: string | null }>;
}

/** Signs a user in through the sign-in form (in process) and reads the CSRF token from a page's meta tag. */
export async function signInConsole(app: App, user: ApiUser): Promise<ConsoleClient> {
  const res = await app.request('/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: user.token, next: '/' }).toString(),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await app.request('/', { headers: { cookie } })).text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1] ?? '';
  const read = async (r: Response) => ({ status: r.status, html: await r.text(), location: r.headers.get('location') });
  return {
    cookie,
    csrfToken,
    get: async (path) => read(await app.request(path, { headers: { cookie } })),
    post: async (path, fields) =>
      read(
        await app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrfToken, ...fields }).toString() }),
      ),
  };
}
