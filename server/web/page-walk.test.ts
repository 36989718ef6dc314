import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpApi } from '../testing/api-setup.ts';

// Every page and form of the console and the portal, found in the app's own route table (so a
// new page is walked without being listed here): none answers without a session, none changes
// anything without the session's CSRF token.

const OPEN = new Set(['/sign-in', '/sign-out', '/portal/sign-in', '/portal/sign-out', '/portal/open']);
const isPage = (path: string) => !path.includes('*') && !path.startsWith('/api/') && !['/healthz', '/readyz', '/metrics', '/*'].includes(path) && !path.startsWith('/assets/') && !OPEN.has(path);
const VALUES: Record<string, string> = { number: 'INV-000001', id: '1', threadId: '00000000-0000-4000-8000-000000000000', accountId: 'A1', lineId: '1' };
const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => VALUES[name] ?? '1');

describe('every console and portal page', () => {
  let store: ReturnType<typeof createTempStore>;
  let api: Awaited<ReturnType<typeof setUpApi>>;
  beforeEach(async () => {
    store = createTempStore();
    api = await setUpApi(store);
  });
  afterEach(() => store.cleanup());

  const pages = () => {
    const seen = new Set<string>();
    return api.app.routes.filter((r) => (r.method === 'GET' || r.method === 'POST') && isPage(r.path) && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
  };

  it('has pages to walk', () => {
    expect(pages().length).toBeGreaterThan(5);
  });

  it('sends a visitor without a session to sign in (GET) or refuses them (POST); never a page', async () => {
    for (const r of pages()) {
      const res = await api.app.request(fill(r.path), { method: r.method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: r.method === 'POST' ? '' : undefined });
      const where = `${r.method} ${r.path}`;
      if (r.method === 'GET') {
        expect([where, res.status]).toEqual([where, 303]);
        expect(res.headers.get('location'), where).toMatch(/\/sign-in\?next=/);
      } else expect([where, res.status]).toEqual([where, 401]);
    }
  });

  it('refuses every form sent with the console session cookie but without its CSRF token', async () => {
    const signIn = await api.app.request('/sign-in', { method: 'POST', body: new URLSearchParams({ token: api.users.alice.token, next: '/' }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    for (const r of pages().filter((p) => p.method === 'POST' && !p.path.startsWith('/portal'))) {
      const res = await api.app.request(fill(r.path), { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'reason=x' });
      expect([`POST ${r.path}`, res.status]).toEqual([`POST ${r.path}`, 403]);
    }
  });

  it('refuses every portal form sent with the portal session cookie but without its CSRF token', async () => {
    const signIn = await api.app.request('/portal/sign-in', { method: 'POST', body: new URLSearchParams({ token: api.users.cora.token }) });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^sb_portal=/);
    const forms = pages().filter((p) => p.method === 'POST' && p.path.startsWith('/portal'));
    expect(forms.length).toBeGreaterThan(0);
    for (const r of forms) {
      const res = await api.app.request(fill(r.path), { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'message=x' });
      expect([`POST ${r.path}`, res.status]).toEqual([`POST ${r.path}`, 403]);
    }
  });
});
