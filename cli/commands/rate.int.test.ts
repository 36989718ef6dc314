// Two `switchboard rate` processes at once: each reports what it rated itself.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { writeCdrFile } from '../../evals/generator/index.ts';
import { runCli } from '../testing/cli-processes.ts';
import { setUpManyAccounts } from './testing/many-accounts.ts';
import { ingestFile } from '../../app/ingest/index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
  setUpManyAccounts(store, 1);
});
afterEach(() => store.cleanup());

describe('concurrent rating runs', () => {
  it('two rate processes at once: their reported counts add up to what was rated, none twice', async () => {
    const file = join(store.dir, 'cdrs.csv');
    await writeCdrFile(file, { format: 'asterisk', rows: 60_000, seed: 3 });
    await ingestFile(store, file, { format: 'asterisk' });
    const count = (status: string) => (store.sqlite.prepare('select count(*) n from usage_events where status = ?').get(status) as { n: number }).n;
    const unrated = count('unrated');
    expect(unrated).toBeGreaterThan(50_000);

    const runs = await Promise.all([0, 1].map(() => runCli(['--db', store.path, 'rate', '--json'])));
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const reports = runs.map((r) => JSON.parse(r.stdout) as { rated: number; ratingFailed: number; considered: number });
    expect(count('unrated')).toBe(0);
    expect(reports[0]!.rated + reports[1]!.rated).toBe(count('rated'));
    expect(reports[0]!.ratingFailed + reports[1]!.ratingFailed).toBe(count('rating_failed'));
  }, 720_000);
});
