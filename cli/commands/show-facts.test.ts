import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser } from '../../db/index.ts';
import { proposeInvoiceCredit } from '../../app/proposals/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { decideProposal } from '../../graphs/approval/index.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';
import { runCli } from '../testing/run-cli.ts';

/* The CLI shows the same facts as the agents' answers, from the same functions (issue 9, section 3). */

let store: ReturnType<typeof createTempStore>;

async function sb(...args: string[]) {
  const r = await runCli(['--db', store.path, ...args], { env: { ...process.env, CI: '1' } });
  return { code: r.code, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  const bob = saveUser(store, { id: 'bob', tenant: 't', name: 'bob', roles: ['approver'] });
  // INV-000001 (12.35): the 10.00 fee waived, CN-000001 of -12.00, 0.35 still open.
  const p = proposeInvoiceCredit(store, { tenant: 't', userId: 'alice', kind: 'analyst' }, { kind: 'fee_waiver', invoice: 'INV-000001', lineQuery: 'monthly fee', reason: 'outage' }).proposal;
  await decideProposal({ store, tenant: 't', actor: bob, today: '2025-04-05' }, p.id, { decision: 'approve', reason: 'agreed' });
  store.close();
});
afterAll(() => store.cleanup());

describe('show commands', () => {
  it('usage show explains the pricing in words', async () => {
    const r = await sb('usage', 'show', '1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Connect fee 0.05 GBP, charged once');
    expect(r.stdout).toContain('480 increments of 1 s at 0.06 per 60 s = 0.001 per increment; 480 x 0.001 = 0.48');
  });

  it('invoice show says where the invoice stands', async () => {
    const r = await sb('invoice', 'show', 'INV-000001');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/credit note CN-000001 of -12\.00 GBP issued 2025-04-05 .* was issued against it; 0\.35 GBP is still open, due 2025-04-15/);
  });

  it('accounts show gives the standing with the credit note applied', async () => {
    const r = await sb('accounts', 'show', 'A1', '--today', '2025-04-05');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Standing: Balance 0.35 GBP on 2025-04-05: 0.35 open, of which 0.00 overdue.');
  });
});
