import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { rf, setUpBilledLedger, statementOf, tx } from '../../app/payments/testing/billed-ledger.ts';
import { runCliOn } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
beforeEach(() => {
  store = createTempStore();
});
afterEach(() => store.cleanup());

const sb = (...args: string[]) => runCliOn(store.path, ...args);

describe('switchboard payments', () => {
  it('imports a statement with its counts, lists the unmatched, matches one by hand as the acting user, shows it', async () => {
    await setUpBilledLedger(store);
    const path = join(store.dir, 'april.xml');
    writeFileSync(path, statementOf('S1', [[tx('R1', '12.35', { creditorReference: rf('INV-000001') })], [tx('R2', '9.00', { payerName: 'Stranger' })]]));
    const imported = await sb('payments', 'import', path);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('2 entries read');
    expect(imported.stdout).toContain('matched 1 (reference 1, invoice number 0, amount and payer 0), partly matched 0, unmatched 1, duplicate 0, returned 0');
    expect(imported.stdout).toContain('paid in full: INV-000001');
    const again = await sb('payments', 'import', path, '--format', 'camt.053', '--json');
    expect(again.json).toMatchObject({ read: 2, duplicate: 2 });

    const unmatched = await sb('payments', 'unmatched', '--json');
    const id = String(unmatched.json.payments[0].id);
    const matched = await sb('payments', 'match', id, '--account', 'A2', '--invoice', 'INV-000002', '--as', 'alice');
    expect(matched.code).toBe(0);
    expect(matched.stdout).toContain(`Payment ${id} partly_matched to A2 by alice`);
    const shown = await sb('payments', 'show', id);
    expect(shown.stdout).toContain('payment 9.00 to INV-000002');
    expect((await sb('payments', 'list', '--state', 'duplicate', '--json')).json.counts).toMatchObject({ duplicate: 2, matched: 1, partly_matched: 1 });
    const missing = await sb('payments', 'import', join(store.dir, 'nope.xml'), '--json');
    expect(missing.json.error.code).toBe('FILE_NOT_FOUND');
  });
});
