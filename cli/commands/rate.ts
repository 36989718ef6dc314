import type { Command } from 'commander';
import { runOperation } from '../../app/index.ts';
import { runRating } from '../../app/rating/index.ts';
import { usageCounts } from '../../db/index.ts';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { createProgress } from '../progress.ts';
import { action, parseIntOption, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

/** `switchboard rate`. */
export function registerRate(program: Command): void {
  program
    .command('rate')
    .description('rate every accepted, unrated usage event')
    .option('--tariff <name>', 'tariff plan (default: the most recently imported)')
    .option('--general-rounding-decimals <n>', 'decimals of per-span rounding', '5')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { tariff?: string; generalRoundingDecimals?: string; as?: string }>();
        const generalRoundingDecimals = parseIntOption('general-rounding-decimals', opts.generalRoundingDecimals);
        const result = await withStore(opts, async (store) => {
          // The bar's length only: how many events wait to be rated.
          const pending = usageCounts(store).byStatus.find((s) => s.status === 'unrated')?.n ?? 0;
          const bar = createProgress('rate', pending, progressEnabled(opts));
          try {
            const input = { tariff: opts.tariff, generalRoundingDecimals, onProgress: (n: number) => bar.update(n) };
            return await withFlagNames({ tariff: '--tariff', generalRoundingDecimals: '--general-rounding-decimals' }, () => runOperation(runRating, cliContext(store, opts.as), input));
          } finally {
            bar.stop();
          }
        });
        printResult(opts, result, (r) =>
          [
            `Rated ${r.rated} of ${r.considered} events with tariff ${r.tariff}; ${r.ratingFailed} could not be rated${r.takenByAnotherRun ? `; ${r.takenByAnotherRun} were rated meanwhile by another run` : ''}`,
            ...Object.entries(r.failures).map(([code, n]) => `  ${code}: ${n}`),
          ].join('\n'),
        );
      }),
    );
}
