import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { buildDemoDataset, type BuiltDataset } from './build-dataset.ts';
import type { EvalReport } from './format-report.ts';
import type { LoadedTask } from './load-tasks.ts';
import { runTrial, type TrialResult } from './run-task.ts';
import type { SimulatedUser } from './simulate-user.ts';
import { summariseByCategory } from './summarise-trials.ts';

/** What to run and with what. */
export interface RunEvalsOptions {
  tasks: LoadedTask[];
  model: BaseChatModel;
  modelKind: 'offline' | 'openai';
  modelName: string;
  trials: number;
  tasksDir: string;
  filter?: string | null;
  simulator?: SimulatedUser;
  /** A dataset already built (tests share one); built here otherwise. */
  datasets?: Record<string, BuiltDataset>;
  onTrial?: (t: TrialResult, done: number, total: number) => void;
}

/** Keeps the tasks of the given categories or tags (comma-separated; `tag:x` for a tag). */
export function filterTasks(tasks: LoadedTask[], filter: string | null | undefined): LoadedTask[] {
  if (!filter) return tasks;
  const wanted = filter
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return tasks.filter((t) => wanted.some((w) => (w.startsWith('tag:') ? t.tags.includes(w.slice(4)) : t.category === w || t.id === w)));
}

/** Runs every task K times (each trial in its own copy of its dataset) and summarises by category. */
export async function runEvals(opts: RunEvalsOptions): Promise<EvalReport> {
  const started = Date.now();
  const owned = !opts.datasets;
  const datasets = opts.datasets ?? { 'demo-operator': await buildDemoDataset() };
  const trials: TrialResult[] = [];
  const total = opts.tasks.length * opts.trials;
  try {
    for (const task of opts.tasks) {
      for (let k = 1; k <= opts.trials; k += 1) {
        const r = await runTrial(task, k, { datasets, model: opts.model, ...(opts.simulator ? { simulator: opts.simulator } : {}) });
        trials.push(r);
        opts.onTrial?.(r, trials.length, total);
      }
    }
  } finally {
    if (owned) for (const d of Object.values(datasets)) d.cleanup();
  }
  return {
    model: opts.modelName,
    modelKind: opts.modelKind,
    trialsPerTask: opts.trials,
    tasksDir: opts.tasksDir,
    filter: opts.filter ?? null,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    summary: summariseByCategory(trials, opts.trials),
    trials,
  };
}
