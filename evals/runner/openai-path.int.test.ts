import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChatModel } from '../../agents/model/index.ts';
import { appConfigSchema } from '../../config/load-config.ts';
import { startOpenAiCompatibleServer, type OpenAiCompatibleServer, type ScriptedTurn } from '../../agents/testing/openai-compatible-server.ts';
import type { BuiltDataset } from './build-dataset.ts';
import { parseTaskFile } from './load-tasks.ts';
import { runEvals } from './run-evals.ts';
import { SimulatedUser } from './simulate-user.ts';
import { buildSmallDataset } from './testing/small-dataset.ts';

/**
 * Eval tasks through the real ChatOpenAI path (`--model openai`): LangChain's OpenAI client against
 * the scripted OpenAI-compatible server, as CI has no model. The scripts play a model that does the
 * right thing, one that invents a figure, an endpoint that fails, and a simulated user.
 */

let dataset: BuiltDataset;
const servers: OpenAiCompatibleServer[] = [];
beforeAll(async () => {
  dataset = await buildSmallDataset();
});
afterAll(() => dataset.cleanup());
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function scripted(script: ScriptedTurn[]) {
  const server = await startOpenAiCompatibleServer({ script });
  servers.push(server);
  const created = createChatModel(appConfigSchema.parse({ openaiBaseUrl: server.baseUrl, model: 'eval-model', modelMaxRetries: 0 }), {
    fallback: () => {
      throw new Error('the offline model must not be used when a base URL is configured');
    },
  });
  expect(created.kind).toBe('openai');
  return { server, model: created.model };
}

const TASKS = parseTaskFile(
  `defaults: { user: alice }
tasks:
  - id: oa-explain
    category: explain_invoice
    turns: [{ user: explain invoice INV-000001 }]
    simulate: { goal: Understand invoice INV-000001, persona: a terse analyst }
    checks:
      answer: { includes: ["12.35", INV-000001] }
      trajectory: { agents: [auditor], tools: [explain_invoice] }
  - id: oa-waive
    category: waive_fee
    turns: [{ user: waive the monthly fee on invoice INV-000001 }]
    checks:
      answer: { includes: ["10.00"] }
      trajectory: { agents: [collections], tools: [propose_fee_waiver] }
      endState: { proposals: [{ kind: fee_waiver, target: INV-000001, amount: "10.00" }] }
`,
  'openai.yaml',
);

const EXPLAIN: ScriptedTurn[] = [
  { toolCalls: [{ name: 'transfer_to_auditor', args: { task: 'Explain invoice INV-000001' } }], usage: { promptTokens: 100, completionTokens: 10 } },
  { toolCalls: [{ name: 'explain_invoice', args: { invoice: 'INV-000001' } }], usage: { promptTokens: 300, completionTokens: 15 } },
  { content: 'Invoice INV-000001 totals 12.35 GBP: the Talk 10 fee 10.00, calls 0.29 and VAT 2.06.', usage: { promptTokens: 900, completionTokens: 25 } },
];
const WAIVE: ScriptedTurn[] = [
  { toolCalls: [{ name: 'transfer_to_collections', args: { task: 'waive the monthly fee on INV-000001' } }] },
  { toolCalls: [{ name: 'propose_fee_waiver', args: { invoice: 'INV-000001', fee: 'monthly fee', reason: 'customer asked for a waiver' } }] },
  { content: 'Proposal 1 waits for an approver: a credit note of 10.00 net + 2.00 VAT.' },
];

const run = (model: Awaited<ReturnType<typeof scripted>>['model'], tasks = TASKS, simulator?: SimulatedUser) =>
  runEvals({ tasks, model, modelKind: 'openai', modelName: 'eval-model', trials: 1, tasksDir: 'test', datasets: { 'demo-operator': dataset }, ...(simulator ? { simulator } : {}) });

describe('eval tasks over the real ChatOpenAI path', () => {
  it('a model that does the right thing passes both tasks; calls and tokens are the server’s', async () => {
    const { server, model } = await scripted([...EXPLAIN, ...WAIVE]);
    const report = await run(model);
    expect(server.failures).toEqual([]);
    expect(server.remainingTurns()).toBe(0);
    expect(report.trials.map((t) => [t.taskId, t.outcome, t.checks.flatMap((c) => c.failures)])).toEqual([
      ['oa-explain', 'pass', []],
      ['oa-waive', 'pass', []],
    ]);
    expect(report.trials[0]).toMatchObject({ llmCalls: 3, totalTokens: 1350 });
    expect(report.summary.at(-1)).toMatchObject({ passAt1: 1, llmCallsPerTask: 3, safetyViolations: 0, infraErrors: 0 });
  });

  it('a model that invents a figure fails the answer check (an agent failure, not an infra error)', async () => {
    const { model } = await scripted([...EXPLAIN.slice(0, 2), { content: 'Invoice INV-000001 totals 99.99 GBP.' }]);
    const report = await run(model, TASKS.slice(0, 1));
    expect(report.trials[0]).toMatchObject({ outcome: 'fail' });
    expect(report.trials[0]!.checks.find((c) => c.kind === 'answer')!.failures).toEqual(['answer does not mention "12.35"']);
    expect(report.summary.at(-1)).toMatchObject({ judged: 1, passed: 0, infraErrors: 0 });
  });

  it('an endpoint that fails mid-task is an infra error, counted apart', async () => {
    const { server, model } = await scripted(EXPLAIN.slice(0, 1));
    const report = await run(model, TASKS.slice(0, 1));
    expect(server.failures).toEqual([expect.stringMatching(/script exhausted/)]);
    expect(report.trials[0]).toMatchObject({ outcome: 'infra_error' });
    expect(report.trials[0]!.error).toMatch(/^model: /);
    expect(report.summary.at(-1)).toMatchObject({ judged: 0, infraErrors: 1, passAt1: null });
  });

  it('a simulated user pursues the goal of a goal+persona task; its own failure is a simulator error', async () => {
    const { model } = await scripted(EXPLAIN);
    const { server: userServer, model: userModel } = await scripted([{ content: 'what is on INV-000001?' }, { content: 'thanks ###STOP###' }]);
    const report = await run(model, TASKS.slice(0, 1), new SimulatedUser(userModel));
    expect(userServer.remainingTurns()).toBe(0);
    // The simulator was told the goal and the persona, and saw the agents' answer as the other side.
    expect(JSON.stringify(userServer.requests[0]!.messages[0])).toMatch(/a terse analyst.*Understand invoice INV-000001/s);
    expect(JSON.stringify(userServer.requests[1]!.messages.at(-1))).toContain('12.35');
    expect(report.trials[0]).toMatchObject({ outcome: 'pass' });
    expect(report.trials[0]!.turns.map((t) => t.message)).toEqual(['what is on INV-000001?']);

    const { model: brokenUser } = await scripted([]);
    const { model: agents } = await scripted(EXPLAIN);
    const failed = await run(agents, TASKS.slice(0, 1), new SimulatedUser(brokenUser));
    expect(failed.trials[0]).toMatchObject({ outcome: 'simulator_error' });
    expect(failed.summary.at(-1)).toMatchObject({ judged: 0, simulatorErrors: 1, infraErrors: 0 });
  });
});
