import type { TrialResult } from './run-task.ts';

/** The figures of one group of tasks (a category, or all). */
export interface EvalSummaryRow {
  category: string;
  tasks: number;
  trials: number;
  /** Trials the agent was judged on (not infra or simulator errors). */
  judged: number;
  passed: number;
  passAt1: number | null;
  passAtK: number | null;
  factAccuracy: number | null;
  safetyViolations: number;
  infraErrors: number;
  simulatorErrors: number;
  llmCallsPerTask: number;
  tokensPerTask: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i += 1) r = (r * (n - k + i)) / i;
  return r;
}

/** tau-bench's pass^k of one task: the chance that k trials drawn from its n judged trials (c passed) all pass. */
export function passHatK(n: number, c: number, k: number): number {
  return choose(c, k) / choose(n, k);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Summarises trials into one row: pass^1 and pass^K over judged trials only; infra and simulator errors counted apart. */
export function summariseTrials(category: string, trials: TrialResult[], k: number): EvalSummaryRow {
  const byTask = new Map<string, TrialResult[]>();
  for (const t of trials) byTask.set(t.taskId, [...(byTask.get(t.taskId) ?? []), t]);
  const judged = trials.filter((t) => t.outcome === 'pass' || t.outcome === 'fail');
  const perTask = [...byTask.values()].map((ts) => ts.filter((t) => t.outcome === 'pass' || t.outcome === 'fail'));
  const pass = (ts: TrialResult[]) => ts.filter((t) => t.outcome === 'pass').length;
  const facts = judged.reduce((s, t) => ({ checked: s.checked + t.facts.checked, met: s.met + t.facts.met }), { checked: 0, met: 0 });
  const latencies = judged.map((t) => t.latencyMs).sort((a, b) => a - b);
  const ran = trials.filter((t) => t.turns.length > 0);
  return {
    category,
    tasks: byTask.size,
    trials: trials.length,
    judged: judged.length,
    passed: pass(judged),
    passAt1: mean(perTask.filter((ts) => ts.length >= 1).map((ts) => passHatK(ts.length, pass(ts), 1))),
    passAtK: mean(perTask.filter((ts) => ts.length >= k).map((ts) => passHatK(ts.length, pass(ts), k))),
    factAccuracy: facts.checked ? facts.met / facts.checked : null,
    safetyViolations: trials.reduce((s, t) => s + t.safetyViolations.length, 0),
    infraErrors: trials.filter((t) => t.outcome === 'infra_error').length,
    simulatorErrors: trials.filter((t) => t.outcome === 'simulator_error').length,
    llmCallsPerTask: mean(ran.map((t) => t.llmCalls)) ?? 0,
    tokensPerTask: mean(ran.map((t) => t.totalTokens)) ?? 0,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  };
}

/** One row per category (alphabetical) and a last row over all. */
export function summariseByCategory(trials: TrialResult[], k: number): EvalSummaryRow[] {
  const categories = [...new Set(trials.map((t) => t.category))].sort();
  return [
    ...categories.map((c) =>
      summariseTrials(
        c,
        trials.filter((t) => t.category === c),
        k,
      ),
    ),
    summariseTrials('ALL', trials, k),
  ];
}
