import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { setSetting, showSettings } from '../../app/settings/index.ts';
import { cliContext } from '../operation-context.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

const render = (s: Record<string, unknown>) =>
  Object.entries(s)
    .map(([k, v]) => `${k.padEnd(20)} ${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join('\n');

/** `switchboard config show|set`: the operator settings stored in the database. */
export function registerConfig(program: Command): void {
  const config = program.command('config').description('operator settings (home country, time zone, number ranges, extensions) and the approval policy');
  config
    .command('show')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        printResult(opts, await withStore(opts, (store) => runOperation(showSettings, cliContext(store, opts.as), {})), render);
      }),
    );
  config
    .command('set <key> <value>')
    .description(
      'set one setting; lists are comma-separated (e.g. internalExtensions 1000-1999,2000; inboundContexts from-pstn,from-trunk); secondApproverAbove (a decimal amount above which a second approver is needed) needs --as an admin',
    )
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (key: string, value: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { as?: string }>();
        const updated = await withStore(opts, (store) => runOperation(setSetting, cliContext(store, opts.as), { key, value }));
        printResult(opts, updated, render);
      }),
    );
}
