import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { BillingError } from '../../tools/errors.ts';
import { taskFileSchema, taskSchema, type EvalTask } from './task-schema.ts';

/** A task with the file it came from. */
export type LoadedTask = EvalTask & { file: string };

const issuesOf = (e: { issues: Array<{ path: PropertyKey[]; message: string }> }) => e.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Parses one task file's text (YAML) into validated tasks; any malformed task fails the whole file, naming it. */
export function parseTaskFile(source: string, name: string): LoadedTask[] {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (err) {
    throw new BillingError('INVALID_INPUT', `${name}: not YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  const file = taskFileSchema.safeParse(raw);
  if (!file.success) throw new BillingError('INVALID_INPUT', `${name}: ${issuesOf(file.error)}`);
  const { defaults } = file.data;
  return file.data.tasks.map((t, i) => {
    const merged = {
      ...(defaults.category ? { category: defaults.category } : {}),
      ...(defaults.user ? { user: defaults.user } : {}),
      ...t,
      tags: [...(defaults.tags ?? []), ...((t.tags as string[] | undefined) ?? [])],
    };
    const parsed = taskSchema.safeParse(merged);
    if (!parsed.success) throw new BillingError('INVALID_INPUT', `${name}: task ${typeof t.id === 'string' ? t.id : `#${i + 1}`}: ${issuesOf(parsed.error)}`);
    return { ...parsed.data, file: name };
  });
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry) ? [path] : [];
    });
}

/** Every task under a directory (recursively, *.yaml / *.yml), ids unique across files. */
export function loadTasks(dir: string): LoadedTask[] {
  const tasks = yamlFiles(dir).flatMap((path) => parseTaskFile(readFileSync(path, 'utf8'), relative(dir, path)));
  const seen = new Map<string, string>();
  for (const t of tasks) {
    const other = seen.get(t.id);
    if (other) throw new BillingError('INVALID_INPUT', `task id ${t.id} is used twice (${other} and ${t.file})`);
    seen.set(t.id, t.file);
  }
  if (tasks.length === 0) throw new BillingError('NOT_FOUND', `no task files (*.yaml) under ${dir}`);
  return tasks;
}
