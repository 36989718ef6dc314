import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { runOperation } from '../../app/index.ts';
import { CDR_FORMATS, checkCdrFormat, fileContent, ingestCdrs } from '../../app/ingest/index.ts';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../tools/cdr/index.ts';
import { loadConfig } from '../../config/index.ts';
import { watchLifeline } from '../child-lifeline.mjs';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { createProgress } from '../progress.ts';
import { action, choiceOption, printResult } from '../output.ts';
import { AS_OPTION } from './acting-user.ts';

const FORMATS = CDR_FORMATS;

/** The flags of `switchboard ingest`. */
interface IngestFlags {
  format: string;
  homeCountry?: string;
  timezone?: string;
  source?: string;
  columns?: string;
  rate?: boolean;
  tariff?: string;
  encoding?: TextEncodingName;
  as?: string;
}

const FLAG_NAMES = { format: '--format', source: '--source', homeCountry: '--home-country', timezone: '--timezone', columns: '--columns', encoding: '--encoding', tariff: '--tariff' };

/** `switchboard ingest <file>`. */
export function registerIngest(program: Command): void {
  program
    .command('ingest <file>')
    .description('ingest a CDR file: parse, classify, store (every line accepted, duplicate or quarantined)')
    .requiredOption('--format <format>', FORMATS.join(' | '))
    .option('--home-country <cc>', 'override the home country for this run (ISO 3166 alpha-2)')
    .option('--timezone <tz>', "override the switch's time zone for this run (IANA)")
    .option('--source <name>', 'name of the switch (idempotency keys are per source; default: the format)')
    .option('--columns <list>', 'FreeSWITCH custom template: comma-separated variable names')
    .addOption(choiceOption('--encoding <name>', `the file's text encoding: ${TEXT_ENCODINGS.join(', ')} (default utf-8, checked before anything is stored)`, TEXT_ENCODINGS))
    .option('--rate', 'rate accepted records as they are ingested')
    .option('--tariff <name>', 'tariff plan for --rate (default: the most recently imported)')
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (file: string, _o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & IngestFlags>();
        // Run by the launcher in a child of its own (bin/switchboard.js): end when the launcher ends.
        watchLifeline(loadConfig().lifelineFd);
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          /* reported by ingestFile */
        }
        const bar = createProgress('ingest', size, progressEnabled(opts));
        const result = await withStore(opts, (store) => {
          // The CLI opens its file (an unknown format is refused before the file is looked at) and hands the operation its bytes.
          checkCdrFormat(opts.format);
          const content = fileContent(file);
          const input = {
            format: opts.format,
            source: opts.source,
            homeCountry: opts.homeCountry,
            timezone: opts.timezone,
            columns: opts.columns,
            encoding: opts.encoding,
            rate: Boolean(opts.rate),
            tariff: opts.tariff,
            content,
            onProgress: (bytes: number, c: { accepted: number; quarantined: number }) => bar.update(bytes, `${c.accepted} accepted, ${c.quarantined} quarantined`),
          };
          return withFlagNames(FLAG_NAMES, () => runOperation(ingestCdrs, cliContext(store, opts.as), input));
        }).finally(() => bar.stop());
        printResult(opts, result, (r) =>
          [
            `Ingested ${r.file} (batch ${r.batchId}, ${r.format})`,
            ...(r.resumes
              ? [
                  `  resumes interrupted batch ${r.resumes.batchId} (started ${r.resumes.startedAt}): the ${r.resumes.events} events and ${r.resumes.quarantined} quarantined lines it committed count as duplicates here`,
                ]
              : []),
            `  read ${r.read} = accepted ${r.accepted} + duplicates ${r.duplicates} + quarantined ${r.quarantined}   (skipped ${r.skipped} blank/header lines)`,
            ...(Object.keys(r.quarantineReasons).length
              ? [
                  `  quarantine reasons: ${Object.entries(r.quarantineReasons)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}`,
                ]
              : []),
            `  statuses: ${
              Object.entries(r.statuses)
                .map(([k, v]) => `${k} ${v}`)
                .join(', ') || 'none'
            }`,
            ...(r.alerts.length > 0 ? [`  fraud alerts: ${r.alerts.length} new (switchboard alerts list --status open)`] : []),
          ].join('\n'),
        );
      }),
    );
}
