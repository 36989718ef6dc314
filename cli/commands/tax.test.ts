import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billPeriod } from '../../app/billing/index.ts';
import { findPeriodInvoice } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpEuVatOperator } from '../../app/tax/testing/eu-vat-operator.ts';
import { runCli } from '../testing/run-cli.ts';

const updates = fileURLToPath(new URL('../../tools/tax/packs/updates/', import.meta.url));
let store: ReturnType<typeof createTempStore>;
const cli = (...args: string[]) => runCli(['--db', store.path, ...args]);

beforeEach(() => {
  store = createTempStore();
  setUpEuVatOperator(store);
});
afterEach(() => store.cleanup());

describe('switchboard tax', () => {
  it('imports, diffs, previews and proposes a version; an approver adopts it and bills use it', async () => {
    expect((await cli('tax', 'import', join(updates, 'eu-vat-2025-07.json'), '--as', 'ada')).code).toBe(0);
    const first = await cli('tax', 'adopt', 'eu-vat', '2025-07', '--reason', 'the rates of July 2025', '--as', 'alice', '--json');
    await cli('approvals', 'approve', String(JSON.parse(first.stdout).proposal.id), '--reason', 'checked', '--as', 'bob');
    billPeriod(store, { period: '2025-06', timezone: 'UTC', issueDate: '2025-07-01' });

    const imported = await cli('tax', 'import', join(updates, 'eu-vat-2025-08.json'), '--as', 'ada');
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(
      'eu-vat 2025-08 imported (imported), effective from 2025-08-01; in force now: 2025-07.\nAgainst the version in force:\n  VAT (Romania) (EU-VAT-RO): 19% -> 21% from 2025-08-01\n',
    );
    const diff = await cli('tax', 'diff', 'eu-vat', '2025-08', '--as', 'alice');
    expect(diff.stdout).toContain('eu-vat: 2025-07 -> 2025-08 (effective from 2025-08-01)\n  VAT (Romania) (EU-VAT-RO): 19% -> 21% from 2025-08-01\n    source: Codul fiscal');
    const preview = await cli('tax', 'preview', 'eu-vat', '2025-08', '--as', 'alice');
    expect(preview.stdout).toContain("eu-vat 2025-08 on 2025-06's 4 invoices, as billed on 2025-08-01: 2 change (in all 0.40 EUR), 0 would fail the compliance check.");
    expect(preview.stdout).toMatch(/RO\s+consumer\s+EUR\s+2\s+2\s+23\.80\s+24\.20\s+0\.40/);

    const proposed = await cli('tax', 'adopt', 'eu-vat', '2025-08', '--reason', 'Law 141/2025', '--as', 'alice', '--json');
    const id = String(JSON.parse(proposed.stdout).proposal.id);
    const own = await cli('approvals', 'approve', id, '--reason', 'mine', '--as', 'alice');
    expect(own.code).not.toBe(0);
    expect((await cli('approvals', 'approve', id, '--reason', 'checked against the source', '--as', 'bob')).code).toBe(0);
    const listed = JSON.parse((await cli('tax', 'list', '--pack', 'eu-vat', '--as', 'alice', '--json')).stdout);
    expect(listed.inForce[0].version).toBe('2025-08');

    billPeriod(store, { period: '2025-08', timezone: 'UTC', issueDate: '2025-09-01' });
    expect(findPeriodInvoice(store, 'R1', '2025-08')!.total).toBe('12.10');
  });

  it('says clearly what is wrong with a file', async () => {
    const bad = join(store.dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ packId: 'eu-vat', version: '2025-09' }));
    const r = await cli('tax', 'import', bad, '--as', 'ada');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error \[INVALID_CONFIG\]: bad\.json: /);
    expect((await cli('tax', 'import', join(store.dir, 'missing.json'), '--as', 'ada')).stderr).toMatch(/cannot read .*missing\.json/);
  });
});
