import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';
import { billPeriod } from '../../app/billing/bill-period.ts';
import { seedUsageHistory } from '../../app/billing/testing/usage-history.ts';
import { findPeriodInvoice } from '../../db/index.ts';
import { phraseMessage } from '../../tools/invoice/messages/index.ts';
import { setUpBillingOperator } from './testing/billing-setup.ts';

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

describe('switchboard invoice show', () => {
  it('prints the personalised messages, phrased from the figures the document stores', async () => {
    setUpBillingOperator(store);
    await seedUsageHistory(store);
    for (const period of ['2024-12', '2025-01', '2025-02', '2025-03']) billPeriod(store, { period, timezone: 'UTC', accountIds: ['A1'] });
    const march = findPeriodInvoice(store, 'A1', '2025-03')!;
    const r = await runCli(['--db', store.path, 'invoice', 'show', march.number!]);
    expect(r.code).toBe(0);
    const shown = r.stdout.split('\n');
    const at = shown.indexOf('  For you:');
    expect(at).toBeGreaterThan(-1);
    expect(shown.slice(at + 1, at + 1 + march.document.messages.length)).toEqual(march.document.messages.map((m) => `  - ${phraseMessage(m, 'en')}`));
    expect(shown[at + 1]).toBe('  - Line +447700900123: you used 40% more mobile data than your three-month average (1.5\u00a0GB this period, 1.1\u00a0GB on average).');
    const json = await runCli(['--db', store.path, 'invoice', 'show', march.number!, '--json']);
    expect(JSON.parse(json.stdout).messages).toEqual(march.document.messages);
  });
});
