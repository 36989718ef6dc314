import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real `switchboard` launcher, as a user runs it. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), '../../bin/switchboard.js');

/** A running `switchboard` process with what it has printed so far and a promise of how it ended. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  ended: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `switchboard <args>` without waiting for it (with `env` added to the environment). */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const ended = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout: out, stderr: err })),
  );
  return { child, stdout: () => out, stderr: () => err, ended };
}

/** Runs `switchboard <args>` to its end. */
export function runCli(args: string[]) {
  return startCli(args).ended;
}

/** The state letter of a process from /proc (R, S, D, Z...), or null when there is no such process. */
function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * True while a process exists and is not a zombie (an orphan's zombie may wait for a reaper that
 * never comes). A killed process's main thread can show as a zombie while its other threads (the
 * ingest writer) are still exiting with the process's files, and file locks, open: it is alive
 * until every thread has gone.
 */
export function isAlive(pid: number): boolean {
  const state = procState(pid);
  if (state === null || state === 'X') return false;
  if (state !== 'Z') return true;
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return false;
  }
  return tasks.some((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const s = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      return s !== 'Z' && s !== 'X';
    } catch {
      return false;
    }
  });
}

/** The live children of a process (Linux /proc). */
export function childPids(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') found.push(Number(entry));
    } catch {
      /* the process ended while we looked */
    }
  }
  return found;
}

/**
 * How much longer than a quiet machine needs a wait may take before it counts as hung: these
 * machines have run the suite three times slower (vitest.config.ts), and a wait guards against a
 * hang, never checks speed.
 */
export const HANG_GUARD_SCALE = 3;

/** Polls `probe` until it returns a value (not undefined/false), failing after HANG_GUARD_SCALE × `quietMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | null, quietMs: number): Promise<T> {
  const timeoutMs = quietMs * HANG_GUARD_SCALE;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the first match of `pattern` in what the process prints, or rejects when it ends first. */
export function printed(proc: CliProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(proc.stdout());
      if (m) {
        proc.child.stdout!.off('data', check);
        resolve(m);
      }
    };
    proc.child.stdout!.on('data', check);
    proc.ended.then((e) => reject(new Error(`the command ended before printing ${pattern}: ${e.status} ${e.stderr}`)));
    check();
  });
}
