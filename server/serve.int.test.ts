import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printed, runCli, startCli } from '../cli/testing/cli-processes.ts';

// Through the real bin, as an operator runs it: users and a token made by the CLI, then the
// server on a free port answering /readyz and an authenticated route, ended cleanly by SIGTERM.

const work = mkdtempSync(join(tmpdir(), 'switchboard-serve-'));
const db = join(work, 'serve.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('switchboard serve', { timeout: 360_000 }, () => {
  it('serves the API on a free port with a token made by the CLI, and stops on SIGTERM', async () => {
    expect((await runCli(['--db', db, 'users', 'add', 'ada', '--roles', 'admin'])).status).toBe(0);
    const made = await runCli(['--db', db, 'users', 'token', 'create', 'ada', '--json']);
    expect(made.status).toBe(0);
    const { token } = JSON.parse(made.stdout);
    const server = startCli(['--db', db, 'serve', '--port', '0', '--host', '127.0.0.1']);
    try {
      const [, url] = await printed(server, /Switchboard on (http:\/\/127\.0\.0\.1:\d+)/);
      const ready = await fetch(`${url}/readyz`);
      expect([ready.status, ((await ready.json()) as { status: string }).status]).toEqual([200, 'ready']);
      expect((await fetch(`${url}/api/v1/users`)).status).toBe(401);
      const users = await fetch(`${url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
      expect(users.status).toBe(200);
      expect(((await users.json()) as { users: Array<{ id: string }> }).users.map((u: { id: string }) => u.id)).toEqual(['ada']);
      server.child.kill('SIGTERM');
      const end = await server.ended;
      expect([end.status, end.signal]).toEqual([0, null]);
      // The log is JSON lines on stderr: the request is there, the token is not.
      const log = end.stderr
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
      expect(log.some((l) => l.route === '/api/v1/users' && l.status === 200 && typeof l.requestId === 'string')).toBe(true);
      expect(log.at(-1).msg).toBe('stopped');
      expect(end.stderr).not.toContain(token);
    } finally {
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  });
});
