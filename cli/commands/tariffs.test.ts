import { cpSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../../tools/rating/fixtures/cgrates-basic');

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

describe('switchboard tariffs import of a CGRateS folder', () => {
  it('names a broken link in the folder in one user error, and stores nothing', async () => {
    const folder = join(store.dir, 'tp');
    cpSync(FIXTURE, folder, { recursive: true });
    symlinkSync(join(store.dir, 'gone.csv'), join(folder, 'Rates-extra.csv'));
    const r = await runCli(['--db', store.path, 'tariffs', 'import', folder]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`error [INVALID_TARIFF]: cannot read ${join(folder, 'Rates-extra.csv')} in the tariff folder: a broken link (its target does not exist)\n`);
    const json = await runCli(['--db', store.path, 'tariffs', 'import', folder, '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'INVALID_TARIFF', details: { file: join(folder, 'Rates-extra.csv') } });
    expect(store.sqlite.prepare('select count(*) n from tariff_versions').get()).toEqual({ n: 0 });
  });
});
