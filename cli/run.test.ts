import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../db/testing/create-temp-store.ts';
import { setUpBillingOperator } from './commands/testing/billing-setup.ts';
import { run } from './run.ts';

describe('run(argv, io): the CLI in this process', () => {
  let store: ReturnType<typeof createTempStore>;
  beforeEach(() => {
    store = createTempStore();
    setUpBillingOperator(store);
  });
  afterEach(() => store.cleanup());

  it('returns what a command printed and its exit code, writing nothing to the process streams', async () => {
    const realOut = process.stdout.write;
    const leaked: string[] = [];
    process.stdout.write = ((chunk: string) => leaked.push(String(chunk)) > 0) as typeof process.stdout.write;
    try {
      const version = await run(['--version']);
      expect(version).toEqual({ exitCode: 0, stdout: '0.1.0\n', stderr: '' });
      const missing = await run(['--db', store.path, 'invoice', 'show', 'INV-999999']);
      expect(missing.exitCode).toBe(2);
      expect(missing.stderr).toMatch(/^error \[NOT_FOUND\]: .*INV-999999/);
      const usage = await run(['invoice', 'shwo']);
      expect(usage.exitCode).toBe(2);
    } finally {
      process.stdout.write = realOut;
    }
    expect(leaked).toEqual([]);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('reads its configuration from io.env, and passes output on to the streams it is given', async () => {
    const seen: string[] = [];
    const stdout = new Writable({
      write(chunk, _enc, done) {
        seen.push(String(chunk));
        done();
      },
    });
    const r = await run(['usage', 'list', '--json'], { env: { SWITCHBOARD_DB: store.path }, stdout });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(seen.join('')).toBe(r.stdout);
    const bad = await run(['usage', 'list', '--json'], { env: { SWITCHBOARD_DB: '' } });
    expect([bad.exitCode, JSON.parse(bad.stdout).error.code]).toEqual([2, 'INVALID_CONFIG']);
  });

  it('keeps the exit codes of runs at once apart', async () => {
    const [ok, bad] = await Promise.all([run(['--db', store.path, 'usage', 'list', '--json']), run(['--db', store.path, 'invoice', 'show', 'INV-999999', '--json'])]);
    expect([ok.exitCode, bad.exitCode]).toEqual([0, 2]);
    expect(JSON.parse(bad.stdout).error.code).toBe('NOT_FOUND');
    expect(ok.stdout).not.toContain('NOT_FOUND');
  });
});
