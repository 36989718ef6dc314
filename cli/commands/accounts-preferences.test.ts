import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billPeriod } from '../../app/billing/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { extractCompressedPdfLines } from '../../tools/invoice/render/extract-pdf-text.ts';
import { runCli } from '../testing/run-cli.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';

let store: ReturnType<typeof createTempStore>;
const sb = (...args: string[]) => runCli(['--db', store.path, ...args]);

beforeAll(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  store.close();
});
afterAll(() => store.cleanup());

describe('switchboard accounts preferences', () => {
  it('changes only what is given and says what the invoices will look like', async () => {
    const first = await sb('accounts', 'preferences', 'A1', '--layout', 'family', '--detail', 'per_call', '--large-print');
    expect([first.code, first.stdout]).toEqual([0, 'Account A1: invoices in the family layout, per_call detail, by email, large print, in en\n']);
    const second = await sb('accounts', 'preferences', 'A1', '--delivery', 'paper', '--language', 'fr', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ accountId: 'A1', language: 'fr', invoicePreferences: { layout: 'family', detail: 'per_call', delivery: 'paper', largePrint: true } });
    const third = await sb('accounts', 'preferences', 'A1', '--no-large-print', '--json');
    expect(JSON.parse(third.stdout).invoicePreferences.largePrint).toBe(false);
  });

  it('refuses an unknown layout and an empty change', async () => {
    const bad = await sb('accounts', 'preferences', 'A1', '--layout', 'poster');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'poster' is invalid");
    const none = await sb('accounts', 'preferences', 'A1');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('give at least one preference');
    expect((await sb('accounts', 'preferences', 'NOPE', '--detail', 'summary')).code).toBe(2);
  });
});

describe('switchboard invoice show --pdf --layout --language', () => {
  it('writes the PDF in the layout and language asked for, the annex as the account prefers', async () => {
    await sb('accounts', 'preferences', 'A2', '--detail', 'per_call');
    const file = join(store.dir, 'a2.pdf');
    const r = await sb('invoice', 'show', 'INV-000002', '--pdf', file, '--layout', 'enterprise', '--language', 'de');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Wrote ${file}`);
    const lines = extractCompressedPdfLines(readFileSync(file));
    expect(lines).toEqual(expect.arrayContaining(['RECHNUNG', 'Übersicht nach Kostenstellen', 'Übersicht nach Anschlüssen', 'Einzelverbindungsnachweis']));
    const bad = await sb('invoice', 'show', 'INV-000002', '--pdf', file, '--layout', 'poster');
    expect(bad.code).toBe(2);
  });
});
