import type { Command } from 'commander';
import { loadTariffVersions } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { createTariffBook, parseGoDuration, rateUsage, type TypeOfRecord } from '../../tools/rating/index.ts';
import { parseInstant } from '../../tools/time/index.ts';
import { withStore, type GlobalOptions } from '../context.ts';
import { action, choiceOption, parseIntOption, printResult } from '../output.ts';

interface CostOptions extends GlobalOptions {
  tenant: string;
  category: string;
  subject: string;
  destination?: string;
  answerTime: string;
  usage: string;
  tor?: string;
  tariff?: string;
  segment?: string;
  generalRoundingDecimals?: string;
}

/** Usage text to base units: Go durations for voice (nanoseconds), whole numbers for SMS and data. */
export function parseUsageOption(usage: string, tor: TypeOfRecord): number {
  try {
    if (tor === 'voice') {
      if (/^\d+$/.test(usage.trim())) throw new RangeError('voice usage needs a unit, e.g. 90s or 2m10s');
      return parseGoDuration(usage);
    }
    if (!/^\d+$/.test(usage.trim())) throw new RangeError(`${tor} usage is a whole number (${tor === 'data' ? 'bytes' : 'messages'})`);
    return Number(usage);
  } catch (err) {
    throw new BillingError('INVALID_INPUT', `--usage "${usage}": ${(err as Error).message}`);
  }
}

function inferTor(opts: CostOptions): TypeOfRecord {
  if (opts.tor) {
    if (opts.tor !== 'voice' && opts.tor !== 'sms' && opts.tor !== 'data') throw new BillingError('INVALID_INPUT', `--tor must be voice, sms or data`);
    return opts.tor;
  }
  if (/[a-zµ]$/i.test(opts.usage.trim())) return 'voice';
  if (/data/i.test(opts.category)) return 'data';
  if (/sms|mms/i.test(opts.category)) return 'sms';
  return 'voice';
}

/** `switchboard cost`: prices one usage and prints the cost with its full breakdown. */
export function registerCost(program: Command): void {
  program
    .command('cost')
    .description('price one usage with the imported tariff (CGRateS GetCost)')
    .requiredOption('--tenant <tenant>', 'tenant')
    .requiredOption('--category <category>', 'category, e.g. call, sms, data')
    .requiredOption('--subject <subject>', 'subject (account)')
    .option('--destination <destination>', 'destination number or name (default *any)')
    .requiredOption('--answer-time <iso>', 'answer time, ISO 8601 (UTC unless an offset is given)')
    .requiredOption('--usage <usage>', 'voice: Go duration (90s, 2m10s); sms: messages; data: bytes')
    .addOption(choiceOption('--tor <tor>', 'voice, sms or data (default: voice when the usage has a time unit)', ['voice', 'sms', 'data']))
    .option('--segment <segment>', 'customer segment for *segment profiles')
    .option('--tariff <name>', 'tariff plan name (default: the most recently imported)')
    .option('--general-rounding-decimals <n>', 'decimals of per-span rounding (CGRateS general.rounding_decimals)', '5')
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<CostOptions>();
        const tor = inferTor(opts);
        const usage = parseUsageOption(opts.usage, tor);
        const answerTime = parseInstant(opts.answerTime);
        const generalRoundingDecimals = parseIntOption('general-rounding-decimals', opts.generalRoundingDecimals);
        const result = await withStore(opts, (store) => {
          const book = createTariffBook(loadTariffVersions(store, opts.tariff), { generalRoundingDecimals });
          const version = book.select(answerTime);
          const rated = rateUsage(version.compiled, {
            tenant: opts.tenant,
            category: opts.category,
            subject: opts.subject,
            segment: opts.segment ?? null,
            destination: opts.destination ?? '*any',
            answerTime,
            usage,
            tor,
          });
          return { ...rated, tariffVersion: { id: version.id, name: version.name, version: version.version } };
        });
        printResult(opts, result, (r) =>
          [
            `cost ${r.cost} ${r.currency}  (tariff ${r.tariffVersion.name} v${r.tariffVersion.version}, plan ${r.profile.ratingPlanId}, destination ${r.destinationId} via prefix ${r.matchedPrefix})`,
            `  connect fee ${r.connectFee}; before rounding ${r.costBeforeRounding}; rounded ${r.rounding.method} to ${r.rounding.decimals} decimals`,
            ...r.spans.map((s) => `  span +${s.offset} ${s.timingId} ${s.rateId}[${s.slot}] rate ${s.rate}/${s.rateUnit}: ${s.increments} x ${s.incrementCost} = ${s.cost}`),
            ...(r.maxCost?.applied ? [`  capped at max cost ${r.maxCost.amount}`] : []),
          ].join('\n'),
        );
      }),
    );
}
