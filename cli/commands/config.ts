import type { Command } from 'commander';
import { getOperatorSettings, parseSettingValue, setOperatorSetting } from '../../db/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, printResult } from '../output.ts';

const render = (s: Record<string, unknown>) => Object.entries(s).map(([k, v]) => `${k.padEnd(20)} ${Array.isArray(v) ? v.join(',') : String(v)}`).join('\n');

/** `switchboard config show|set`: the operator settings stored in the database. */
export function registerConfig(program: Command): void {
  const config = program.command('config').description('operator settings (home country, time zone, number ranges, extensions)');
  config
    .command('show')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        printResult(opts, await withStore(opts, getOperatorSettings), render);
      }),
    );
  config
    .command('set <key> <value>')
    .description('set one setting; lists are comma-separated (e.g. internalExtensions 1000-1999,2000)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (key: string, value: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions>();
        const updated = await withStore(opts, (store) => setOperatorSetting(store, key, parseSettingValue(key, value)));
        printResult(opts, updated, render);
      }),
    );
}
