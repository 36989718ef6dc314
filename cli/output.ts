import { Option } from 'commander';
import { loadConfig } from '../config/index.ts';
import { BillingError, exitCodeFor, toBillingError } from '../tools/errors.ts';
import { cliStderr, cliStdout, setExitCode } from './io.ts';

/** Options every command shares. */
export interface OutputOptions {
  json?: boolean;
}

/** Prints a command's result: JSON for machines, the human rendering otherwise. */
export function printResult<T>(opts: OutputOptions, data: T, human: (data: T) => string): void {
  if (opts.json) cliStdout().write(`${JSON.stringify(data, null, 2)}\n`);
  else cliStdout().write(`${human(data)}\n`);
}

/** The stack of an error and of every error it wraps, for SWITCHBOARD_DEBUG. */
function stackWithCauses(err: unknown): string {
  const parts: string[] = [];
  for (let e = err, depth = 0; e !== undefined && depth < 5; e = e instanceof Error ? e.cause : undefined, depth++) {
    parts.push(e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e));
  }
  return parts.join('\ncaused by: ');
}

function debugEnabled(): boolean {
  try {
    return loadConfig().debug;
  } catch {
    return false; // an invalid environment is being reported; it must not hide the error
  }
}

/**
 * Reports an error the one way every command does, and sets the exit code (2 user error, 1
 * internal): one line on stderr, or `{"error": {...}}` on stdout under --json. Never a stack trace,
 * unless SWITCHBOARD_DEBUG asks for one for an internal error.
 */
export function reportError(err: unknown, json: boolean, debug = debugEnabled()): void {
  const e = toBillingError(err);
  const internal = e.code === 'INTERNAL';
  const hint = internal ? ' (an internal error: please report it; SWITCHBOARD_DEBUG=1 shows the stack trace)' : '';
  if (json) cliStdout().write(`${JSON.stringify(e.toJSON())}\n`);
  else cliStderr().write(`error [${e.code}]: ${e.message.replace(/\s*\n\s*/g, ' ')}${hint}\n`);
  if (internal && debug) cliStderr().write(`${stackWithCauses(err)}\n`);
  setExitCode(exitCodeFor(e));
}

/** Wraps a command action so every failure is reported with its code and exit status. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as { optsWithGlobals?: () => OutputOptions } | undefined;
    const json = Boolean(cmd?.optsWithGlobals?.().json);
    try {
      await fn(...args);
    } catch (err) {
      reportError(err, json);
    }
  };
}

/**
 * An option whose value must be one of `choices`: anything else is refused as a usage error that
 * lists them (a filter on a status that does not exist would otherwise silently match nothing).
 */
export function choiceOption(flags: string, description: string, choices: readonly string[], defaultValue?: string): Option {
  const option = new Option(flags, description).choices(choices);
  return defaultValue === undefined ? option : option.default(defaultValue);
}

/** Parses a whole-number option, refusing anything else with a user error. */
export function parseIntOption(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new BillingError('INVALID_INPUT', `--${name} must be a whole number >= ${min}, got "${value}"`);
  return Number(value);
}

/** A simple aligned table for human output. */
export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  if (rows.length === 0) return '(none)';
  const cells = rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
