import { BillingError, exitCodeFor, toBillingError } from '../tools/errors.ts';

/** Options every command shares. */
export interface OutputOptions {
  json?: boolean;
}

/** Prints a command's result: JSON for machines, the human rendering otherwise. */
export function printResult<T>(opts: OutputOptions, data: T, human: (data: T) => string): void {
  if (opts.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else process.stdout.write(`${human(data)}\n`);
}

/** Reports an error the one way every command does, and sets the exit code (2 user error, 1 internal). */
export function reportError(err: unknown, json: boolean): void {
  const e = toBillingError(err);
  if (json) process.stdout.write(`${JSON.stringify(e.toJSON())}\n`);
  else process.stderr.write(`error [${e.code}]: ${e.message}\n`);
  if (e.code === 'INTERNAL' && !json && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  process.exitCode = exitCodeFor(e);
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
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
