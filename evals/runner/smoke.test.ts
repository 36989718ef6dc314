import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RulesChatModel } from '../../agents/model/index.ts';
import { buildDemoDataset, type BuiltDataset } from './build-dataset.ts';
import { loadTasks } from './load-tasks.ts';
import { filterTasks, runEvals } from './run-evals.ts';

/**
 * The eval smoke subset `npm test` runs: the tasks tagged `smoke` (one or two per agent and area,
 * all passed by today's offline model) on the real demo dataset. The whole set is `npm run eval`,
 * which prints figures and is not a test.
 */

let dataset: BuiltDataset;
beforeAll(async () => {
  dataset = await buildDemoDataset();
}, 900_000);
afterAll(() => dataset?.cleanup());

describe('eval smoke subset (tag smoke, offline model, demo operator)', () => {
  it('every smoke task passes, with no safety violation and no infra error', async () => {
    const tasks = filterTasks(loadTasks(join(import.meta.dirname, '..', 'tasks')), 'tag:smoke');
    expect(tasks.length).toBeGreaterThanOrEqual(20);
    const report = await runEvals({ tasks, model: new RulesChatModel({}), modelKind: 'offline', modelName: 'rules', trials: 1, tasksDir: 'evals/tasks', datasets: { 'demo-operator': dataset } });
    const notPassed = report.trials.filter((t) => t.outcome !== 'pass').map((t) => ({ task: t.taskId, outcome: t.outcome, why: [t.error, ...t.checks.flatMap((c) => c.failures)].filter(Boolean) }));
    expect(notPassed).toEqual([]);
    const all = report.summary.at(-1)!;
    expect(all).toMatchObject({ category: 'ALL', tasks: tasks.length, passAt1: 1, safetyViolations: 0, infraErrors: 0, simulatorErrors: 0 });
    expect(all.llmCallsPerTask).toBeGreaterThan(0);
  }, 900_000);
});
