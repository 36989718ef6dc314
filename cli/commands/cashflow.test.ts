import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTenantInvoices } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { setUpLedger } from '../../db/testing/ledger-fixture.ts';
import { writeAllocation } from '../../db/testing/write-payment-history.ts';
import { dec, ZERO } from '../../tools/money/index.ts';
import { runCli } from '../testing/run-cli.ts';

let store: ReturnType<typeof createTempStore>;
let open = '';
beforeAll(async () => {
  store = createTempStore();
  await setUpLedger(store);
  const invoices = listTenantInvoices(store, 't', {});
  const first = invoices.find((i) => i.number === 'INV-000001')!;
  writeAllocation(store, { tenant: 't', invoiceId: first.id, accountId: first.accountId, amount: '1.00', date: '2025-04-12' });
  open = invoices
    .reduce((s, i) => s.plus(i.total), ZERO)
    .minus('1.00')
    .toFixed(2);
});
afterAll(() => store.cleanup());

describe('switchboard cashflow', () => {
  it('prints the weeks, later / doubtful and the accounts to chase, adding up to what is open', async () => {
    const r = await runCli(['--db', store.path, 'cashflow', '--today', '2025-05-20']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('Cash-flow forecast on 2025-05-20, 13 weeks');
    expect(r.stdout).toContain(`2 open invoices, ${open} GBP open on 2025-05-20`);
    const weeks = r.stdout.split('\n').filter((l) => /^\d+\s+2025-\d\d-\d\d\s+2025-\d\d-\d\d\s/.test(l));
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toMatch(/^1\s+2025-05-21\s+2025-05-27\s+\d+\.\d\d\s+0\.00$/);
    const next = /Next 13 weeks: (\d+\.\d\d) GBP; later \/ doubtful: (\d+\.\d\d) GBP/.exec(r.stdout)!;
    expect(dec(next[1]!).plus(next[2]!).toFixed(2)).toBe(open);
    expect(r.stdout).toContain('Accounts to chase first (cash within 4 weeks):');
    expect(r.stdout).toMatch(/ {2}1\. A\d: \+\d+\.\d\d GBP: /);
  });

  it("gives the operation's answer under --json, for fewer weeks", async () => {
    const r = await runCli(['--db', store.path, 'cashflow', '--today', '2025-05-20', '--weeks', '4', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ asOf: '2025-05-20', weeks: 4, openInvoices: { GBP: 2 } });
    expect(out.currencies[0].weeks).toHaveLength(4);
    expect(out.currencies[0].open).toBe(open);
  });

  it('refuses a horizon past 13 weeks in one line', async () => {
    const r = await runCli(['--db', store.path, 'cashflow', '--weeks', '14']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error \[INVALID_INPUT\]: .*weeks/);
  });
});
