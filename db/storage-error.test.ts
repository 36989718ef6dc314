import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestAndRate, setUpBillingOperator } from '../cli/commands/testing/billing-setup.ts';
import { BillingError } from '../tools/errors.ts';
import { openDatabase } from './open-database.ts';
import { createTempStore } from './testing/create-temp-store.ts';
import { onPostgres } from './testing/on-postgres.ts';
import { billPeriod } from '../app/billing/index.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof BillingError ? { code: err.code, message: err.message, hasCause: err.cause !== undefined } : { other: String(err) };
  }
  return null;
};

describe.skipIf(onPostgres)('unusable database files (real SQLite)', () => {
  it('refuses an empty path, a folder, a text file and a corrupt file with one user error each', () => {
    const text = join(store.dir, 'notes.db');
    writeFileSync(text, 'not a database at all, but long enough to be read as a header by sqlite\n');
    expect(refusal(() => openDatabase(''))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) });
    expect(refusal(() => openDatabase(store.dir))).toMatchObject({ code: 'INVALID_DATABASE', message: expect.stringMatching(/is a folder/) });
    expect(refusal(() => openDatabase(text))).toEqual({ code: 'INVALID_DATABASE', message: expect.stringMatching(/not an SQLite database/), hasCause: true });
    const corrupt = join(store.dir, 'corrupt.db');
    const good = readFileSync(store.path);
    writeFileSync(corrupt, good.subarray(0, 100));
    expect(refusal(() => openDatabase(corrupt))).toMatchObject({ code: 'INVALID_DATABASE', message: expect.stringMatching(/corrupt or truncated/) });
  });

  it('fails a bill run once when the database cannot be written, not once per account', async () => {
    setUpBillingOperator(store);
    await ingestAndRate(store);
    // Writes now fail as on a read-only file (root can write any file, so chmod cannot show this).
    store.sqlite.pragma('query_only = ON');
    expect(refusal(() => billPeriod(store, { period: '2025-03', timezone: 'UTC' }))).toMatchObject({ code: 'INVALID_DATABASE', message: expect.stringMatching(/read-only/) });
  });
});

describe.skipIf(!onPostgres)('unusable PostgreSQL books', () => {
  it('refuses an empty name, and names a server that cannot be reached in one user error', () => {
    expect(refusal(() => openDatabase(''))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/empty/) });
    // port 1: nothing listens there
    expect(refusal(() => openDatabase(join(store.dir, 'x.db'), { databaseUrl: 'postgres://postgres:secret@127.0.0.1:1/test' }))).toEqual({
      code: 'INVALID_DATABASE',
      message: expect.stringMatching(/^PostgreSQL books .* at postgres:\/\/\*\*\*@127\.0\.0\.1:1\/test cannot be opened: .*ECONNREFUSED/),
      hasCause: true,
    });
  });

  it('fails a bill run once when the server refuses writes (a standby, a read-only role), not once per account', async () => {
    setUpBillingOperator(store);
    await ingestAndRate(store);
    // As on a standby: every transaction of this connection is read-only.
    store.sqlite.exec('SET default_transaction_read_only = on');
    expect(refusal(() => billPeriod(store, { period: '2025-03', timezone: 'UTC' }))).toMatchObject({ code: 'INVALID_DATABASE', message: expect.stringMatching(/read-only/) });
  });
});
