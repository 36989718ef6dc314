import { run, type RunIo } from '../run.ts';

/** What one in-process run of the CLI printed and the exit code it set. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `switchboard ...args` inside this process (cli/run.ts), with what it writes to stdout and
 * stderr and the exit code it ends with; far faster than spawning the bin for every step.
 * `io` gives it an environment (SWITCHBOARD_USER, CI...), standard input or a working directory.
 */
export async function runCli(args: string[], io: Omit<RunIo, 'stdout' | 'stderr'> = {}): Promise<CliRun> {
  const r = await run(args, io);
  return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read the printed JSON field by field
type Json = any;

/** `switchboard --db <db> ...args` in this process (with CI=1), and its stdout parsed when it is JSON (undefined when it is not). */
export async function runCliOn(db: string, ...args: string[]): Promise<CliRun & { json: Json }> {
  const r = await runCli(['--db', db, ...args], { env: { ...process.env, CI: '1' } });
  let json: Json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  return { ...r, json };
}
