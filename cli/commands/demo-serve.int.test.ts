import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printed, startCli } from '../testing/cli-processes.ts';

// `npm start` as a person runs it, through the real bin (a small demo): the console answers on
// the printed address, a printed token signs in, the printed portal link opens the portal; a
// second start changes no billing data and replaces the tokens.

const work = mkdtempSync(join(tmpdir(), 'switchboard-demo-serve-'));
const db = join(work, 'demo.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Starts `demo --serve` and reads what it prints once it listens. */
async function start() {
  const proc = startCli(['--db', db, 'demo', '--serve', '--rows', '300', '--port', '0']);
  await printed(proc, /Ctrl-C stops the server/);
  const out = proc.stdout();
  const url = /Console: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]!;
  const token = /^ {2}alice +analyst +(\S+)$/m.exec(out)![1]!;
  const portal = /^ {2}(http:\/\/\S+\/portal\/open\?link=\S+)$/m.exec(out)![1]!;
  const live = /Current period: (\d+) new records of April up to 2025-04-10 \((\d+) already in\)/.exec(out)!;
  const notices = /Notices recorded on 2025-04-10: (\d+) lines forecast to go over an allowance \(with the extra charge\), (\d+) allowances at 80% or 100%, (\d+) bills coming up/.exec(out)!;
  return { proc, url, token, portal, live: { added: Number(live[1]), already: Number(live[2]) }, notices: notices.slice(1).map(Number) };
}

/** Signs in through the console's form; returns the session cookie. */
async function signIn(url: string, token: string): Promise<{ status: number; cookie: string | null }> {
  const res = await fetch(`${url}/sign-in`, { method: 'POST', body: new URLSearchParams({ token, next: '/' }), redirect: 'manual' });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? null };
}

async function stop(proc: Awaited<ReturnType<typeof start>>['proc']) {
  proc.child.kill('SIGTERM');
  const end = await proc.ended;
  expect([end.status, end.signal]).toEqual([0, null]);
}

describe('npm start (switchboard demo --serve)', { timeout: 720_000 }, () => {
  it('seeds the demo, serves the console with working sign-in tokens and a portal link; a second start adds nothing and revokes the old tokens', async () => {
    const first = await start();
    let firstToken = '';
    try {
      expect(first.live.added).toBeGreaterThan(0);
      // The live month's heavy talkers are forecast over their minutes: a notice each, with the extra charge.
      expect(first.notices[0]).toBeGreaterThanOrEqual(1);
      expect((await fetch(`${first.url}/`, { redirect: 'manual' })).status).toBe(303);
      const session = await signIn(first.url, first.token);
      expect(session.status).toBe(303);
      const overview = await fetch(`${first.url}/`, { headers: { cookie: session.cookie! } });
      expect(overview.status).toBe(200);
      expect(await overview.text()).toContain('Overview');
      const opened = await fetch(first.portal, { redirect: 'manual' });
      expect([opened.status, opened.headers.get('location')]).toEqual([303, '/portal']);
      firstToken = first.token;
    } finally {
      await stop(first.proc);
    }
    const second = await start();
    try {
      expect(second.live).toEqual({ added: 0, already: first.live.added });
      // The day's scan ran again: every notice it finds was recorded by the first start.
      expect(second.notices).toEqual([0, 0, 0]);
      expect(second.proc.stdout()).toMatch(/Bill run 2025-03: 0 invoices created/);
      expect((await signIn(second.url, firstToken)).status).toBe(401);
      expect((await signIn(second.url, second.token)).status).toBe(303);
    } finally {
      await stop(second.proc);
    }
  });
});
