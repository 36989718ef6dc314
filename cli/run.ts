import { withEnvironment } from '../config/index.ts';
import { type CliIoState, type CliOutput, withCliIo } from './io.ts';
import { start } from './start.ts';

/** Where an in-process run reads and writes: streams (collected when not given), its environment and working directory. */
export interface RunIo {
  /** Written to as the command runs (a Writable, process.stdout); the text is returned either way. */
  stdout?: CliOutput;
  stderr?: CliOutput;
  stdin?: NodeJS.ReadableStream;
  /** The environment config is read from (SWITCHBOARD_DB, SWITCHBOARD_USER, OPENAI_API_KEY...); the process's by default. */
  env?: NodeJS.ProcessEnv;
  /** The working directory relative paths resolve against; the process's by default. Runs that set it must not overlap. */
  cwd?: string;
}

/** What a run printed and how it ended. */
export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Collects what is written, passing it on to `to` when given; a terminal's isTTY is kept, so progress bars behave as there. */
function collector(to: CliOutput | undefined): CliOutput & { text(): string } {
  const chunks: string[] = [];
  return {
    isTTY: to?.isTTY,
    write(chunk: string) {
      chunks.push(String(chunk));
      return to ? to.write(chunk) : true;
    },
    text: () => chunks.join(''),
  };
}

/**
 * Runs `switchboard ...argv` (the words after the command name) in this process, as the bin would
 * run it: its output goes to io's streams (and is returned), its config comes from io.env, and
 * its exit status is returned instead of set on the process. Commands that start processes of
 * their own (bill --jobs, the ingest re-run with a capped heap) need the bin (cli-processes.ts).
 */
export async function run(argv: readonly string[], io: RunIo = {}): Promise<RunResult> {
  const stdout = collector(io.stdout);
  const stderr = collector(io.stderr);
  const state: CliIoState = { stdout, stderr, ...(io.stdin ? { stdin: io.stdin } : {}) };
  const before = process.cwd();
  if (io.cwd) process.chdir(io.cwd);
  try {
    await withCliIo(state, () => withEnvironment(io.env ?? process.env, () => start(['node', 'switchboard', ...argv])));
  } finally {
    if (io.cwd) process.chdir(before);
  }
  return { exitCode: state.exitCode ?? 0, stdout: stdout.text(), stderr: stderr.text() };
}
