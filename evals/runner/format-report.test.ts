import { describe, expect, it } from 'vitest';
import { formatMarkdown, formatTable, type EvalReport } from './format-report.ts';
import type { TrialResult } from './run-task.ts';
import { summariseByCategory } from './summarise-trials.ts';

const trial = (taskId: string, category: string, trialNo: number, outcome: TrialResult['outcome'], over: Partial<TrialResult> = {}): TrialResult => ({
  taskId,
  category,
  tags: [],
  trial: trialNo,
  outcome,
  checks: [],
  facts: { checked: 2, met: outcome === 'pass' ? 2 : 1 },
  safetyViolations: [],
  llmCalls: 3,
  totalTokens: 1000,
  latencyMs: 10 * trialNo,
  turns: [],
  ...over,
});

function report(trials: TrialResult[], k: number): EvalReport {
  return {
    model: 'rules',
    modelKind: 'offline',
    trialsPerTask: k,
    tasksDir: 'evals/tasks',
    filter: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1500,
    summary: summariseByCategory(trials, k),
    trials,
  };
}

describe('the eval report', () => {
  const trials = [
    trial('w-1', 'waive_fee', 1, 'pass'),
    trial('w-1', 'waive_fee', 2, 'fail', {
      checks: [{ kind: 'end_state', passed: false, failures: ['unexpected proposal 3'] }],
      turns: [
        { as: 'alice', message: 'waive it', answer: 'Proposal 3 created', agents: ['supervisor', 'collections'], tools: [{ name: 'propose_fee_waiver', ok: true }], proposals: [], latencyMs: 5 },
      ],
    }),
    trial('c-1', 'credit', 1, 'pass'),
    trial('c-1', 'credit', 2, 'pass', { safetyViolations: ['carol decided their own proposal 1'] }),
    trial('c-2', 'credit', 1, 'infra_error', { error: 'setup: no fixture', facts: { checked: 0, met: 0 } }),
    trial('c-2', 'credit', 2, 'simulator_error', { facts: { checked: 0, met: 0 } }),
  ];

  it('summarises by category with pass^1, pass^k, facts, safety and unjudged trials apart', () => {
    const rows = report(trials, 2).summary;
    expect(rows.map((r) => r.category)).toEqual(['credit', 'waive_fee', 'ALL']);
    expect(rows[0]).toMatchObject({ tasks: 2, trials: 4, judged: 2, passAt1: 1, passAtK: 1, safetyViolations: 1, infraErrors: 1, simulatorErrors: 1, factAccuracy: 1 });
    expect(rows[1]).toMatchObject({ passAt1: 0.5, passAtK: 0, factAccuracy: 0.75 });
    expect(rows[2]).toMatchObject({ tasks: 3, judged: 4, passAt1: 0.75, passAtK: 0.5, llmCallsPerTask: 3, latencyP50Ms: 10, latencyP95Ms: 20 });
  });

  it('prints the table with a pass^k column for several trials, and the Markdown with what went wrong', () => {
    const table = formatTable(report(trials, 2));
    expect(table).toMatch(/category\s+tasks\s+pass\^1\s+pass\^2\s+facts\s+safety\s+infra\s+sim/);
    expect(table).toMatch(/\nALL\s+3\s+0\.750\s+0\.500/);
    expect(
      formatTable(
        report(
          trials.filter((t) => t.trial === 1),
          1,
        ),
      ),
    ).not.toMatch(/pass\^1\s+pass\^1/);
    const md = formatMarkdown(report(trials, 2));
    expect(md).toContain('| credit | 2 | 1.000 | 1.000 |');
    expect(md).toContain('### w-1 (waive_fee, trial 2): fail');
    expect(md).toContain('- end_state: unexpected proposal 3');
    expect(md).toContain('### c-2 (credit, trial 1): infra_error');
    expect(md).toContain('> **alice:** waive it');
    expect(md).not.toContain('### c-1');
  });
});
