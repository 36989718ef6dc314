import { describe, expect, it } from 'vitest';
import { BillingError } from '../tools/errors.ts';
import { reportError } from './output.ts';

function capture(fn: () => void): { stdout: string; stderr: string; code: number } {
  const out: string[] = [];
  const err: string[] = [];
  const [o, e, saved] = [process.stdout.write, process.stderr.write, process.exitCode];
  process.stdout.write = ((c: string) => out.push(c) > 0) as typeof process.stdout.write;
  process.stderr.write = ((c: string) => err.push(c) > 0) as typeof process.stderr.write;
  try {
    fn();
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
  const code = Number(process.exitCode);
  process.exitCode = saved;
  return { stdout: out.join(''), stderr: err.join(''), code };
}

describe('reportError', () => {
  it('prints a user error as one line (exit 2), never its stack or its cause', () => {
    const e = new BillingError('INVALID_INPUT', 'bad thing\non two lines', undefined, { cause: new Error('inner') });
    expect(capture(() => reportError(e, false, true))).toEqual({ stdout: '', stderr: 'error [INVALID_INPUT]: bad thing on two lines\n', code: 2 });
    expect(capture(() => reportError(e, true, true))).toEqual({ stdout: '{"error":{"code":"INVALID_INPUT","message":"bad thing\\non two lines"}}\n', stderr: '', code: 2 });
  });

  it('prints an internal error as one line with a hint (exit 1); the stack only when debugging, with its causes', () => {
    const inner = new Error('the real reason');
    const outer = new TypeError('x is undefined', { cause: inner });
    const quiet = capture(() => reportError(outer, false, false));
    expect(quiet).toEqual({ stdout: '', stderr: expect.stringMatching(/^error \[INTERNAL\]: x is undefined \(.*SWITCHBOARD_DEBUG=1.*\)\n$/), code: 1 });
    const loud = capture(() => reportError(outer, false, true));
    expect(loud.stderr).toContain('    at ');
    expect(loud.stderr).toMatch(/caused by: Error: the real reason/);
  });
});
