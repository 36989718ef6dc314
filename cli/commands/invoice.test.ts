import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

describe('switchboard invoice list --status', () => {
  it('says an unknown status filter does not exist, listing the statuses', async () => {
    const r = await runCli(['--db', store.path, 'invoice', 'list', '--status', 'sent']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(
      /^error \[INVALID_INPUT\]: option '--status <status>' argument 'sent' is invalid\. Allowed choices are draft, held, issued, paid, overdue, void\. \(see switchboard invoice list --help\)\n$/,
    );
  });
});
