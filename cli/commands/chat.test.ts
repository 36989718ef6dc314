import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveUser } from '../../db/index.ts';
import { createTempStore } from '../../db/testing/create-temp-store.ts';
import { runCli } from '../testing/run-cli.ts';
import { ingestAndRate, setUpBillingOperator } from './testing/billing-setup.ts';
import { billPeriod } from '../../app/billing/index.ts';

let store: ReturnType<typeof createTempStore>;

/** The CLI in this process as a user runs it, offline (no model endpoint), on this test's database. */
function sb(...args: string[]) {
  return sbWithInput(undefined, ...args);
}

async function sbWithInput(input: string | undefined, ...args: string[]) {
  const r = await runCli(['--db', store.path, ...args], {
    env: { ...process.env, CI: '1', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', SWITCHBOARD_USER: '' },
    ...(input !== undefined ? { stdin: Readable.from([input]) } : {}),
  });
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  return { code: r.code, stdout: r.stdout, stderr: r.stderr, json };
}

beforeAll(async () => {
  store = createTempStore();
  setUpBillingOperator(store);
  await ingestAndRate(store);
  billPeriod(store, { period: '2025-03', timezone: 'UTC', issueDate: '2025-04-01' });
  // Each test can run alone; the first one also adds them through the CLI.
  saveUser(store, { id: 'bob', tenant: 't', name: 'bob', roles: ['approver', 'analyst'] });
  store.close();
});
afterAll(() => store.cleanup());

describe('switchboard chat and approvals (CLI, offline model)', () => {
  it('explains, proposes a waiver that waits for a second person, and posts it once when that person approves', async () => {
    expect((await sb('users', 'add', 'alice', '--roles', 'analyst', '--json')).code).toBe(0);
    expect((await sb('users', 'add', 'bob', '--roles', 'approver,analyst', '--json')).json).toMatchObject({ id: 'bob', tenant: 't', roles: ['analyst', 'approver'] });

    const explained = await sb('chat', 'Explain invoice INV-000001', '--as', 'alice', '--json');
    expect(explained.code).toBe(0);
    expect(explained.json.answer).toContain('Total 12.35 GBP = lines 10.29 + taxes 2.06');
    expect(explained.json).toMatchObject({ agents: ['supervisor', 'auditor'], tools: [{ name: 'explain_invoice', ok: true }], model: 'RulesChatModel', usage: { llmCalls: 3 } });

    const asked = await sb('chat', 'waive the monthly fee on invoice INV-000001, outage on 3 March', '--as', 'alice', '--thread', explained.json.threadId, '--json');
    expect(asked.json.threadId).toBe(explained.json.threadId);
    expect(asked.json.proposals).toEqual([expect.objectContaining({ id: 1, kind: 'fee_waiver', status: 'pending', amount: '10.00', currency: 'GBP' })]);
    expect(asked.json.answer).toContain('credit note of 10.00 net + 2.00 tax = 12.00 GBP');

    expect((await sb('approvals', 'list', '--as', 'bob', '--json')).json).toEqual([expect.objectContaining({ id: 1, status: 'pending', requestedBy: 'alice', agent: 'collections' })]);
    const own = await sb('approvals', 'approve', '1', '--as', 'alice', '--reason', 'mine', '--json');
    expect(own.code).toBe(2);
    expect(own.json.error.code).toBe('FORBIDDEN');
    const approved = await sb('approvals', 'approve', '1', '--as', 'bob', '--reason', 'outage confirmed', '--json');
    expect(approved.json).toMatchObject({ id: 1, status: 'posted', postingRef: 'CN-000001' });
    const again = await sb('approvals', 'approve', '1', '--as', 'bob', '--reason', 'again', '--json');
    expect(again.json.error.code).toBe('CONFLICT');
    const notes = ((await sb('invoice', 'list', '--json')).json as Array<{ kind: string; total: string }>).filter((i) => i.kind === 'credit_note');
    expect(notes).toEqual([expect.objectContaining({ total: '-12.00' })]);
    expect((await sb('approvals', 'show', '1', '--as', 'bob')).stdout).toContain('Approved by bob');
    const trail = ((await sb('audit', '--subject', 'proposal:1', '--as', 'bob', '--json')).json as Array<{ event: string; actor: string }>).map((e) => `${e.event}:${e.actor}`);
    expect(trail).toEqual(['proposal:alice', 'refusal:alice', 'decision:bob', 'posting:switchboard', 'refusal:bob']);
  });

  it('holds a conversation on standard input, every line answered in one thread, until exit', async () => {
    const r = await sbWithInput('help\nlist pending proposals\n\nexit\nexplain invoice INV-000001\n', 'chat', '--as', 'bob');
    expect(r.code).toBe(0);
    const footers = [...r.stdout.matchAll(/— thread (thread-[\w-]+) · agents ([^·]+)·/g)];
    expect(footers.map((f) => f[2]!.trim())).toEqual(['supervisor', 'supervisor']);
    expect(new Set(footers.map((f) => f[1])).size).toBe(1);
    expect(r.stdout).toContain('I am the offline assistant');
    expect(r.stdout).not.toContain('Total 12.35');
  });

  it('streams the answer with a footer, and refuses to act for nobody', async () => {
    const r = await sb('chat', 'show', 'flagged', 'invoices', '--as', 'alice');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/held invoices/);
    expect(r.stdout).toMatch(/— thread thread-[\w-]+ · agents supervisor > auditor · tools list_flagged_invoices · RulesChatModel: 3 model calls, \d+ tokens/);
    const nobody = await sb('chat', 'help', '--json');
    expect(nobody.code).toBe(2);
    expect(nobody.json.error.code).toBe('UNAUTHORIZED');
    expect((await sb('chat', 'help', '--as', 'mallory', '--json')).json.error.code).toBe('UNAUTHORIZED');
  });
});
