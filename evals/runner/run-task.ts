import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { getUser, readEvalState, type UserRecord } from '../../db/index.ts';
import { runChatTurn, type ChatTurnResult } from '../../graphs/supervisor/index.ts';
import { toBillingError } from '../../tools/errors.ts';
import { applySetup } from './apply-setup.ts';
import { copyDataset, EVAL_TODAY, type BuiltDataset } from './build-dataset.ts';
import { checkAnswer, checkTrajectory, type CheckOutcome } from './check-answer.ts';
import { checkEndState } from './check-end-state.ts';
import { checkSafety } from './check-safety.ts';
import { SimulatorError, type SimulatedUser } from './simulate-user.ts';
import type { EvalTask } from './task-schema.ts';

/** How a trial ended: the agent passed or failed every check, or the harness or the simulator could not run it. */
export type TrialOutcome = 'pass' | 'fail' | 'infra_error' | 'simulator_error';

/** One turn as the report keeps it. */
export interface TrialTurn {
  as: string;
  message: string;
  answer: string;
  agents: string[];
  tools: ChatTurnResult['tools'];
  proposals: Array<{ id: number; kind: string; status: string; amount: string }>;
  latencyMs: number;
}

/** One trial of one task. */
export interface TrialResult {
  taskId: string;
  category: string;
  tags: string[];
  trial: number;
  outcome: TrialOutcome;
  checks: CheckOutcome[];
  facts: { checked: number; met: number };
  safetyViolations: string[];
  llmCalls: number;
  totalTokens: number;
  latencyMs: number;
  turns: TrialTurn[];
  error?: string;
}

/** What runs the trials: the dataset to copy, the model under test, and the simulated user when one is configured. */
export interface TrialEnv {
  datasets: Record<string, BuiltDataset>;
  model: BaseChatModel;
  simulator?: SimulatedUser;
}

// Transport and provider failures of a real model (an HTTP status from the endpoint, no connection,
// a timeout) are the environment's, not the agent's.
const INFRA_ERROR_NAMES = /^(APIConnectionError|APIConnectionTimeoutError|APIUserAbortError|TimeoutError)$/;
function isInfraError(err: unknown): boolean {
  const e = err as { name?: string; message?: string; code?: string; status?: unknown; cause?: { code?: string } } | undefined;
  if (typeof e?.status === 'number') return true;
  return (
    INFRA_ERROR_NAMES.test(e?.name ?? '') ||
    INFRA_ERROR_NAMES.test((err as object | undefined)?.constructor?.name ?? '') ||
    /ECONNREFUSED|ECONNRESET|fetch failed|socket hang up/i.test(`${e?.message ?? ''} ${e?.code ?? ''} ${e?.cause?.code ?? ''}`)
  );
}

const message = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** Runs one trial: a private copy of the dataset, the setup, the conversation, then every check. */
export async function runTrial(task: EvalTask, trial: number, env: TrialEnv): Promise<TrialResult> {
  const base: TrialResult = {
    taskId: task.id,
    category: task.category,
    tags: task.tags,
    trial,
    outcome: 'infra_error',
    checks: [],
    facts: { checked: 0, met: 0 },
    safetyViolations: [],
    llmCalls: 0,
    totalTokens: 0,
    latencyMs: 0,
    turns: [],
  };
  const dataset = env.datasets[task.dataset];
  if (!dataset) return { ...base, error: `dataset ${task.dataset} was not built` };
  const today = task.today ?? EVAL_TODAY;
  let store: ReturnType<typeof copyDataset>;
  try {
    store = copyDataset(dataset);
  } catch (err) {
    return { ...base, error: `copying the dataset: ${message(err)}` };
  }
  try {
    try {
      await applySetup(store, task.setup, today);
      getUser(store, task.user);
      for (const t of task.turns) if (t.as) getUser(store, t.as);
    } catch (err) {
      return { ...base, error: `setup: ${message(err)}` };
    }
    const before = readEvalState(store);
    const threads = new Map<string, string>();
    const results: Array<{ user: UserRecord; result: ChatTurnResult; index: number }> = [];
    const say = async (as: string, text: string, index: number) => {
      const user = getUser(store, as);
      const started = performance.now();
      const result = await runChatTurn({ store, user, message: text, model: env.model, today, ...(threads.has(as) ? { threadId: threads.get(as) } : {}) });
      threads.set(as, result.threadId);
      results.push({ user, result, index });
      base.turns.push({
        as,
        message: text,
        answer: result.answer,
        agents: result.agents,
        tools: result.tools,
        proposals: result.proposals.map((p) => ({ id: p.id, kind: p.kind, status: p.status, amount: p.amount })),
        latencyMs: Math.round(performance.now() - started),
      });
      base.llmCalls += result.usage.llmCalls;
      base.totalTokens += result.usage.totalTokens;
      return result;
    };
    const simulated = Boolean(env.simulator && task.simulate);
    try {
      if (simulated) {
        await env.simulator!.converse(task.simulate!, (text, i) => say(task.user, text, i).then((r) => r.answer));
      } else {
        for (const [i, t] of task.turns.entries()) await say(t.as ?? task.user, t.user, i);
      }
    } catch (err) {
      if (err instanceof SimulatorError) return { ...base, outcome: 'simulator_error', error: err.message };
      if (isInfraError(err)) return { ...base, error: `model: ${message(err)}` };
      // Anything else the graph threw is the agent's failure: the analyst saw an error, not an answer.
      base.error = `chat turn failed: ${toBillingError(err).message}`;
    }
    base.latencyMs = base.turns.reduce((s, t) => s + t.latencyMs, 0);
    const after = readEvalState(store);
    const checks: CheckOutcome[] = [];
    if (!simulated) {
      task.turns.forEach((t, i) => {
        const r = results.find((x) => x.index === i)?.result;
        if (t.answer) checks.push(checkAnswer(store, r?.answer ?? '', t.answer, `turn ${i + 1} answer`));
        if (t.trajectory) checks.push(checkTrajectory(r ? [r] : [], t.trajectory, `turn ${i + 1}`));
      });
    }
    const last = results.at(-1)?.result;
    if (task.checks.answer) checks.push(checkAnswer(store, last?.answer ?? '', task.checks.answer));
    if (task.checks.trajectory)
      checks.push(
        checkTrajectory(
          results.map((r) => r.result),
          task.checks.trajectory,
        ),
      );
    checks.push(checkEndState(before, after, task.checks.endState));
    const safety = checkSafety(
      before,
      after,
      results.map((r) => ({
        tenant: r.user.tenant,
        ...(r.user.accountId ? { accountId: r.user.accountId } : {}),
        answer: r.result.answer,
        said: base.turns
          .filter((t) => t.as === r.user.id)
          .map((t) => t.message)
          .join('\n'),
      })),
    );
    checks.push(safety);
    const facts = checks.reduce((s, c) => ({ checked: s.checked + (c.facts?.checked ?? 0), met: s.met + (c.facts?.met ?? 0) }), { checked: 0, met: 0 });
    const passed = !base.error && checks.every((c) => c.passed);
    return { ...base, outcome: passed ? 'pass' : 'fail', checks, facts, safetyViolations: safety.violations };
  } catch (err) {
    return { ...base, error: `harness: ${message(err)}` };
  } finally {
    store.cleanup();
  }
}
