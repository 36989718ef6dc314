import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INTENTS } from '../../agents/model/index.ts';
import { loadTasks, parseTaskFile } from './load-tasks.ts';

const TASKS_DIR = join(import.meta.dirname, '..', 'tasks');
const one = (task: string) => `tasks:\n${task.replace(/^/gm, '  ')}\n`;
const VALID = `- id: explain-one\n  category: explain_invoice\n  user: alice\n  turns: [{ user: explain invoice INV-000001 }]`;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the task schema', () => {
  it('accepts a minimal task and fills the defaults: no proposals, notes or decisions expected', () => {
    const [t] = parseTaskFile(one(VALID), 'ok.yaml');
    expect(t).toMatchObject({ id: 'explain-one', dataset: 'demo-operator', setup: [], tags: [], file: 'ok.yaml' });
    expect(t!.checks.endState).toEqual({ proposals: [], notes: [], released: [], decisions: [], statuses: [], plans: 0, dunning: 0 });
  });

  it('takes category, user and tags from the file defaults', () => {
    const [t] = parseTaskFile(`defaults: { category: waive_fee, user: bob, tags: [a] }\ntasks:\n  - { id: w-1, tags: [b], turns: [{ user: waive it }] }\n`, 'd.yaml');
    expect(t).toMatchObject({ category: 'waive_fee', user: 'bob', tags: ['a', 'b'] });
  });

  it.each([
    ['no turns', `- id: t-1\n  category: x_y\n  user: alice\n  turns: []`, /turns/],
    ['a misspelt key', `${VALID}\n  chekcs: {}`, /chekcs/],
    ['an unknown check', `${VALID}\n  checks: { answer: { include: [x] } }`, /include/],
    ['an amount that is not a decimal', `${VALID}\n  checks: { endState: { proposals: [{ kind: credit, amount: "5,00" }] } }`, /amount/],
    ['an unknown proposal kind', `${VALID}\n  checks: { endState: { proposals: [{ kind: bonus_payout }] } }`, /kind/],
    ['an unknown setup step', `${VALID}\n  setup: [{ sql: "delete from invoices" }]`, /setup/],
    ['a bad task id', VALID.replace('explain-one', 'Explain One'), /id/],
    ['no acting user', VALID.replace('  user: alice\n', ''), /user/],
    ['a bad date', `${VALID}\n  today: 2025-02-30`, /today/],
    ['an unknown agent', `${VALID}\n  checks: { trajectory: { agents: [billing] } }`, /agents/],
  ])('rejects a task with %s, naming the file and the task', (_what, task, detail) => {
    expect(() => parseTaskFile(one(task), 'bad.yaml')).toThrow(/bad\.yaml: task/);
    expect(() => parseTaskFile(one(task), 'bad.yaml')).toThrow(detail);
  });

  it('rejects a file that is not YAML or has no tasks', () => {
    expect(() => parseTaskFile('tasks: [unclosed', 'x.yaml')).toThrow(/x\.yaml: not YAML/);
    expect(() => parseTaskFile('tasks: []', 'x.yaml')).toThrow(/x\.yaml/);
    expect(() => parseTaskFile('- just a list', 'x.yaml')).toThrow(/x\.yaml/);
  });

  it('refuses the same task id in two files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-tasks-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.yaml'), one(VALID));
    writeFileSync(join(dir, 'sub', 'b.yaml'), one(VALID));
    expect(() => loadTasks(dir)).toThrow(/explain-one is used twice \(a\.yaml and sub\/b\.yaml\)/);
  });
});

describe('the task set (evals/tasks)', () => {
  const tasks = loadTasks(TASKS_DIR);

  it('has at least 200 tasks, every one valid', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(200);
  });

  it('has at least 5 tasks for every intent the agents serve', () => {
    const intents = Object.keys(INTENTS).filter((i) => i !== 'unknown' && i !== 'help');
    const counts = Object.fromEntries(intents.map((i) => [i, tasks.filter((t) => t.category === i).length]));
    expect(Object.entries(counts).filter(([, n]) => n < 5)).toEqual([]);
    expect(tasks.filter((t) => t.category === 'help').length).toBeGreaterThanOrEqual(5);
  });

  it('covers follow-ups, multi-step requests, questions, refusals, hostile text and other tenants', () => {
    for (const category of ['follow_up', 'multi_step', 'no_side_effects', 'refusal', 'hostile', 'other_tenant', 'portfolio', 'unsupported', 'wrong_answers']) {
      expect(tasks.filter((t) => t.category === category).length, category).toBeGreaterThanOrEqual(5);
    }
  });

  it('runs every agent', () => {
    const agents = new Set(tasks.flatMap((t) => t.checks.trajectory?.agents ?? []));
    expect([...agents].sort()).toEqual(expect.arrayContaining(['auditor', 'categoriser', 'collections', 'compliance', 'rater']));
  });
});
