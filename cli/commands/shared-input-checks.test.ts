import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';

/* Dates, billing months and time zones typed on the command line go through the shared schemas
 * (tools/schemas): the same values are refused here as in agent tools and files. */

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

async function refusal(args: string[]): Promise<{ code: number; error: { code: string; message: string } }> {
  const r = await runCli(['--db', store.path, ...args, '--json']);
  const text = r.stdout.trim() || r.stderr.trim();
  return { code: r.code, error: (JSON.parse(text) as { error: { code: string; message: string } }).error };
}

describe('shared input checks through the CLI', () => {
  it('refuses billing month 2025-13 (bill --period), exit 2, naming the option and the value', async () => {
    const r = await refusal(['bill', '--period', '2025-13']);
    expect(r.code).toBe(2);
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toMatch(/--period: 2025-13 is not a billing month/);
  });

  it('refuses calendar date 2025-02-31 (bill --issue-date, accounts show --today), exit 2', async () => {
    const bill = await refusal(['bill', '--period', '2025-02', '--issue-date', '2025-02-31']);
    expect(bill.code).toBe(2);
    expect(bill.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/2025-02-31/) });
    const standing = await refusal(['accounts', 'show', 'A1', '--today', '2025-02-31']);
    expect(standing.code).toBe(2);
    expect(standing.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/2025-02-31/) });
  });

  it('refuses an unknown time zone (tariffs import --timezone), exit 2', async () => {
    const r = await refusal(['tariffs', 'import', store.dir, '--format', 'cgrates', '--timezone', 'Mars/Olympus_Mons']);
    expect(r.code).toBe(2);
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/--timezone: unknown time zone "Mars\/Olympus_Mons"/) });
  });
});
