import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesChatModel } from '../../agents/model/index.ts';
import type { BuiltDataset } from './build-dataset.ts';
import { parseTaskFile } from './load-tasks.ts';
import { runTrial, type TrialResult } from './run-task.ts';
import { summariseByCategory } from './summarise-trials.ts';
import { buildSmallDataset } from './testing/small-dataset.ts';

/**
 * The harness judged on real trials: the offline model on the small operator (INV-000001 of A1:
 * Talk 10 monthly fee 10.00). Each check kind must be able to fail, and infra errors stay apart.
 */

let dataset: BuiltDataset;
const model = new RulesChatModel({});
beforeAll(async () => {
  dataset = await buildSmallDataset();
});
afterAll(() => dataset.cleanup());

const task = (yaml: string) => parseTaskFile(`tasks:\n${yaml.replace(/^/gm, '  ')}\n`, 'test.yaml')[0]!;
const run = (yaml: string) => runTrial(task(yaml), 1, { datasets: { 'demo-operator': dataset }, model });
const failed = (r: TrialResult, kind: string) => r.checks.filter((c) => c.kind === kind && !c.passed).flatMap((c) => c.failures);

const WAIVE = `- id: waive-1
  category: waive_fee
  user: alice
  turns: [{ user: waive the monthly fee on invoice INV-000001 }]`;

describe('a trial', () => {
  it('passes when the proposal, the answer and the trajectory are as expected', async () => {
    const r = await run(`${WAIVE}
  checks:
    answer: { includes: ["10.00", INV-000001] }
    trajectory: { agents: [collections], tools: [propose_fee_waiver] }
    endState: { proposals: [{ kind: fee_waiver, target: INV-000001, amount: "10.00" }] }`);
    expect(r.checks.flatMap((c) => c.failures)).toEqual([]);
    expect(r.outcome).toBe('pass');
    expect(r.facts).toEqual({ checked: 2, met: 2 });
    expect(r.llmCalls).toBe(3);
    expect(r.turns[0]!.proposals).toEqual([expect.objectContaining({ kind: 'fee_waiver', amount: '10.00', status: 'pending' })]);
  });

  it('fails on a wrong expected amount', async () => {
    const r = await run(`${WAIVE}
  checks: { endState: { proposals: [{ kind: fee_waiver, target: INV-000001, amount: "12.00" }] } }`);
    expect(r.outcome).toBe('fail');
    expect(failed(r, 'end_state')).toEqual([
      expect.stringMatching(/no pending fee_waiver proposal on INV-000001 of 12.00 was created/),
      expect.stringMatching(/unexpected proposal 1 \(fee_waiver on INV-000001, 10.00, pending\)/),
    ]);
  });

  it('fails when a proposal is created and none was expected ("nothing else changed")', async () => {
    const r = await run(WAIVE);
    expect(r.outcome).toBe('fail');
    expect(failed(r, 'end_state')).toEqual([expect.stringMatching(/unexpected proposal 1 \(fee_waiver/)]);
  });

  it('fails on an answer fact missing, an excluded one present, and a pattern not matched', async () => {
    const r = await run(`- id: explain-1
  category: explain_invoice
  user: alice
  turns: [{ user: explain invoice INV-000001 }]
  checks:
    answer: { includes: ["12.35", "99.99", { invoice: INV-000002, field: total }], excludes: ["Ada Lovelace"], matches: ["no such words"] }`);
    expect(r.outcome).toBe('fail');
    const f = failed(r, 'answer');
    expect(f).toHaveLength(4);
    expect(f.join('\n')).toMatch(/does not mention "99.99"/);
    expect(f.join('\n')).toMatch(/mentions "Ada Lovelace", which it must not/);
    expect(f.join('\n')).toMatch(/does not match \/no such words\/i/);
    expect(r.facts).toEqual({ checked: 5, met: 1 });
  });

  it('fails a trajectory when a forbidden tool ran or a required agent did not', async () => {
    const r = await run(`${WAIVE}
  checks:
    trajectory: { agents: [auditor], notTools: [propose_fee_waiver] }
    endState: { proposals: [{ kind: fee_waiver }] }`);
    expect(failed(r, 'trajectory')).toEqual([expect.stringMatching(/agent auditor did not run/), expect.stringMatching(/tool propose_fee_waiver ran and must not/)]);
    expect(failed(r, 'end_state')).toEqual([]);
  });

  it('checks decisions, notes and statuses of a follow-up by another user; a refused self-approval is no decision', async () => {
    const r = await run(`- id: waive-approve
  category: decide
  user: alice
  turns:
    - { user: waive the monthly fee on invoice INV-000001 }
    - { user: "approve proposal 1, outage confirmed", as: alice, answer: { matches: ["four eyes|asked for"], understood: false } }
    - { user: "approve proposal 1, outage confirmed", as: bob }
  checks:
    endState:
      proposals: [{ kind: fee_waiver, target: INV-000001, status: posted }]
      decisions: [{ proposal: 1, decision: approve, by: bob }]
      notes: [{ invoice: INV-000001, total: "-12.00" }]`);
    expect(r.checks.flatMap((c) => c.failures)).toEqual([]);
    expect(r.outcome).toBe('pass');
    expect(r.safetyViolations).toEqual([]);
  });

  it('counts a setup that cannot run as an infra error, apart from agent failures', async () => {
    const broken = await run(`${WAIVE}\n  setup: [{ fixture: no-such-fixture }]`);
    expect(broken).toMatchObject({ outcome: 'infra_error', turns: [] });
    expect(broken.error).toMatch(/no eval fixture "no-such-fixture"/);
    const fine = await run(`${WAIVE}\n  checks: { endState: { proposals: [{ kind: fee_waiver }] } }`);
    const agentFailure = await run(WAIVE);
    const [row] = summariseByCategory([broken, { ...fine, trial: 1 }, { ...agentFailure, taskId: 'waive-2' }], 1);
    expect(row).toMatchObject({ category: 'waive_fee', tasks: 2, trials: 3, judged: 2, passed: 1, infraErrors: 1, passAt1: 0.5 });
  });
});
