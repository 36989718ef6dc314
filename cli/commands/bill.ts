import { Option, type Command } from 'commander';
import type { ChildProcess } from 'node:child_process';
import { loadConfig } from '../../config/index.ts';
import { checkAllowed, runOperation } from '../../app/index.ts';
import { billPeriod, billRunReport, billRunRequestSchema, ingestWarnings, runBill, type BillRunResult } from '../../app/billing/index.ts';
import { getOperatorSettings, tenantAccountIds } from '../../db/index.ts';
import { BillingError } from '../../tools/errors.ts';
import { billingMonthSchema, parseOrThrow } from '../../tools/schemas/index.ts';
import { progressEnabled, withStore, type GlobalOptions } from '../context.ts';
import { cliContext } from '../operation-context.ts';
import { withFlagNames } from '../operation-flags.ts';
import { AS_OPTION } from './acting-user.ts';
import { cliStderr, cliStdout, setExitCode } from '../io.ts';
import { exitLike, forwardSignals, spawnWithLifeline, watchLifeline } from '../child-lifeline.mjs';
import { createProgress } from '../progress.ts';
import { action, parseIntOption, printResult } from '../output.ts';

/** Refuses anything but a billing month YYYY-MM. */
export function checkPeriod(period: string | undefined): string {
  return parseOrThrow(billingMonthSchema, period ?? '', '--period');
}

/**
 * Bills a period in `jobs` processes side by side, each taking every jobs-th account on its own
 * connection to the same file, and merges what they did. The database keeps numbering gapless.
 * The shards end with this process: signals are passed on, and each holds a lifeline to it.
 */
async function billInProcesses(dbPath: string, period: string, jobs: number, issueDate: string | undefined, accounts: string[] | undefined): Promise<BillRunResult & { peakRssMb: number[] }> {
  const children: ChildProcess[] = [];
  const signals = forwardSignals(children);
  const runs = Array.from(
    { length: jobs },
    (_, i) =>
      new Promise<BillRunResult>((resolvePromise, reject) => {
        const args = [
          ...process.execArgv,
          process.argv[1]!,
          'bill',
          '--db',
          dbPath,
          '--period',
          period,
          '--shard',
          `${i}/${jobs}`,
          ...(issueDate ? ['--issue-date', issueDate] : []),
          ...(accounts?.length ? ['--account', ...accounts] : []),
        ];
        const child = spawnWithLifeline(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
        children.push(child);
        let out = '';
        child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => {
          try {
            resolvePromise(JSON.parse(out) as BillRunResult);
          } catch {
            reject(new BillingError('INTERNAL', `bill shard ${i}/${jobs} exited with code ${code} without a result`));
          }
        });
      }),
  );
  const settled = await Promise.allSettled(runs);
  signals.dispose();
  // Stopped by a signal: end as the shards did, by it, rather than report a half-done run.
  const signal = signals.received();
  if (signal) exitLike(null, signal);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  const parts = settled.map((s) => (s as PromiseFulfilledResult<BillRunResult>).value);
  return {
    peakRssMb: parts.map((p) => (p as BillRunResult & { peakRssMb?: number }).peakRssMb ?? 0),
    period,
    created: parts.flatMap((p) => p.created),
    alreadyPresent: parts.flatMap((p) => p.alreadyPresent),
    nothingToBill: parts.flatMap((p) => p.nothingToBill ?? []),
    held: parts.flatMap((p) => p.held),
    failed: parts.flatMap((p) => p.failed),
  };
}

