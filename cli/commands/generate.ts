import type { Command } from 'commander';
import { generatorOptionsSchema, writeCdrFile } from '../../evals/generator/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { zodToBillingError } from '../../tools/schemas/index.ts';
import type { GlobalOptions } from '../context.ts';
import { checkOutputFile, writeOutputFile } from '../output-file.ts';
import { action, parseIntOption, printResult } from '../output.ts';

interface GenerateOptions extends GlobalOptions {
  format: string;
  rows?: string;
  seed?: string;
  out: string;
  start?: string;
  days?: string;
  subscribers?: string;
  asteriskColumns?: string;
  freeswitchTemplate?: string;
  malformedRate?: string;
  duplicateRate?: string;
}

function rate(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value)) throw new BillingError('INVALID_INPUT', `--${name} must be a share between 0 and 1, got "${value}"`);
  return Number(value); // a sampling probability, not money
}

/** `switchboard generate`: a seeded, realistic CDR file in any supported format and size. */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('write a seeded, realistic CDR file (busy hours, unanswered calls, roaming, SMS, data, a few malformed lines)')
    .requiredOption('--format <format>', 'asterisk | freeswitch | csv | jsonl')
    .requiredOption('--out <file>', 'where to write')
    .option('--rows <n>', 'data lines', '10000')
    .option('--seed <seed>', 'seed (same seed, same bytes)', '1')
    .option('--start <date>', 'first day, YYYY-MM-DD')
    .option('--days <n>', 'days covered')
    .option('--subscribers <n>', 'subscriber population')
    .option('--asterisk-columns <n>', '16 | 18 | 21')
    .option('--freeswitch-template <t>', 'default | example')
    .option('--malformed-rate <share>', 'share of malformed lines (default 0.001)')
    .option('--duplicate-rate <share>', 'share of repeated lines (default 0.0005)')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GenerateOptions>();
        const out = checkOutputFile('--out', opts.out);
        const parsed = generatorOptionsSchema.safeParse({
          format: opts.format,
          rows: parseIntOption('rows', opts.rows),
          seed: opts.seed !== undefined && /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed,
          ...(opts.start ? { start: opts.start } : {}),
          ...(opts.days ? { days: parseIntOption('days', opts.days, 1) } : {}),
          ...(opts.subscribers ? { subscribers: parseIntOption('subscribers', opts.subscribers, 1) } : {}),
          ...(opts.asteriskColumns ? { asteriskColumns: parseIntOption('asterisk-columns', opts.asteriskColumns) } : {}),
          ...(opts.freeswitchTemplate ? { freeswitchTemplate: opts.freeswitchTemplate } : {}),
          ...(opts.malformedRate ? { malformedRate: rate('malformed-rate', opts.malformedRate) } : {}),
          ...(opts.duplicateRate ? { duplicateRate: rate('duplicate-rate', opts.duplicateRate) } : {}),
        });
        if (!parsed.success) throw zodToBillingError(parsed.error);
        const stats = await writeOutputFile('--out', out, (temp) => writeCdrFile(temp, parsed.data));
        printResult(opts, { file: out, ...stats }, (s) =>
          [
            `Wrote ${s.rows} ${s.format} rows to ${s.file} (${s.records} records, ${s.duplicates} duplicates, ${s.malformed.total} malformed)`,
            `  by category: ${Object.entries(s.byCategory)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')}`,
          ].join('\n'),
        );
      }),
    );
}
