import { AsyncLocalStorage } from 'node:async_hooks';

// Where a command's output goes. The bin writes to the process's own streams; run() (cli/run.ts)
// runs the program in this process with its own streams, environment and exit code, kept in an
// AsyncLocalStorage so every writer (printResult, reportError, progress bars, chat) finds them
// without the commands passing them down. Only node:async_hooks here: --version loads this.

/** A stream a command writes text to (process.stdout, a Writable, or run()'s collector). */
export interface CliOutput {
  write(chunk: string): unknown;
  /** True only for a terminal: progress bars are drawn only there. */
  isTTY?: boolean;
}

/** The streams, environment and exit code of one in-process run. */
export interface CliIoState {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin?: NodeJS.ReadableStream;
  exitCode?: number;
}

const current = new AsyncLocalStorage<CliIoState>();

/** Runs `fn` with its output going to `state` (and its exit code kept there). */
export function withCliIo<T>(state: CliIoState, fn: () => T): T {
  return current.run(state, fn);
}

/** Standard output of the running command. */
export function cliStdout(): CliOutput {
  return current.getStore()?.stdout ?? process.stdout;
}

/** Standard error of the running command. */
export function cliStderr(): CliOutput {
  return current.getStore()?.stderr ?? process.stderr;
}

/** Standard input of the running command. */
export function cliStdin(): NodeJS.ReadableStream {
  return current.getStore()?.stdin ?? process.stdin;
}

/** Sets the exit status of the running command (the process's, unless run() runs it). */
export function setExitCode(code: number): void {
  const state = current.getStore();
  if (state) state.exitCode = code;
  else process.exitCode = code;
}