const BILL_FLAGS = { period: '--period', issueDate: '--issue-date', accountIds: '--account', allowRunningIngest: '--allow-running-ingest' };

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m || Number(m[1]) >= Number(m[2])) throw new BillingError('INVALID_INPUT', `--shard must be i/n with i < n, got "${text}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** `switchboard bill`. */
export function registerBill(program: Command): void {
  program
    .command('bill')
    .description('bill a period: one invoice per account (issued, or held for a person when flagged); running it again creates nothing')
    .requiredOption('--period <YYYY-MM>', 'the billing month')
    .option('--account <id...>', 'only these accounts')
    .option('--issue-date <date>', 'issue date of the invoices (default: the day after the period)')
    .option('--jobs <n>', 'bill in this many processes side by side (one per core)', '1')
    .option('--allow-running-ingest', 'bill even while an ingest is still writing usage (with a warning)')
    .addOption(new Option('--shard <i/n>', 'bill only every n-th account from the i-th (used by --jobs)').hideHelp())
    .option(...AS_OPTION)
    .option('--json', 'machine-readable output')
    .action(
      action(async (_o: unknown, cmd: Command) => {
        const opts = cmd.optsWithGlobals<GlobalOptions & { period?: string; account?: string[]; issueDate?: string; jobs?: string; shard?: string; allowRunningIngest?: boolean; as?: string }>();
        const request = { period: opts.period ?? '', issueDate: opts.issueDate, accountIds: opts.account, allowRunningIngest: Boolean(opts.allowRunningIngest) };
        if (opts.shard) {
          // A shard process of --jobs: its parent checked the run; it bills its share and reports.
          watchLifeline(loadConfig().lifelineFd);
          const shard = parseShard(opts.shard);
          const part = await withStore(opts, (store) =>
            billPeriod(store, { period: checkPeriod(opts.period), timezone: getOperatorSettings(store).timezone, accountIds: opts.account, issueDate: opts.issueDate, shard }),
          );
          cliStdout().write(`${JSON.stringify({ ...part, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
          return;
        }
        const jobs = parseIntOption('jobs', opts.jobs, 1)!;
        let out: ReturnType<typeof billRunReport> & { processPeakRssMb?: number[] };
        if (jobs > 1) {
          // Billing in processes side by side is the CLI's own way to run the operation: its checks
          // (roles, the request, an ingest still writing) run once here, before any shard starts.
          const { checked, accounts, warnings } = await withStore(opts, (store) =>
            withFlagNames(BILL_FLAGS, () => {
              const ctx = cliContext(store, opts.as);
              checkAllowed(runBill, ctx);
              const checked = parseOrThrow(billRunRequestSchema, request);
              return { checked, accounts: tenantAccountIds(ctx.scope, checked.accountIds), warnings: ingestWarnings(store, checked.allowRunningIngest) };
            }),
          );
          if (!opts.json) for (const w of warnings) cliStderr().write(`warning: ${w}\n`);
          const result = await billInProcesses(opts.db ?? loadConfig().dbPath, checked.period, jobs, checked.issueDate, accounts);
          out = { ...billRunReport(result, warnings), processPeakRssMb: result.peakRssMb };
        } else {
          out = await withStore(opts, async (store) => {
            const bar = createProgress('bill', tenantAccountIds(cliContext(store, opts.as).scope, opts.account).length, progressEnabled(opts));
            try {
              const input = { ...request, onProgress: (n: number) => bar.update(n) };
              return await withFlagNames(BILL_FLAGS, () => runOperation(runBill, cliContext(store, opts.as), input));
            } finally {
              bar.stop();
            }
          });
          if (!opts.json) for (const w of out.warnings) cliStderr().write(`warning: ${w}\n`);
        }
        printResult(opts, out, (o) =>
          [
            `Billed ${o.period}: ${o.created} invoices created (${o.issued} issued, ${o.held} held for review), ${o.alreadyPresent} already present, ${o.nothingToBill} with nothing to bill, ${o.failed.length} failed`,
            ...o.failed.slice(0, 20).map((f) => `  ${f.accountId}: [${f.code}] ${f.message}`),
          ].join('\n'),
        );
        if (out.failed.length) setExitCode(out.failed.some((f) => f.code === 'INTERNAL') ? 1 : 2);
      }),
    );
}
